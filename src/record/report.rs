//! Reading the record back: counts for a period, the declined and clarified questions
//! grouped by similarity (what to write next), votes per entry, and the entries nobody
//! asked. Shared by `storybot report` and the admins' `/stats`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::Connection;

use crate::matcher::normalize;

/// Questions whose word sets overlap at least this much (Jaccard) are one group.
pub const SIMILAR: f32 = 0.5;

/// At most this many declined or clarified questions are read for grouping: the
/// grouping compares each with every group so far.
const MAX_TEXTS: usize = 20_000;

/// Similar questions: how many were asked and the most common wording.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub count: usize,
    pub example: String,
    /// The gap whose note declined the example, if one did.
    pub gap: Option<String>,
}

/// 👍 and 👎 for one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Votes {
    pub entry: String,
    pub up: u64,
    pub down: u64,
}

/// Everything recorded since a time.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub questions: u64,
    /// Outcome → count, every outcome present (0 when none).
    pub by_outcome: BTreeMap<String, u64>,
    pub by_lang: BTreeMap<String, u64>,
    pub by_chat: BTreeMap<String, u64>,
    /// Most asked first.
    pub declined: Vec<Group>,
    pub clarified: Vec<Group>,
    pub votes: Vec<Votes>,
    /// Entry id → times answered.
    pub answered: HashMap<String, u64>,
}

/// The outcomes in the order people think of them.
pub const OUTCOMES: [&str; 4] = ["answered", "clarified", "declined", "smalltalk"];

/// Reads what was recorded at or after `since` (unix seconds).
pub fn summarize(conn: &Connection, since: i64) -> rusqlite::Result<Summary> {
    let mut summary = Summary::default();
    for outcome in OUTCOMES {
        summary.by_outcome.insert(outcome.to_string(), 0);
    }
    for (column, map) in
        [("outcome", &mut summary.by_outcome), ("lang", &mut summary.by_lang), ("chat", &mut summary.by_chat)]
    {
        let sql = format!("SELECT {column}, count(*) FROM questions WHERE at >= ?1 GROUP BY {column}");
        let mut stmt = conn.prepare(&sql)?;
        for row in stmt.query_map([since], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
            let (key, n) = row?;
            map.insert(key, n as u64);
        }
    }
    summary.questions = summary.by_outcome.values().sum();
    summary.declined = group_similar(texts(conn, since, "declined")?);
    summary.clarified = group_similar(texts(conn, since, "clarified")?);
    let mut stmt = conn.prepare(
        "SELECT entry, count(*) FROM questions WHERE at >= ?1 AND outcome = 'answered' AND entry IS NOT NULL GROUP BY entry",
    )?;
    for row in stmt.query_map([since], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
        let (entry, n) = row?;
        summary.answered.insert(entry, n as u64);
    }
    let mut stmt = conn.prepare(
        "SELECT entry, sum(vote > 0), sum(vote < 0) FROM votes WHERE at >= ?1 GROUP BY entry ORDER BY entry",
    )?;
    for row in stmt.query_map([since], |r| {
        Ok(Votes { entry: r.get(0)?, up: r.get::<_, i64>(1)? as u64, down: r.get::<_, i64>(2)? as u64 })
    })? {
        summary.votes.push(row?);
    }
    Ok(summary)
}

/// The words (and gap) of the questions with `outcome`, newest first.
fn texts(conn: &Connection, since: i64, outcome: &str) -> rusqlite::Result<Vec<(String, Option<String>)>> {
    let mut stmt = conn.prepare(
        "SELECT question, gap FROM questions
         WHERE at >= ?1 AND outcome = ?2 AND question IS NOT NULL
         ORDER BY at DESC, rowid DESC LIMIT ?3",
    )?;
    let rows = stmt.query_map(rusqlite::params![since, outcome, MAX_TEXTS as i64], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
    })?;
    rows.collect()
}

