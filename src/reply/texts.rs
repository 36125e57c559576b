//! The bot's own fixed wording, in each language it answers in.

use crate::lang::Lang;

pub struct Texts {
    pub source: &'static str,
    pub via: &'static str,
    pub not_in_article: &'static str,
    /// A decline that names what was asked about, a word the article never uses;
    /// `{subject}` is that word.
    pub not_mentioned: &'static str,
    /// A decline to a message that orders the article set aside and asks what it does
    /// answer: "the article doesn't say" would be untrue.
    pub not_without_article: &'static str,
    pub only_this_story: &'static str,
    pub it_does_answer: &'static str,
    pub did_you_mean: &'static str,
    pub also: &'static str,
    pub help: &'static str,
    pub topics: &'static str,
    pub about_cites: &'static str,
    pub read_it: &'static str,
    /// The URL button (or last line) that opens the article at the quote.
    pub read_in_article: &'static str,
    pub empty: &'static str,
    /// Above the quote when asked "where does it say that?".
    pub article_says: &'static str,
    /// A follow-up about someone the article says no such thing about; `{name}` is
    /// replaced with who it was ("The article doesn't say that about Alexei Tsydanov.").
    pub not_said_about: &'static str,
    /// Before an answer to a question that states a figure the article doesn't give.
    pub not_that_figure: &'static str,
    /// Before an answer to a question whose word the article contradicts; `{word}` is
    /// the article's word ("partial").
    pub article_word: &'static str,
    /// Before the answer to a question that asked to confirm what the article doesn't
    /// say in those words (or credits to another source).
    pub not_as_claimed: &'static str,
    /// Before a list answered again to a question whether a thing is on it, which it is.
    pub on_the_list: &'static str,
    /// "Tell me more" when the last answer has nothing related to offer.
    pub nothing_more: &'static str,
    /// "Source?" after a decline.
    pub no_source: &'static str,
    /// A sticker, a voice note, a location... in a private chat.
    pub only_text: &'static str,
    /// The one notice to someone asking faster than the bot answers.
    pub slow_down: &'static str,
    /// A button from an older version of the knowledge.
    pub stale_button: &'static str,
    /// For 👍 or 👎, in the little notice the app shows.
    pub thanks: &'static str,
    /// The command menu's descriptions (`setMyCommands`).
    pub menu: Menu,
    /// What admins are told (`/reload`, `/stats`).
    pub admin: AdminTexts,
}

/// What the command menu says each command does.
pub struct Menu {
    pub start: &'static str,
    pub help: &'static str,
    pub ask: &'static str,
    pub about: &'static str,
    pub topics: &'static str,
}

/// What the bot tells an admin. `{name}` in a template is filled in by [`fill`].
pub struct AdminTexts {
    /// `{entries}`, `{gaps}`, `{ms}`.
    pub reloaded: &'static str,
    /// `{problems}`; the problems follow, one a line.
    pub not_reloaded: &'static str,
    /// `/stats` sent in a group: people's words are shown only in private.
    pub stats_in_private: &'static str,
    pub nothing_recorded: &'static str,
    /// `{error}`.
    pub records_unreadable: &'static str,
    /// `{days}`, `{questions}`, `{answered}`, `{clarified}`, `{declined}`, `{smalltalk}`.
    pub stats: &'static str,
    pub nothing_declined: &'static str,
    /// Followed by the most declined questions, one a line.
    pub declined_most: &'static str,
    /// `{dropped}`.
    pub records_dropped: &'static str,
}

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    values.iter().fold(template.to_string(), |text, (name, value)| {
        text.replace(&format!("{{{name}}}"), &value.to_string())
    })
}

