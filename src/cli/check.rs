//! `storybot check`: validates the knowledge folder (errors, exit 1) and audits how
//! well it works (warnings; `--strict` makes them fail). `--json` for CI. A valid
//! folder's engine goes into the start-up cache for the commands after it.

use std::path::Path;
use std::process::ExitCode;

use crate::audit::{self, Audit};
use crate::cache::{Cache, Snapshot};
use crate::engine::Engine;
use crate::knowledge;

pub fn run(dir: &Path, strict: bool, json: bool) -> anyhow::Result<ExitCode> {
    let before = Snapshot::of(dir);
    let story = match knowledge::load(dir) {
        Ok(story) => story,
        Err(error) => {
            let problems = error.problems();
            let note = knowledge::unparsed_note(error.unparsed());
            if json {
                let errors: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
                super::say(
                    serde_json::json!({ "ok": false, "errors": errors, "warnings": [], "note": note }),
                )?;
            } else {
                for problem in &problems {
                    super::tell(problem)?;
                }
                let n = problems.len();
                let plural = if n == 1 { "" } else { "s" };
                super::tell(format_args!("storybot: {n} problem{plural} in {}", dir.display()))?;
                if let Some(note) = note {
                    super::tell(format_args!("storybot: {note}"))?;
                }
            }
            return Ok(ExitCode::from(1));
        }
    };
    let broken = broken_links(dir, &story);
    if !broken.is_empty() {
        if json {
            super::say(serde_json::json!({ "ok": false, "errors": broken, "warnings": [] }))?;
        } else {
            for problem in &broken {
                super::tell(problem)?;
            }
            let n = broken.len();
            let plural = if n == 1 { "" } else { "s" };
            super::tell(format_args!(
                "storybot: {n} quote{plural} without a working link in {}",
                dir.display()
            ))?;
        }
        return Ok(ExitCode::from(1));
    }
    let summary = format!(
        "{} entries in {} topics, {} gaps, {} small-talk intents; every quote is verbatim in the article and its link finds it, every claim backed by a quote, every source as the article credits it",
        story.entries.len(),
        story.topics().len(),
        story.gaps.len(),
        story.smalltalk.len()
    );
    let engine = Engine::new(story);
    // The engine a one-shot command would build from these files (a full check proves
    // more than their structure, never less): the next `ask` starts from it.
    let cache = Cache::from_env();
    cache.keep(dir, &before, &engine);
    let audit = audit::audit(&engine, dir);
    let failed = strict && !audit.warnings.is_empty();
    if json {
        let value = serde_json::json!({ "ok": !failed, "errors": [], "summary": summary, "audit": &audit });
        super::say(value)?;
    } else {
        for warning in &audit.warnings {
            super::tell(warning)?;
        }
        super::say(format_args!("{}: ok: {summary}", dir.display()))?;
        super::say(audit_line(&audit))?;
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn audit_line(audit: &Audit) -> String {
    format!(
        "self-retrieval: {}/{} phrasings answer their own entry; article coverage: {}/{} sentences ({:.0}%); {} warning{}",
        audit.retrieved,
        audit.phrasings,
        audit.covered,
        audit.sentences,
        audit.coverage_percent(),
        audit.warnings.len(),
        if audit.warnings.len() == 1 { "" } else { "s" }
    )
}

/// Every quote whose "Read in the article" link would not open the article at it, as
/// `entries.toml:line:column: message` (the line of the quote).
fn broken_links(dir: &Path, story: &knowledge::Story) -> Vec<String> {
    let path = dir.join("entries.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    crate::link::broken_links(story)
        .into_iter()
        .map(|broken| {
            let at = text.find(&broken.quote).unwrap_or(0);
            let line = text[..at].matches('\n').count() + 1;
            let column = text[..at].rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!("{}:{line}:{column}: entry {:?}: {}", path.display(), broken.entry, broken.problem)
        })
        .collect()
}
