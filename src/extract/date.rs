//! Dates: full dates ("March 3, 2026", "3 March 2026"), month and year,
//! weekdays, quarters ("Q3 2025", "the third quarter of 2025"), halves ("the
//! second half of 2025") and year-ends ("year-end 2027").
//!
//! In: one sentence. Out: `DateValue`s with spans. A weekday and a full date
//! can be checked against each other (`weekday_of`).

use crate::span::Span;
use crate::text::pattern::Found;
use regex_automata::{Input, meta};
use serde::Serialize;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Quarter(u8),
    Half(u8),
    YearEnd,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct DateValue {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
    /// 0 = Monday … 6 = Sunday.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekday: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Late at night or early in the morning ("late Saturday night",
    /// "early Sunday"): the event may be told by the day before or after.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub near_midnight: bool,
}

const MONTHS: &str = r"January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?";
const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
/// Whether a word names a month or a day of the week, in any case.
pub(super) fn is_calendar_word(w: &str) -> bool {
    MONTH_NAMES
        .iter()
        .chain(WEEKDAYS.iter())
        .any(|n| n.eq_ignore_ascii_case(w))
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

// reason: the pattern is built only from constants (MONTHS and literals), so
// it always compiles; the date tests exercise it.
//
// Built as `regex::RegexBuilder` builds it (`regex` is this engine with
// these settings), but with no prefilter: the literals that can open a
// date include every digit, so a prefilter stops at every figure in the
// text. Half the build was finding those literals, and searching without
// them was faster (the bundled and a generated corpus, 7 MB of lines:
// 14–22 ms against 23–38 ms over six runs each).
#[allow(clippy::expect_used)]
static DATE: LazyLock<meta::Regex> = LazyLock::new(|| {
    let p = format!(
        r"(?x)
        (?-u:\b)(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)
        (?:,?\s+(?P<m1>{MONTHS})\s+(?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<y1>[0-9]{{4}})(?-u:\b))?)?
      | (?-u:\b)(?P<m2>{MONTHS})\s+(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<y2>[0-9]{{4}})(?-u:\b))?
      | (?-u:\b)(?P<d3>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?P<m3>{MONTHS})(?:,?\s+(?P<y3>[0-9]{{4}})(?-u:\b))?
      | (?-u:\b)(?P<m4>January|February|March|April|June|July|August|September|October|November|December)\s+(?P<y4>[0-9]{{4}})(?-u:\b)
      | (?-u:\b)Q(?P<q1>[1-4])\s+(?P<y5>[0-9]{{4}})(?-u:\b)
      | (?-u:\b)(?i:the\s+)?(?P<qw>first|second|third|fourth)\s+(?P<qh>quarter|half)\s+of\s+(?P<y6>[0-9]{{4}})(?-u:\b)
      | (?-u:\b)H(?P<h1>[12])\s+(?P<y7>[0-9]{{4}})(?-u:\b)
      | (?-u:\b)(?i:year-end|end\s+of)\s+(?P<y8>[0-9]{{4}})(?-u:\b)
      | (?-u:\b)by\s+(?P<y9>(?:19|20)[0-9]{{2}})(?-u:\b)
    "
    );
    crate::text::pattern::build(&p, 32 << 20, false).expect("valid date regex")
});

/// The first date in `text` at or after byte `from` (as
/// `regex::Regex::captures_at`).
fn date_at(text: &str, from: usize) -> Option<Found<'_>> {
    let mut caps = DATE.create_captures();
    DATE.search_captures(&Input::new(text).span(from..text.len()), &mut caps);
    caps.is_match().then(|| Found::new(text, caps))
}

