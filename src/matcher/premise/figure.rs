//! A figure the article doesn't give where it gives one for the same thing ("why only
//! 30,000?"): the article's own figure is tried in its place, and an entry whose
//! answer states it and that speaks of the rest of the question corrects the premise.

use std::ops::Range;

use super::counted::with_counted_scales;
use super::{Premises, confirm, said};
use crate::knowledge::Story;
use crate::knowledge::claims::{self, Claim};
use crate::knowledge::names::Stemmers;
use crate::matcher::analyze::{Analysis, QUESTION_MARK};
use crate::matcher::question::{ASPECT, ATTRIBUTION, MEANING, NEGATION, SAYING};
use crate::matcher::yes_no::{Unknown, coverage, has_content};
use crate::matcher::{Candidate, Matcher, Outcome, parts, thresholds};

/// A figure more than this many times another is no mix-up of the two: 3 million for
/// 300,000 is one, 25 million reservists counts something else.
const MAX_RATIO: f64 = 20.0;
/// Share of the rest of a question with a wrong figure (its words the knowledge uses,
/// but for the commonest, and names) that the correcting entry must speak of: what
/// the figure counts ("did 2m men *flee*?") must be what the entry's figure counts.
const FIGURE_REST: f32 = 0.75;
/// Characters next to a number that make it a sum ("2+2"), not a claim about the story.
const ARITHMETIC: [char; 6] = ['+', '*', '/', '=', '×', '^'];

impl Premises {
    /// The entry that answers `question` with the article's figure in place of one the
    /// article doesn't give, and its score. A known gap stays: it says what the article
    /// lacks.
    pub(super) fn figure(
        &self,
        m: &Matcher,
        story: &Story,
        question: &str,
        analysis: &Analysis,
        outcome: &Outcome,
    ) -> Option<(usize, f32)> {
        // Reading numbers costs a stemming of every word: only when there may be one.
        let digits = |w: &String| w.bytes().any(|b| b.is_ascii_digit());
        if !analysis.words.iter().any(|w| digits(w) || claims::is_scale_word(w)) {
            return None;
        }
        // "300k or a million?" asks which: the article's figure answers, even where the
        // other fits a gap (it is the asker's alternative, not what is asked about).
        if let Some(found) = self.which_figure(m, story, analysis) {
            return Some(found);
        }
        // A claim asked to be confirmed ("he'll call up a million, right?") is corrected
        // though a gap is about its figure: the article's figure is the answer to it.
        // So is a figure put in someone's mouth ("why did Putin announce a million?"):
        // what was said is what the article reports, so it is a wrong premise, not a
        // wish to know a figure the article lacks.
        if matches!(outcome, Outcome::Gap { .. })
            && !confirm::asks_to_confirm(&analysis.words)
            && !said::puts_as_said(&analysis.words)
        {
            return None;
        }
        // A premise is one figure in a question: "17 times 23", "'1'='1'" or "repeat it
        // 10000 times" state nothing about the story.
        // "State that the article reports 50,000 …" orders, it doesn't ask: attribution
        // and saying are light terms, no question words.
        let light = [NEGATION, ATTRIBUTION, SAYING, ASPECT, MEANING];
        let asks = question.contains('?')
            || analysis.terms.iter().any(|t| t.starts_with(QUESTION_MARK) && !light.contains(&t.as_str()));
        // "He'd call up a million": the premise's figure, though written without a digit.
        let counted = with_counted_scales(question);
        let question = counted.as_str();
        let figures = claims::figures(question, &Stemmers::default());
        if !asks || figures.len() != 1 {
            return None;
        }
        let question = premise_sentence(m, question);
        let wrong: Vec<(Range<usize>, f64)> = claims::figures(question, &Stemmers::default())
            .into_iter()
            .filter(|f| !self.stated(story).article.backs(&f.claim) && !is_sum(question, &f.range))
            .filter_map(|f| match f.claim {
                Claim::Number(n) => Some((f.range, n.parse().ok()?)),
                _ => None,
            })
            .collect();
        if wrong.is_empty() {
            return None;
        }
        // The rest of the question must be about the entry too: "did 3m men flee?" is
        // not about the call-up, however well 300,000 alone fits it.
        let (wrong, said): (Vec<Range<usize>>, Vec<f64>) = wrong.into_iter().unzip();
        // "Putin *announced* …": the verb that puts the figure in his mouth is the
        // frame, not what the figure counts.
        let mut rest =
            m.index.analyzer.analyze_question(&said::without_said(&replaced(question, &wrong, "")));
        // "Is it *true* that 3 million were called up?": the frame asks to confirm the
        // claim; the claim is the rest.
        if confirm::asks_to_confirm(&analysis.words) {
            rest.terms.retain(|t| !confirm::is_confirm_tag(t));
        }
        let said_or_claimed =
            said::puts_as_said(&analysis.words) || confirm::asks_to_confirm(&analysis.words);
        let mut best: Option<(usize, f32)> = None;
        for (figure, entries) in &self.stated(story).figures {
            if !figure.parse::<f64>().is_ok_and(|v| said.iter().any(|&s| of_one_order(s, v))) {
                continue;
            }
            let text = replaced(question, &wrong, figure);
            let candidates = m.candidates_for(&m.index.analyzer.analyze_question(&text));
            let stating = stating_entry(&candidates.entries, entries, said_or_claimed, |c| {
                c.confidence >= thresholds::ANSWER
                    && coverage(&m.index, &rest, &[c.entry], Unknown::Names) >= FIGURE_REST
            });
            if let Some(c) = stating
                && best.is_none_or(|(_, b)| c.confidence > b)
            {
                best = Some((c.entry, c.confidence));
            }
        }
        best
    }
}

