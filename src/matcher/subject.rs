//! What a question is about, and whether the story knows it.
//!
//! A decline that brings up the nearest gap's subject ("How cold is Moscow in winter?"
//! → a note about Buryatia's governor) answers a question nobody asked: a gap's note is
//! said only when the gap covers most of the question's weight and the note names
//! every thing the question names. A question whose frame names its subject ("what did
//! *the Pope* say", "what is *the temperature* in", "сколько стоит *X*") and whose
//! subject the story never speaks of is declined, however well its other words fit.

use std::sync::OnceLock;

use super::Outcome;
use super::analyze::{Analysis, QUESTION_MARK};
use super::index::{DocRef, Index, Named};
use super::normalize;
use crate::knowledge::Story;
use crate::lang::Lang;

/// Share of a question's content weight (its question words aside) that a gap must
/// cover for its note to be about the question: below, the question's subject is
/// something the gap does not speak of.
pub const GAP_ABOUT: f32 = 0.6;
/// How much more an unknown name weighs than another unknown word, as the scorer counts
/// it.
const NAME: f32 = 2.0;
/// An entry that fits this well is answered even when the question's subject is a word
/// the story never uses: its other words already say what the entry says, and the new
/// word is a paraphrase ("the White House's *stance*").
pub const CLOSE_FIT: f32 = 0.7;
/// The longest subject a frame reads, in words: longer, the frame is not a noun phrase.
const MAX_SUBJECT: usize = 4;

/// Question words that open a frame, and the verbs that close a frame about what
/// someone said ("what did X say") or what a thing costs ("how much does X cost").
const EN_OPEN: [&str; 2] = ["what", "how"];
const EN_AUX: [&str; 8] = ["did", "does", "do", "has", "have", "had", "will", "would"];
const EN_SAY: [&str; 12] = [
    "say", "said", "think", "tell", "claim", "write", "announce", "react", "respond", "reply", "comment",
    "do",
];
const EN_BE: [&str; 4] = ["is", "was", "are", "were"];
/// Words that end the noun phrase after "what is the …".
const EN_END: [&str; 17] = [
    "in", "of", "for", "at", "on", "like", "during", "this", "these", "to", "from", "about", "with", "by",
    "near", "now", "today",
];
const RU_COST: [&str; 6] = ["стоит", "стоят", "стоил", "стоила", "стоило", "стоили"];
const RU_SAY: [&str; 20] = [
    "сказал",
    "сказала",
    "сказали",
    "говорил",
    "говорила",
    "говорили",
    "говорит",
    "говорят",
    "заявил",
    "заявила",
    "заявили",
    "думает",
    "думают",
    "ответил",
    "ответила",
    "ответили",
    "написал",
    "написали",
    "считает",
    "считают",
];
const RU_WHICH: [&str; 8] = ["какая", "какой", "какое", "какие", "каков", "какова", "каково", "каковы"];
const RU_END: [&str; 16] =
    ["в", "во", "на", "о", "об", "про", "у", "для", "из", "с", "со", "к", "по", "за", "при", "сейчас"];
/// Nouns that stand for any subject ("what's the *situation* at the border"): the
/// subject is elsewhere, so they never decline a question.
const VAGUE: [&str; 34] = [
    "situation",
    "deal",
    "story",
    "news",
    "latest",
    "thing",
    "things",
    "point",
    "status",
    "update",
    "gist",
    "summary",
    "idea",
    "context",
    "background",
    "reason",
    "matter",
    "problem",
    "issue",
    "main",
    "overall",
    "vibe",
    "mood",
    "atmosphere",
    "scene",
    "takeaway",
    "tldr",
    "ситуация",
    "обстановка",
    "атмосфера",
    "дело",
    "новости",
    "суть",
    "история",
];

/// What a frame says its subject is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Someone who said something: unknown when its head is ("the *Pope*"), or in
    /// Russian any of its words ("папа *римский*").
    Speaker,
    /// A thing asked about: it is unknown when none of its words is ("the temperature",
    /// but not "a used *car*").
    Thing,
}

/// A question's subject that the story never speaks of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unknown {
    /// The unknown word that heads it, as normalized.
    pub word: String,
}

