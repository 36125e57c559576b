//! A decision → what the user sees: a [`Reply`] of blocks and buttons, rendered as
//! plain text (CLI, `ask --json`) or Telegram HTML (every dynamic string escaped) split
//! into messages within Telegram's 4,096-character limit.

mod links;
mod quotes;
mod render;
pub mod texts;

pub use render::{MAX_MESSAGE, html_messages, plain, plain_numbered};

use crate::knowledge::{Entry, Story};
use crate::lang::Lang;
use crate::matcher::{Correction, Decision, Outcome};
use texts::texts;

/// One paragraph of a reply; the renderer decides how each kind looks.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Text(String),
    /// "Source: AP, via Axios (24 Sep 2022)".
    Source(String),
    Quote(String),
    /// A heading above a list of buttons or suggestions.
    Heading(String),
    Link {
        label: String,
        url: String,
    },
}

/// A button: what it says and what it does.
#[derive(Debug, Clone, PartialEq)]
pub struct Button {
    pub label: String,
    pub action: Action,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Answer the entry with this id.
    Answer(String),
    /// List the entries of the topic with this number.
    Topic(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    pub lang: Lang,
    pub blocks: Vec<Block>,
    pub buttons: Vec<Button>,
    /// The entry this reply answers, for 👍/👎 under it (Telegram only; plain text
    /// and JSON leave it out).
    pub feedback: Option<String>,
    /// "Read in the article": the story's URL at the answer's quote. Plain text ends
    /// with it; Telegram shows it as a URL button (the HTML leaves it out).
    pub link: Option<ArticleLink>,
}

/// A link into the article, with the label its button or line shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleLink {
    pub label: String,
    pub url: String,
}

/// The link that opens the story at `quotes` (all highlighted, the first scrolled
/// to), labelled in the reader's language.
pub fn article_link(story: &Story, quotes: &[String], lang: Lang) -> Option<ArticleLink> {
    let url = links::to_quotes(&story.meta.url, &story.article, quotes)?;
    Some(ArticleLink { label: texts(lang).read_in_article.to_string(), url })
}

/// The label of an entry when offered as a question: its first phrasing.
pub fn entry_label(entry: &Entry, lang: Lang) -> String {
    let questions = entry.questions.get(lang);
    questions.first().or(entry.questions.en.first()).cloned().unwrap_or_else(|| entry.id.clone())
}

fn entry_button(entry: &Entry, lang: Lang) -> Button {
    Button { label: entry_label(entry, lang), action: Action::Answer(entry.id.clone()) }
}

fn source_line(story: &Story, entry: &Entry, lang: Lang) -> String {
    let t = texts(lang);
    let source = entry.source.get(lang);
    let outlet = &story.meta.outlet;
    let date = story_date(story, lang);
    if source.contains(outlet.as_str()) {
        format!("{}: {source} ({date})", t.source)
    } else {
        format!("{}: {source}, {} {outlet} ({date})", t.source, t.via)
    }
}

/// The story's date as the reader's language writes it.
fn story_date(story: &Story, lang: Lang) -> &str {
    match lang {
        Lang::En => &story.meta.date,
        Lang::Ru => &story.meta.date_ru,
    }
}

/// An entry's quotes as blocks, pieces of one sentence shown as one quote.
fn quote_blocks(story: &Story, entry: &Entry) -> impl Iterator<Item = Block> {
    quotes::joined(&story.article, &entry.quotes).into_iter().map(Block::Quote)
}

fn answer_blocks(story: &Story, entry: &Entry, lang: Lang, blocks: &mut Vec<Block>) {
    blocks.push(Block::Text(entry.answer.get(lang).clone()));
    blocks.push(Block::Source(source_line(story, entry, lang)));
    blocks.extend(quote_blocks(story, entry));
}

/// The reply to an answered entry, with its related questions as buttons.
pub fn answer(story: &Story, entry: usize, lang: Lang, related: &[usize]) -> Reply {
    let entry = &story.entries[entry];
    let mut blocks = Vec::new();
    answer_blocks(story, entry, lang, &mut blocks);
    let buttons = related.iter().map(|&r| entry_button(&story.entries[r], lang)).collect();
    let link = article_link(story, &entry.quotes, lang);
    Reply { lang, blocks, buttons, feedback: Some(entry.id.clone()), link }
}

