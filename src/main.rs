//! The `storybot` binary: loads `.env`, sets up logging, parses the command line and
//! hands over to the library. Errors print as "storybot: ..." with their causes.

use std::process::ExitCode;

use clap::Parser;
use tracing_subscriber::EnvFilter;

fn main() -> ExitCode {
    // The environment wins over .env: dotenvy never overrides a set variable.
    let _ = dotenvy::dotenv();
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")))
        .with_writer(std::io::stderr)
        .init();
    let cli = storybot::cli::Cli::parse();
    match storybot::cli::run(cli) {
        Ok(code) => code,
        // The reader went away (`storybot eval ... | head`): nothing left to say.
        Err(error)
            if error.chain().any(|c| {
                c.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("storybot: {error}");
            for cause in error.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}
