//! Questions that ask for a whole list: "which people does the article name?", "list
//! every number in the story". An entry of kind `list` gives every thing of a kind the
//! whole article names. Its phrasings are made of words any list question shares
//! ("names", "countries", "mentioned"), so a follow-up fragment read with the last
//! answer ("any other names?" after the White House) would fit them better than the
//! last answer's own subject: such a follow-up asks about that subject, not the article.

use super::article_words::{ARTICLE_WORDS, names_the_article};
use super::index::DocRef;
use super::question::is_asking_term;
use std::ops::Range;

use super::{Candidates, Outcome, thresholds};
use crate::knowledge::{AnswerKind, Story};

/// Whether entry `entry` lists every thing of a kind the article names.
pub fn is_list(story: &Story, entry: usize) -> bool {
    story.entries.get(entry).is_some_and(|e| e.kinds.contains(&AnswerKind::List))
}

/// Whether entry `entry` lists every thing of one kind the article names (its
/// countries, people, figures): a list that joins passages ("every way men got out")
/// answers no "which X does the article name?".
pub fn lists_a_kind(story: &Story, entry: usize) -> bool {
    is_list(story, entry) && !joins_passages(story, entry)
}

/// Leaves the whole-article lists out of a follow-up's candidates, unless the last
/// answer was one: after "which countries does the article mention?", "and the
/// people?" still asks for a list.
pub fn keep_lists_to_list_talk(story: &Story, candidates: &mut Candidates, last: Option<usize>) {
    if last.is_some_and(|e| is_list(story, e)) {
        return;
    }
    candidates.entries.retain(|c| !is_list(story, c.entry));
    candidates.ranked.retain(|(doc, _)| !matches!(doc, DocRef::Entry(e) if is_list(story, *e)));
}

/// A whole-article list is not said beside another answer when the other part asks
/// something of its own: it restricts the list ("перечисли все страны, куда бегут
/// россияне" lists where they flee, not every country). A part that asks nothing
/// ("…, including whoever took the photo", "…, I want to see if Serbia is in there")
/// only says what the list should hold, so the list is said alone. Two lists ("which
/// countries and people are named?") are both said. `asks(entry)`: whether a part
/// answered by `entry` asks a question ([`part_asks`]).
pub fn no_list_beside_an_answer(story: &Story, outcome: Outcome, asks: impl Fn(usize) -> bool) -> Outcome {
    match outcome {
        Outcome::Answer { entry, also: Some(other) } if is_list(story, entry) != is_list(story, other) => {
            let (list, rest) = if is_list(story, entry) { (entry, other) } else { (other, entry) };
            let kept = if asks(rest) { rest } else { list };
            Outcome::Answer { entry: kept, also: None }
        }
        outcome => outcome,
    }
}

/// Words a bare list request is made of besides its verb ("list em all", "перечисли
/// все, пожалуйста").
const BARE_REQUEST: [&str; 18] = [
    "all",
    "every",
    "them",
    "em",
    "it",
    "please",
    "pls",
    "plz",
    "full",
    "все",
    "всё",
    "всех",
    "их",
    "пожалуйста",
    "плз",
    "списком",
    "список",
    "полностью",
];

/// Whether a part of a message only asks for a list, naming nothing to list ("…?
/// перечисли все", "… — list em"): it asks about the rest of the message, and matched
/// alone it would fit any list's phrasings.
pub fn only_requests_a_list(words: &[String]) -> bool {
    !words.is_empty()
        && words.iter().any(|w| LIST_REQUESTS.contains(&w.as_str()) || w == "список" || w == "списком")
        && words.iter().all(|w| LIST_REQUESTS.contains(&w.as_str()) || BARE_REQUEST.contains(&w.as_str()))
}

/// Words after which a list request names more of what the list should hold, rather
/// than restricting it ("… including whoever took the photo").
const INCLUDING: [&str; 6] = [" including ", " incl ", " plus ", " включая ", " в том числе ", " а также "];

