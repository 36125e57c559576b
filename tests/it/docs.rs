//! The documents speak to users and maintainers: README.md, docs/ and tests/ name no
//! development history (results are named by date or commit), point at no path outside
//! the repository, and every relative link in them leads to a file that exists.

use std::path::{Path, PathBuf};

/// Every file under `dir`, recursively.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() { out.extend(files(&path)) } else { out.push(path) }
    }
    out
}

fn documents() -> Vec<PathBuf> {
    let mut all = vec![PathBuf::from("README.md")];
    all.extend(files(Path::new("docs")));
    all.extend(files(Path::new("tests")));
    all
}

#[test]
fn no_document_or_test_speaks_of_development_history() {
    // Spelled in two halves, so that this file does not contain the word.
    let word = ["ses", "sion"].concat();
    // Question sets hold what readers write ("the Asian trading ..."), not what the
    // project says of itself; the failure would also show a held-out question.
    let question_set = |p: &Path| p.extension().is_some_and(|e| e == "jsonl");
    for path in documents().into_iter().filter(|p| !question_set(p)) {
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        for (n, line) in text.lines().enumerate() {
            assert!(
                !line.to_lowercase().contains(&word),
                "{}:{}: name results by date or commit instead: {line}",
                path.display(),
                n + 1
            );
        }
    }
}

#[test]
fn the_readme_and_docs_stay_inside_the_repository() {
    let mut pages = vec![PathBuf::from("README.md")];
    pages.extend(files(Path::new("docs")).into_iter().filter(|p| p.extension().is_some_and(|e| e == "md")));
    for page in pages {
        let text = std::fs::read_to_string(&page).unwrap();
        assert!(!text.contains("../shared"), "{} points outside the repository", page.display());
        // Markdown links: "](target)"; web links and anchors are not files.
        for target in text.split("](").skip(1).filter_map(|rest| rest.split(')').next()) {
            if target.starts_with("http") || target.starts_with('#') {
                continue;
            }
            let file = page.parent().unwrap().join(target.split('#').next().unwrap());
            assert!(file.exists(), "{}: link to {target}, which does not exist", page.display());
        }
    }
}
