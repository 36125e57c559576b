//! `storybot report`: what people asked the bot lately, from the records database —
//! counts by outcome, language and chat; the declined and clarified questions grouped
//! by similarity (the entries to write next); the entries with the most 👎 and 👍; and
//! the entries nobody asked.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use crate::cache::Cache;
use crate::knowledge::{self, Checks, Story};
use crate::lang::Lang;
use crate::record::report::{Group, OUTCOMES, Summary, summarize};
use crate::record::{days_ago, open_read};

pub fn run(data: &Path, knowledge_dir: &Path, days: u32, top: usize) -> anyhow::Result<ExitCode> {
    let conn = open_read(data)?;
    let summary = summarize(&conn, days_ago(days))?;
    // The counts are worth showing even when the knowledge folder is broken. The
    // report only names entries, so their structure is all it needs: the start-up
    // cache's story when it holds one for these very files, else the files read.
    let cached = Cache::from_env().fetch(knowledge_dir).map(|engine| engine.story);
    let story = cached.or_else(|_| knowledge::load_with(knowledge_dir, Checks::Structure)).map_err(|e| {
        format!(
            "{} could not be loaded ({} problems; `storybot check` lists them)",
            knowledge_dir.display(),
            e.problems().len()
        )
    });
    super::say(render(&summary, story.as_ref(), data, days, top).trim_end())?;
    Ok(ExitCode::SUCCESS)
}

fn render(summary: &Summary, story: Result<&Story, &String>, data: &Path, days: u32, top: usize) -> String {
    let mut out = String::new();
    let total = summary.questions;
    let _ =
        writeln!(out, "What people asked in the last {days} days: {total} questions ({})", data.display());
    let _ = writeln!(out, "\nBy outcome");
    for outcome in OUTCOMES {
        let n = summary.by_outcome.get(outcome).copied().unwrap_or(0);
        let percent = if total == 0 { 0.0 } else { n as f64 * 100.0 / total as f64 };
        let name = if outcome == "smalltalk" { "small talk" } else { outcome };
        let _ = writeln!(out, "  {name:<11} {n:>6}  {percent:>3.0}%");
    }
    let list = |map: &std::collections::BTreeMap<String, u64>| {
        let mut pairs: Vec<_> = map.iter().collect();
        pairs.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let shown: Vec<String> = pairs.iter().map(|(k, n)| format!("{k} {n}")).collect();
        if shown.is_empty() { "-".to_string() } else { shown.join(", ") }
    };
    let _ = writeln!(out, "By language: {}", list(&summary.by_lang));
    let _ = writeln!(out, "By chat: {}", list(&summary.by_chat));

    groups(&mut out, "Declined most often: these are the entries to write next", &summary.declined, top);
    groups(&mut out, "Clarified most often: phrasings to add to the entry meant", &summary.clarified, top);

    let label = |id: &str| match story {
        Ok(story) => story.entries.iter().find(|e| e.id == id).map_or_else(
            || format!("{id} (no longer in the knowledge)"),
            |e| format!("{id}: {}", crate::reply::entry_label(e, Lang::En)),
        ),
        Err(_) => id.to_string(),
    };
    for (title, down) in [("Most 👎", true), ("Most 👍", false)] {
        let mut votes: Vec<_> =
            summary.votes.iter().filter(|v| if down { v.down > 0 } else { v.up > 0 }).collect();
        votes.sort_by_key(|v| std::cmp::Reverse(if down { (v.down, v.up) } else { (v.up, v.down) }));
        let _ = writeln!(out, "\n{title}");
        if votes.is_empty() {
            let _ = writeln!(out, "  none");
        }
        for v in votes.iter().take(top) {
            let _ = writeln!(out, "  {:>4} 👎 {:>4} 👍  {}", v.down, v.up, label(&v.entry));
        }
    }

    match story {
        Ok(story) => {
            let never: Vec<_> =
                story.entries.iter().filter(|e| !summary.answered.contains_key(&e.id)).collect();
            let _ = writeln!(out, "\nNever asked ({} of {} entries)", never.len(), story.entries.len());
            for e in never {
                let _ = writeln!(out, "  {}: {}", e.id, crate::reply::entry_label(e, Lang::En));
            }
        }
        Err(why) => {
            let _ = writeln!(out, "\nNever asked: unknown, the knowledge folder {why}");
        }
    }
    out
}

fn groups(out: &mut String, title: &str, groups: &[Group], top: usize) {
    let asked: usize = groups.iter().map(|g| g.count).sum();
    let _ = writeln!(out, "\n{title} ({asked} questions in {} groups)", groups.len());
    if groups.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for g in groups.iter().take(top) {
        let gap = g.gap.as_deref().map(|id| format!("   [gap: {id}]")).unwrap_or_default();
        let _ = writeln!(out, "  {:>4}×  {}{gap}", g.count, g.example.replace('\n', " "));
    }
    if groups.len() > top {
        let _ = writeln!(out, "  ... and {} more groups (--top N shows more)", groups.len() - top);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::report::Votes;

    #[test]
    fn an_empty_record_reads_as_zeros_and_every_entry_never_asked() {
        let story = knowledge::load(Path::new("tests/fixtures/mini")).unwrap();
        let mut summary = Summary::default();
        summary.answered.insert("book-count".into(), 3);
        summary.votes.push(Votes { entry: "book-count".into(), up: 0, down: 2 });
        let text = render(&summary, Ok(&story), Path::new("x.sqlite3"), 30, 10);
        assert!(text.starts_with("What people asked in the last 30 days: 0 questions (x.sqlite3)"), "{text}");
        assert!(text.contains("  declined         0    0%"), "{text}");
        assert!(text.contains("Never asked (1 of 2 entries)\n  library-opened: "), "{text}");
        assert!(text.contains("     2 👎    0 👍  book-count: "), "{text}");
        let broken = render(&summary, Err(&"x could not be loaded".to_string()), Path::new("x"), 7, 10);
        assert!(broken.contains("Never asked: unknown"), "{broken}");
    }
}
