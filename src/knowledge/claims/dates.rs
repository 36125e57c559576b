//! Dates a text states: "Sept. 22" = "22 сентября", "Friday" = "в пятницу", "earlier
//! this week" = "на этой неделе", "24 Sep 2022".

use std::ops::Range;

use crate::knowledge::names::Token;

/// A date as precise as the text gives it; what it leaves out is `None`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Date {
    pub year: Option<u16>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// 1 = Monday … 7 = Sunday.
    pub weekday: Option<u8>,
    pub relative: Option<Relative>,
}

/// A date told from the time of writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Relative {
    Today,
    Yesterday,
    Tomorrow,
    ThisWeek,
    LastWeek,
    NextWeek,
    RecentWeeks,
    RecentDays,
    ThisMonth,
    LastMonth,
    ThisYear,
    LastYear,
}

impl Date {
    /// Whether `other` says at least everything this date says, the same way.
    pub fn within(&self, other: &Date) -> bool {
        fn same<T: PartialEq>(mine: Option<T>, theirs: Option<T>) -> bool {
            mine.is_none() || mine == theirs
        }
        same(self.year, other.year)
            && same(self.month, other.month)
            && same(self.day, other.day)
            && same(self.weekday, other.weekday)
            && same(self.relative, other.relative)
    }

    /// A calendar date with its weekday.
    pub fn calendar(year: u16, month: u8, day: u8) -> Date {
        Date {
            year: Some(year),
            month: Some(month),
            day: Some(day),
            weekday: Some(weekday(year, month, day)),
            relative: None,
        }
    }
}

/// Sakamoto's method; 1 = Monday … 7 = Sunday.
fn weekday(year: u16, month: u8, day: u8) -> u8 {
    const OFFSETS: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let m = usize::from(month.clamp(1, 12)) - 1;
    let y = i32::from(year) - i32::from(month < 3);
    let sunday_first = (y + y / 4 - y / 100 + y / 400 + OFFSETS[m] + i32::from(day)) % 7;
    if sunday_first == 0 { 7 } else { sunday_first as u8 }
}

/// Relative dates, as word patterns; a pattern word ending in `*` is a prefix.
const RELATIVE: [(&[&str], Relative); 22] = [
    (&["this", "week*"], Relative::ThisWeek),
    (&["last", "week*"], Relative::LastWeek),
    (&["past", "week"], Relative::LastWeek),
    (&["next", "week*"], Relative::NextWeek),
    (&["recent", "weeks"], Relative::RecentWeeks),
    (&["past", "few", "weeks"], Relative::RecentWeeks),
    (&["last", "few", "weeks"], Relative::RecentWeeks),
    (&["recent", "days"], Relative::RecentDays),
    (&["this", "month"], Relative::ThisMonth),
    (&["last", "month"], Relative::LastMonth),
    (&["this", "year"], Relative::ThisYear),
    (&["last", "year"], Relative::LastYear),
    (&["эт*", "недел*"], Relative::ThisWeek),
    (&["начал*", "недел*"], Relative::ThisWeek),
    (&["прошл*", "недел*"], Relative::LastWeek),
    (&["следующ*", "недел*"], Relative::NextWeek),
    (&["последн*", "недел*"], Relative::RecentWeeks),
    (&["последн*", "дн*"], Relative::RecentDays),
    (&["эт*", "месяц*"], Relative::ThisMonth),
    (&["прошл*", "месяц*"], Relative::LastMonth),
    (&["эт*", "год*"], Relative::ThisYear),
    (&["прошл*", "год*"], Relative::LastYear),
];

/// One-word relative dates.
const RELATIVE_WORDS: [(&str, Relative); 8] = [
    ("today", Relative::Today),
    ("tonight", Relative::Today),
    ("yesterday", Relative::Yesterday),
    ("tomorrow", Relative::Tomorrow),
    ("сегодня", Relative::Today),
    ("вчера", Relative::Yesterday),
    ("завтра", Relative::Tomorrow),
    ("сегодняшн*", Relative::Today),
];

const MONTHS_EN: [(&str, u8); 23] = [
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
];
/// Russian month names by the start every case form shares; май is listed whole.
const MONTHS_RU: [(&str, u8); 16] = [
    ("январ*", 1),
    ("феврал*", 2),
    ("март*", 3),
    ("апрел*", 4),
    ("май", 5),
    ("мая", 5),
    ("мае", 5),
    ("июн*", 6),
    ("июл*", 7),
    ("август*", 8),
    ("сентябр*", 9),
    ("октябр*", 10),
    ("ноябр*", 11),
    ("декабр*", 12),
    ("мартовск*", 3),
    ("маю", 5),
];
/// Abbreviations, read as months only with their full stop ("сент.").
const MONTH_ABBREVIATIONS: [(&str, u8); 13] = [
    ("dec", 12),
    ("янв", 1),
    ("фев", 2),
    ("февр", 2),
    ("мар", 3),
    ("апр", 4),
    ("авг", 8),
    ("сен", 9),
    ("сент", 9),
    ("окт", 10),
    ("ноя", 11),
    ("нояб", 11),
    ("дек", 12),
];
const WEEKDAYS: [(&str, u8); 16] = [
    ("monday", 1),
    ("tuesday", 2),
    ("wednesday", 3),
    ("thursday", 4),
    ("friday", 5),
    ("saturday", 6),
    ("sunday", 7),
    ("понедельник*", 1),
    ("вторник*", 2),
    ("среду", 3),
    ("четверг*", 4),
    ("пятниц*", 5),
    ("пятничн*", 5),
    ("суббот*", 6),
    ("воскресень*", 7),
    ("воскресн*", 7),
];