/// The clause of a list request that asks for the list, when the rest of the message
/// only adds to it or says why: the text before "including" / "включая", before an
/// aside in parentheses ("every figure (counts, dates)" says what the list holds, and
/// its words would only lower the list's fit), or before a comma whose rest asks
/// nothing ([`part_asks`]; "…, куда бегут россияне" asks, so it restricts the list and
/// nothing is cut). None when nothing is cut.
fn list_clause(question: &str, asks: impl Fn(&str) -> bool) -> Option<&str> {
    let lower = question.to_lowercase();
    let including = (lower.len() == question.len())
        .then(|| INCLUDING.iter().filter_map(|w| lower.find(w)).min())
        .flatten();
    let aside = question.find(" (");
    let restricts = |rest: &str| asks(rest) || opens_relative(rest);
    let comma = question.match_indices(',').map(|(i, _)| i).find(|&i| !restricts(&question[i + 1..]));
    let end = [including, aside, comma].into_iter().flatten().min()?;
    let clause = question[..end].trim();
    (!clause.is_empty()).then_some(clause)
}

/// Relative words that open a clause restricting a noun ("…, которые летят в Турцию",
/// "…, that Russians fly to"); Russian sets them off with a comma.
const RELATIVE: [&str; 6] = ["котор", "that", "which", "whose", "чей", "чь"];
/// Words before a relative word: a preposition or two ("…, в которые", "…, to which").
const RELATIVE_AT: usize = 3;

/// Whether `rest` opens with a relative clause.
fn opens_relative(rest: &str) -> bool {
    rest.split_whitespace().take(RELATIVE_AT).any(|w| {
        let w = w.to_lowercase();
        RELATIVE.iter().any(|r| w.starts_with(r) && (r.len() > 4 || w.len() <= r.len() + 3))
    })
}

impl super::Matcher {
    /// The whole-article list a list request asks for when words around it lower its
    /// fit ("name every person the article mentions, including whoever took the
    /// photo", "list every country mentioned, I need to check whether Belarus is
    /// there"): its request clause alone ([`list_clause`]) is answered by the list.
    pub(super) fn list_asked(&self, story: &Story, question: &str) -> Option<(usize, f32)> {
        let analyzer = &self.index.analyzer;
        let asks = |rest: &str| part_asks(rest, &analyzer.analyze_question(rest).terms);
        let clause = list_clause(question, asks)?;
        match super::decide::decide(&self.candidates_for(&analyzer.analyze_question(clause))) {
            (Outcome::Answer { entry, .. }, score) if is_list(story, entry) => Some((entry, score)),
            _ => None,
        }
    }
}

/// Whether a part of a message asks something of its own: it ends with a question
/// mark or has a question word ("where", "куда"), besides the light words that only
/// tell entries apart (a negation, attribution, saying).
pub fn part_asks(part: &str, terms: &[String]) -> bool {
    part.trim_end().ends_with('?') || terms.iter().any(|t| is_asking_term(t))
}

/// Verbs that say the text names things ("the article *names*", "статья *называет*").
const NAMED: [&str; 21] = [
    "names",
    "named",
    "mentions",
    "mentioned",
    "mention",
    "talks",
    "talk",
    "talked",
    "talking",
    "lists",
    "listed",
    "называет",
    "называют",
    "упоминаются",
    "упоминается",
    "упомянуты",
    "упомянутые",
    "названы",
    "названные",
    "перечислены",
    "фигурируют",
];

/// Words of a question for all the text names of a kind, besides the kind itself: at
/// most this many more ("list the regions *inside Russia* the article talks about").
const MAX_KIND_WORDS: usize = 2;

/// Whether a question asks for everything of a kind the text names ("list every country
/// the article names", "какие страны упоминаются в статье?"): it names the text and a
/// verb of naming, and besides those, list requests, question words and stop words
/// (`is_stopword`), it has only a few words: the kind, and nothing that restricts it.
pub fn asks_for_all_named(words: &[String], is_stopword: impl Fn(&str) -> bool) -> bool {
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if !has(&ARTICLE_WORDS) || !(has(&NAMED) || names_as_a_verb(words)) {
        return false;
    }
    kind_words(words, is_stopword).count() <= MAX_KIND_WORDS
}

/// The words of a question for everything of a kind the text names that say the kind:
/// all but the text, the verb of naming, list requests, question words and stop words
/// ("list the *regions* the article talks about").
fn kind_words(words: &[String], is_stopword: impl Fn(&str) -> bool) -> impl Iterator<Item = &str> {
    let frame = move |w: &str| {
        names_the_article(w)
            || NAMED.contains(&w)
            || LIST_REQUESTS.contains(&w)
            || BARE_REQUEST.contains(&w)
            || super::question::is_question_word(w)
            || w == "many"
            || is_stopword(w)
    };
    words.iter().map(String::as_str).filter(move |w| !frame(w))
}

