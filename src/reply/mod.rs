//! A decision → what the user sees: a [`Reply`] of blocks and buttons, rendered as
//! plain text (CLI, `ask --json`) or Telegram HTML (every dynamic string escaped) split
//! into messages within Telegram's 4,096-character limit.

mod credit;
mod quotes;
mod render;
mod shown;
pub mod texts;

pub use render::{MAX_MESSAGE, html_messages, plain, plain_into, plain_numbered};
pub use shown::Shown;

use crate::knowledge::{Entry, Story};
use crate::lang::Lang;
use crate::matcher::{Correction, Decision, Outcome};
use shown::EntryParts;
use texts::texts;

/// Blocks of a plain answer: its text, its source and (most often) one quote.
const ANSWER_BLOCKS: usize = 4;

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

fn answer_blocks(parts: &EntryParts, entry: &Entry, lang: Lang, blocks: &mut Vec<Block>) {
    blocks.push(Block::Text(entry.answer.get(lang).clone()));
    blocks.push(Block::Source(parts.source(lang).to_string()));
    blocks.extend(parts.quotes.iter().cloned().map(Block::Quote));
}

/// The second answer's quotes already shown above it (two entries often quote the
/// same sentence, "…, AP reports."): shown once, they read as the article said it once.
fn drop_quotes_shown_above(blocks: &mut Vec<Block>, from: usize) {
    let above: Vec<String> = blocks[..from]
        .iter()
        .filter_map(|b| if let Block::Quote(q) = b { Some(q.clone()) } else { None })
        .collect();
    let mut at = 0;
    blocks.retain(|block| {
        at += 1;
        !matches!(block, Block::Quote(q) if at > from && above.iter().any(|a| a.contains(q.as_str())))
    });
}

/// The link of an entry's parts, labelled in the reader's language.
fn labelled(parts: &EntryParts, lang: Lang) -> Option<ArticleLink> {
    labelled_url(parts.link.clone(), lang)
}

fn labelled_url(url: Option<String>, lang: Lang) -> Option<ArticleLink> {
    Some(ArticleLink { label: texts(lang).read_in_article.to_string(), url: url? })
}

/// The reply to an answered entry, with its related questions as buttons.
pub fn answer(story: &Story, entry: usize, lang: Lang, related: &[usize]) -> Reply {
    answer_in(story, &Shown::none(), entry, lang, related)
}

/// [`answer`], with the entry's parts from `shown`.
pub fn answer_in(story: &Story, shown: &Shown, entry: usize, lang: Lang, related: &[usize]) -> Reply {
    let parts = shown.entry(story, entry);
    let entry = &story.entries[entry];
    let mut blocks = Vec::with_capacity(ANSWER_BLOCKS);
    answer_blocks(&parts, entry, lang, &mut blocks);
    let buttons = related.iter().map(|&r| entry_button(&story.entries[r], lang)).collect();
    Reply { lang, blocks, buttons, feedback: Some(entry.id.clone()), link: labelled(&parts, lang) }
}

/// "Who reported that?" about an answer: whom the article credits it to, in a sentence,
/// then its source, quote and link.
pub fn source_of(story: &Story, shown: &Shown, entry: usize, lang: Lang) -> Reply {
    let parts = shown.entry(story, entry);
    let entry = &story.entries[entry];
    let mut blocks = vec![
        Block::Text(credit::credit_sentence(entry, lang)),
        Block::Source(parts.source(lang).to_string()),
    ];
    blocks.extend(parts.quotes.iter().cloned().map(Block::Quote));
    about_entry(entry, &parts, lang, blocks)
}

/// "Where does it say that?" about an answer: the article's words, their source and
/// the link that opens the article at them.
pub fn quote_of(story: &Story, shown: &Shown, entry: usize, lang: Lang) -> Reply {
    let parts = shown.entry(story, entry);
    let entry = &story.entries[entry];
    let mut blocks = vec![Block::Text(texts(lang).article_says.to_string())];
    blocks.extend(parts.quotes.iter().cloned().map(Block::Quote));
    blocks.push(Block::Source(parts.source(lang).to_string()));
    about_entry(entry, &parts, lang, blocks)
}

