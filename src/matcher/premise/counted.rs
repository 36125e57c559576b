//! "A million" counted as one: the claims reader takes a scale with no count before it
//! for a vague quantity ("millions", "hundreds of thousands"), which is right for the
//! article's quotes; but "he'd call up *a* million", "a *full* million" or "призовут
//! *миллион*" state one figure, and a premise check must read it to correct it.

use std::ops::Range;

use crate::knowledge::claims;
use crate::knowledge::names::Stemmers;

/// Scales that people count once without a digit ("a million", "миллион"). "Thousand"
/// and "hundred" are left out: "a thousand reasons" and "a hundred times" count nothing.
const ONCE_COUNTED: [&str; 6] = ["million", "billion", "миллион", "миллиард", "миллиона", "миллиарда"];
/// Words that count one of the scale after them ("*a* million", "*one* million").
const ONE: [&str; 3] = ["a", "an", "one"];
/// Words between "a" and the scale that only stress it ("a *full* million").
const STRESS: [&str; 5] = ["full", "whole", "entire", "cool", "solid"];

/// `text` with each scale counted once without a digit written with the digit 1 ("a
/// full million" → "1 million", "миллион" → "1 миллион"); a scale with a count before
/// it ("3 million", "три миллиона") or in the plural ("millions") is left as it is.
pub(super) fn with_counted_scales(text: &str) -> String {
    let words = word_ranges(text);
    let core = |r: &Range<usize>| text[r.clone()].to_lowercase();
    let mut replaced: Vec<(Range<usize>, String)> = Vec::new();
    for (i, scale) in words.iter().enumerate() {
        let word = core(scale);
        if !ONCE_COUNTED.contains(&word.as_str()) {
            continue;
        }
        let before = |back: usize| i.checked_sub(back).map(|j| core(&words[j]));
        let one = |back: usize| before(back).is_some_and(|w| ONE.contains(&w.as_str()));
        let stressed = before(1).is_some_and(|w| STRESS.contains(&w.as_str()));
        let start = if one(1) {
            Some(words[i - 1].start)
        } else if stressed && one(2) {
            Some(words[i - 2].start)
        } else if word.chars().all(|c| c.is_ascii_alphabetic()) {
            None
        } else {
            // Russian says a million without "one": "призовут миллион". A count before
            // it ("три миллиона") makes the claims reader take it whole.
            let prev = i.checked_sub(1).map_or(scale.start, |j| words[j].start);
            claims::figures(&text[prev..scale.end], &Stemmers::default()).is_empty().then_some(scale.start)
        };
        if let Some(start) = start {
            replaced.push((start..scale.end, format!("1 {}", &text[scale.clone()])));
        }
    }
    let mut out = text.to_string();
    for (range, with) in replaced.into_iter().rev() {
        out.replace_range(range, &with);
    }
    out
}

/// The byte ranges of `text`'s words: runs of letters and digits.
fn word_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::with_counted_scales;

    #[test]
    fn a_scale_said_once_is_counted_as_one() {
        assert_eq!(with_counted_scales("would he draft a million?"), "would he draft 1 million?");
        assert_eq!(with_counted_scales("One whole Million reservists"), "1 Million reservists");
        assert_eq!(with_counted_scales("соберут миллион солдат"), "соберут 1 миллион солдат");
    }

    #[test]
    fn a_counted_or_plural_scale_is_left_alone() {
        for text in ["2 million soldiers", "millions of men", "два миллиона", "a thousand reasons", "a man"]
        {
            assert_eq!(with_counted_scales(text), text);
        }
    }
}