/// All dates in `text`, spans relative to it.
pub(crate) fn find(text: &str) -> Vec<(Span, DateValue)> {
    let mut out = Vec::new();
    // Every date the pattern reads has a digit but a weekday's ("on
    // Monday"), and every weekday ends in "day": a sentence with neither
    // is not searched.
    if !text.bytes().any(|b| b.is_ascii_digit()) && !text.contains("day") {
        return out;
    }
    let mut from = 0;
    while let Some(c) = date_at(text, from) {
        let Some(whole) = c.get(0) else { break };
        from = whole.end();
        // "the 19 Sept. 11 hijackers": an abbreviated month followed by a
        // day is that day's date, not the number before it: read again
        // from the month. ("on 5 May 12 people died" keeps 5 May.)
        let after = text.get(whole.end()..).unwrap_or("");
        if let Some(m3) = c.name("m3")
            && m3.as_str().ends_with('.')
            && after
                .trim_start()
                .starts_with(|ch: char| ch.is_ascii_digit())
            && after.starts_with(char::is_whitespace)
        {
            from = m3.start();
            continue;
        }
        let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<i32>().ok());
        let month = |name: &str| c.name(name).and_then(|m| month_number(m.as_str()));
        let mut d = DateValue::default();
        if let Some(wd) = c.name("wd") {
            d.weekday = WEEKDAYS
                .iter()
                .position(|w| *w == wd.as_str())
                .map(|i| i as u8);
            d.month = month("m1");
            d.day = num("d1").map(|v| v as u8);
            d.year = num("y1");
        } else if c.name("m2").is_some() {
            // "May 5" is a date; "may 5" would not match (case-sensitive).
            d.month = month("m2");
            d.day = num("d2").map(|v| v as u8);
            d.year = num("y2");
        } else if c.name("m3").is_some() {
            d.month = month("m3");
            d.day = num("d3").map(|v| v as u8);
            d.year = num("y3");
        } else if c.name("m4").is_some() {
            d.month = month("m4");
            d.year = num("y4");
        } else if let Some(q) = num("q1") {
            d.period = Some(Period::Quarter(q as u8));
            d.year = num("y5");
        } else if let Some(w) = c.name("qw") {
            let n = match w.as_str().to_lowercase().as_str() {
                "first" => 1,
                "second" => 2,
                "third" => 3,
                _ => 4,
            };
            let half = c
                .name("qh")
                .is_some_and(|h| h.as_str().eq_ignore_ascii_case("half"));
            if half && n > 2 {
                continue;
            }
            d.period = Some(if half {
                Period::Half(n)
            } else {
                Period::Quarter(n)
            });
            d.year = num("y6");
        } else if let Some(h) = num("h1") {
            d.period = Some(Period::Half(h as u8));
            d.year = num("y7");
        } else if c.name("y8").is_some() {
            d.period = Some(Period::YearEnd);
            d.year = num("y8");
        } else {
            // "by 2030": the year alone is the date (the only alternative left).
            if let Some(y) = c.name("y9") {
                d.year = num("y9");
                out.push((Span::new(y.start(), y.end()), d));
            }
            continue;
        }
        if d.day.is_some_and(|day| !(1..=31).contains(&day)) {
            continue;
        }
        out.push((Span::new(whole.start(), whole.end()), d));
    }
    out
}

fn month_number(s: &str) -> Option<u8> {
    let key: String = s.trim_end_matches('.').chars().take(3).collect();
    const ABBR: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    ABBR.iter().position(|a| *a == key).map(|i| i as u8 + 1)
}

/// Days since 1970-01-01 (a Thursday) of a calendar date.
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let (y, m) = if month <= 2 {
        (i64::from(year) - 1, i64::from(month) + 9)
    } else {
        (i64::from(year), i64::from(month) - 3)
    };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + i64::from(day) - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

/// How many days before publication the story's own events are looked for.
const RECENT_DAYS: i64 = 30;

/// Day of the week of a calendar date (0 = Monday).
pub fn weekday_of(year: i32, month: u8, day: u8) -> u8 {
    ((days_from_civil(year, month, day) + 3).rem_euclid(7)) as u8
}

/// Whether a capitalised word names a month or a weekday ("March", "Tuesday").
pub(crate) fn is_date_word(w: &str) -> bool {
    WEEKDAYS.contains(&w) || MONTH_NAMES.contains(&w)
}

pub fn weekday_name(w: u8) -> &'static str {
    WEEKDAYS.get(w as usize % 7).copied().unwrap_or_default()
}

impl DateValue {
    /// A day and month with no year, in an article published on
    /// `year`-`month`, is of the last twelve months: this year's, or last
    /// year's when the month is still to come ("Dec. 30" in January).
    pub fn assume_year(&mut self, year: i32, month: u8) {
        if self.year.is_some() || self.period.is_some() {
            return;
        }
        if let Some(m) = self.month {
            self.year = Some(if m > month { year - 1 } else { year });
        }
    }

    /// Whether a full date falls in the `RECENT_DAYS` up to the day
    /// `year`-`month`-`day` (true when the date is not a full date).
    pub fn recent(&self, year: i32, month: u8, day: u8) -> bool {
        let Some(at) = self.ordinal() else {
            return true;
        };
        let now = days_from_civil(year, month, day);
        (now - RECENT_DAYS..=now).contains(&at)
    }

    /// Whether two dates name days next to each other (Saturday and
    /// Sunday; March 4 and March 5), when both say which day.
    pub fn next_to(&self, other: &DateValue) -> bool {
        if let (Some(a), Some(b)) = (self.ordinal(), other.ordinal()) {
            return a.abs_diff(b) == 1;
        }
        match (self.weekday_in(None), other.weekday_in(None)) {
            (Some(a), Some(b)) => (a + 1) % 7 == b || (b + 1) % 7 == a,
            _ => false,
        }
    }