/// The kind a question for everything the text names asks for, read as the plainest
/// such question ("regions in the article"): its verb of naming may be one no list
/// phrasing uses and that weighs against them ("the article *talks about*").
fn kind_in_the_text(words: &[String], is_stopword: impl Fn(&str) -> bool) -> Option<String> {
    let kind: Vec<&str> = kind_words(words, is_stopword).collect();
    (!kind.is_empty()).then(|| format!("{} in the article", kind.join(" ")))
}

/// Whether "name" is a verb, after "does" / "do" / "did" and the text ("how many
/// countries does the article *name*?"); alone it is a noun or a request.
fn names_as_a_verb(words: &[String]) -> bool {
    words.windows(2).any(|w| names_the_article(&w[0]) && w[1] == "name")
        && words.iter().any(|w| matches!(w.as_str(), "does" | "do" | "did"))
}

/// Words that ask how many things there are ("*how many* countries does the article
/// name?", "*сколько* стран упоминается?").
const COUNT: [&str; 2] = ["how many", "сколько"];

/// The question without its words that ask for a count, when it has them: a count of
/// everything of a kind the text names is answered by the list of them.
fn without_count(question: &str) -> Option<String> {
    let lower = question.to_lowercase();
    COUNT.iter().any(|c| lower.contains(c)).then(|| COUNT.iter().fold(lower, |q, c| q.replace(c, " ")))
}

impl super::Matcher {
    /// The whole-article list that answers a count of everything of a kind the text
    /// names ("how many countries does the article name?"): the list that fits the
    /// question read without its count words best, and well enough to answer (a known
    /// gap about dates of reports may fit "dates" better: a list request overrides it).
    pub(super) fn list_counted(&self, story: &Story, question: &str) -> Option<(usize, f32)> {
        let rest = without_count(question)?;
        let candidates = self.candidates_for(&self.index.analyzer.analyze_question(&rest));
        let best = candidates.entries.first()?;
        (lists_a_kind(story, best.entry) && best.confidence >= super::thresholds::ANSWER)
            .then_some((best.entry, best.confidence))
    }
}

impl super::Matcher {
    /// The whole-article list that answers a question for everything of a kind the text
    /// names ([`asks_for_all_named`]) whatever its verb of naming: the list that fits
    /// its kind read in the plainest such question ([`kind_in_the_text`]) best, and well
    /// enough to answer. A kind no list gives ("visa-free destinations") fits another
    /// entry better, so nothing is changed.
    pub(super) fn list_of_kind(&self, story: &Story, words: &[String]) -> Option<(usize, f32)> {
        let analyzer = &self.index.analyzer;
        let plain = kind_in_the_text(words, |w| analyzer.is_stopword(w))?;
        let candidates = self.candidates_for(&analyzer.analyze_question(&plain));
        let best = candidates.entries.first()?;
        (lists_a_kind(story, best.entry) && best.confidence >= super::thresholds::ANSWER)
            .then_some((best.entry, best.confidence))
    }
}

/// Verbs that ask for a list when they open a request ("name every person …",
/// "перечисли все страны …").
pub(super) const LIST_REQUESTS: [&str; 8] =
    ["list", "name", "enumerate", "перечисли", "перечислите", "назови", "назовите", "перечислить"];
/// Words that ask for every item, not one ("list *all* the borders", "*every* place
/// they fled to", "*все* страны").
pub(super) const EVERY: [&str; 9] =
    ["all", "every", "each", "все", "всё", "всех", "каждый", "каждую", "списком"];

/// Whether a question asks for every item of what it names: it requests a list
/// ([`requests_a_list`]), says "all" / "every", or asks "which" of a plural
/// ([`asks_which_of_many`]).
pub fn asks_for_every_item(words: &[String]) -> bool {
    requests_a_list(words) || words.iter().any(|w| EVERY.contains(&w.as_str())) || asks_which_of_many(words)
}

/// Words that open an English question for a kind of thing ("*which* borders").
const WHICH: [&str; 2] = ["which", "what"];
/// Verbs that follow a plural subject or open the rest of a question about it
/// ("which borders *have* queues", "what countries *are* people going to", "which
/// countries *did* the flights go to"); a verb in "-s" is singular ("what *happens*").
const PLURAL_VERB: [&str; 13] =
    ["are", "were", "have", "had", "do", "did", "does", "can", "could", "will", "would", "might", "may"];
/// Words between "which" and its plural noun, at most ("which *border* crossings").
const WHICH_NOUN_WORDS: usize = 2;

