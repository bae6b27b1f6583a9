//! The day an article was published, when the file says so: a metadata
//! line near the top ("Date: 2007-12-07", "Published: March 3, 2026",
//! Markdown front matter `date: 2026-03-03`) or, in HTML, the
//! `article:published_time` meta tag or the first `<time datetime>`.
//!
//! Stories move: a toll reported on Monday and a toll reported on Tuesday
//! are two moments of one count, not two outlets disagreeing. Comparison
//! reads this day to tell them apart.

use super::Format;
use serde::Serialize;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Day {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// How far into a file metadata is looked for (bytes).
const HEAD: usize = 4096;

/// Line openings that introduce the publication day.
const LABELS: &[&str] = &[
    "date:",
    "published:",
    "published on",
    "published",
    "posted on",
    "posted:",
];

/// The publication day `text` names near its top, if it names one.
pub fn published(text: &str, format: Format) -> Option<Day> {
    let head = text.get(..floor(text, HEAD)).unwrap_or(text);
    if format == Format::Html {
        for key in ["article:published_time", "datetime=\""] {
            if let Some(at) = head.find(key)
                && let Some(day) = head.get(at..).and_then(first_day)
            {
                return Some(day);
            }
        }
    }
    head.lines().take(40).find_map(|line| {
        let line = line.trim_start_matches(['#', '*', '_', ' ', '\t']);
        let lower = line.to_ascii_lowercase();
        let label = LABELS.iter().find(|l| lower.starts_with(**l))?;
        line.get(label.len()..).and_then(first_day)
    })
}

/// The largest char boundary at or below `at`.
fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The first full date in the first 80 bytes of `s`: ISO ("2007-12-07",
/// "2007-12-07T10:00Z") or written out ("March 3, 2026", "3 March 2026").
fn first_day(s: &str) -> Option<Day> {
    let s = s.get(..floor(s, 80)).unwrap_or(s);
    iso(s).or_else(|| {
        crate::extract::find_dates(s)
            .into_iter()
            .find_map(|(_, d)| match (d.year, d.month, d.day) {
                (Some(year), Some(month), Some(day)) => Some(Day { year, month, day }),
                _ => None,
            })
    })
}

/// "YYYY-MM-DD" anywhere in `s`.
fn iso(s: &str) -> Option<Day> {
    let b = s.as_bytes();
    (0..b.len()).find_map(|i| {
        let w = b.get(i..i + 10)?;
        let digits =
            |r: std::ops::Range<usize>| w.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
        if !(digits(0..4)
            && w.get(4) == Some(&b'-')
            && digits(5..7)
            && w.get(7) == Some(&b'-')
            && digits(8..10))
        {
            return None;
        }
        if i > 0 && b.get(i - 1).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let num = |r: std::ops::Range<usize>| s.get(i + r.start..i + r.end)?.parse::<u32>().ok();
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Day {
            year: year as i32,
            month: month as u8,
            day: day as u8,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u8, day: u8) -> Option<Day> {
        Some(Day { year, month, day })
    }

    #[test]
    fn metadata_lines_and_front_matter() {
        let t = "Date: 2007-12-07\n\nSEOUL - An oil spill ...";
        assert_eq!(published(t, Format::Text), day(2007, 12, 7));
        let t = "---\ntitle: x\ndate: 2026-03-03T09:00:00Z\n---\nText";
        assert_eq!(published(t, Format::Markdown), day(2026, 3, 3));
        let t = "# Headline\n\n*Published March 3, 2026*\n\nText";
        assert_eq!(published(t, Format::Markdown), day(2026, 3, 3));
        // A date in the story is not the day it was published.
        let t = "Shares fell on 2026-03-02, the company said.";
        assert_eq!(published(t, Format::Text), None);
        assert_eq!(published("Date: soon", Format::Text), None);
        assert_eq!(published("Date: 2026-13-40", Format::Text), None);
    }

    #[test]
    fn html_meta_and_time_elements() {
        let t = r#"<html><head><meta property="article:published_time" content="2026-03-03T08:00:00+00:00"></head>"#;
        assert_eq!(published(t, Format::Html), day(2026, 3, 3));
        let t = r#"<p>By X, <time datetime="2025-11-30">Nov 30</time></p>"#;
        assert_eq!(published(t, Format::Html), day(2025, 11, 30));
        // Multi-byte text around the head's edge is not a panic.
        let t = "é".repeat(5000);
        assert_eq!(published(&t, Format::Html), None);
    }
}
