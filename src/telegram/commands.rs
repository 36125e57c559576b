//! Commands: the menu registered with `setMyCommands`, and reading `/cmd[@bot] args`
//! the way Telegram users mean it. `/reload` and `/stats` are for admins only and are not
//! in the menu.

use teloxide::utils::command::BotCommands;

use crate::engine::Command;
use crate::lang::Lang;

/// The commands registered with `setMyCommands`.
#[derive(BotCommands, Clone, Debug)]
#[command(rename_rule = "lowercase")]
pub enum BotCommand {
    #[command(description = "what I know and a few questions to try")]
    Start,
    #[command(description = "how to ask me things")]
    Help,
    #[command(description = "ask a question about the story")]
    Ask(String),
    #[command(description = "the story and its sources")]
    About,
    #[command(description = "browse questions by topic")]
    Topics,
}

/// The command menu for `setMyCommands`: names without the slash (Telegram rejects
/// `/start` with BOT_COMMAND_INVALID), descriptions in `lang`.
pub fn command_menu(lang: Lang) -> Vec<teloxide::types::BotCommand> {
    BotCommand::bot_commands()
        .into_iter()
        .map(|c| {
            let name = c.command.trim_start_matches('/').to_string();
            let description = match (lang, name.as_str()) {
                (Lang::Ru, "start") => "что я знаю и с каких вопросов начать",
                (Lang::Ru, "help") => "как задавать мне вопросы",
                (Lang::Ru, "ask") => "задать вопрос о статье",
                (Lang::Ru, "about") => "статья и её источники",
                (Lang::Ru, "topics") => "вопросы по темам",
                _ => c.description.as_str(),
            };
            teloxide::types::BotCommand::new(name, description)
        })
        .collect()
}

/// What a message asks of the bot, if anything.
#[derive(Debug, PartialEq)]
pub(crate) enum Request {
    Question(String),
    Command(Command),
    /// `/reload`: only acted on for admins.
    Reload,
    /// `/stats`: what people asked lately; only for admins.
    Stats,
}

/// `Some(request)` when `text` is a command (`Some(None)`: a command not for us),
/// `None` when it is not a command at all. Telegram matches command names and bot
/// usernames without regard to case, and arguments may follow any whitespace.
pub(crate) fn command(text: &str, username: &str, private: bool) -> Option<Option<Request>> {
    let rest = text.trim_start().strip_prefix('/')?;
    let (word, args) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    if word.is_empty() {
        return None;
    }
    let (name, target) = match word.split_once('@') {
        Some((name, target)) => (name, Some(target)),
        None => (word, None),
    };
    if target.is_some_and(|t| !t.eq_ignore_ascii_case(username)) {
        // `/cmd@otherbot`: another bot's, even in a private chat (a forwarded text).
        return Some(None);
    }
    let explicit = target.is_some();
    let name = name.to_ascii_lowercase();
    let request = match name.as_str() {
        "ask" => Some(Request::Question(args.trim().to_string())),
        // In groups only `/cmd@bot` is ours: plain `/help` may be for another bot.
        _ if !private && !explicit => None,
        "start" => Some(Request::Command(Command::Start)),
        "help" => Some(Request::Command(Command::Help)),
        "about" => Some(Request::Command(Command::About)),
        "topics" => Some(Request::Command(Command::Topics)),
        "reload" => Some(Request::Reload),
        "stats" => Some(Request::Stats),
        // A command we do not have, addressed to us: say what we do have.
        _ => Some(Request::Command(Command::Help)),
    };
    Some(request)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, private: bool) -> Option<Option<Request>> {
        command(text, "storybot", private)
    }

    fn question(q: &str) -> Option<Option<Request>> {
        Some(Some(Request::Question(q.to_string())))
    }

    #[test]
    fn commands_are_read_like_telegram_does() {
        assert_eq!(read("/ask how many?", false), question("how many?"));
        assert_eq!(read("/ask@StoryBot\nhow many?", false), question("how many?"));
        assert_eq!(read("/ASK  how many? ", true), question("how many?"));
        assert_eq!(read("/help@storybot", false), Some(Some(Request::Command(Command::Help))));
        assert_eq!(read("/topics", true), Some(Some(Request::Command(Command::Topics))));
        assert_eq!(read("/start deep-link", true), Some(Some(Request::Command(Command::Start))));
        // Ours only when addressed to us; in groups plain /help may be another bot's.
        assert_eq!(read("/help", false), Some(None));
        assert_eq!(read("/ask@otherbot how many?", false), Some(None));
        assert_eq!(read("/nope@storybot", false), Some(Some(Request::Command(Command::Help))));
        assert_eq!(read("/nope", false), Some(None));
        assert_eq!(read("/reload@storybot", false), Some(Some(Request::Reload)));
        assert_eq!(read("/stats", true), Some(Some(Request::Stats)));
        assert_eq!(read("/stats", false), Some(None));
        // Not commands at all.
        assert_eq!(read("how many? /ask", false), None);
        assert_eq!(read("/ 5", true), None);
    }
}