/// The subject a question's frame names, if any frame does, and the story does not
/// know it.
pub fn unknown_subject(index: &Index, words: &[String]) -> Option<Unknown> {
    let (span, role) = (0..words.len()).find_map(|at| frame_at(words, at))?;
    let content: Vec<(&String, bool)> = span
        .iter()
        .filter(|w| !VAGUE.contains(&w.as_str()))
        .filter_map(|w| known(index, w).map(|k| (w, k)))
        .collect();
    let unknown = || content.iter().filter(|(_, k)| !k).map(|(w, _)| w.to_string());
    // An English noun phrase ends in its head ("the Russian *govt*"); a Russian one
    // may not ("папа римский"), so there any unknown word makes the speaker unknown.
    let english = span.iter().all(|w| w.is_ascii());
    let is_unknown = match role {
        Role::Speaker if english => content.last().is_some_and(|(_, k)| !k),
        Role::Speaker => content.iter().any(|(_, k)| !k),
        Role::Thing => !content.is_empty() && content.iter().all(|(_, k)| !k),
    };
    let word = match role {
        Role::Speaker if english => unknown().next_back(),
        Role::Speaker => unknown().next(),
        Role::Thing => unknown().next_back(),
    };
    word.filter(|_| is_unknown).map(|word| Unknown { word })
}

/// The unknown subject of a message of several parts, given each part's outcome and
/// unknown subject: none when a part that may be answered has a subject the story
/// knows (a frame in the chatter around a question is not the question's), else the
/// first part's that has one.
pub fn unknown_in_parts(parts: Vec<(Outcome, Option<Unknown>)>) -> Option<Unknown> {
    let answerable = |o: &Outcome| matches!(o, Outcome::Answer { .. } | Outcome::Clarify { .. });
    if parts.iter().any(|(outcome, unknown)| answerable(outcome) && unknown.is_none()) {
        return None;
    }
    parts.into_iter().find_map(|(_, unknown)| unknown)
}

/// Whether the story knows `word`; `None` for a word that says nothing (a stop word).
fn known(index: &Index, word: &str) -> Option<bool> {
    let analysis = index.analyzer.analyze_question(word);
    if analysis.terms.is_empty() {
        return None;
    }
    Some(analysis.terms.iter().any(|t| t.starts_with(QUESTION_MARK) || index.term(t).is_some()))
}

/// The subject of a frame that starts at word `at`, and what the frame says it is.
fn frame_at(words: &[String], at: usize) -> Option<(&[String], Role)> {
    let word = |i: usize| words.get(i).map_or("", String::as_str);
    let rest = &words[at..];
    // "what did X say", "how did X react", "how much does X cost".
    let open = match (word(at), word(at + 1)) {
        ("how", "much") => 2,
        (w, _) if EN_OPEN.contains(&w) => 1,
        _ => 0,
    };
    if open > 0 && EN_AUX.contains(&word(at + open)) {
        let start = open + 1;
        let close = rest.iter().skip(start).take(MAX_SUBJECT + 1).position(|w| {
            let w = w.as_str();
            if open == 2 { w == "cost" } else { EN_SAY.contains(&w) || w == "cost" }
        });
        if let Some(len @ 1..) = close {
            let role = if word(at + start + len) == "cost" { Role::Thing } else { Role::Speaker };
            return speaker(&rest[start..start + len], &EN_END).map(|span| (span, role));
        }
    }
    // "what is the temperature in …", "what's the weather like".
    let the = match (word(at), word(at + 1)) {
        ("whats", _) => 1,
        ("what", be) if EN_BE.contains(&be) => 2,
        _ => 0,
    };
    if the > 0 && word(at + the) == "the" {
        return phrase(&rest[the + 1..], &EN_END).map(|span| (span, Role::Thing));
    }
    // "сколько стоит X", "какая X", "что X сказал", "что сказал X".
    match word(at) {
        "сколько" if RU_COST.contains(&word(at + 1)) => {
            phrase(&rest[2..], &RU_END).map(|s| (s, Role::Thing))
        }
        w if RU_WHICH.contains(&w) => phrase(&rest[1..], &RU_END).map(|s| (s, Role::Thing)),
        "что" if RU_SAY.contains(&word(at + 1)) => phrase(&rest[2..], &RU_END).map(|s| (s, Role::Speaker)),
        "что" => {
            let said = rest.iter().skip(1).take(MAX_SUBJECT + 1).position(|w| RU_SAY.contains(&w.as_str()));
            said.filter(|&len| len >= 1)
                .and_then(|len| speaker(&rest[1..1 + len], &RU_END))
                .map(|s| (s, Role::Speaker))
        }
        _ => None,
    }
}

/// `words` when they can name who spoke: a phrase with a preposition ("people in
/// Moscow") or "что" read as "that" ("правда, что в Бурятии … говорят") is a clause.
fn speaker<'a>(words: &'a [String], end: &[&str]) -> Option<&'a [String]> {
    (!words.iter().any(|w| end.contains(&w.as_str()))).then_some(words)
}

/// The noun phrase that opens `words`, up to a word of `end` or the end: none when it
/// is empty or too long to be one.
fn phrase<'a>(words: &'a [String], end: &[&str]) -> Option<&'a [String]> {
    let len = words.iter().position(|w| end.contains(&w.as_str())).unwrap_or(words.len());
    (1..=MAX_SUBJECT).contains(&len).then(|| &words[..len])
}

