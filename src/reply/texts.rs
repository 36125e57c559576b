//! The bot's own fixed wording, in each language it answers in.

use crate::lang::Lang;

pub struct Texts {
    pub source: &'static str,
    pub via: &'static str,
    pub not_in_article: &'static str,
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
    /// "Tell me more" when the last answer has nothing related to offer.
    pub nothing_more: &'static str,
}

const EN: Texts = Texts {
    source: "Source",
    via: "via",
    not_in_article: "The article doesn't say.",
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
    nothing_more: "That is all the article says about it.",
};

const RU: Texts = Texts {
    source: "Источник",
    via: "через",
    not_in_article: "В статье об этом не говорится.",
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
    nothing_more: "Больше статья об этом ничего не сообщает.",
};

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::En => &EN,
        Lang::Ru => &RU,
    }
}