    /// The day of the week the date names, written or worked out from a
    /// full date (its year, else `default_year`).
    fn weekday_in(&self, default_year: Option<i32>) -> Option<u8> {
        self.weekday.or_else(|| {
            let year = self.year.or(default_year)?;
            Some(weekday_of(year, self.month?, self.day?))
        })
    }

    /// Days since 1970-01-01 of a full date.
    fn ordinal(&self) -> Option<i64> {
        Some(days_from_civil(self.year?, self.month?, self.day?))
    }

    /// Two dates of one event that fit together and pin down the same day or
    /// period ("Wednesday, March 4, 2026" and "March 4, 2026").
    pub fn agrees(&self, other: &DateValue, default_year: Option<i32>) -> bool {
        if self.conflict(other, default_year).is_some() {
            return false;
        }
        let same_day = self.day.is_some() && self.day == other.day && self.month == other.month;
        // "Saturday" and "July 9, 2016" (a Saturday) name one day.
        let weekday = self.weekday_in(default_year);
        let same_weekday = weekday.is_some() && weekday == other.weekday_in(default_year);
        let same_period = self.period.is_some() && self.period == other.period;
        let same_month = self.day.is_none()
            && other.day.is_none()
            && self.month.is_some()
            && self.month == other.month;
        same_day || same_weekday || same_period || same_month
    }

    /// Why two dates of one event cannot both be right, if they cannot.
    pub fn conflict(&self, other: &DateValue, default_year: Option<i32>) -> Option<String> {
        let differ =
            |a: Option<i32>, b: Option<i32>| matches!((a, b), (Some(x), Some(y)) if x != y);
        if differ(self.year, other.year)
            || differ(self.month.map(i32::from), other.month.map(i32::from))
            || differ(self.day.map(i32::from), other.day.map(i32::from))
        {
            return Some("the dates differ".into());
        }
        if self.period.is_some() && other.period.is_some() && self.period != other.period {
            return Some("the periods differ".into());
        }
        if let (Some(a), Some(b)) = (
            self.weekday_in(default_year),
            other.weekday_in(default_year),
        ) && a != b
        {
            return Some(format!("{} is not {}", weekday_name(a), weekday_name(b)));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_abbreviated_month_takes_the_day_after_it() {
        let t = "Fifteen of the 19 Sept. 11 hijackers were Saudi, and on 5 May 12 people died.";
        let got: Vec<(&str, Option<u8>, Option<u8>)> = super::find(t)
            .into_iter()
            .map(|(s, d)| (s.slice(t), d.month, d.day))
            .collect();
        assert_eq!(
            got,
            [("Sept. 11", Some(9), Some(11)), ("5 May", Some(5), Some(5))]
        );
    }

    use super::*;

    fn dates(text: &str) -> Vec<(&str, DateValue)> {
        find(text)
            .into_iter()
            .map(|(s, d)| (s.slice(text), d))
            .collect()
    }

    #[test]
    fn reads_the_common_forms() {
        let d = dates(
            "On Tuesday, March 3, 2026, and 3 March 2026, in Q3 2025, the second half of 2025, year-end 2027 and July 2026.",
        );
        let texts: Vec<_> = d.iter().map(|(t, _)| *t).collect();
        assert_eq!(
            texts,
            [
                "Tuesday, March 3, 2026",
                "3 March 2026",
                "Q3 2025",
                "the second half of 2025",
                "year-end 2027",
                "July 2026"
            ]
        );
        assert_eq!(d[0].1.weekday, Some(1));
        assert_eq!(dates("on Tuesday that")[0].0, "Tuesday");
        assert_eq!(
            (d[0].1.month, d[0].1.day, d[0].1.year),
            (Some(3), Some(3), Some(2026))
        );
        assert_eq!(d[2].1.period, Some(Period::Quarter(3)));
        assert_eq!(d[3].1.period, Some(Period::Half(2)));
    }

    #[test]
    fn weekday_of_known_dates() {
        assert_eq!(weekday_of(1970, 1, 1), 3); // Thursday
        assert_eq!(weekday_of(2026, 3, 3), 1); // Tuesday
        assert_eq!(weekday_of(2026, 7, 14), 1); // Tuesday
    }

    #[test]
    fn weekday_against_full_date() {
        let tue = DateValue {
            weekday: Some(1),
            ..Default::default()
        };
        let jul16 = DateValue {
            year: Some(2026),
            month: Some(7),
            day: Some(16),
            ..Default::default()
        };
        assert_eq!(
            tue.conflict(&jul16, None).as_deref(),
            Some("Tuesday is not Thursday")
        );
        let jul14 = DateValue {
            year: Some(2026),
            month: Some(7),
            day: Some(14),
            ..Default::default()
        };
        assert_eq!(tue.conflict(&jul14, None), None);
    }
}
