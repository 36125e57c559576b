//! Scores a question set (JSON Lines, as in `tests/eval/` and `tests/holdout/`) against
//! the engine, so maintainers see the rates by tag and *why* a question went wrong.
//! A case with a `context` is a follow-up: its context and then its question go
//! through one conversation, as `chat --json` sends them.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;

use crate::engine::Engine;
use crate::matcher::DocRef;
use crate::reply;

#[derive(Debug, Clone, Deserialize)]
pub struct Case {
    #[serde(default)]
    pub id: String,
    pub q: String,
    pub kind: String,
    #[serde(default)]
    pub expect: Vec<Vec<String>>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Strings the reply must not contain: a decline that talks about what the
    /// question never asked fails as surely as a wrong answer.
    #[serde(default)]
    pub unexpected: Vec<String>,
    /// The messages sent before it in the same conversation, oldest first: the case
    /// is a follow-up, read in their context.
    #[serde(default)]
    pub context: Vec<String>,
}

#[derive(Debug)]
pub struct Failure {
    pub case: Case,
    pub matched: bool,
    pub reply: String,
    /// The best candidates as "kind:id=score".
    pub candidates: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Report {
    /// kind ("in" / "out") → (passed, total)
    pub by_kind: BTreeMap<String, (usize, usize)>,
    pub by_tag: BTreeMap<String, (usize, usize)>,
    pub failures: Vec<Failure>,
}

impl Report {
    pub fn rate(&self, kind: &str) -> f64 {
        match self.by_kind.get(kind) {
            Some(&(ok, n)) if n > 0 => 100.0 * ok as f64 / n as f64,
            _ => 100.0,
        }
    }

    pub fn summary(&self) -> String {
        let count = |k: &str| self.by_kind.get(k).copied().unwrap_or((0, 0));
        let ((i_ok, i_n), (o_ok, o_n)) = (count("in"), count("out"));
        format!(
            "summary: in-scope {i_ok}/{i_n} = {:.1}%, out-of-scope {o_ok}/{o_n} = {:.1}%",
            self.rate("in"),
            self.rate("out")
        )
    }

    pub fn render(&self, show_failures: usize) -> String {
        let mut out = String::from("by tag:\n");
        for (tag, (ok, n)) in &self.by_tag {
            let _ = writeln!(out, "  {tag:24} {ok:4}/{n:<4} {:5.1}%", 100.0 * *ok as f64 / *n as f64);
        }
        for f in self.failures.iter().take(show_failures) {
            let _ = writeln!(out, "FAIL {} [{}] {:?}", f.case.id, f.case.kind, f.case.q);
            if !f.case.context.is_empty() {
                let _ = writeln!(out, "     after {:?}", f.case.context);
            }
            let first_line = f.reply.lines().next().unwrap_or("");
            let _ = writeln!(out, "     matched={} reply={first_line:?}", f.matched);
            let _ = writeln!(out, "     candidates: {}", f.candidates.join("  "));
        }
        if self.failures.len() > show_failures {
            let _ = writeln!(out, "... and {} more failures", self.failures.len() - show_failures);
        }
        out.push_str(&self.summary());
        out
    }
}

pub fn read_cases(path: &Path) -> anyhow::Result<Vec<Case>> {
    let text =
        std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            serde_json::from_str(l).map_err(|e| anyhow::anyhow!("{}:{}: {e}", path.display(), n + 1))
        })
        .collect()
}

/// Every `*.jsonl` question set in `dir`, by file stem, in name order.
pub fn question_sets(dir: &Path) -> anyhow::Result<Vec<(String, Vec<Case>)>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| anyhow::anyhow!("cannot list {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|file| {
            let stem = file.file_stem().unwrap_or_default().to_string_lossy().into_owned();
            Ok((stem, read_cases(&file)?))
        })
        .collect()
}

/// Whether a reply passes its case, by the rules of `eval.py`: an out-of-scope case
/// must be declined, and nothing of its reply (the questions it offers included) may
/// contain a string of `unexpected`; an in-scope one must be answered with one string
/// of each `expect` group and none of `unexpected`, its suggested questions taken out
/// of the reply first (a suggestion is no answer).
fn passes(case: &Case, matched: bool, reply: &str, suggestions: &[String]) -> bool {
    let mut reply = reply.to_string();
    if case.kind != "out" {
        for suggestion in suggestions.iter().filter(|s| !s.is_empty()) {
            reply = reply.replace(suggestion.as_str(), "");
        }
    }
    let reply = reply.to_lowercase();
    let says = |s: &String| reply.contains(&s.to_lowercase());
    if case.unexpected.iter().any(says) {
        return false;
    }
    if case.kind == "out" {
        return !matched;
    }
    matched && case.expect.iter().all(|group| group.iter().any(says))
}

/// The engine's response to a case: alone, or after its context in one conversation.
fn respond(engine: &Engine, case: &Case) -> crate::engine::Response {
    let mut context = None;
    for message in &case.context {
        context = engine.respond_in(message, None, context.as_ref()).context;
    }
    engine.respond_in(&case.q, None, context.as_ref())
}

