//! Within one message, a part that points back ("… a part about Buryatia. What happened
//! to the men *there*?") is about the thing an earlier part named, as a follow-up is
//! about the last answer ([`super::super::followup`]). Language-generic.

use super::super::analyze::Analysis;
use super::super::normalize;
use super::super::reference::{is_leaning, points_back_in_message};
use super::is_context;

/// What reading the parts with their referents did.
#[derive(Debug, Default, PartialEq)]
pub struct Referents {
    /// Parts that only named what a later part points back at ("In this article there
    /// is a part about Buryatia."): they set the scene and are not matched alone.
    pub absorbed: Vec<bool>,
    /// Whether any part was read with a referent.
    pub any: bool,
}

/// Reads each part that points back and names nothing itself with the things the
/// nearest earlier part names (`things` gives a part's terms that name a thing, or
/// `None` when it has a word the knowledge never uses): "what happened to the men
/// there" is matched as if it said "Buryatia". The earlier part, when it only sets the
/// scene ([`is_context`]), is absorbed into the question. A part with a word the
/// knowledge never uses may be what the pointer stands for ("the priest in Buryatia
/// … what happened to *him*?"), so nothing before it is carried past it.
pub fn carry(
    parts: &[&str],
    analyses: &mut [Analysis],
    things: impl Fn(&Analysis) -> Option<Vec<String>>,
) -> Referents {
    let mut out = Referents { absorbed: vec![false; parts.len()], any: false };
    let mut named: Option<(usize, Vec<String>)> = None;
    for (i, part) in parts.iter().enumerate() {
        let Some(own) = things(&analyses[i]) else {
            named = None;
            continue;
        };
        if !own.is_empty() {
            named = Some((i, own));
            continue;
        }
        let Some((at, names)) = &named else { continue };
        if !points_back_in_message(&normalize::words(part)) {
            continue;
        }
        let analysis = &mut analyses[i];
        for name in names {
            if !analysis.terms.contains(name) {
                analysis.terms.push(name.clone());
            }
        }
        out.absorbed[*at] |= is_context(parts[*at]);
        out.any = true;
    }
    out
}

/// Whether a part only goes on asking about the question before it: it points back
/// with a word that leans on it ([`is_leaning`]: "and how long does *that* take?", "сколько *это*
/// стоит?", "where did *they* publish it?") and names no thing of its own
/// (`names_nothing`). Matched alone, its bare words find whatever fact is nearest them.
/// "Что это за регион" is "what kind of region": "это" stands for nothing there.
pub fn leans_back(words: &[String], names_nothing: impl FnOnce() -> bool) -> bool {
    let leaning = |(i, w): (usize, &String)| {
        is_leaning(w) && !(w == "это" && words.get(i + 1).is_some_and(|n| n == "за"))
    };
    words.iter().enumerate().any(leaning) && names_nothing()
}

impl super::super::Matcher {
    /// The decision for a message without the parts set aside (`aside`), each part
    /// with the terms it was read with ([`carry`]); none when nothing is left.
    pub(in crate::matcher) fn whole_without(
        &self,
        split: &[&str],
        analyses: &[Analysis],
        aside: &[bool],
    ) -> Option<(super::super::Outcome, f32)> {
        let kept: Vec<usize> = (0..split.len()).filter(|&i| !aside[i]).collect();
        let text: Vec<&str> = kept.iter().map(|&i| split[i]).collect();
        let mut analysis = self.index.analyzer.analyze_question(&text.join("\n"));
        for term in kept.iter().flat_map(|&i| &analyses[i].terms) {
            if !analysis.terms.contains(term) {
                analysis.terms.push(term.clone());
            }
        }
        (!kept.is_empty()).then(|| super::super::decide::decide(&self.candidates_for(&analysis)))
    }

