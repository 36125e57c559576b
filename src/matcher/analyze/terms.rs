//! A question's or a knowledge text's stems → its terms: synonym phrases, the
//! question words' own terms (aspect, attribution, the kind asked), negation, and the
//! stop words and list sizes that weigh nothing.

use super::{Analysis, Analyzer};
use crate::matcher::parts::TEXT_WORDS;
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
            // "Who is drafted, *according to the article*?": where to look, not what is asked;
            // read as attribution, it drew the answer to who reported the story.
            if let Some(n) = names_where_to_look(words, i) {
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
                let inside = (i..i + n).filter(|&j| !self.stopwords.contains(&words[j]));
                analysis.in_phrases.extend(inside.map(|j| stems[j].clone()));
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

/// Words between "according to" and the text it names: "according to *the Axios*
/// article".
const TEXT_DETERMINERS: [&str; 6] = ["the", "this", "that", "axios", "axioss", "original"];

/// The length of a phrase at `at` that names the text a question is asked of, "according
/// to the article", "per the story", "согласно статье", "судя по тексту"; `None` when the
/// words there name anyone else ("according to Putin" asks whose words).
fn names_where_to_look(words: &[String], at: usize) -> Option<usize> {
    let opening = match words[at].as_str() {
        "according" if words.get(at + 1).is_some_and(|w| w == "to") => 2,
        "судя" if words.get(at + 1).is_some_and(|w| w == "по") => 2,
        "per" | "согласно" => 1,
        _ => return None,
    };
    let mut len = opening;
    while len < opening + 2 && words.get(at + len).is_some_and(|w| TEXT_DETERMINERS.contains(&w.as_str())) {
        len += 1;
    }
    let text = words.get(at + len)?;
    TEXT_WORDS.iter().any(|t| text.starts_with(t)).then_some(len + 1)
}

#[cfg(test)]
mod tests {
    use super::names_where_to_look;

    fn words(text: &str) -> Vec<String> {
        text.split(' ').map(String::from).collect()
    }

    #[test]
    fn a_phrase_naming_the_text_asked_of_is_where_to_look() {
        assert_eq!(names_where_to_look(&words("according to the axios article who"), 0), Some(5));
        assert_eq!(names_where_to_look(&words("per the story"), 0), Some(3));
        assert_eq!(names_where_to_look(&words("судя по статье"), 0), Some(3));
        assert_eq!(names_where_to_look(&words("согласно тексту"), 0), Some(2));
        assert_eq!(names_where_to_look(&words("according to putin"), 0), None);
        assert_eq!(names_where_to_look(&words("per day"), 0), None);
        assert_eq!(names_where_to_look(&words("according"), 0), None);
    }
}
