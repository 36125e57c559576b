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

/// Words after "what time" that make it a span, not a time of day ("what time
/// *period*").
const SPAN_NOUNS: [&str; 6] = ["period", "frame", "span", "line", "scale", "zone"];
/// Word starts after "во сколько" that make it a price or a ratio, not a time of day
/// ("во сколько *обойдётся*", "во сколько *раз*").
const NOT_A_TIME_RU: [&str; 6] = ["раз", "обо", "обх", "стои", "оцен", "выйд"];

/// Whether a question asks for a time of day ("*what time* did he speak", "at what
/// *hour*", "*time of day*", "*во сколько* он выступил", "в котором часу", "время
/// суток"): only an exact time answers it ([`exact_time`]); a day, a date or any other
/// fact is no answer to it.
pub(super) fn asks_time_of_day(words: &[String]) -> bool {
    let at = |i: usize| words.get(i).map_or("", String::as_str);
    (0..words.len()).any(|i| match (at(i), at(i + 1), at(i + 2)) {
        ("what" | "which", "time", next) => !SPAN_NOUNS.contains(&next),
        ("what" | "which", "hour", _) | ("time", "of", "day") | ("время", "суток", _) => true,
        ("котором", "часу", _) => true,
        ("во", "сколько", next) => {
            !next.is_empty() && !NOT_A_TIME_RU.iter().any(|s| next.starts_with(s))
        }
        _ => false,
    })
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

/// Whether an entry's declared kinds say it gives an exact time (`time` and `exact`),
/// the one answer to a time of day asked ([`asks_time_of_day`]).
pub(super) fn exact_time(kinds: &[AnswerKind]) -> bool {
    kinds.contains(&AnswerKind::Time) && kinds.contains(&AnswerKind::Exact)
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

    #[test]
    fn a_time_of_day_is_asked_by_the_hour_not_by_the_day() {
        let words = |text: &str| text.split(' ').map(String::from).collect::<Vec<_>>();
        for asked in [
            "what time of day did the governor speak",
            "at what hour did the lines form",
            "what time did putin sign it",
            "во сколько губернатор выступил",
            "в котором часу сделано фото",
        ] {
            assert!(asks_time_of_day(&words(asked)), "{asked}");
        }
        for not_asked in [
            "when did the governor speak",
            "over what time period did men flee",
            "во сколько раз подорожали билеты",
            "во сколько обойдется билет",
            "how many hours do people wait",
        ] {
            assert!(!asks_time_of_day(&words(not_asked)), "{not_asked}");
        }
    }
}