    /// The one part of a message that asks something when every other part asks only
    /// who reported it ("Reuters is the source for the Belarus claim, right? Who actually
    /// reported it?"): every answer names its source, so the message is that part,
    /// read alone with every check a one-part question gets (a wrong source corrected).
    pub(in crate::matcher) fn the_part_beside_source_asks<'a>(&self, question: &'a str) -> Option<&'a str> {
        let unknown = |clause: &str| self.names_unknown(&self.index.analyzer.analyze_question(clause));
        let split = super::split_keeping(question, &unknown);
        let analyses: Vec<Analysis> =
            split.iter().map(|part| self.index.analyzer.analyze_question(part)).collect();
        let source: Vec<bool> = analyses.iter().map(|a| self.asks_only_the_source(a)).collect();
        if !source.contains(&true) {
            return None;
        }
        let mut asking =
            (0..split.len()).filter(|&i| !source[i] && !self.asks_nothing_alone(split[i], &analyses[i]));
        let (Some(at), None) = (asking.next(), asking.next()) else { return None };
        // The rest names what was reported; a part naming nothing ("every single one
        // pls") leaves the source ask as the question.
        let names_a_thing = !self.gap_names.thing_terms(&self.index, &analyses[at]).is_empty();
        names_a_thing.then_some(split[at])
    }

    /// Whether a part asks only who reported what the rest of the message asks ("…, and
    /// which agency is it attributed to?").
    pub(in crate::matcher) fn asks_only_the_source(&self, analysis: &Analysis) -> bool {
        let about =
            super::super::reference::about_answer(&analysis.words, |w| self.index.analyzer.is_stopword(w));
        about == Some(super::super::AboutAnswer::Source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An analysis of a part: its words as terms, the capitalised ones as things.
    fn analysis(part: &str) -> Analysis {
        let words = normalize::words(part);
        Analysis { terms: words.clone(), words, ..Analysis::default() }
    }

    /// Capitalised words are things; "priest" is a word the knowledge never uses.
    fn things_in(parts: &[&str]) -> impl Fn(&Analysis) -> Option<Vec<String>> {
        let names: Vec<String> = parts
            .iter()
            .flat_map(|p| p.split_whitespace())
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() > 4)
            .map(|w| normalize::words(w).remove(0))
            .collect();
        move |a: &Analysis| {
            let unknown = a.terms.iter().any(|t| t == "priest");
            (!unknown).then(|| a.terms.iter().filter(|t| names.contains(t)).cloned().collect())
        }
    }

    fn read(parts: &[&str]) -> (Vec<Vec<String>>, Referents) {
        let mut analyses: Vec<Analysis> = parts.iter().map(|p| analysis(p)).collect();
        let referents = carry(parts, &mut analyses, things_in(parts));
        (analyses.into_iter().map(|a| a.terms).collect(), referents)
    }

    #[test]
    fn a_part_that_points_back_is_read_with_the_thing_named_before() {
        let parts = ["The article has a part about Buryatia.", "What happened to the men there"];
        let (terms, referents) = read(&parts);
        assert!(terms[1].contains(&"buryatia".to_string()), "{terms:?}");
        assert_eq!(referents.absorbed, [true, false], "the scene is part of the question");
        let ru = ["Там есть про Бурятию.", "что с ними там сделали?"];
        let (terms, referents) = read(&ru);
        assert!(terms[1].contains(&"бурятию".to_string()), "{terms:?}");
        assert!(referents.any);
    }

    #[test]
    fn a_part_that_points_back_and_names_nothing_leans_on_the_one_before() {
        let leans = |part: &str, names_nothing: bool| leans_back(&normalize::words(part), || names_nothing);
        assert!(leans("And how long does that take?", true));
        assert!(leans("сколько это стоит?", true));
        assert!(leans("and where did they publish it?", true));
        assert!(!leans("And how long does that take in Finland?", false), "it names its own thing");
        assert!(!leans("how long are the lines?", true), "it points nowhere");
        assert!(!leans("what kind of checkpoint is there?", true), "a place is the scene");
        assert!(!leans("and should people like him be exempt?", true), "a person named in passing");
        assert!(!leans("что это за место?", true), "'что это за' asks what kind");
    }

    #[test]
    fn a_part_that_names_its_own_thing_or_points_nowhere_is_left_alone() {
        let (terms, referents) = read(&["Tell me about Buryatia.", "what about Finland there?"]);
        assert!(!terms[1].contains(&"buryatia".to_string()));
        assert!(!referents.any);
        let (_, referents) = read(&["Tell me about Buryatia.", "is there a queue?"]);
        assert!(!referents.any, "an existential 'there' points nowhere");
        let (_, referents) = read(&["Tell me about Buryatia.", "is it true?"]);
        assert!(!referents.any, "'it' is the claim as often as a thing");
        let (_, referents) = read(&["what did they say", "and Buryatia?"]);
        assert!(!referents.any, "nothing named before it");
        let (_, referents) = read(&["a priest in Buryatia hid men", "what happened to him?"]);
        assert!(!referents.any, "'him' may be the priest, whom the story never names");
        let (_, referents) = read(&["What did Buryatia's governor admit?", "and who reported it there?"]);
        assert_eq!(referents.absorbed, [false, false], "a question is not absorbed");
    }
}