const EN: Texts = Texts {
    source: "Source",
    via: "via",
    not_in_article: "The article doesn't say.",
    not_mentioned: "The article doesn't mention “{subject}”.",
    not_without_article: "I can't set the article aside.",
    only_this_story: "I only know what this story reports",
    it_does_answer: "It does answer questions like these:",
    did_you_mean: "I'm not sure which you mean. Did you mean:",
    also: "Also:",
    help: "Ask me anything about the story in plain words, in English or Russian. I answer with what the article says, who reported it and the article's own sentence.\n\nCommands:\n/ask question: ask (in a group: /ask question, mention me, or reply to one of my messages)\n/topics: browse what I can answer\n/about: the story and its sources\n/help: this message",
    topics: "What I can answer, by topic:",
    about_cites: "It cites",
    read_it: "Read it",
    read_in_article: "Read in the article",
    empty: "Ask me a question about the story, for example:",
    article_says: "The article says:",
    not_said_about: "The article doesn't say that about {name}.",
    not_that_figure: "The article doesn't give that figure. Here is what it says:",
    article_word: "The article doesn't say that; it says “{word}”:",
    not_as_claimed: "The article doesn't say it that way. Here is what it says:",
    on_the_list: "Yes, the article names it among them:",
    nothing_more: "That is all the article says about it.",
    no_source: "The article doesn't cover that, so there is no source to give.",
    only_text: "I can only read text. Ask me a question about the story in words, or try /topics.",
    slow_down: "You're asking faster than I can answer. Give me a minute, then ask again.",
    stale_button: "That button is out of date. Ask me again in words.",
    thanks: "Thanks!",
    menu: Menu {
        start: "what I know and a few questions to try",
        help: "how to ask me things",
        ask: "ask a question about the story",
        about: "the story and its sources",
        topics: "browse questions by topic",
    },
    admin: AdminTexts {
        reloaded: "Reloaded: {entries} entries, {gaps} gaps ({ms} ms).",
        not_reloaded: "Not reloaded; still serving the last good version. {problems} problem(s):",
        stats_in_private: "Send /stats in a private chat with me.",
        nothing_recorded: "Nothing is recorded: no records database is open (see STORYBOT_DATA in the log).",
        records_unreadable: "Could not read the records: {error}",
        stats: "Last {days} days: {questions} questions.\nanswered {answered} · clarified {clarified} · declined {declined} · small talk {smalltalk}",
        nothing_declined: "Nothing was declined.",
        declined_most: "Declined most often:",
        records_dropped: "({dropped} records dropped since the bot started: the writer was behind.)",
    },
};

const RU: Texts = Texts {
    source: "Источник",
    via: "через",
    not_in_article: "В статье об этом не говорится.",
    not_mentioned: "В статье не упоминается «{subject}».",
    not_without_article: "Отложить статью я не могу.",
    only_this_story: "Я знаю только то, о чём сообщает эта статья",
    it_does_answer: "Вот на что в ней есть ответ:",
    did_you_mean: "Не уверен, что вы имеете в виду. Может быть:",
    also: "Кроме того:",
    help: "Спросите меня о статье обычными словами, по-русски или по-английски. Я отвечаю тем, что сказано в статье, называю источник и привожу цитату из неё.\n\nКоманды:\n/ask вопрос: задать вопрос (в группе: /ask вопрос, упоминание меня или ответ на моё сообщение)\n/topics: темы, на которые я могу ответить\n/about: о статье и её источниках\n/help: эта справка",
    topics: "На что я могу ответить, по темам:",
    about_cites: "Источники",
    read_it: "Читать",
    read_in_article: "Читать в статье",
    empty: "Задайте вопрос о статье, например:",
    article_says: "В статье сказано:",
    not_said_about: "{name}: в статье об этом ничего не сказано.",
    not_that_figure: "Такой цифры в статье нет. Вот что в ней сказано:",
    article_word: "В статье сказано не так, а «{word}»:",
    not_as_claimed: "В статье сказано не так. Вот что в ней сказано:",
    on_the_list: "Да, статья называет и это:",
    nothing_more: "Больше статья об этом ничего не сообщает.",
    no_source: "В статье об этом ничего нет, так что и источника нет.",
    only_text: "Я понимаю только текст. Задайте вопрос о статье словами или откройте /topics.",
    slow_down: "Слишком много вопросов подряд. Подождите минуту и спросите снова.",
    stale_button: "Эта кнопка устарела. Спросите ещё раз словами.",
    thanks: "Спасибо!",
    menu: Menu {
        start: "что я знаю и с каких вопросов начать",
        help: "как задавать мне вопросы",
        ask: "задать вопрос о статье",
        about: "статья и её источники",
        topics: "вопросы по темам",
    },
    admin: AdminTexts {
        reloaded: "Перезагружено: записей — {entries}, пробелов — {gaps} ({ms} мс).",
        not_reloaded: "Не перезагружено: работает последняя исправная версия. Проблем — {problems}:",
        stats_in_private: "Отправьте /stats мне в личном чате.",
        nothing_recorded: "Ничего не записывается: база записей не открыта (см. STORYBOT_DATA в журнале).",
        records_unreadable: "Не удалось прочитать записи: {error}",
        stats: "За последние {days} дн.: вопросов — {questions}.\nотвечено {answered} · уточнено {clarified} · отклонено {declined} · болтовня {smalltalk}",
        nothing_declined: "Отклонённых вопросов не было.",
        declined_most: "Чаще всего отклоняли:",
        records_dropped: "(С запуска бота не записано: {dropped}; запись не успевала.)",
    },
};

/// What the bot says once when it is added to a group (`username` without the @).
pub fn introduction(headline: &str, outlet: &str, date: &str, username: &str) -> String {
    format!(
        "Hi! I answer questions about “{headline}” ({outlet}, {date}). Ask with /ask@{username} question, mention @{username}, or reply to me. I stay quiet otherwise."
    )
}

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::En => &EN,
        Lang::Ru => &RU,
    }
}