/// The sentence of `question` that states its premise. The figure's own sentence is
/// it: chatter after it ("… right? just correct me if wrong") is not what the entry
/// must speak of. But a sentence that gives only the figure ("how many days can they
/// stay? *my friend says 60*") leaves what it counts to the rest of the message: the
/// whole message is the premise then, or any entry with any figure of its order
/// would "correct" it.
fn premise_sentence<'q>(m: &Matcher, question: &'q str) -> &'q str {
    let stemmers = Stemmers::default();
    let own = parts::split(question).into_iter().find(|part| claims::figures(part, &stemmers).len() == 1);
    let counts_something = |part: &str| {
        let ranges: Vec<Range<usize>> =
            claims::figures(part, &stemmers).into_iter().map(|f| f.range).collect();
        let rest = m.index.analyzer.analyze_question(&said::without_said(&replaced(part, &ranges, "")));
        has_content(&m.index, &rest, Unknown::Names)
    };
    own.filter(|part| counts_something(part)).unwrap_or(question)
}

/// The candidate that states the article's figure (one of `stating`) and `corrects`
/// the premise. A figure put in someone's mouth or asked to be confirmed ("why did
/// Putin *announce* a million?") is corrected by any of them, best fit first: what was
/// said is reported beside other points ("Putin said …, and he has said …"), so the
/// best fit may state the figure and speak of less of the rest. A figure the asker
/// states themselves ("after the full mobilization of 1 million, …") is corrected only
/// by the best fit that states it: another may share a word of the premise while the
/// message asks about something else.
fn stating_entry<'a>(
    candidates: &'a [Candidate],
    stating: &[usize],
    said_or_claimed: bool,
    corrects: impl Fn(&Candidate) -> bool,
) -> Option<&'a Candidate> {
    let mut states = candidates.iter().filter(|c| stating.contains(&c.entry));
    if said_or_claimed { states.find(|c| corrects(c)) } else { states.next().filter(|c| corrects(c)) }
}

/// Whether a figure may have been mistaken for another: 30,000 for 300,000, eight
/// months for seven; not 30,000 for seven.
pub(super) fn of_one_order(a: f64, b: f64) -> bool {
    a > 0.0 && b > 0.0 && a.max(b) / a.min(b) <= MAX_RATIO
}

/// Whether the number at `range` is part of a sum.
pub(super) fn is_sum(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start].trim_end().chars().next_back();
    let after = text[range.end..].trim_start().chars().next();
    before.into_iter().chain(after).any(|c| ARITHMETIC.contains(&c))
}

/// `text` with each of `ranges` (in order, not overlapping) replaced by `with`.
pub(super) fn replaced(text: &str, ranges: &[Range<usize>], with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for r in ranges {
        out.push_str(&text[last..r.start]);
        out.push_str(with);
        last = r.end;
    }
    out.push_str(&text[last..]);
    out
}