/// Groups questions greedily: identical wordings first (most frequent first), then
/// each joins the first group whose first wording shares at least [`SIMILAR`] of its
/// words (Jaccard), or starts a new one. Most asked groups first.
pub fn group_similar(questions: Vec<(String, Option<String>)>) -> Vec<Group> {
    // Identical after normalizing: one key, counted, with its first wording.
    let mut same: Vec<(BTreeSet<String>, usize, String, Option<String>)> = Vec::new();
    let mut index: HashMap<Vec<String>, usize> = HashMap::new();
    for (text, gap) in questions {
        let words = normalize::words(&text);
        match index.get(&words) {
            Some(&i) => same[i].1 += 1,
            None => {
                index.insert(words.clone(), same.len());
                same.push((words.into_iter().collect(), 1, text, gap));
            }
        }
    }
    // Stable: equally frequent wordings keep their (newest first) order.
    same.sort_by_key(|s| std::cmp::Reverse(s.1));
    let mut groups: Vec<(BTreeSet<String>, Group)> = Vec::new();
    for (words, count, example, gap) in same {
        match groups.iter_mut().find(|(first, _)| jaccard(first, &words) >= SIMILAR) {
            Some((_, group)) => group.count += count,
            None => groups.push((words, Group { count, example, gap })),
        }
    }
    let mut groups: Vec<Group> = groups.into_iter().map(|(_, g)| g).collect();
    groups.sort_by_key(|g| std::cmp::Reverse(g.count));
    groups
}

/// Shared words over all words; two questions without any words are alike.
fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f32 {
    let union = a.union(b).count();
    if union == 0 {
        return 1.0;
    }
    a.intersection(b).count() as f32 / union as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asked(texts: &[&str]) -> Vec<(String, Option<String>)> {
        texts.iter().map(|t| (t.to_string(), None)).collect()
    }

    #[test]
    fn similar_questions_are_one_group_with_the_most_common_wording() {
        let groups = group_similar(asked(&[
            "How much are draftees paid?",
            "how much are draftees paid",
            "How much are the draftees paid per month?",
            "What's the weather in Moscow?",
            "how much are draftees paid??",
        ]));
        assert_eq!(groups.len(), 2, "{groups:#?}");
        assert_eq!(groups[0].count, 4);
        assert_eq!(groups[0].example, "How much are draftees paid?");
        assert_eq!((groups[1].count, groups[1].example.as_str()), (1, "What's the weather in Moscow?"));
    }

    #[test]
    fn jaccard_is_shared_over_all_words() {
        let set = |s: &str| s.split(' ').map(str::to_string).collect::<BTreeSet<_>>();
        assert_eq!(jaccard(&set("a b c"), &set("a b d")), 0.5);
        assert_eq!(jaccard(&set("a"), &set("b")), 0.0);
        assert_eq!(jaccard(&BTreeSet::new(), &BTreeSet::new()), 1.0);
    }

    #[test]
    fn a_summary_counts_only_the_period() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE questions (at INTEGER, chat TEXT, lang TEXT, outcome TEXT, entry TEXT, gap TEXT, score REAL, question TEXT);
             CREATE TABLE votes (at INTEGER, entry TEXT, vote INTEGER);
             INSERT INTO questions VALUES (100, 'private', 'en', 'answered', 'a', NULL, 0.9, NULL);
             INSERT INTO questions VALUES (200, 'group', 'ru', 'declined', NULL, 'g', 0.1, 'сколько платят');
             INSERT INTO questions VALUES (10, 'private', 'en', 'declined', NULL, NULL, 0.1, 'too old');
             INSERT INTO votes VALUES (150, 'a', -1);
             INSERT INTO votes VALUES (150, 'a', 1);
             INSERT INTO votes VALUES (150, 'a', -1);",
        )
        .unwrap();
        let s = summarize(&conn, 50).unwrap();
        assert_eq!(s.questions, 2);
        assert_eq!(s.by_lang.get("ru"), Some(&1));
        assert_eq!(s.by_chat.get("group"), Some(&1));
        assert_eq!(s.declined, [Group { count: 1, example: "сколько платят".into(), gap: Some("g".into()) }]);
        assert_eq!(s.votes, [Votes { entry: "a".into(), up: 1, down: 2 }]);
        assert_eq!(s.answered.get("a"), Some(&1));
    }
}
