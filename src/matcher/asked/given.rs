//! A date the question already states ("what did the governor concede *on Friday*?",
//! "что он сказал *в пятницу*?"): an entry that gives only a date gives nothing such a
//! question asks, unless it asks when. A yes/no question ("was the photo taken on
//! Sept. 22?") is answered by the date it names.

use crate::knowledge::AnswerKind;
use crate::matcher::analyze::{Analysis, QUESTION_MARK};
use crate::matcher::question::is_asking_term;

/// Weekdays, as the normalizer leaves them (lowercase), in English and Russian.
const WEEKDAYS: [&str; 27] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "понедельник",
    "понедельника",
    "вторник",
    "вторника",
    "среда",
    "среду",
    "среды",
    "четверг",
    "четверга",
    "пятница",
    "пятницу",
    "пятницы",
    "суббота",
    "субботу",
    "субботы",
    "воскресенье",
    "воскресенья",
    "воскресенью",
    "пятнице",
    "субботе",
];
/// Month names that are a date on their own ("back in *September*"); "may" and
/// "march" are as often other words, and abbreviations are dates only next to a day.
const MONTHS: [&str; 34] = [
    "january",
    "february",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
];
/// Month names and abbreviations that are a date next to a day ("Sept. 22", "march 3").
const NEXT_TO_A_DAY: [&str; 12] =
    ["jan", "feb", "mar", "march", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct"];
/// The rest of the abbreviations.
const MORE_NEXT_TO_A_DAY: [&str; 2] = ["nov", "dec"];

/// Whether a question states a date and asks, with a question word, something other
/// than when: an entry that gives only a date then answers nothing it asks.
pub(super) fn date_given(analysis: &Analysis) -> bool {
    let asking =
        analysis.terms.iter().filter(|t| is_asking_term(t)).map(|t| t.trim_start_matches(QUESTION_MARK));
    // Asked of every question: no list of its question words is kept.
    let (mut asks, mut asks_when) =
        (false, matches!(analysis.asks, Some(AnswerKind::Date | AnswerKind::Time)));
    for word in asking {
        asks = true;
        asks_when |= word == "when" || word == "когда";
    }
    asks && !asks_when && states_a_date(&analysis.words)
}

/// Whether `words` name a weekday or a month (an abbreviation, next to a day).
fn states_a_date(words: &[String]) -> bool {
    let day = |i: Option<usize>| {
        i.and_then(|i| words.get(i)).is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
    };
    words.iter().enumerate().any(|(i, w)| {
        let w = w.as_str();
        WEEKDAYS.contains(&w)
            || MONTHS.contains(&w)
            || (NEXT_TO_A_DAY.contains(&w) || MORE_NEXT_TO_A_DAY.contains(&w))
                && (day(Some(i + 1)) || day(i.checked_sub(1)))
    })
}

/// Whether an entry's declared kinds say it gives only a date.
pub(super) fn date_only(kinds: &[AnswerKind]) -> bool {
    !kinds.is_empty()
        && kinds.iter().all(|k| matches!(k, AnswerKind::Date | AnswerKind::Time | AnswerKind::Exact))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::asked::tests::analysis;

    #[test]
    fn a_date_the_question_states_is_not_what_it_asks_unless_it_asks_when() {
        let what = analysis("what did the governor concede on friday", None, &["?what", "governor"]);
        assert!(date_given(&what));
        let ru = analysis("что губернатор сказал в пятницу", None, &["?что", "?say"]);
        assert!(date_given(&ru));
        let day = analysis("what happened on sept 22", None, &["?what", "happen"]);
        assert!(date_given(&day));
        let when = analysis("when did he speak on friday", Some(AnswerKind::Date), &["?when"]);
        assert!(!date_given(&when), "it asks when");
        let yes_no = analysis("was the photo taken on sept 22", None, &["photo"]);
        assert!(!date_given(&yes_no), "a yes/no question is answered by the date it names");
        let none = analysis("what did the governor say", None, &["?what", "?say"]);
        assert!(!date_given(&none));
        assert!(date_only(&[AnswerKind::Date, AnswerKind::Exact]));
        assert!(!date_only(&[AnswerKind::Time, AnswerKind::Number]) && !date_only(&[]));
    }
}
