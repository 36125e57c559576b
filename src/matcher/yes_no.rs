//! Yes/no questions: whether the entry that would answer one says whether it is so.
//!
//! A question word asks for a fact the entry may give in other words; a yes/no question
//! ("Is the war over now?", "Are diesel prices rising?") asks whether what it says is
//! so, and an entry that speaks of only part of it, or of another kind of the thing it
//! names, does not say. Such a question is declined rather than answered with an entry
//! that merely shares its other words.

use super::analyze::{Analysis, QUESTION_MARK};
use super::asked::{GENERIC_IDF, yes_no_auxiliary};
use super::index::{DocRef, Index, surface_similarity};
use super::question::{ASPECT, NEGATION};

/// Share of a yes/no question's content weight the answering entry must cover: half,
/// so that one verb the entry doesn't use ("do they *check* if you're sick before
/// drafting you in Buryatia?") leaves the answer, and an unknown subject or
/// predicate ("is *gasoline* …?", "is the war *over*?") declines it.
const COVER: f32 = 0.5;
/// Terms this common (in most of the knowledge's documents: "article", "draft")
/// say little of what a figure counts; the rest of its sentence is read without them.
pub(super) const COMMON_IDF: f32 = 1.0;
/// How much more an unknown name weighs than another unknown word, as the scorer
/// counts it; a word the knowledge never uses weighs as much in a yes/no question.
const NAME: f32 = 2.0;
/// English particles that are a yes/no question's whole predicate when they close it
/// ("is the war *over*?", "are the borders shut *down*?"); the matcher drops them as
/// stop words, so they are counted here.
const PARTICLES: [&str; 7] = ["over", "out", "off", "up", "down", "back", "away"];
/// Words that ask how, which the matcher leaves out of its question words ("как" is
/// as often "as" or "like"): a question with one is not a yes/no question.
pub(super) const ASKS_HOW: [&str; 5] = ["как", "каков", "какова", "каково", "каковы"];
/// "Or": a question that offers alternatives asks which, not whether ("do they let
/// men in or catch them?").
const ALTERNATIVE: [&str; 3] = ["or", "или", "либо"];
/// Words that may follow the predicate at the end of a question ("is it over *now*?").
const TRAILING: [&str; 9] = ["now", "yet", "already", "still", "then", "right", "too", "anymore", "really"];

/// Whether `doc` uses the term `id`.
pub(super) fn doc_has(index: &Index, id: u32, doc: u32) -> bool {
    index.doc_postings[id as usize].binary_search_by_key(&doc, |&(d, _)| d).is_ok()
}

/// Whether the entries answering a question cover enough of it when it asks yes or
/// no (no question word): its content words, through stems and synonyms, and a
/// particle that is its predicate ("is the war over?"). A question word asks for a
/// fact the entry may give in other words; a yes/no question asks whether what it
/// says is so, and an entry that speaks of only part of it does not say.
pub(super) fn covers_yes_no(index: &Index, analysis: &Analysis, entry: usize, also: Option<usize>) -> bool {
    let interrogative = |w: &String| ASKS_HOW.contains(&w.as_str()) || ALTERNATIVE.contains(&w.as_str());
    if analysis.terms.iter().any(|t| t.starts_with(QUESTION_MARK) && t != NEGATION && t != ASPECT)
        || analysis.words.iter().any(interrogative)
    {
        return true;
    }
    let entries: Vec<usize> = std::iter::once(entry).chain(also).collect();
    coverage(index, analysis, &entries, Unknown::All) >= COVER && !narrows_another(index, analysis, &entries)
}

