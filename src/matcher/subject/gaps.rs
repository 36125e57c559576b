//! Gap notes and the question: whether a gap is about what was asked, which things a
//! note names, and how much of a note a decline may say. A decline that brings up
//! another subject than the one asked about answers a question nobody asked.

use std::sync::OnceLock;

use super::super::analyze::{Analysis, QUESTION_MARK};
use super::super::index::{DocRef, Index, Named};
use super::super::normalize;
use crate::knowledge::Story;
use crate::lang::Lang;

/// Share of a question's content weight (its question words aside) that a gap must
/// cover for its note to be about the question: below, the question's subject is
/// something the gap does not speak of.
pub const GAP_ABOUT: f32 = 0.6;
/// How much more an unknown name weighs than another unknown word, as the scorer counts
/// it.
const NAME: f32 = 2.0;
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
    /// The things the headline names (Putin): the story is about them, so a note's head
    /// that names them brings up no other subject.
    headline: Vec<Named>,
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
    /// Per language: the things the head (what the article lacks) names.
    heads: [Vec<Named>; 2],
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
        let headline_analysis = index.analyzer.analyze_question(&story.meta.headline);
        let headline_things = index.entities_in(&headline_analysis);
        let headline = headline_analysis.terms;
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
        GapNames { notes, known, absent, headline: headline_things, named, labels, label_named }
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
            heads: [Vec::new(), Vec::new()],
            tails: [Vec::new(), Vec::new()],
            tail_figures: [Vec::new(), Vec::new()],
        };
        let (Some(cell), Some(notes)) = (self.named.get(gap), self.notes.get(gap)) else { return &NONE };
        cell.get_or_init(|| {
            let names = |text: &str| self.things_in(index, &index.analyzer.analyze_question(text));
            let mut named = NoteNames::default();
            for (lang, note) in notes.iter().enumerate() {
                named.all.extend(names(note));
                let (head, tail) = note_parts(note);
                named.heads[lang] = names(head);
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
        // second wave?" is not answered "300,000 could be called up"; but one the
        // question gets wrong ("he'll call up *a million*, right?") is what it asks about.
        note.tails[lang].iter().any(|named| !asked.contains(named))
            || note.tail_figures[lang]
                .iter()
                .any(|figure| !analysis.words.contains(figure) && !mistaken_for(figure, &analysis.words))
    }

    /// Whether the head of gap `gap`'s note in `lang` names a thing the question does
    /// not, of a kind the question names: asked about Georgia, "no figures for Georgia
    /// and Kazakhstan" speaks of another country, so the decline says no note. The
    /// lexicon's `known` things are one kind here: asked about Lappeenranta, "no facts
    /// about Buryatia" speaks of another place.
    pub fn head_strays(&self, index: &Index, analysis: &Analysis, gap: usize, lang: Lang) -> bool {
        let heads = &self.of(index, gap).heads[usize::from(lang == Lang::Ru)];
        if heads.is_empty() {
            return false;
        }
        let asked = self.things_in(index, analysis);
        let other_known =
            |&(g, m): &Named| g == KNOWN && !heads.contains(&(g, m)) && !self.headline.contains(&(g, m));
        heads.iter().any(|&(group, member)| {
            let other = !asked.contains(&(group, member)) && !self.headline.contains(&(group, member));
            let of_its_kind =
                |&(g, m): &Named| if group == KNOWN { other_known(&(g, m)) } else { g == group };
            other && asked.iter().any(of_its_kind)
        })
    }
}

/// Figures smaller than this are days, hours and small counts ("Sept. 22", "7
/// months"), which a count of people is never mistaken for.
const MIN_COUNT: u64 = 1000;
/// A figure more than this many times another is no mix-up of the two (as the
/// premise check reads a wrong figure): 3 million for 300,000 is one.
const MAX_MIX_UP: u64 = 20;

/// Whether `words` (normalized: "a million" is "1000000") state a count that `figure`,
/// a count too, would correct: another count of its order.
fn mistaken_for(figure: &str, words: &[String]) -> bool {
    let count = |w: &str| w.parse::<u64>().ok().filter(|&n| n >= MIN_COUNT);
    let Some(figure) = count(figure) else { return false };
    words.iter().filter_map(|w| count(w)).any(|n| n != figure && n.max(figure) <= n.min(figure) * MAX_MIX_UP)
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
