//! The command line, parsed with clap: `run` (the bot), `ask`, `chat`, `check`,
//! `explain`, `eval` and `report`. Options may come anywhere, as in any clap program;
//! `--` ends them.

mod ask;
mod chat;
mod check;
mod conversation;
mod json_line;
mod output;
mod report;

pub use output::is_broken_pipe;
pub(crate) use output::{say, tell};

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::cache::Cache;
use crate::config::{self, ConfigError, RunSettings, TelegramSettings};
use crate::engine::Engine;
use crate::knowledge::Checks;

#[derive(Debug, Parser)]
#[command(
    name = "storybot",
    version,
    about = "Answers questions about one news story, with sources and the article's own words.",
    after_help = "With no command: runs the Telegram bot when TELOXIDE_TOKEN is set (in the environment \
                  or .env); with no token, in a terminal, starts `chat` and says how to add one; with \
                  neither, says what to set and exits 2."
)]
pub struct Cli {
    /// The knowledge folder (story.toml, article.txt, entries.toml, ...).
    #[arg(long, global = true, env = "STORYBOT_KNOWLEDGE", value_name = "PATH", default_value_os_t = config::default_knowledge())]
    pub knowledge: PathBuf,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the Telegram bot until Ctrl-C or SIGTERM: long polling, or a webhook with
    /// --webhook-url (then STORYBOT_WEBHOOK_SECRET is required).
    Run {
        /// Webhook mode: the public https URL Telegram posts updates to (a reverse proxy
        /// forwards it to --listen) [env: STORYBOT_WEBHOOK_URL]. Without it: long polling.
        #[arg(long, value_name = "URL")]
        webhook_url: Option<String>,
        /// Where the webhook server listens [env: STORYBOT_LISTEN] [default: 127.0.0.1:8443].
        #[arg(long, value_name = "ADDR:PORT")]
        listen: Option<String>,
    },
    /// Print the reply a Telegram user would see for a question.
    #[command(
        after_help = "The knowledge is checked for structure (every file parses, ids and related ids are \
                      valid, quotes are verbatim). That claims are backed by quotes and sources credited \
                      as the article credits them is proved by `storybot check` and by the bot when it \
                      starts or reloads."
    )]
    Ask {
        /// One JSON object per question instead of plain text.
        #[arg(long)]
        json: bool,
        /// The question, in one or more words; "-" reads one question a line from
        /// standard input. Put `--` before a question that starts with "-".
        #[arg(required = true, num_args = 1..)]
        question: Vec<String>,
    },
    /// Talk to the bot in the terminal: line editing and history; /help lists the rest.
    Chat {
        /// Read one message a line from standard input as one conversation and print one
        /// `ask --json` object a line, flushing each.
        #[arg(long)]
        json: bool,
    },
    /// Validate the knowledge folder; exit 1 with file:line:column errors if invalid.
    /// Also audits self-retrieval, ambiguity and article coverage (warnings).
    Check {
        /// Warnings fail too (exit 1).
        #[arg(long)]
        strict: bool,
        /// One JSON object: ok, errors, warnings, the audit's figures.
        #[arg(long)]
        json: bool,
    },
    /// Show how a question is read and scored: its terms and the best candidates.
    Explain {
        /// The question, in one or more words. Put `--` before a question that starts
        /// with "-".
        #[arg(required = true, num_args = 1..)]
        question: Vec<String>,
    },
    /// Score question sets (JSON Lines, as in tests/eval/ and tests/holdout/) and show
    /// failures.
    Eval {
        /// Question set files, e.g. tests/eval/*.jsonl tests/holdout/*.jsonl.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// How many failures to print with their candidate entries.
        #[arg(long, default_value_t = 30)]
        show_failures: usize,
        /// Print pass rates at a range of answer thresholds on two halves of the cases.
        #[arg(long)]
        sweep: bool,
    },
    /// What people asked the bot: outcomes, the declined questions grouped (the entries
    /// to write next), 👎 and 👍 per entry, entries never asked.
    Report {
        /// How many days back to look.
        #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=i64::from(config::MAX_DAYS)))]
        days: u32,
        /// The records database the bot writes.
        #[arg(long, env = "STORYBOT_DATA", value_name = "PATH", default_value_os_t = config::default_data())]
        data: PathBuf,
        /// How many groups and entries to list in each part.
        #[arg(long, default_value_t = 20)]
        top: usize,
    },
}