/// A dispute that states a figure or a date the answer doesn't give: the article's
/// words on the answer, after the lead that says it doesn't give that figure (in
/// place of "The article says:", which the lead ends with in its own words).
pub fn quote_against_figure(story: &Story, shown: &Shown, entry: usize, lang: Lang) -> Reply {
    let mut reply = quote_of(story, shown, entry, lang);
    reply.blocks[0] = Block::Text(texts(lang).not_that_figure.to_string());
    reply
}

/// A reply about an answered entry: no buttons, feedback on the entry, its link.
fn about_entry(entry: &Entry, parts: &EntryParts, lang: Lang, blocks: Vec<Block>) -> Reply {
    Reply { lang, blocks, buttons: Vec::new(), feedback: Some(entry.id.clone()), link: labelled(parts, lang) }
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

/// "Source?" after a decline: what the article doesn't say has no source.
pub fn no_source(lang: Lang) -> Reply {
    let blocks = vec![Block::Text(texts(lang).no_source.to_string())];
    Reply { lang, blocks, buttons: Vec::new(), feedback: None, link: None }
}

/// What the user sees for a matcher decision.
pub fn for_decision(story: &Story, decision: &Decision) -> Reply {
    for_decision_in(story, &Shown::none(), decision)
}

/// [`for_decision`], with the entries' parts from `shown`.
pub fn for_decision_in(story: &Story, shown: &Shown, decision: &Decision) -> Reply {
    let lang = decision.lang;
    let t = texts(lang);
    let suggestions =
        |ids: &[usize]| ids.iter().map(|&e| entry_button(&story.entries[e], lang)).collect::<Vec<_>>();
    match &decision.outcome {
        Outcome::Answer { entry, also } => {
            let mut reply = answer_in(story, shown, *entry, lang, &decision.suggestions);
            if let Some(correction) = decision.correction {
                reply.blocks.insert(0, Block::Text(correction_text(story, correction, lang)));
            } else if decision.on_the_list {
                reply.blocks.insert(0, Block::Text(t.on_the_list.to_string()));
            }
            // A second answer, then the answers to a message's further questions.
            let further: Vec<usize> = also.iter().chain(&decision.more).copied().collect();
            if !further.is_empty() {
                let mut directives = shown.entry(story, *entry).directives.clone();
                for &other in &further {
                    reply.blocks.push(Block::Heading(t.also.to_string()));
                    let parts = shown.entry(story, other);
                    let shown_before = reply.blocks.len();
                    answer_blocks(&parts, &story.entries[other], lang, &mut reply.blocks);
                    drop_quotes_shown_above(&mut reply.blocks, shown_before);
                    directives.extend(parts.directives.iter().cloned());
                }
                // The link highlights every quote shown, the first answer's first.
                let url = crate::link::with_directives(&story.meta.url, &directives);
                reply.link = labelled_url(url, lang).or(reply.link);
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
                _ if decision.article_set_aside => t.not_without_article.to_string(),
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
        Correction::Claim => t.not_as_claimed.to_string(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_answer_leaves_out_quotes_shown_above_it() {
        let quote = |q: &str| Block::Quote(q.to_string());
        let mut blocks = vec![
            Block::Text("first".into()),
            quote("Men have fled the country … the Associated Press reports."),
            Block::Heading("Also:".into()),
            Block::Text("second".into()),
            quote("the Associated Press reports."),
            quote("Reuters reports."),
        ];
        drop_quotes_shown_above(&mut blocks, 3);
        let quotes: Vec<_> = blocks.iter().filter(|b| matches!(b, Block::Quote(_))).collect();
        assert_eq!(quotes.len(), 2, "{blocks:?}");
        assert_eq!(blocks.last(), Some(&quote("Reuters reports.")));
    }
}
