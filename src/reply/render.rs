//! Rendering a [`Reply`]: plain text for terminals and `ask --json`, Telegram HTML for
//! the bot. HTML escapes every dynamic string and packs blocks into messages that
//! stay within Telegram's limit, never splitting inside a tag.

use std::fmt::Write as _;

use teloxide::utils::html::escape;

use super::{Block, Reply};

/// Telegram's limit on one message's text, in UTF-16 code units.
pub const MAX_MESSAGE: usize = 4096;
/// No single block may be longer than this (in characters), so every block fits a message
/// with its markup.
const MAX_BLOCK: usize = 3_000;

fn clip(text: &str) -> String {
    let mut out = String::new();
    push_clipped(&mut out, text);
    out
}

/// Appends `text`, cut to [`MAX_BLOCK`] characters ("…" the last) when it is longer.
fn push_clipped(out: &mut String, text: &str) {
    // No more bytes than the limit: no more characters either, and nothing to count.
    if text.len() <= MAX_BLOCK || text.chars().count() <= MAX_BLOCK {
        out.push_str(text);
        return;
    }
    out.extend(text.chars().take(MAX_BLOCK - 1));
    out.push('…');
}

/// Plain text, exactly what `ask` prints; buttons become a list, and the link into
/// the article is the last line.
pub fn plain(reply: &Reply) -> String {
    let mut text = String::new();
    plain_into(reply, &mut text);
    text
}

/// [`plain`], appended to `out`: a caller that renders many replies reuses one buffer.
pub fn plain_into(reply: &Reply, out: &mut String) {
    plain_with(reply, out, |out, _| out.push('•'));
}

/// Plain text with the buttons numbered ("1. …"), for the terminal chat, where typing
/// a number picks that suggestion as a tap would.
pub fn plain_numbered(reply: &Reply) -> String {
    let mut text = String::new();
    plain_with(reply, &mut text, |out, i| {
        let _ = write!(out, "{}.", i + 1);
    });
    text
}

fn plain_with(reply: &Reply, out: &mut String, marker: impl Fn(&mut String, usize)) {
    for (n, block) in reply.blocks.iter().enumerate() {
        if n > 0 {
            out.push_str("\n\n");
        }
        match block {
            Block::Text(text) | Block::Source(text) | Block::Heading(text) => push_clipped(out, text),
            Block::Quote(text) => {
                out.push('“');
                push_clipped(out, text);
                out.push('”');
            }
            Block::Link { label, url } => {
                out.push_str(label);
                out.push_str(": ");
                out.push_str(url);
            }
        }
    }
    for (i, button) in reply.buttons.iter().enumerate() {
        out.push('\n');
        marker(out, i);
        out.push(' ');
        push_clipped(out, &button.label);
    }
    if let Some(link) = &reply.link {
        out.push_str("\n\n");
        out.push_str(&link.label);
        out.push_str(": ");
        out.push_str(&link.url);
    }
}

/// Escapes `text`, shortening it until the escaped form fits `budget` UTF-16 units:
/// escaping can grow a text fivefold ("&" → "&amp;").
fn escape_within(text: &str, budget: usize) -> String {
    let mut text = clip(text);
    loop {
        let escaped = escape(&text);
        let len = utf16_len(&escaped);
        if len <= budget {
            return escaped;
        }
        let keep = text.chars().count() * budget / len;
        text = text.chars().take(keep.saturating_sub(2)).collect::<String>() + "…";
    }
}

/// Room for one block's text once its tags are added.
const BLOCK_BUDGET: usize = MAX_MESSAGE - 64;

fn html_block(block: &Block) -> String {
    let esc = |text: &str| escape_within(text, BLOCK_BUDGET);
    match block {
        Block::Text(text) => esc(text),
        Block::Source(text) => format!("<i>{}</i>", esc(text)),
        Block::Quote(text) => format!("<blockquote>{}</blockquote>", esc(text)),
        Block::Heading(text) => format!("<b>{}</b>", esc(text)),
        Block::Link { label, url } => format!("<a href=\"{}\">{}</a>", escape(url), esc(label)),
    }
}

fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

/// Telegram HTML messages, each within [`MAX_MESSAGE`]; buttons and the article link
/// (a URL button) travel separately.
pub fn html_messages(reply: &Reply) -> Vec<String> {
    let mut messages: Vec<String> = Vec::new();
    let mut current = String::new();
    for block in reply.blocks.iter().map(html_block) {
        let fits = utf16_len(&current) + 2 + utf16_len(&block) <= MAX_MESSAGE;
        if !current.is_empty() && !fits {
            messages.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push_str("\n\n");
        }
        current.push_str(&block);
    }
    if !current.is_empty() {
        messages.push(current);
    }
    messages
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn reply(blocks: Vec<Block>) -> Reply {
        Reply { lang: Lang::En, blocks, buttons: Vec::new(), feedback: None, link: None }
    }

    #[test]
    fn html_escapes_every_dynamic_string() {
        let r = reply(vec![Block::Text("<b>x</b> & y".into()), Block::Quote("a < b".into())]);
        assert_eq!(html_messages(&r), ["&lt;b&gt;x&lt;/b&gt; &amp; y\n\n<blockquote>a &lt; b</blockquote>"]);
    }

    #[test]
    fn long_replies_split_between_blocks_within_the_limit() {
        let long = "&".repeat(2_900);
        let r = reply(vec![Block::Text(long.clone()), Block::Text(long.clone()), Block::Quote(long)]);
        let messages = html_messages(&r);
        assert!(messages.len() >= 3, "{}", messages.len());
        for m in &messages {
            assert!(utf16_len(m) <= MAX_MESSAGE, "{}", utf16_len(m));
            assert!(!m.starts_with("\n"));
        }
    }

    #[test]
    fn plain_text_shows_quote_marks_and_buttons() {
        let mut r = reply(vec![Block::Text("Answer.".into()), Block::Quote("verbatim".into())]);
        r.buttons
            .push(super::super::Button { label: "More?".into(), action: super::super::Action::Topic(0) });
        assert_eq!(plain(&r), "Answer.\n\n“verbatim”\n• More?");
    }

    #[test]
    fn the_article_link_ends_plain_text_and_stays_out_of_html() {
        let mut r = reply(vec![Block::Text("Answer.".into())]);
        let url = "https://example.com/#:~:text=verbatim".to_string();
        r.link = Some(super::super::ArticleLink { label: "Read in the article".into(), url });
        assert_eq!(plain(&r), "Answer.\n\nRead in the article: https://example.com/#:~:text=verbatim");
        assert_eq!(html_messages(&r), ["Answer."], "Telegram shows it as a URL button");
    }
}
