//! The kind-asked rules, each on a small analysis written for it.

use super::*;

/// An analysis of `words` that reads as `terms` and asks for `asks` (also used by
/// the tests of [`given`]).
pub(super) fn analysis(words: &str, asks: Option<AnswerKind>, terms: &[&str]) -> Analysis {
    Analysis {
        words: words.split(' ').map(String::from).collect(),
        terms: terms.iter().map(|t| t.to_string()).collect(),
        asks,
        ..Analysis::default()
    }
}

#[test]
fn a_yes_no_question_is_fitted_by_no_phrasing_that_asks_a_kind() {
    let yes_no = foreign_to(&analysis("did the governor admit mistakes", None, &["governor", "?not"]));
    assert_ne!(yes_no & kind_bit(AnswerKind::Date), 0, "a 'when' phrasing does not fit it");
    assert_eq!(yes_no & REASON, 0, "why is asked in other words too");
    let when = foreign_to(&analysis("when did he", Some(AnswerKind::Date), &["?when"]));
    assert_eq!(when & kind_bit(AnswerKind::Date), 0);
    assert_ne!(when & kind_bit(AnswerKind::Place), 0);
    let both = foreign_to(&analysis("where and when", Some(AnswerKind::Place), &["?where", "?when"]));
    assert_eq!(both & (kind_bit(AnswerKind::Date) | kind_bit(AnswerKind::Place)), 0, "both asked");
    let who = foreign_to(&analysis("who said", Some(AnswerKind::Person), &["?who"]));
    assert_eq!(who & kind_bit(AnswerKind::Name), 0, "who and which officials ask alike");
    let fragment = foreign_to(&analysis("cars planes whatever", None, &["car", "plane"]));
    assert_eq!(fragment, 0, "a fragment is no yes/no question");
    let ru = foreign_to(&analysis("признал ли губернатор ошибки", None, &["губернатор"]));
    assert_ne!(ru & kind_bit(AnswerKind::Date), 0);
    let which = foreign_to(&analysis("which platform", None, &["?which", "platform"]));
    assert_eq!(which, 0, "'which platform' may ask for any kind");
    let how = foreign_to(&analysis("как отреагировал губернатор", None, &["губернатор"]));
    assert_eq!(how, 0, "'как' asks");
    let tag = foreign_to(&analysis("the governor admitted mistakes right", None, &["governor"]));
    assert_ne!(tag & kind_bit(AnswerKind::Date), 0, "a claim to confirm asks whether");
}

#[test]
fn an_entry_that_declares_another_kind_does_not_answer_why() {
    use AnswerKind::*;
    let (all, none) = (|| 1.0, || 0.0);
    assert!(asks_why(&analysis("why did the order start there", Some(Reason), &["?why"])));
    assert!(asks_why(&analysis("почему приказ начали с бурятии", Some(Reason), &["?почему"])));
    let two = analysis("why was putin the one who ordered it", Some(Reason), &["?why", "?who"]);
    assert!(!asks_why(&two), "of two question words, either may ask");
    assert!(!asks_why(&analysis("who fled", Some(Person), &["?who"])));
    assert_eq!(misfit(&[Time, Date], all), OFF_VALUE, "a date is no reason");
    assert_eq!(misfit(&[Person], all), OFF_VALUE, "nor is a person");
    assert_eq!(misfit(&[Reason], none), 1.0);
    assert_eq!(misfit(&[], none), 1.0, "an entry that declares nothing may give a reason");
    assert_eq!(misfit(&[Number, Exact], none), 1.0, "'why only 30,000?' is the premise check's");
    assert_eq!(misfit(&[Place], none), OFF_KIND, "a place the question barely speaks of");
    assert_eq!(misfit(&[Place], all), 1.0, "the lines at the border it asks about");
}