/// The things (countries, people, outlets) each gap's note names, in either language:
/// the note is what a decline says, so it must speak of what the question names. Each
/// note is read the first time a decline needs it: reading all of them would be a tenth
/// of every start-up, and most never are.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct GapNames {
    notes: Vec<[String; 2]>,
    /// The terms of each thing the lexicon lists as `known` (Buryatia, Nuijamaa, and
    /// things the article never names, such as Estonia), told apart as group
    /// [`KNOWN`]; those the headline names are left out (the story is about them, so
    /// a note that names them brings up no other subject), and so are common nouns.
    known: Vec<Vec<String>>,
    /// Per `known` thing: whether the article never names it (Mongolia, the Kremlin):
    /// a note must then name it to be about a question that does.
    absent: Vec<bool>,
    #[serde(with = "crate::cache::fields::cells")]
    named: Vec<OnceLock<NoteNames>>,
    /// Each entry's first phrasing in English and Russian: what a button offering it
    /// says.
    labels: Vec<[String; 2]>,
    /// The things each entry's labels name, read the first time a decline offers it.
    #[serde(with = "crate::cache::fields::cells")]
    label_named: Vec<OnceLock<Vec<Named>>>,
}

/// The group of the lexicon's `known` things, beside its `[entities]` groups.
const KNOWN: u16 = u16::MAX;

/// What one gap's note names: in all, and in each language's tail (what the article
/// does say, after what it lacks), English first.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
struct NoteNames {
    all: Vec<Named>,
    tails: [Vec<Named>; 2],
    /// Per language: the figures the tail states ("300,000", "Sep 24"), as normalized
    /// words.
    tail_figures: [Vec<String>; 2],
}

impl GapNames {
    pub fn build(story: &Story, index: &Index) -> GapNames {
        let notes: Vec<[String; 2]> =
            story.gaps.iter().map(|g| [g.note.en.clone(), g.note.ru.clone()]).collect();
        let named = notes.iter().map(|_| OnceLock::new()).collect();
        let terms = |name: &str| index.analyzer.analyze_question(name).terms;
        let headline = terms(&story.meta.headline);
        // A thing written without a capital ("checkpoint") is a common noun, not a name.
        let proper = |thing: &Vec<String>| thing.first().is_some_and(|n| n.starts_with(char::is_uppercase));
        let known: Vec<Vec<String>> =
            (story.lexicon.known.iter())
                .map(|thing| {
                    if proper(thing) {
                        thing.iter().flat_map(|name| terms(name)).collect()
                    } else {
                        Vec::new()
                    }
                })
                .map(|mut t| {
                    if t.iter().any(|t| headline.contains(t)) {
                        t.clear();
                    }
                    t
                })
                .collect();
        let first = |list: &[String]| list.first().cloned().unwrap_or_default();
        let labels: Vec<[String; 2]> =
            story.entries.iter().map(|e| [first(&e.questions.en), first(&e.questions.ru)]).collect();
        let label_named = labels.iter().map(|_| OnceLock::new()).collect();
        let article = story.article.to_lowercase();
        let absent = story
            .lexicon
            .known
            .iter()
            .map(|thing| !thing.iter().any(|n| article.contains(&n.to_lowercase())))
            .collect();
        GapNames { notes, known, absent, named, labels, label_named }
    }

    /// The things `analysis` names that a note may speak of: `[entities]`, and `known`
    /// names but for those the headline names.
    fn things_in(&self, index: &Index, analysis: &Analysis) -> Vec<Named> {
        let headline_free =
            |&(group, member): &Named| group != KNOWN || !self.known[member as usize].is_empty();
        let known = (self.known.iter().enumerate())
            .filter(|(_, terms)| terms.iter().any(|t| analysis.terms.contains(t)))
            .map(|(k, _)| (KNOWN, k as u16));
        index.entities_in(analysis).into_iter().chain(known).filter(headline_free).collect()
    }

    /// What gap `gap`'s note names (nothing for a gap that doesn't exist).
    fn of(&self, index: &Index, gap: usize) -> &NoteNames {
        static NONE: NoteNames = NoteNames {
            all: Vec::new(),
            tails: [Vec::new(), Vec::new()],
            tail_figures: [Vec::new(), Vec::new()],
        };
        let (Some(cell), Some(notes)) = (self.named.get(gap), self.notes.get(gap)) else { return &NONE };
        cell.get_or_init(|| {
            let names = |text: &str| self.things_in(index, &index.analyzer.analyze_question(text));
            let mut named = NoteNames::default();
            for (lang, note) in notes.iter().enumerate() {
                named.all.extend(names(note));
                let tail = note_parts(note).1;
                named.tails[lang] = names(tail);
                let figures =
                    normalize::words(tail).into_iter().filter(|w| w.bytes().any(|b| b.is_ascii_digit()));
                named.tail_figures[lang] = figures.collect();
            }
            named
        })
    }

