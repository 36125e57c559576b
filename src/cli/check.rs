//! `storybot check`: validates the knowledge folder and says what is wrong, where.

use std::path::Path;
use std::process::ExitCode;

use crate::knowledge;

pub fn run(dir: &Path) -> ExitCode {
    match knowledge::load(dir) {
        Ok(story) => {
            let phrasings: usize = story
                .entries
                .iter()
                .map(|e| e.questions.en.len() + e.questions.ru.len())
                .sum();
            println!(
                "{}: ok: {} entries in {} topics ({} phrasings), {} gaps, {} small-talk intents; every quote is verbatim in the article",
                dir.display(),
                story.entries.len(),
                story.topics().len(),
                phrasings,
                story.gaps.len(),
                story.smalltalk.len()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            let problems = error.problems();
            for problem in &problems {
                eprintln!("{problem}");
            }
            let n = problems.len();
            eprintln!(
                "storybot: {n} problem{} in {}",
                if n == 1 { "" } else { "s" },
                dir.display()
            );
            ExitCode::from(1)
        }
    }
}