/// "Who reported that?" about an answer: its source, quote and link.
pub fn source_of(story: &Story, entry: usize, lang: Lang) -> Reply {
    let entry = &story.entries[entry];
    let mut blocks = vec![Block::Source(source_line(story, entry, lang))];
    blocks.extend(quote_blocks(story, entry));
    let link = article_link(story, &entry.quotes, lang);
    Reply { lang, blocks, buttons: Vec::new(), feedback: Some(entry.id.clone()), link }
}

/// "Where does it say that?" about an answer: the article's words, their source and
/// the link that opens the article at them.
pub fn quote_of(story: &Story, entry: usize, lang: Lang) -> Reply {
    let entry = &story.entries[entry];
    let mut blocks = vec![Block::Text(texts(lang).article_says.to_string())];
    blocks.extend(quote_blocks(story, entry));
    blocks.push(Block::Source(source_line(story, entry, lang)));
    let link = article_link(story, &entry.quotes, lang);
    Reply { lang, blocks, buttons: Vec::new(), feedback: Some(entry.id.clone()), link }
}

/// A follow-up about someone ("how old is he?") that the article doesn't answer:
/// says who it was about, and offers what the article does say.
pub fn not_said_about(story: &Story, name: &str, lang: Lang, suggestions: &[usize]) -> Reply {
    let t = texts(lang);
    let blocks = vec![
        Block::Text(t.not_said_about.replace("{name}", name)),
        Block::Heading(t.it_does_answer.to_string()),
    ];
    let buttons = suggestions.iter().map(|&e| entry_button(&story.entries[e], lang)).collect();
    Reply { lang, blocks, buttons, feedback: None, link: None }
}

/// "Tell me more" after an answer with nothing related to it.
pub fn nothing_more(lang: Lang) -> Reply {
    let blocks = vec![Block::Text(texts(lang).nothing_more.to_string())];
    Reply { lang, blocks, buttons: Vec::new(), feedback: None, link: None }
}

/// What the user sees for a matcher decision.
pub fn for_decision(story: &Story, decision: &Decision) -> Reply {
    let lang = decision.lang;
    let t = texts(lang);
    let suggestions =
        |ids: &[usize]| ids.iter().map(|&e| entry_button(&story.entries[e], lang)).collect::<Vec<_>>();
    match &decision.outcome {
        Outcome::Answer { entry, also } => {
            let mut reply = answer(story, *entry, lang, &decision.suggestions);
            if let Some(correction) = decision.correction {
                reply.blocks.insert(0, Block::Text(correction_text(story, correction, lang)));
            }
            if let Some(also) = also {
                reply.blocks.push(Block::Heading(t.also.to_string()));
                answer_blocks(story, &story.entries[*also], lang, &mut reply.blocks);
                // The link highlights every quote shown, the first answer's first.
                let quotes = [&story.entries[*entry].quotes[..], &story.entries[*also].quotes[..]].concat();
                reply.link = article_link(story, &quotes, lang).or(reply.link);
            }
            if let Some(gap) = decision.gap_part {
                reply.blocks.push(Block::Text(story.gaps[gap].note.get(lang).clone()));
            }
            reply
        }
        Outcome::Clarify { entries } => Reply {
            lang,
            blocks: vec![Block::Heading(t.did_you_mean.to_string())],
            buttons: suggestions(entries),
            feedback: None,
            link: None,
        },
        Outcome::Gap { gap } => {
            let note = story.gaps[*gap].note.get(lang);
            let note = if decision.note_head_only { crate::matcher::note_head(note) } else { note.clone() };
            let blocks = vec![Block::Text(note), Block::Heading(t.it_does_answer.to_string())];
            Reply { lang, blocks, buttons: suggestions(&decision.suggestions), feedback: None, link: None }
        }
        Outcome::SmallTalk { intent } => {
            let text = story.smalltalk[*intent].reply.get(lang).clone();
            Reply {
                lang,
                blocks: vec![Block::Text(text)],
                buttons: suggestions(&decision.suggestions),
                feedback: None,
                link: None,
            }
        }
        Outcome::NoMatch => {
            let m = &story.meta;
            let not_said = match &decision.subject {
                Some(subject) => texts::fill(t.not_mentioned, &[("subject", subject)]),
                None => t.not_in_article.to_string(),
            };
            let text = format!(
                "{} {}: “{}” ({}, {}).",
                not_said,
                t.only_this_story,
                m.headline,
                m.outlet,
                story_date(story, lang)
            );
            let blocks = vec![Block::Text(text), Block::Heading(t.it_does_answer.to_string())];
            Reply { lang, blocks, buttons: suggestions(&decision.suggestions), feedback: None, link: None }
        }
    }
}

