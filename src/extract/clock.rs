//! Clock times: "around 1:54 a.m.", "shortly after 11 p.m.", "9:30pm".
//! Local news tells when a shooting happened, and outlets disagree about
//! it ("about 1:45 a.m." / "around 1:54 a.m.") as often as about a toll.
//! A time is a figure in minutes after midnight: "1:54 a.m." is exact to
//! the minute, "2 a.m." only to the hour, and "about" or "shortly after"
//! makes it approximate (`Qualifier::About`, a quarter of an hour either
//! way in `compare::numeric`).

use super::quantity::{Qualifier, Quantity, Unit};
use crate::span::Span;

/// Words before a time that make it approximate, longest first.
const APPROXIMATE: &[&str] = &[
    "shortly before",
    "shortly after",
    "just before",
    "just after",
    "approximately",
    "around",
    "about",
    "roughly",
    "nearly",
    "almost",
];

/// Every clock time in `text` (a sentence), with its span (the qualifier
/// included) and its value. A time with no "a.m." or "p.m." ("at 10:30")
/// is left out: it may be a score or a ratio.
pub(crate) fn find(text: &str) -> Vec<(Span, Quantity)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let digit = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
    while i < bytes.len() {
        // A digit first (most bytes are not), then what stands before it.
        let starts_word = || {
            i.checked_sub(1)
                .and_then(|p| bytes.get(p))
                .is_none_or(|b| !b.is_ascii_alphanumeric() && *b != b':')
        };
        if !(digit(i) && starts_word()) {
            i += 1;
            continue;
        }
        match read_time(text, i) {
            Some((end, minutes, resolution)) => {
                let (start, qualifier) = qualifier_before(text, i);
                out.push((
                    Span::new(start, end),
                    Quantity {
                        unit: Unit::Clock,
                        value: minutes,
                        high: None,
                        resolution,
                        qualifier,
                        direction: None,
                        vague: false,
                    },
                ));
                i = end;
            }
            None => {
                while digit(i) {
                    i += 1;
                }
            }
        }
    }
    out
}

/// The time starting at byte `at` ("1:54 a.m.", "11 p.m.", "9:30pm"): its
/// end, minutes after midnight, and resolution in minutes.
fn read_time(text: &str, at: usize) -> Option<(usize, f64, f64)> {
    let rest = text.get(at..)?;
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let h_len = digits(rest);
    if !(1..=2).contains(&h_len) {
        return None;
    }
    let hour: u32 = rest.get(..h_len)?.parse().ok()?;
    let mut k = h_len;
    let mut minute = None;
    if rest.as_bytes().get(k) == Some(&b':') {
        let m_len = digits(rest.get(k + 1..)?);
        if m_len != 2 {
            return None;
        }
        minute = Some(rest.get(k + 1..k + 3)?.parse::<u32>().ok()?);
        k += 3;
    }
    let after = rest.get(k..)?;
    let spaced = after.strip_prefix(' ').unwrap_or(after);
    let lower = spaced.get(..spaced.len().min(4))?.to_ascii_lowercase();
    let (pm, marker) = ["a.m.", "p.m.", "a.m", "p.m", "am", "pm"]
        .iter()
        .find(|m| lower.starts_with(*m))
        .map(|m| (m.starts_with('p'), m.len()))?;
    let end_in_rest = k + (after.len() - spaced.len()) + marker;
    // "9 amendments", "2 amps": the marker must end the word.
    let next = rest.as_bytes().get(end_in_rest).copied();
    if next.is_some_and(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    if !(1..=12).contains(&hour) || minute.is_some_and(|m| m > 59) {
        return None;
    }
    let hour24 = (hour % 12) + if pm { 12 } else { 0 };
    let minutes = f64::from(hour24 * 60 + minute.unwrap_or(0));
    let resolution = if minute.is_some() { 1.0 } else { 60.0 };
    Some((at + end_in_rest, minutes, resolution))
}

/// Where a time's span starts and how firmly it is given: an
/// `APPROXIMATE` word just before it, or none.
fn qualifier_before(text: &str, at: usize) -> (usize, Qualifier) {
    let before = text.get(..at).unwrap_or("");
    let trimmed = before.trim_end();
    let lower = trimmed.to_ascii_lowercase();
    for word in APPROXIMATE {
        if let Some(head) = lower.strip_suffix(word)
            && head
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        {
            return (head.len(), Qualifier::About);
        }
    }
    (at, Qualifier::Exact)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn times(text: &str) -> Vec<(&str, f64, f64, Qualifier)> {
        find(text)
            .into_iter()
            .map(|(s, q)| (s.slice(text), q.value, q.resolution, q.qualifier))
            .collect()
    }

    #[test]
    fn times_are_minutes_after_midnight_with_their_precision() {
        assert_eq!(
            times("Shots rang out around 1:54 a.m. Sunday; police came at 2 a.m."),
            [
                ("around 1:54 a.m.", 114.0, 1.0, Qualifier::About),
                ("2 a.m.", 120.0, 60.0, Qualifier::Exact),
            ]
        );
        assert_eq!(
            times("It began shortly after 11 p.m. and ended by 12:15am."),
            [
                ("shortly after 11 p.m.", 1380.0, 60.0, Qualifier::About),
                ("12:15am", 15.0, 1.0, Qualifier::Exact),
            ]
        );
        assert_eq!(times("At 9:30PM the doors closed.")[0].1, 1290.0);
    }

    #[test]
    fn scores_ratios_and_other_units_are_not_times() {
        assert!(times("They won 10:30 at home and passed 9 amendments.").is_empty());
        assert!(times("The vote was 13 to 2, with 45 pm2.5 readings.").is_empty());
        assert!(times("At 14:30 p.m. or 3:75 a.m.").is_empty());
        assert!(times("").is_empty());
    }
}
