//! Commands in Telegram: the menu registered with `setMyCommands`, and reading
//! `/cmd[@bot] args` the way Telegram users mean it. Both read the engine's one
//! command table; admin commands are not in the menu.

use crate::engine::{COMMANDS, Command, Does, lookup, typed};
use crate::lang::Lang;
use crate::reply::texts::texts;

pub use crate::engine::Admin;

/// What a message addressed to the bot asks of it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Request {
    Question(String),
    Command(Command),
    /// Acted on only for admins; anyone else gets the help.
    Admin(Admin),
}

/// How a message reads as a command.
#[derive(Debug, PartialEq)]
pub(crate) enum Read {
    /// Not a command at all.
    Text,
    /// A command, but not for this bot: `/cmd@otherbot`, or in a group a command
    /// without `@bot` (it may be another bot's).
    NotOurs,
    Ours(Request),
}

/// Reads `text` as a command to the bot called `username`. Telegram matches command
/// names and bot usernames without regard to case.
pub(crate) fn read(text: &str, username: &str, private: bool) -> Read {
    let Some(typed) = typed(text) else { return Read::Text };
    if typed.target.is_some_and(|t| !t.eq_ignore_ascii_case(username)) {
        // Another bot's, even in a private chat (a forwarded text).
        return Read::NotOurs;
    }
    let request = match lookup(typed.name).map(|c| c.does) {
        Some(Does::Ask) => Request::Question(typed.args.trim().to_string()),
        // In groups only `/cmd@bot` is ours: plain `/help` may be for another bot.
        _ if !private && typed.target.is_none() => return Read::NotOurs,
        Some(Does::Show(command)) => Request::Command(command),
        Some(Does::Admin(admin)) => Request::Admin(admin),
        // A command we do not have, addressed to us: say what we do have.
        None => Request::Command(Command::Help),
    };
    Read::Ours(request)
}

/// The command menu for `setMyCommands`, described in `lang`.
pub fn command_menu(lang: Lang) -> Vec<teloxide::types::BotCommand> {
    let menu = &texts(lang).menu;
    COMMANDS
        .iter()
        .filter_map(|c| {
            let description = match c.does {
                Does::Ask => menu.ask,
                Does::Show(Command::Start) => menu.start,
                Does::Show(Command::Help) => menu.help,
                Does::Show(Command::About) => menu.about,
                Does::Show(Command::Topics) => menu.topics,
                Does::Admin(_) => return None,
            };
            Some(teloxide::types::BotCommand::new(c.name, description))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ours(request: Request) -> Read {
        Read::Ours(request)
    }

    fn question(q: &str) -> Read {
        ours(Request::Question(q.to_string()))
    }

    #[test]
    fn commands_are_read_like_telegram_does() {
        let read = |text, private| read(text, "storybot", private);
        assert_eq!(read("/ask how many?", false), question("how many?"));
        assert_eq!(read("/ask@StoryBot\nhow many?", false), question("how many?"));
        assert_eq!(read("/ASK  how many? ", true), question("how many?"));
        assert_eq!(read("/help@storybot", false), ours(Request::Command(Command::Help)));
        assert_eq!(read("/topics", true), ours(Request::Command(Command::Topics)));
        assert_eq!(read("/start deep-link", true), ours(Request::Command(Command::Start)));
        // Ours only when addressed to us; in groups plain /help may be another bot's.
        assert_eq!(read("/help", false), Read::NotOurs);
        assert_eq!(read("/ask@otherbot how many?", false), Read::NotOurs);
        assert_eq!(read("/nope@storybot", false), ours(Request::Command(Command::Help)));
        assert_eq!(read("/nope", false), Read::NotOurs);
        assert_eq!(read("/reload@storybot", false), ours(Request::Admin(Admin::Reload)));
        assert_eq!(read("/stats", true), ours(Request::Admin(Admin::Stats)));
        assert_eq!(read("/stats", false), Read::NotOurs);
        // Not commands at all.
        assert_eq!(read("how many? /ask", false), Read::Text);
        assert_eq!(read("/ 5", true), Read::Text);
    }

    #[test]
    fn the_menu_lists_what_everyone_may_use_in_both_languages() {
        for lang in [Lang::En, Lang::Ru] {
            let names: Vec<String> = command_menu(lang).into_iter().map(|c| c.command).collect();
            assert_eq!(names, ["start", "help", "ask", "about", "topics"]);
        }
        assert_eq!(command_menu(Lang::Ru)[2].description, "задать вопрос о статье");
    }
}
