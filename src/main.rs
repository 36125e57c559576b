//! The `storybot` binary: loads `.env`, sets up logging, parses the command line and
//! hands over to the library. Errors print as "storybot: ..." with their causes.

#![deny(clippy::print_stdout, clippy::print_stderr)]

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

/// Building the index allocates many small strings: mimalloc makes a one-shot
/// `storybot ask` a fifth faster than the system allocator. The binary's choice only;
/// the library leaves it to whoever links it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // The environment wins over .env: dotenvy never overrides a set variable.
    let _ = dotenvy::dotenv();
    storybot::logging::init();
    let cli = storybot::cli::Cli::parse();
    match storybot::cli::run(cli) {
        Ok(code) => code,
        // The reader went away (`storybot eval ... | head`): nothing left to say.
        Err(error) if storybot::cli::is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            // Written, not `eprintln!`ed: stderr may be a closed pipe too.
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "storybot: {error}");
            for cause in error.chain().skip(1) {
                let _ = writeln!(err, "  caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}