/// Whether an English question asks which things of a kind, in the plural: "which /
/// what" and a noun in "-s" ("borders", "countries", "border crossings") followed by a
/// verb ("have", "are", "did"). Asked in the plural, it wants every such thing, as
/// "all" does: not the one entry that gives a share of them.
fn asks_which_of_many(words: &[String]) -> bool {
    let plural = |w: &str| {
        w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is")
    };
    words.iter().enumerate().filter(|(_, w)| WHICH.contains(&w.as_str())).any(|(at, _)| {
        (1..=WHICH_NOUN_WORDS).any(|len| {
            let noun = words.get(at + len).map_or("", String::as_str);
            let next = words.get(at + len + 1).map_or("", String::as_str);
            plural(noun) && PLURAL_VERB.contains(&next)
        })
    })
}

/// A share of a narrow entry's quoted text that a wider entry's quotes must hold for
/// the wider entry to cover it: a quote may end a clause later ("…, AP reports.").
const COVERED_SHARE: f32 = 0.75;

/// The article ranges an entry's quotes span; a quote not found spans nothing.
fn spans(article: &str, quotes: &[String]) -> Vec<Range<usize>> {
    quotes.iter().filter_map(|q| article.find(q.as_str()).map(|at| at..at + q.len())).collect()
}

/// Whether the quotes of `wide` hold most of every quote of `narrow` and more besides:
/// `wide` says all `narrow` says and names more items.
fn covers(story: &Story, wide: usize, narrow: usize) -> bool {
    let (wide, narrow) = (
        spans(&story.article, &story.entries[wide].quotes),
        spans(&story.article, &story.entries[narrow].quotes),
    );
    let inside = |r: &Range<usize>| r.clone().filter(|i| wide.iter().any(|w| w.contains(i))).count();
    let held =
        !narrow.is_empty() && narrow.iter().all(|r| inside(r) as f32 >= COVERED_SHARE * r.len() as f32);
    let more = wide
        .iter()
        .map(|w| w.clone().filter(|i| !narrow.iter().any(|n| n.contains(i))).count())
        .sum::<usize>();
    held && more > 0
}

/// Whether two entries answer with a kind of thing in common (places, people).
fn share_a_kind(story: &Story, a: usize, b: usize) -> bool {
    story.entries[a]
        .kinds
        .iter()
        .any(|k| !matches!(k, AnswerKind::Exact | AnswerKind::List) && story.entries[b].kinds.contains(k))
}

/// A question for every item ("name all the borders where cars lined up") answered by
/// an entry that gives some of them is answered instead by the candidate that gives
/// them all: it says all the answer says and all another candidate of the same kind
/// says besides ("Finland" and "Georgia and Kazakhstan": "Finland, Georgia and
/// Kazakhstan"), fitting at least as well as a "did you mean". With no such other
/// candidate, the answer already gives every item asked for: "every visa-free
/// country" is not widened to every country people fled to.
pub fn widened_to_every_item(story: &Story, outcome: Outcome, candidates: &Candidates) -> Outcome {
    let Outcome::Answer { entry, also } = outcome else { return outcome };
    let answered: Vec<usize> = std::iter::once(entry).chain(also).collect();
    let fitting = || candidates.entries.iter().filter(|c| c.confidence >= thresholds::CLARIFY);
    let gives_more = |wide: usize| {
        fitting().any(|other| {
            !answered.contains(&other.entry)
                && share_a_kind(story, other.entry, entry)
                && covers(story, wide, other.entry)
                && !answered.iter().any(|&e| covers(story, e, other.entry))
        })
    };
    // The wider entry may be the near tie said beside the answer: it is then said alone,
    // whatever its kind, since its quotes hold all the answer's.
    let wider = fitting().find(|c| {
        let said = answered.contains(&c.entry);
        let mut others = answered.iter().filter(|&&e| e != c.entry).peekable();
        others.peek().is_some()
            && others.all(|&e| (said || share_a_kind(story, c.entry, e)) && covers(story, c.entry, e))
            && (said || gives_more(c.entry))
    });
    match wider {
        Some(c) => Outcome::Answer { entry: c.entry, also: None },
        None => outcome,
    }
}

mod joined;
mod request;
use joined::joins_passages;
pub use joined::{asks_for_everything, widened_to_joined_passages};
pub use request::requests_a_list;

#[cfg(test)]
mod tests;
