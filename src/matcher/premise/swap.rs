//! A question that names the wrong one of a kind of thing for a fact the article tells
//! of one: "the photo shows the line at the *Georgian* border, right?" (its one photo
//! shows the Finnish border), "which border is in the picture, Finland or Georgia?".
//! Read without the name, the question is answered by an entry that names another
//! thing of that kind (lexicon `[entities]` group), and not the one asked: the entry's
//! is the article's. A claim to confirm is corrected with it; a choice of two is
//! answered with the one the entry names. A plain question ("does Kazakhstan send them
//! back?") answered by an entry that names another thing of the kind and not the one
//! asked (Belarus's round-ups) is declined: what the article says of one is not said
//! of the other.

use super::{CLAIM_COVER, Checked, Correction, Premises, confirm};
use crate::matcher::analyze::Analysis;
use crate::matcher::index::{DocRef, Index, Named};
use crate::matcher::question::ATTRIBUTION;
use crate::matcher::yes_no::{Unknown, coverage};
use crate::matcher::{Matcher, Outcome, decide};

/// "Or": a question that offers two things asks which of them.
const ALTERNATIVE: [&str; 3] = ["or", "или", "либо"];

/// What a question that named the wrong thing gets.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Swap {
    /// A claim to confirm named another thing than the article: `entry` says which.
    Corrected(usize, f32),
    /// Of the two things offered, `entry` names one: it answers which.
    Chosen(usize, f32),
    /// A plain question about one thing is answered only of another: declined.
    Elsewhere,
}

impl Premises {
    /// The decision for a question that names another reporter (a claim to confirm
    /// credited elsewhere, [`Premises::credited_elsewhere`]) or another thing than the
    /// article for the fact it asks about; `None` when it names what the article does.
    pub(super) fn named_otherwise(
        &self,
        m: &Matcher,
        analysis: &Analysis,
        outcome: &Outcome,
        (confirms, one_part): (bool, bool),
    ) -> Option<Checked> {
        let credits = confirms || (one_part && self.credits_a_reporter(m, analysis));
        let credited = credits.then(|| self.credited_elsewhere(m, analysis, outcome)).flatten();
        let (entry, score, correction) = match credited {
            Some((entry, score)) => (entry, score, Some(Correction::Claim)),
            None => match self.swapped(m, analysis, outcome, (confirms, one_part))? {
                Swap::Corrected(entry, score) => (entry, score, Some(Correction::Claim)),
                Swap::Chosen(entry, score) => (entry, score, None),
                Swap::Elsewhere => {
                    return Some(Checked { outcome: Outcome::NoMatch, score: 0.0, correction: None });
                }
            },
        };
        Some(Checked { outcome: Outcome::Answer { entry, also: None }, score, correction })
    }

    /// Whether a question that asks something other than yes or no credits its fact to
    /// a reporter ("*according to* Reuters, …", "as *reported* by …"), the one thing it
    /// names: the fact may be the article's and its credit not, so it is matched with
    /// the reporter set aside ([`Premises::credited_elsewhere`]) and answered with the
    /// credit corrected. A question about a reporter's own words ("what did the White
    /// House *say* about …") is not one: what another said is not theirs.
    fn credits_a_reporter(&self, m: &Matcher, analysis: &Analysis) -> bool {
        let credits = analysis.terms.iter().any(|t| t == ATTRIBUTION);
        let named = m.index.entities_in(analysis);
        credits && matches!(named.as_slice(), [only] if self.reporters.contains(only))
    }

    /// The entry that tells which thing the article names where the question, asking
    /// to confirm a claim (`confirms`) or to choose between two things of one kind,
    /// names another; `None` when the answer already speaks of what was named.
    fn swapped(
        &self,
        m: &Matcher,
        analysis: &Analysis,
        outcome: &Outcome,
        (confirms, one_part): (bool, bool),
    ) -> Option<Swap> {
        let index = &m.index;
        let mut named: Vec<(u32, Named)> = index.named_terms_in(analysis);
        named.dedup_by_key(|(_, thing)| *thing);
        let offers = analysis.words.iter().any(|w| ALTERNATIVE.contains(&w.as_str()));
        let choice = match named.as_slice() {
            [(_, a), (_, b)] if offers && a.0 == b.0 && a != b => true,
            [_] if confirms && !offers => false,
            [(_, thing)] if one_part && !offers => return answered_elsewhere(index, outcome, *thing),
            _ => return None,
        };
        let things: Vec<Named> = named.iter().map(|&(_, thing)| thing).collect();
        // An answer that speaks of the thing named already answers about it, if it
        // speaks of the claim too: the lines at the Kazakh border say nothing of "the
        // *picture* shows the Kazakh border, right?", which is read without the name.
        let settles =
            |e: usize| names_any(index, e, &things) && (!confirms || speaks_of_claim(index, analysis, e));
        if let Outcome::Answer { entry, also } = outcome
            && [Some(*entry), *also].into_iter().flatten().any(settles)
        {
            return None;
        }
        let terms: Vec<u32> = named.iter().map(|&(t, _)| t).collect();
        let rest = confirm::without_terms(index, &analysis.words, &terms);
        let mut rest = index.analyzer.analyze_question(&rest.join(" "));
        let (Outcome::Answer { entry, .. }, score) = decide::decide(&m.candidates_for(&rest)) else {
            return None;
        };
        // The entry must be about what the claim says, the thing aside: "Georgia closed
        // its border, right?" is not corrected with the lines at the Finnish border.
        rest.terms.retain(|t| !confirm::is_confirm_tag(t));
        if coverage(index, &rest, &[entry], Unknown::Names) < CLAIM_COVER {
            return None;
        }
        let doc = index.doc_of(DocRef::Entry(entry));
        if choice {
            let chosen = things.iter().filter(|&&thing| index.names_thing(doc, thing)).count();
            (chosen == 1).then_some(Swap::Chosen(entry, score))
        } else {
            index.names_another(doc, &things).then_some(Swap::Corrected(entry, score))
        }
    }
}

/// [`Swap::Elsewhere`] when `outcome` answers a question about `thing` with entries
/// none of which names it, one naming another thing of its kind: "is Georgia safe
/// for draft dodgers?" is not answered by Belarus's round-ups beside the jobs kept.
fn answered_elsewhere(index: &Index, outcome: &Outcome, thing: Named) -> Option<Swap> {
    let Outcome::Answer { entry, also } = *outcome else { return None };
    let entries = || [Some(entry), also].into_iter().flatten();
    if entries().any(|e| names_any(index, e, &[thing])) {
        return None;
    }
    let another = |e: usize| index.names_another(index.doc_of(DocRef::Entry(e)), &[thing]);
    entries().any(another).then_some(Swap::Elsewhere)
}

/// Whether entry `entry` speaks of the claim `analysis` makes (its "right?" aside).
fn speaks_of_claim(index: &Index, analysis: &Analysis, entry: usize) -> bool {
    let mut claim = analysis.clone();
    claim.terms.retain(|t| !confirm::is_confirm_tag(t));
    coverage(index, &claim, &[entry], Unknown::Names) >= CLAIM_COVER
}

/// Whether entry `entry` names any of `things`.
fn names_any(index: &Index, entry: usize, things: &[Named]) -> bool {
    let doc = index.doc_of(DocRef::Entry(entry));
    things.iter().any(|&thing| index.names_thing(doc, thing))
}
