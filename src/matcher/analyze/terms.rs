//! A question's or a knowledge text's stems → its terms: synonym phrases, the
//! question words' own terms (aspect, attribution, the kind asked), negation, and the
//! stop words and list sizes that weigh nothing.

use super::{Analysis, Analyzer};
use crate::matcher::question::{
    ASPECT, ATTRIBUTION, NEGATION, aspect_len, is_list_size, is_negation, is_question_word, question_term_at,
    source_noun_len,
};

impl Analyzer {
    /// The terms of `words`, stemmed as `stems`; a stem that is its own term is moved
    /// into the terms, not copied (the stems before it are never read again).
    pub(super) fn terms_of_stems(&self, words: &[String], mut stems: Vec<String>) -> Analysis {
        // A term a word at most: the terms never grow past it.
        let mut analysis = Analysis { terms: Vec::with_capacity(stems.len()), ..Analysis::default() };
        let push = |term: String, analysis: &mut Analysis| {
            if !analysis.terms.contains(&term) {
                analysis.terms.push(term);
            }
        };
        let mut i = 0;
        while i < stems.len() {
            let reach = self.phrase_starts.get(&stems[i]).map_or(0, |&n| n.min(stems.len() - i));
            if let Some(n) = aspect_len(&words[i..]) {
                push(ASPECT.to_string(), &mut analysis);
                i += n;
                continue;
            }
            // "Which *news agency* reported …" asks for a fact's source, as "who reported" does.
            if let Some(n) = source_noun_len(words, i) {
                push(ATTRIBUTION.to_string(), &mut analysis);
                i += n;
                continue;
            }
            let longest = (2..=reach).rev().find_map(|n| self.synonyms.get(&stems[i..i + n]).map(|c| (n, c)));
            if let Some((n, canonical)) = longest {
                push(canonical.clone(), &mut analysis);
                i += n;
                continue;
            }
            if let Some(term) = question_term_at(words, i) {
                push(term, &mut analysis);
            } else if is_question_word(&words[i]) {
                // A question word that does not ask here: a conjunction, weightless.
            } else if is_negation(&words[i]) {
                push(NEGATION.to_string(), &mut analysis);
            } else if is_list_size(words, i) {
                // "Which *three* countries …": how many are asked for, no figure to match.
            } else if !self.stopwords.contains(&words[i]) {
                let term = match self.synonyms.get(&stems[i..i + 1]) {
                    Some(canonical) => canonical.clone(),
                    None => std::mem::take(&mut stems[i]),
                };
                push(term, &mut analysis);
            }
            i += 1;
        }
        analysis
    }
}