pub fn evaluate(engine: &Engine, cases: &[Case]) -> Report {
    let mut report = Report::default();
    for case in cases {
        let response = respond(engine, case);
        let matched = response.decision.as_ref().is_some_and(|d| d.matched());
        let reply = reply::plain(&response.reply);
        let suggestions: Vec<String> = response.reply.buttons.iter().map(|b| b.label.clone()).collect();
        let ok = passes(case, matched, &reply, &suggestions);
        let bump = |map: &mut BTreeMap<String, (usize, usize)>, key: &str| {
            let slot = map.entry(key.to_string()).or_default();
            slot.0 += usize::from(ok);
            slot.1 += 1;
        };
        bump(&mut report.by_kind, &case.kind);
        for tag in &case.tags {
            bump(&mut report.by_tag, tag);
        }
        if !ok {
            let candidates = response.decision.map_or_else(Vec::new, |d| {
                d.ranked.iter().take(4).map(|(doc, s)| format!("{}={s:.3}", doc_name(engine, *doc))).collect()
            });
            report.failures.push(Failure { case: case.clone(), matched, reply, candidates });
        }
    }
    report
}

fn doc_name(engine: &Engine, doc: DocRef) -> String {
    let story = &engine.story;
    match doc {
        DocRef::Entry(i) => story.entries[i].id.clone(),
        DocRef::Gap(i) => format!("gap:{}", story.gaps[i].id),
        DocRef::SmallTalk(i) => format!("smalltalk:{}", story.smalltalk[i].id),
    }
}

/// For the sweep: the case's half, the case, the best entry's score and whether
/// answering with it passes, and whether it was declined before any threshold applies.
type SweepCase<'a> = (u32, &'a Case, Option<(f32, bool)>, bool);

/// Pass rates at a range of answer thresholds, on two halves of the cases (split by
/// id) so a threshold chosen on one half can be checked on the other.
pub fn sweep(engine: &Engine, cases: &[Case]) -> String {
    let mut out = String::from("threshold  half A in/out      half B in/out\n");
    let half = |c: &Case| c.id.bytes().fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b))) % 2;
    let outcomes: Vec<SweepCase> = cases
        .iter()
        .map(|case| {
            let question = crate::engine::strip_command(&case.q);
            let decision = engine.matcher.decide(&engine.story, question, None);
            let candidates = engine.matcher.candidates(question);
            // The best entry's score and whether answering with it would pass.
            let top = candidates.entries.first().map(|c| {
                let reply = reply::plain(&reply::answer(&engine.story, c.entry, decision.lang, &[]));
                (c.confidence, case.kind == "in" && passes(case, true, &reply, &[]))
            });
            let declined_before_threshold = !matches!(
                decision.outcome,
                crate::matcher::Outcome::Answer { .. }
                    | crate::matcher::Outcome::Clarify { .. }
                    | crate::matcher::Outcome::NoMatch
            );
            (half(case), case, top, declined_before_threshold)
        })
        .collect();
    for step in 6..=14 {
        let t = step as f32 * 0.05;
        let _ = write!(out, "{t:9.2}");
        for h in 0..2 {
            let (mut i_ok, mut i_n, mut o_ok, mut o_n) = (0, 0, 0, 0);
            for (_, case, top, other) in outcomes.iter().filter(|o| o.0 == h) {
                let answered = !other && top.is_some_and(|(s, _)| s >= t);
                if case.kind == "in" {
                    i_n += 1;
                    i_ok += usize::from(answered && top.is_some_and(|(_, ok)| ok));
                } else {
                    o_n += 1;
                    o_ok += usize::from(!answered);
                }
            }
            let _ = write!(
                out,
                "   {:5.1}% / {:5.1}%",
                100.0 * i_ok as f64 / i_n.max(1) as f64,
                100.0 * o_ok as f64 / o_n.max(1) as f64
            );
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(kind: &str, expect: &[&str], unexpected: &[&str]) -> Case {
        Case {
            id: String::new(),
            q: String::new(),
            kind: kind.to_string(),
            expect: vec![expect.iter().map(|s| s.to_string()).collect()],
            tags: Vec::new(),
            unexpected: unexpected.iter().map(|s| s.to_string()).collect(),
            context: Vec::new(),
        }
    }

    #[test]
    fn a_suggested_question_is_no_answer() {
        let suggestions = ["How many could be called up?".to_string()];
        let reply = "It cites AP.\n• How many could be called up?";
        assert!(!passes(&case("in", &["called up"], &[]), true, reply, &suggestions));
        assert!(passes(&case("in", &["AP"], &[]), true, reply, &suggestions));
    }

    #[test]
    fn a_reply_that_says_what_was_not_asked_fails() {
        let reply = "The article doesn't say.\n• Can Russia train and equip all these soldiers?";
        let offered = ["Can Russia train and equip all these soldiers?".to_string()];
        assert!(!passes(&case("out", &[], &["equip"]), false, reply, &offered), "a decline offers it too");
        assert!(passes(&case("out", &[], &["Buryatia"]), false, reply, &offered));
        assert!(!passes(&case("in", &["AP"], &["yes"]), true, "Yes, AP says so.", &[]));
    }
}