    /// Whether a decline may offer entry `entry` to a question that names `asked`
    /// ([`Self::things_named`]): its button names nothing the question does not, so an
    /// offer does not bring up another subject ("how long is the wait at the Kazakh
    /// border?" is not offered the Finnish border).
    pub fn may_offer(&self, index: &Index, asked: &[Named], entry: usize) -> bool {
        let (Some(cell), Some(labels)) = (self.label_named.get(entry), self.labels.get(entry)) else {
            return false;
        };
        let named = cell.get_or_init(|| {
            labels.iter().flat_map(|l| self.things_in(index, &index.analyzer.analyze_question(l))).collect()
        });
        named.iter().all(|n| asked.contains(n))
    }

    /// The things a question names that a decline must keep to.
    pub fn things_named(&self, index: &Index, analysis: &Analysis) -> Vec<Named> {
        self.things_in(index, analysis)
    }

    /// The terms of `analysis` that name a thing (`[entities]`, or `known` but for the
    /// headline's): what a later part of the message may point back at.
    pub fn thing_terms(&self, index: &Index, analysis: &Analysis) -> Vec<String> {
        let names = |t: &String| index.entity_group(t).is_some() || self.known.iter().any(|k| k.contains(t));
        analysis.terms.iter().filter(|t| names(t)).cloned().collect()
    }

    /// Whether a decline in `lang` should say only the head of gap `gap`'s note: its
    /// tail (what the article does say) names a thing the question does not, so it
    /// would bring up another subject than the one asked about.
    pub fn head_only(&self, index: &Index, analysis: &Analysis, gap: usize, lang: Lang) -> bool {
        let note = self.of(index, gap);
        let lang = usize::from(lang == Lang::Ru);
        let asked = self.things_in(index, analysis);
        // A figure the question doesn't state is another subject too: "will there be a
        // second wave?" is not answered "300,000 could be called up".
        note.tails[lang].iter().any(|named| !asked.contains(named))
            || note.tail_figures[lang].iter().any(|figure| !analysis.words.contains(figure))
    }
}

/// A gap's note cut after its first clause: what the article lacks ("The article
/// doesn't give waiting times.") and what it does say ("It says only that …"). The cut
/// is the first "; " or sentence end before a capital ("Sept. 22" is no end); a note
/// of one clause is all head.
pub fn note_parts(note: &str) -> (&str, &str) {
    let cut = note.char_indices().find(|&(at, c)| {
        let next = note[at + c.len_utf8()..].strip_prefix(' ');
        match c {
            ';' => next.is_some(),
            '.' => next.and_then(|rest| rest.chars().next()).is_some_and(char::is_uppercase),
            _ => false,
        }
    });
    match cut {
        Some((at, _)) => (&note[..at], note[at + 1..].trim_start()),
        None => (note, ""),
    }
}

/// The head of a note as a sentence of its own ([`note_parts`]).
pub fn note_head(note: &str) -> String {
    let (head, _) = note_parts(note);
    let head = head.trim_end_matches(['.', ';']);
    format!("{head}.")
}

/// Whether gap `gap` is about the question: it covers at least [`GAP_ABOUT`] of the
/// question's content weight, counting words the knowledge never uses (names twice, as
/// the scorer does), and its note names every thing the question names: a country,
/// person or outlet of lexicon `[entities]`, or a name it lists as `known` that the
/// article never uses ("can Russians go to *Mongolia* without a visa?" is not about a
/// note that names only the visa-free countries the article lists).
pub fn gap_is_about(index: &Index, notes: &GapNames, analysis: &Analysis, gap: usize) -> bool {
    let Some(doc) = index.docs.iter().position(|d| d.target == DocRef::Gap(gap)) else { return false };
    let doc = doc as u32;
    let has = |id: u32| index.doc_postings[id as usize].binary_search_by_key(&doc, |&(d, _)| d).is_ok();
    let (mut asked, mut covered) = (0f32, 0f32);
    for term in analysis.terms.iter().filter(|t| !t.starts_with(QUESTION_MARK)) {
        match index.term(term) {
            Some(id) => {
                let weight = index.idf[id as usize];
                asked += weight;
                if has(id) {
                    covered += weight;
                }
            }
            None if analysis.names.contains(term) => asked += NAME * index.unknown_weight,
            None => asked += index.unknown_weight,
        }
    }
    let note = notes.of(index, gap);
    let names_all = index.entity_terms_in(analysis).into_iter().all(has)
        && (notes.things_in(index, analysis).iter())
            .filter(|&&(group, member)| group != KNOWN || notes.absent[member as usize])
            .all(|n| note.all.contains(n));
    names_all && (asked <= 0.0 || covered / asked >= GAP_ABOUT)
}

#[cfg(test)]
mod tests;
