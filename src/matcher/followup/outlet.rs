//! A follow-up that names only a source ("and Reuters?", "а рейтер?") asks what that
//! source reported, on the subject it goes on with: an entry the source reports alone
//! fits it better than one that lists it among others ("the article cites AP and
//! Reuters") or one reported by the source the last answer named.

use super::super::analyze::Analysis;
use super::super::index::{Index, Named};
use super::own_terms;
use crate::knowledge::Story;
use crate::lang::Lang;

/// Factor for an entry whose source is the thing a follow-up names alone, with no
/// other of its kind beside it.
const OWN_REPORT: f32 = 1.2;
/// Factor for an entry whose source names others of the thing's kind: after AP's
/// report on the exodus, "and Reuters?" is neither AP's report again nor the list of
/// every source the article cites.
const OTHER_REPORT: f32 = 1.0 / OWN_REPORT;

/// The thing a follow-up names when that is all it says of its own: Reuters in "and
/// Reuters?". `None` for anything more ("and Reuters on Buryatia?") or no name.
pub(super) fn named_alone(index: &Index, own: &Analysis) -> Option<Named> {
    let mut terms = own_terms(own);
    let (Some(_), None) = (terms.next(), terms.next()) else {
        return None;
    };
    match index.entities_in(own).as_slice() {
        [thing] => Some(*thing),
        _ => None,
    }
}

/// How much entry `entry` fits a follow-up naming `thing` alone, by its source in
/// `lang`: more when that names `thing` and no other thing of its group ("Reuters, via
/// Axios" for Reuters), less when it names others of the group ("AP, Reuters and
/// Axios", "AP, via Axios").
pub(super) fn report_factor(index: &Index, story: &Story, entry: usize, thing: Named, lang: Lang) -> f32 {
    let source = story.entries[entry].source.get(lang);
    let named = index.entities_in(&index.analyzer.analyze_question(source));
    let others = named.iter().any(|&(group, member)| group == thing.0 && member != thing.1);
    match (named.contains(&thing), others) {
        (_, true) => OTHER_REPORT,
        (true, false) => OWN_REPORT,
        (false, false) => 1.0,
    }
}
