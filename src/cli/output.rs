//! Every line the command line prints goes through here, never through `println!` or
//! `eprintln!`: those panic when the reader has gone away (`storybot eval ... | head`,
//! `storybot check 2>&1 | head -1`). Here a closed pipe is an `io::Error` of kind
//! `BrokenPipe`, which `main` ends on quietly, as ripgrep does.

use std::fmt::Display;
use std::io::{self, Write};

/// One line (or block) to standard output, flushed.
pub(crate) fn say(text: impl Display) -> io::Result<()> {
    let mut out = io::stdout().lock();
    writeln!(out, "{text}")?;
    out.flush()
}

/// One line (or block) to standard error: problems, warnings and notes.
pub(crate) fn tell(text: impl Display) -> io::Result<()> {
    writeln!(io::stderr().lock(), "{text}")
}

/// Whether an error (or any of its causes) is a closed pipe: the reader went away,
/// so there is nothing left to say and nothing went wrong.
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .any(|cause| cause.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_pipe_is_told_apart_from_other_errors() {
        let closed = anyhow::Error::new(io::Error::from(io::ErrorKind::BrokenPipe)).context("printing");
        assert!(is_broken_pipe(&closed));
        let other = anyhow::Error::new(io::Error::from(io::ErrorKind::NotFound)).context("reading");
        assert!(!is_broken_pipe(&other));
    }
}
