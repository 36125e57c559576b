//! Quantities a text states, in digits or words: "300,000" = "300 000" = "300 тысяч";
//! "seven" = 7 = "семь" = "семи"; "seven-month" and "семимесячного" have 7;
//! "hundreds of thousands" = "сотни тысяч" (a vague quantity, matched as such).
//!
//! "one" / "один" is left out: it is far more often a pronoun or an article ("one of
//! them", "one point") than a count.

use std::ops::Range;

use super::dates::fits;
use crate::knowledge::names::Token;

/// What a run of number words or digits amounts to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Amount {
    /// A number written plainly: "300000", "7", "1.5".
    Exact(String),
    /// Scales without a count: [100, 1000] is "hundreds of thousands".
    Vague(Vec<u64>),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Word {
    /// A value that adds up: "seven", "twenty", "двести".
    Unit(u64),
    /// "hundred": multiplies what came before.
    Hundred,
    /// "thousand", "тысячи", "млн": closes a group; with no count before, a scale.
    Scale(u64),
    /// "hundreds", "сотни", "dozens": a scale, never a count.
    Vague(u64),
    /// "of" / "and" between number words.
    Joiner,
}

const EN: [(&str, u64); 26] = [
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Russian numerals in the case forms they take ("семь", "семи"; not "семью", which
/// is also "family").
const RU: [(&str, u64); 69] = [
    ("два", 2),
    ("две", 2),
    ("двух", 2),
    ("двум", 2),
    ("двумя", 2),
    ("три", 3),
    ("трех", 3),
    ("трем", 3),
    ("тремя", 3),
    ("четыре", 4),
    ("четырех", 4),
    ("четырем", 4),
    ("четырьмя", 4),
    ("пять", 5),
    ("пяти", 5),
    ("пятью", 5),
    ("шесть", 6),
    ("шести", 6),
    ("шестью", 6),
    ("семь", 7),
    ("семи", 7),
    ("восемь", 8),
    ("восьми", 8),
    ("восемью", 8),
    ("девять", 9),
    ("девяти", 9),
    ("девятью", 9),
    ("десять", 10),
    ("десяти", 10),
    ("десятью", 10),
    ("одиннадцат*", 11),
    ("двенадцат*", 12),
    ("тринадцат*", 13),
    ("четырнадцат*", 14),
    ("пятнадцат*", 15),
    ("шестнадцат*", 16),
    ("семнадцат*", 17),
    ("восемнадцат*", 18),
    ("девятнадцат*", 19),
    ("двадцат*", 20),
    ("тридцат*", 30),
    ("сорок", 40),
    ("сорока", 40),
    ("пятьдесят", 50),
    ("пятидесят*", 50),
    ("шестьдесят", 60),
    ("шестидесят*", 60),
    ("семьдесят", 70),
    ("семидесят*", 70),
    ("восемьдесят", 80),
    ("восьмидесят*", 80),
    ("девяносто", 90),
    ("девяноста", 90),
    ("сто", 100),
    ("ста", 100),
    ("двести", 200),
    ("двухсот", 200),
    ("триста", 300),
    ("трехсот", 300),
    ("четыреста", 400),
    ("четырехсот", 400),
    ("пятьсот", 500),
    ("пятисот", 500),
    ("шестьсот", 600),
    ("шестисот", 600),
    ("семьсот", 700),
    ("семисот", 700),
    ("восемьсот", 800),
    ("восьмисот", 800),
];

/// Scales written onto the digits in chat ("30k", "3m", "3mln", "2bn"): read only
/// when they touch the number, since a lone "m" may be metres.
const ATTACHED: [(&str, u64); 6] = [
    ("k", 1_000),
    ("m", 1_000_000),
    ("mn", 1_000_000),
    ("mln", 1_000_000),
    ("bn", 1_000_000_000),
    ("к", 1_000),
];

/// Whether `lower` is a scale word ("thousand", "тысяч", "млн"): a text with one of
/// these, or with digits, may state a number.
pub fn is_scale(lower: &str) -> bool {
    // Asked of a question's every word: most start otherwise than any scale ("the",
    // "how" and "did" share a first letter with one, not the first three bytes).
    let starts = |b: &[u8]| b.len() >= 3 && SCALE_STARTS.contains(&[b[0], b[1], b[2]]);
    starts(lower.as_bytes()) && SCALES.iter().any(|(p, _)| fits(p, lower))
}

/// The first three bytes of each of [`SCALES`]: a word that fits one begins with them,
/// since each is at least that long before its `*`.
const SCALE_STARTS: [[u8; 3]; SCALES.len()] = {
    let mut starts = [[0; 3]; SCALES.len()];
    let mut i = 0;
    while i < SCALES.len() {
        let p = SCALES[i].0.as_bytes();
        assert!(p.len() >= 4 || (p.len() == 3 && p[2] != b'*'));
        starts[i] = [p[0], p[1], p[2]];
        i += 1;
    }
    starts
};

const SCALES: [(&str, Word); 20] = [
    ("hundred", Word::Hundred),
    ("thousand", Word::Scale(1_000)),
    ("thousands", Word::Scale(1_000)),
    ("million", Word::Scale(1_000_000)),
    ("millions", Word::Scale(1_000_000)),
    ("billion", Word::Scale(1_000_000_000)),
    ("billions", Word::Scale(1_000_000_000)),
    ("hundreds", Word::Vague(100)),
    ("dozens", Word::Vague(12)),
    ("tens", Word::Vague(10)),
    ("тысяч*", Word::Scale(1_000)),
    ("тыс", Word::Scale(1_000)),
    ("тыщ*", Word::Scale(1_000)),
    ("миллион*", Word::Scale(1_000_000)),
    ("млн", Word::Scale(1_000_000)),
    ("миллиард*", Word::Scale(1_000_000_000)),
    ("млрд", Word::Scale(1_000_000_000)),
    ("сотн*", Word::Vague(100)),
    ("сотен", Word::Vague(100)),
    ("десятк*", Word::Vague(10)),
];

/// Russian ordinals by stem ("седьмом" → "седьм"), for "на седьмом месяце".
const RU_ORDINAL_STEMS: [(&str, u64); 6] =
    [("пят", 5), ("шест", 6), ("седьм", 7), ("восьм", 8), ("девят", 9), ("десят", 10)];

/// Russian compounds that open with a numeral: "семимесячный", "двухнедельный".
const RU_PREFIXES: [(&str, u64); 10] = [
    ("двух", 2),
    ("трех", 3),
    ("четырех", 4),
    ("пяти", 5),
    ("шести", 6),
    ("семи", 7),
    ("восьми", 8),
    ("девяти", 9),
    ("десяти", 10),
    ("двадцати", 20),
];
/// What such a compound measures; anything else ("семинар") is not a number.
const RU_MEASURES: [&str; 9] =
    ["месяч", "недел", "днев", "летн", "годичн", "часов", "кратн", "минутн", "километр"];

fn word(t: &Token) -> Option<Word> {
    if t.number {
        return None;
    }
    let table_hit = |table: &[(&str, u64)]| table.iter().find(|(p, _)| fits(p, &t.lower)).map(|&(_, v)| v);
    if let Some(&(_, w)) = SCALES.iter().find(|(p, _)| fits(p, &t.lower)) {
        return Some(w);
    }
    if matches!(t.lower.as_str(), "of" | "and") {
        return Some(Word::Joiner);
    }
    if t.cyrillic {
        table_hit(&RU)
            .or_else(|| RU_ORDINAL_STEMS.iter().find(|(s, _)| *s == t.stem).map(|&(_, v)| v))
            .or_else(|| compound(&t.lower))
            .map(Word::Unit)
    } else {
        table_hit(&EN).map(Word::Unit)
    }
}

/// The scale written onto the number at `i` ("30k"), if any.
fn attached(tokens: &[Token], i: usize) -> Option<u64> {
    let next = tokens.get(i + 1)?;
    (next.range.start == tokens[i].range.end)
        .then(|| ATTACHED.iter().find(|(s, _)| *s == next.lower).map(|&(_, v)| v))
        .flatten()
}

fn compound(lower: &str) -> Option<u64> {
    RU_PREFIXES.iter().find_map(|&(prefix, value)| {
        let rest = lower.strip_prefix(prefix)?;
        RU_MEASURES.iter().any(|m| rest.starts_with(m)).then_some(value)
    })
}

/// Every quantity in `tokens` not already `taken`, as (token range, amount).
pub fn amounts(tokens: &[Token], taken: &mut [bool]) -> Vec<(Range<usize>, Amount)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match (!taken[i]).then(|| amount_at(tokens, i, taken)).flatten() {
            Some((end, amount)) => {
                taken[i..end].iter_mut().for_each(|t| *t = true);
                out.push((i..end, amount));
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// The amount that starts at `i`, and where it ends.
fn amount_at(tokens: &[Token], i: usize, taken: &[bool]) -> Option<(usize, Amount)> {
    let first = &tokens[i];
    let (mut total, mut current, mut counted) = (0u64, 0u64, false);
    let mut exact: Option<String> = None;
    let mut vague: Vec<u64> = Vec::new();
    let mut end = i;
    if first.number {
        match first.stem.parse::<u64>() {
            Ok(value) => current = value,
            Err(_) => exact = Some(first.stem.clone()),
        }
        counted = true;
        end = i + 1;
        if let Some((scale, value)) = attached(tokens, i).zip(first.stem.parse::<u64>().ok()) {
            return Some((i + 2, Amount::Exact((value * scale).to_string())));
        }
    }
    let mut j = end;
    while exact.is_none() && j < tokens.len() && !taken[j] {
        match word(&tokens[j]) {
            // "2022 two men" is two numbers; "300 thousand" is one.
            Some(Word::Unit(v)) if vague.is_empty() && !first.number => current += v,
            Some(Word::Hundred) if vague.is_empty() => current = current.max(1) * 100,
            Some(Word::Scale(s)) if counted => {
                total += current.max(1) * s;
                current = 0;
            }
            Some(Word::Scale(s) | Word::Vague(s)) if !counted => vague.push(s),
            // "of" and "and" join number words only when one follows.
            Some(Word::Joiner) if end > i && tokens.get(j + 1).and_then(word).is_some() => {
                j += 1;
                continue;
            }
            _ => break,
        }
        counted |= matches!(word(&tokens[j]), Some(Word::Unit(_)));
        j += 1;
        end = j;
    }
    if let Some(text) = exact {
        return Some((end, Amount::Exact(text)));
    }
    if counted {
        Some((end, Amount::Exact((total + current).to_string())))
    } else if !vague.is_empty() {
        Some((end, Amount::Vague(vague)))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::names::Stemmers;

    fn found(text: &str) -> Vec<Amount> {
        let tokens = Stemmers::default().tokens(text);
        let mut taken = vec![false; tokens.len()];
        amounts(&tokens, &mut taken).into_iter().map(|(_, a)| a).collect()
    }

    fn exact(n: &str) -> Amount {
        Amount::Exact(n.into())
    }

    #[test]
    fn digits_and_words_give_the_same_number() {
        assert_eq!(found("as many as 300,000 could"), [exact("300000")]);
        assert_eq!(found("до 300 000 человек"), [exact("300000")]);
        assert_eq!(found("300 тысяч"), [exact("300000")]);
        assert_eq!(found("300 тыщ"), [exact("300000")], "as chat writes it");
        assert_eq!(found("three hundred thousand men"), [exact("300000")]);
        assert_eq!(found("the seven-month mark"), [exact("7")]);
        assert_eq!(found("семь месяцев, семи лет"), [exact("7"), exact("7")]);
        assert_eq!(found("семимесячного рубежа"), [exact("7")]);
        assert_eq!(found("на седьмом месяце"), [exact("7")]);
        assert_eq!(found("twenty-two"), [exact("22")]);
        assert_eq!(found("трёхсот тысяч"), [exact("300000")]);
        assert_eq!(found("3 млн"), [exact("3000000")]);
    }

    #[test]
    fn every_scale_is_read_as_one() {
        for (pattern, _) in SCALES {
            assert!(is_scale(pattern.trim_end_matches('*')), "{pattern}");
        }
        assert!(is_scale("тысячи") && is_scale("миллионов") && is_scale("десятки"));
        assert!(!is_scale("soldiers") && !is_scale("мужчин") && !is_scale("the") && !is_scale("ты"));
    }

    #[test]
    fn a_scale_written_onto_the_digits_counts() {
        assert_eq!(found("only 30k?"), [exact("30000")]);
        assert_eq!(found("3m men"), [exact("3000000")]);
        assert_eq!(found("5 m away"), [exact("5")], "a lone m is not a million");
    }

    #[test]
    fn vague_quantities_are_their_own_kind() {
        let hot = Amount::Vague(vec![100, 1_000]);
        assert_eq!(found("hundreds of thousands of soldiers"), std::slice::from_ref(&hot));
        assert_eq!(found("сотни тысяч солдат"), std::slice::from_ref(&hot));
        assert_eq!(found("сотен тысяч"), [hot]);
        assert_eq!(found("thousands"), [Amount::Vague(vec![1_000])]);
    }

    #[test]
    fn words_that_only_look_like_numbers_are_not() {
        assert!(found("one of them, the family (семью), a seminar (семинар), of and").is_empty());
        assert!(found("Friday, пятница").is_empty());
    }
}