/// What a reply says first when the question's premise is not the article's.
fn correction_text(story: &Story, correction: Correction, lang: Lang) -> String {
    let t = texts(lang);
    match correction {
        Correction::Figure => t.not_that_figure.to_string(),
        Correction::Word(n) => {
            let contrast = &story.lexicon.contrasts[n];
            let word = if lang == Lang::Ru { &contrast.word_ru } else { &contrast.word };
            t.article_word.replace("{word}", word)
        }
    }
}

/// `/help`.
pub fn help(lang: Lang) -> Reply {
    Reply {
        lang,
        blocks: vec![Block::Text(texts(lang).help.to_string())],
        buttons: Vec::new(),
        feedback: None,
        link: None,
    }
}

/// `/start`: what the bot knows and a few questions to tap.
pub fn welcome(story: &Story, lang: Lang, starters: &[usize]) -> Reply {
    let m = &story.meta;
    let greeting = match lang {
        Lang::En => {
            format!("Hi! I answer questions about one story: “{}” ({}, {}).", m.headline, m.outlet, m.date)
        }
        Lang::Ru => format!(
            "Привет! Я отвечаю на вопросы об одной статье: «{}» ({}, {}).",
            m.headline, m.outlet, m.date
        ),
    };
    let blocks = vec![
        Block::Text(greeting),
        Block::Text(m.summary.get(lang).clone()),
        Block::Heading(texts(lang).empty.to_string()),
    ];
    let buttons = starters.iter().map(|&e| entry_button(&story.entries[e], lang)).collect();
    Reply { lang, blocks, buttons, feedback: None, link: None }
}

/// `/about`: the story, its outlet, date, link and who it cites.
pub fn about(story: &Story, lang: Lang) -> Reply {
    let m = &story.meta;
    let t = texts(lang);
    let mut blocks = vec![
        Block::Text(format!("“{}”\n{}, {}", m.headline, m.outlet, story_date(story, lang))),
        Block::Text(m.summary.get(lang).clone()),
    ];
    blocks.push(Block::Text(format!("{}: {}.", t.about_cites, m.cited.get(lang).join(", "))));
    if let Some(credit) = &m.photo_credit {
        blocks.push(Block::Text(format!("Photo: {credit}")));
    }
    blocks.push(Block::Link { label: t.read_it.to_string(), url: m.url.clone() });
    Reply { lang, blocks, buttons: Vec::new(), feedback: None, link: None }
}

/// `/topics`: one button per topic.
pub fn topics(story: &Story, lang: Lang) -> Reply {
    let buttons = story
        .topics()
        .iter()
        .enumerate()
        .map(|(i, t)| Button { label: t.to_string(), action: Action::Topic(i) })
        .collect();
    Reply {
        lang,
        blocks: vec![Block::Heading(texts(lang).topics.to_string())],
        buttons,
        feedback: None,
        link: None,
    }
}

/// One topic's questions as buttons.
pub fn topic(story: &Story, topic: usize, lang: Lang) -> Option<Reply> {
    let name = *story.topics().get(topic)?;
    let buttons = story.entries.iter().filter(|e| e.topic == name).map(|e| entry_button(e, lang)).collect();
    Some(Reply { lang, blocks: vec![Block::Heading(name.to_string())], buttons, feedback: None, link: None })
}