/// Whether `word` fits `pattern` (a whole word, or a prefix when it ends in `*`).
pub fn fits(pattern: &str, word: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => word.starts_with(prefix),
        None => word == pattern,
    }
}

fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table.iter().find(|(p, _)| fits(p, word)).map(|&(_, v)| v)
}

fn month(tokens: &[Token], i: usize) -> Option<u8> {
    let t = &tokens[i];
    if t.number {
        return None;
    }
    if t.dot_after
        && let Some(m) = lookup(&MONTH_ABBREVIATIONS, &t.lower)
    {
        return Some(m);
    }
    if t.cyrillic {
        return lookup(&MONTHS_RU, &t.lower);
    }
    let m = lookup(&MONTHS_EN, &t.lower).filter(|_| t.capital)?;
    // "May" is mostly a verb: a month only next to a day or a year.
    let next_to_number = |j: Option<usize>| j.and_then(|j| tokens.get(j)).is_some_and(|t| t.number);
    (t.lower != "may" || next_to_number(i.checked_sub(1)) || next_to_number(Some(i + 1))).then_some(m)
}

fn number_in(tokens: &[Token], i: usize, taken: &[bool], range: Range<u32>) -> Option<u16> {
    let t = tokens.get(i).filter(|t| t.number && !taken[i])?;
    let value: u32 = t.stem.parse().ok()?;
    range.contains(&value).then_some(value as u16)
}

/// Every date in `tokens`, as (token range, date); their tokens are marked `taken`.
pub fn dates(tokens: &[Token], taken: &mut [bool]) -> Vec<(Range<usize>, Date)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        let found = relative(tokens, i)
            .or_else(|| {
                lookup(&WEEKDAYS, &tokens[i].lower)
                    .map(|w| (i..i + 1, Date { weekday: Some(w), ..Date::default() }))
            })
            .or_else(|| calendar(tokens, i, taken));
        match found {
            Some((range, date)) => {
                taken[range.clone()].iter_mut().for_each(|t| *t = true);
                i = range.end;
                out.push((range, date));
            }
            None => i += 1,
        }
    }
    out
}

fn relative(tokens: &[Token], i: usize) -> Option<(Range<usize>, Date)> {
    let date = |r: Relative| Date { relative: Some(r), ..Date::default() };
    if let Some(r) = lookup(&RELATIVE_WORDS, &tokens[i].lower) {
        return Some((i..i + 1, date(r)));
    }
    RELATIVE.iter().find_map(|(pattern, r)| {
        let fits_all = i + pattern.len() <= tokens.len()
            && pattern.iter().enumerate().all(|(j, p)| fits(p, &tokens[i + j].lower));
        fits_all.then(|| (i..i + pattern.len(), date(*r)))
    })
}

/// A month with the day before or after it and a year after: "Sept. 22, 2022",
/// "22 сентября", "September 2022".
fn calendar(tokens: &[Token], i: usize, taken: &[bool]) -> Option<(Range<usize>, Date)> {
    let month = month(tokens, i)?;
    let mut date = Date { month: Some(month), ..Date::default() };
    let (mut start, mut end) = (i, i + 1);
    if let Some(day) = number_in(tokens, i + 1, taken, 1..32) {
        date.day = Some(day as u8);
        end = i + 2;
    } else if let Some(day) = i.checked_sub(1).and_then(|p| number_in(tokens, p, taken, 1..32)) {
        date.day = Some(day as u8);
        start = i - 1;
    }
    if let Some(year) = number_in(tokens, end, taken, 1000..3000) {
        date.year = Some(year);
        end += 1;
    }
    Some((start..end, date))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::names::Stemmers;

    fn found(text: &str) -> Vec<Date> {
        let tokens = Stemmers::default().tokens(text);
        let mut taken = vec![false; tokens.len()];
        dates(&tokens, &mut taken).into_iter().map(|(_, d)| d).collect()
    }

    #[test]
    fn calendar_dates_read_alike_in_both_languages() {
        let sept22 = Date { month: Some(9), day: Some(22), ..Date::default() };
        assert_eq!(found("on Sept. 22."), [sept22]);
        assert_eq!(found("22 сентября"), [sept22]);
        assert_eq!(found("22 сент. в городе"), [sept22]);
        assert_eq!(found("September 22, 2022"), [Date { year: Some(2022), ..sept22 }]);
        assert_eq!(found("they may 3 times"), []);
        assert!(Date { month: Some(9), ..Date::default() }.within(&sept22));
        assert!(!sept22.within(&Date { month: Some(9), ..Date::default() }));
    }

    #[test]
    fn weekdays_and_relative_dates() {
        let friday = Date { weekday: Some(5), ..Date::default() };
        assert_eq!(found("released a statement Friday"), [friday]);
        assert_eq!(found("в пятницу"), [friday]);
        let this_week = Date { relative: Some(Relative::ThisWeek), ..Date::default() };
        assert_eq!(found("earlier this week"), [this_week]);
        assert_eq!(found("ранее на этой неделе"), [this_week]);
        let recent = Date { relative: Some(Relative::RecentWeeks), ..Date::default() };
        assert_eq!(found("has, in recent weeks, regained"), [recent]);
        assert_eq!(found("за последние недели"), [recent]);
        assert_eq!(found("the seven-month mark"), []);
    }

    #[test]
    fn a_calendar_date_knows_its_weekday() {
        assert_eq!(Date::calendar(2022, 9, 24).weekday, Some(6), "24 Sep 2022 was a Saturday");
        assert_eq!(Date::calendar(2024, 2, 29).weekday, Some(4));
    }
}