/// Runs the parsed command line; errors are printed by `main`.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Check { strict, json }) => check::run(&cli.knowledge, strict, json),
        Some(Command::Ask { json, question }) => ask::run(load_once(&cli.knowledge)?, json, &question),
        Some(Command::Chat { json: false }) => chat::run(load_once(&cli.knowledge)?, None),
        Some(Command::Chat { json: true }) => chat::run_json(load_once(&cli.knowledge)?),
        Some(Command::Run { webhook_url, listen }) => {
            run_bot(&cli.knowledge, webhook_url.as_deref(), listen.as_deref())
        }
        Some(Command::Explain { question }) => {
            let engine = load_once(&cli.knowledge)?;
            say(crate::explain::explain(engine, &question.join(" ")))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Eval { files, show_failures, sweep }) => {
            eval(load_once(&cli.knowledge)?, &files, show_failures, sweep)
        }
        Some(Command::Report { days, data, top }) => report::run(&data, &cli.knowledge, days, top),
        None => run_default(&cli.knowledge),
    }
}

fn eval(engine: &Engine, files: &[PathBuf], show_failures: usize, sweep: bool) -> anyhow::Result<ExitCode> {
    let mut cases = Vec::new();
    for file in files {
        cases.extend(crate::evaluate::read_cases(file)?);
    }
    if sweep {
        say(crate::evaluate::sweep(engine, &cases))?;
        return Ok(ExitCode::SUCCESS);
    }
    say(crate::evaluate::evaluate(engine, &cases).render(show_failures))?;
    Ok(ExitCode::SUCCESS)
}

/// The engine for a command that ends the process when it is done (`ask`, `chat`,
/// `explain`, `eval`). It is never freed: the process exits right after, and
/// freeing the index's many small allocations would cost a whole question's time
/// many times over.
fn load_once(dir: &std::path::Path) -> anyhow::Result<&'static Engine> {
    Ok(Box::leak(Box::new(load_cached(dir)?)))
}

/// One-shot commands check the structure only: the faithfulness of claims and
/// sources is `check`'s (and CI's) to prove, and proving it again at every `ask`
/// would be most of its start-up. They read the engine from the start-up cache when
/// it holds one for these very files and this build ([`crate::cache`]). The bot
/// proves everything (`run`, reloads) and, like `check`, never reads the cache.
fn load_cached(dir: &std::path::Path) -> anyhow::Result<Engine> {
    Ok(Engine::load_cached(dir, &Cache::from_env())?)
}

/// `storybot` alone: the bot when a token is set, else the terminal chat.
fn run_default(knowledge: &std::path::Path) -> anyhow::Result<ExitCode> {
    match TelegramSettings::from_env() {
        Err(ConfigError::MissingToken) if std::io::stdin().is_terminal() => {
            let note = "No TELOXIDE_TOKEN set, so this is the terminal chat. To run the Telegram bot, get a token \
                        from @BotFather and put TELOXIDE_TOKEN=... in .env (see .env.example and README.md).";
            chat::run(&load_cached(knowledge)?, Some(note))
        }
        Err(ConfigError::MissingToken) => {
            tell(
                "storybot: no TELOXIDE_TOKEN and no terminal: set TELOXIDE_TOKEN (in the environment or .env) to run the bot, or run `storybot chat` / `storybot ask QUESTION`",
            )?;
            Ok(ExitCode::from(2))
        }
        _ => run_bot(knowledge, None, None),
    }
}

/// The bot, by long polling or (with a webhook URL from the flag or
/// `STORYBOT_WEBHOOK_URL`) by webhook. Every setting is checked before anything
/// starts: any bad one exits 2, each problem on its own line.
fn run_bot(
    knowledge: &std::path::Path,
    webhook_url: Option<&str>,
    listen: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let settings = match RunSettings::from_env(webhook_url, listen) {
        Ok(settings) => settings,
        Err(errors) => {
            for error in errors.0 {
                tell(format_args!("storybot: {error}"))?;
            }
            return Ok(ExitCode::from(2));
        }
    };
    let engine = Engine::load_with(knowledge, Checks::Faithful)?;
    crate::telegram::run(settings, engine, knowledge)
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn every_command_and_argument_is_described() {
        let cli = Cli::command();
        cli.clone().debug_assert();
        let mut commands = vec![&cli];
        commands.extend(cli.get_subcommands());
        for command in commands {
            assert!(command.get_about().is_some(), "`{}` has no description", command.get_name());
            for arg in command.get_arguments() {
                assert!(
                    arg.get_help().is_some(),
                    "`{} {}` has no description",
                    command.get_name(),
                    arg.get_id()
                );
            }
        }
    }
}
