//! Who reported a fact against where it happened: an entry that names only who (an
//! agency, a person) does not answer "where", and "which agency reported X" is best
//! answered by the entry that names the reporting agency.

use super::kind_bit;
use crate::knowledge::AnswerKind;
use crate::matcher::analyze::Analysis;
use crate::matcher::question::{ATTRIBUTION, source_noun_len};

/// Whether a question asks where (its question word asks for a place), and not whose
/// report it is or where it appeared, which a source or an outlet answers: "where did
/// the exodus news come *from*", "*откуда* эта новость", "where was it *published*",
/// "where does the exodus *report* come from".
pub(super) fn asks_where_not_whose(analysis: &Analysis) -> bool {
    let origin = |w: &String| ORIGIN_WORDS.contains(&w.as_str());
    analysis.asks == Some(AnswerKind::Place)
        && !analysis.terms.iter().any(|t| t == ATTRIBUTION)
        && !analysis.words.iter().any(origin)
}

/// Words that make "where" ask for an origin or an outlet rather than a place.
const ORIGIN_WORDS: [&str; 12] = [
    "from",
    "откуда",
    "published",
    "posted",
    "appeared",
    "printed",
    "опубликовано",
    "опубликована",
    "опубликовали",
    "вышла",
    "вышло",
    "напечатано",
];

/// Whether an entry's declared kinds are only who ("The Associated Press", a person):
/// such an entry does not answer where, however many of its words a question shares
/// ("*where* are the men escaping to?" and "which agency reports that men are
/// fleeing?"). Places are named in answers of every kind, so only this kind is strict.
pub(super) fn names_only_who(kinds: &[AnswerKind]) -> bool {
    let declared = kinds.iter().fold(0, |bits, &k| bits | kind_bit(k));
    declared == kind_bit(AnswerKind::Person)
}

/// Whether a question asks which agency or outlet reported a fact ("which news agency
/// said men were fleeing?"): every answer names its source, but an entry whose answer
/// is the organization that reported it answers best.
pub(super) fn asks_source_by_noun(analysis: &Analysis) -> bool {
    analysis.terms.iter().any(|t| t == ATTRIBUTION)
        && (0..analysis.words.len()).any(|at| source_noun_len(&analysis.words, at).is_some())
}

/// Whether an entry declares an organization among its kinds (a source it names).
pub(super) fn names_a_body(kinds: &[AnswerKind]) -> bool {
    kinds.contains(&AnswerKind::Organization)
}

/// Factor for an entry whose answer names no organization when a question asks which
/// agency reported a fact: enough to settle a near tie with the entry that names the
/// reporting agency, never to raise a weaker fit over a closer one.
pub(super) const NOT_A_SOURCE: f32 = 0.9;

/// Words that may stand between "who" and the body it asks inside ("who *exactly* at
/// the White House").
const EXACTLY: [&str; 6] = ["exactly", "specifically", "precisely", "конкретно", "именно", "точно"];
/// Prepositions after "who" that ask for a person inside a body: "who *at* the White
/// House", "кто *в* Белом доме".
const INSIDE: [&str; 5] = ["at", "from", "inside", "within", "в"];
/// "Из" asks inside a body only after a word that singles one out ("кто *конкретно из*
/// Белого дома"): "кто из агентств" asks which of them.
const INSIDE_AFTER_EXACTLY: &str = "из";
/// What the text itself is called: "who *in the article*" asks who the text names.
const THE_TEXT: [&str; 10] =
    ["article", "story", "text", "piece", "report", "статье", "тексте", "материале", "заметке", "статьи"];

/// Whether a question asks for a person inside a body ("who *at* the White House
/// said it?", "кто конкретно *из* Белого дома …?"): an entry that names only the body
/// does not say who.
pub(super) fn asks_who_inside(analysis: &Analysis) -> bool {
    let words = &analysis.words;
    let at = |i: usize| words.get(i).map_or("", String::as_str);
    let Some(who) = words.iter().position(|w| w == "who" || w == "кто") else { return false };
    let exactly = EXACTLY.contains(&at(who + 1));
    let inside = if exactly { who + 2 } else { who + 1 };
    let body = if at(inside + 1) == "the" { inside + 2 } else { inside + 1 };
    // "Кто в курсе, …" is "does anyone know", not who in a body.
    let who_knows = (at(who + 1), at(who + 2)) == ("в", "курсе");
    (INSIDE.contains(&at(inside)) || (exactly && at(inside) == INSIDE_AFTER_EXACTLY))
        && !who_knows
        && !at(body).is_empty()
        && !THE_TEXT.contains(&at(body))
}

/// Whether an entry's declared kinds are only a body (an organization, no person).
pub(super) fn names_only_a_body(kinds: &[AnswerKind]) -> bool {
    kinds.contains(&AnswerKind::Organization)
        && kinds.iter().all(|k| matches!(k, AnswerKind::Organization | AnswerKind::Exact | AnswerKind::List))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::asked::tests::analysis;

    #[test]
    fn where_is_not_answered_by_who_unless_it_asks_for_an_origin() {
        use AnswerKind::*;
        assert!(names_only_who(&[Organization]));
        assert!(names_only_who(&[Person, Organization]));
        assert!(!names_only_who(&[Organization, Number, Exact]), "a figure is more than who");
        assert!(!names_only_who(&[]), "an entry that declares nothing may give a place");
        let mut q = analysis("where are the men escaping to", Some(Place), &["?where", "men", "flee"]);
        assert!(asks_where_not_whose(&q));
        q.words.push("from".into());
        assert!(!asks_where_not_whose(&q), "'where … from' asks for an origin");
        let report = analysis("where does the report come", Some(Place), &["?where", ATTRIBUTION]);
        assert!(!asks_where_not_whose(&report), "asked whose report it is");
    }

    #[test]
    fn who_inside_a_body_asks_for_a_person_not_the_body() {
        use AnswerKind::*;
        for asked in
            ["who exactly at the white house called it that", "кто конкретно из белого дома это сказал"]
        {
            assert!(asks_who_inside(&analysis(asked, Some(Person), &["?who"])), "{asked}");
        }
        for not_asked in [
            "who reported the lines",
            "who in the article is quoted",
            "кто из агентств сообщил об этом",
            "кто в курсе что сказал белый дом",
        ] {
            assert!(!asks_who_inside(&analysis(not_asked, Some(Person), &["?who"])), "{not_asked}");
        }
        assert!(names_only_a_body(&[Organization]));
        assert!(!names_only_a_body(&[Organization, Person]) && !names_only_a_body(&[]));
    }
}