/// Whether the subject of a yes/no question is a specific term the entries use
/// narrowed by a word the knowledge never uses, right after the auxiliary: "are
/// *diesel prices* rising?" asks about another kind of the prices the entry speaks of
/// (airfare), so the entry does not say whether it is so. A common term ("are *young
/// men* fleeing?") is narrowed by it, not replaced.
fn narrows_another(index: &Index, analysis: &Analysis, entries: &[usize]) -> bool {
    let words = &analysis.words;
    let Some(aux) = yes_no_auxiliary(words) else { return false };
    let Some(at) = (aux + 1..words.len()).find(|&i| !index.analyzer.is_stopword(&words[i])) else {
        return false;
    };
    let Some(next) = words.get(at + 1) else { return false };
    let pair = index.analyzer.analyze_question(&format!("{} {next}", words[at]));
    let [modifier, head] = pair.terms.as_slice() else { return false };
    let unknown = index.term(modifier).is_none()
        && !pair.corrected.contains(modifier)
        && modifier.chars().all(char::is_alphabetic);
    let docs: Vec<u32> = entries.iter().map(|&e| index.doc_of(DocRef::Entry(e))).collect();
    unknown
        && index.term(head).is_some_and(|id| {
            index.idf[id as usize] >= GENERIC_IDF && docs.iter().any(|&d| doc_has(index, id, d))
        })
}

/// Which words the knowledge never uses count against an entry's coverage.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Unknown {
    /// All, as much as a name: in a yes/no question such a word is likely what it
    /// asks about ("is *gasoline* getting more expensive?").
    All,
    /// Only names, and the commonest terms are left out: chatter around a figure
    /// ("correct me if wrong", "the article said") is not what it counts.
    Names,
}

/// The share of a question's content weight (its question words aside) that `entries`
/// speak of: words the knowledge never uses count as the scorer counts them (names
/// twice), and so does a particle that closes the question as its predicate.
pub(super) fn coverage(index: &Index, analysis: &Analysis, entries: &[usize], unknown: Unknown) -> f32 {
    let docs: Vec<u32> = entries.iter().map(|&e| index.doc_of(DocRef::Entry(e))).collect();
    let (mut asked, mut covered) = (0f32, 0f32);
    for term in analysis.terms.iter().filter(|t| !t.starts_with(QUESTION_MARK)) {
        match index.term(term) {
            Some(id) if unknown == Unknown::Names && index.idf[id as usize] < COMMON_IDF => {}
            Some(id) => {
                asked += index.idf[id as usize];
                if docs.iter().any(|&d| doc_has(index, id, d)) {
                    covered += index.idf[id as usize];
                }
            }
            None if unknown == Unknown::All || analysis.names.contains(term) => {
                asked += NAME * index.unknown_weight
            }
            None => {}
        }
    }
    if let Some(particle) = closing_particle(&analysis.words) {
        asked += NAME * index.unknown_weight;
        let surface = index.surface(std::slice::from_ref(&particle.to_string()));
        let uses =
            |d: &u32| index.docs[*d as usize].surfaces().any(|s| surface_similarity(&surface, s) > 0.0);
        if docs.iter().any(uses) {
            covered += NAME * index.unknown_weight;
        }
    }
    if asked <= 0.0 { 1.0 } else { covered / asked }
}

/// Whether `analysis` has any content weight for [`coverage`] to measure: with none,
/// every entry would cover all of it.
pub(super) fn has_content(index: &Index, analysis: &Analysis, unknown: Unknown) -> bool {
    coverage(index, analysis, &[], unknown) < 1.0
}

/// The particle that closes a question as its predicate, if one does.
fn closing_particle(words: &[String]) -> Option<&str> {
    let last = words.iter().rev().find(|w| !TRAILING.contains(&w.as_str()))?;
    PARTICLES.contains(&last.as_str()).then_some(last.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_auxiliary_of_a_yes_no_question_opens_it() {
        let words = |t: &str| t.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(yes_no_auxiliary(&words("are diesel prices rising")), Some(0));
        assert_eq!(yes_no_auxiliary(&words("so is gasoline dearer")), Some(1));
        assert_eq!(yes_no_auxiliary(&words("признал ли губернатор ошибки")), Some(1));
        assert_eq!(yes_no_auxiliary(&words("cars planes whatever")), None);
    }

    #[test]
    fn a_particle_that_closes_a_question_is_its_predicate() {
        let words = |t: &str| t.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(closing_particle(&words("is the war over now")), Some("over"));
        assert_eq!(closing_particle(&words("did men flee over the border")), None);
        assert_eq!(closing_particle(&words("is the border open")), None);
    }
}
