//! The quantity grammar: percentages, money with currency and scale, counts
//! with their noun, multiples, and vague amounts, each with its qualifier
//! ("about", "more than") and written precision.
//!
//! In: one sentence of prose. Out: `Quantity` values with byte spans.
//! Never: splits a number ("35%" out of "4.35%", "1 billion" out of
//! "2.1 billion"), or reads years, times, model names or tickers as figures.

use super::lexicon::Lexicon;
use crate::span::Span;
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Unit {
    Percent,
    PercentagePoints,
    Money { currency: String },
    Count { noun: String },
    Multiple,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    About,
    Nearly,
    MoreThan,
    LessThan,
    Range,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Up,
    Down,
}

/// A figure as written: its normalised value, the precision it was written
/// with, its qualifier and (for changes) its direction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    pub unit: Unit,
    /// Normalised value: "$3.2 billion" is 3.2e9; for a range, the low end.
    pub value: f64,
    /// High end of a range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    /// Smallest step the writer could express: 0.01 for "6.27%", 1e8 for "$3.2bn".
    pub resolution: f64,
    pub qualifier: Qualifier,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// "hundreds of millions", "double-digit": kept, never compared as exact.
    pub vague: bool,
}

impl Quantity {
    /// The value with its direction applied (a fall is negative).
    pub fn signed(&self) -> f64 {
        match self.direction {
            Some(Direction::Down) => -self.value.abs(),
            _ => self.value,
        }
    }

    pub fn unit_kind(&self) -> crate::rules::UnitKind {
        use crate::rules::UnitKind;
        match self.unit {
            Unit::Percent | Unit::PercentagePoints | Unit::Multiple => UnitKind::Percent,
            Unit::Money { .. } => UnitKind::Money,
            Unit::Count { .. } => UnitKind::Count,
        }
    }
}

const NUM: &str = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?";

static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?x)
        (?P<sign>[-−–+])?
        (?P<cur>(?:US|C|A|HK|S|NZ)?\$|€|£|¥|\b(?:USD|EUR|GBP|JPY)\s?)?
        (?P<num>{NUM})
        (?:\s?(?:-|–|to)\s?(?:(?:US)?\$|€|£)?(?P<num2>{NUM}))?
        (?P<scale>\s?(?i:trillion|billion|million|thousand)\b|(?i:tn|bn|mn|b|m|k)\b)?
        (?P<unit>\s?(?:%|(?i:percentage\s+points?|per\s?cent|percent|pct)\b|(?i:euros?|dollars?|pounds?|yen)\b|(?i:x)\b|-fold\b))?
        "
    );
    Regex::new(&pattern).expect("valid figure regex")
});

static WORD_MULTIPLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(doubled?|doubling|tripled?|tripling|quadrupled?|halved?)\b")
        .expect("valid regex")
});

static WORD_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen)\b")
        .expect("valid regex")
});

/// Words that never serve as the noun of a count.
const NOT_NOUNS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "and",
    "or",
    "from",
    "with",
    "as",
    "than",
    "per",
    "is",
    "was",
    "were",
    "are",
    "be",
    "its",
    "their",
    "his",
    "her",
    "it",
    "that",
    "this",
    "after",
    "before",
    "since",
    "while",
    "when",
    "on",
    "into",
    "over",
    "under",
    "up",
    "down",
    "more",
    "less",
    "percent",
    "cent",
    "last",
    "next",
    "am",
    "pm",
    "a.m",
    "p.m",
    "new",
    "other",
    "times",
    "points",
    "point",
    "straight",
    "consecutive",
    "between",
    "during",
    "through",
    "across",
    "among",
    "against",
    "within",
    "including",
    "like",
    "via",
    "toward",
    "towards",
    "about",
    "around",
    "near",
    "off",
    "out",
    "so",
    "but",
    "yet",
    "if",
    "then",
    "each",
    "every",
    "all",
    "some",
    "any",
    "most",
    "such",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "where",
    "why",
    "how",
    "would",
    "could",
    "should",
    "will",
    "can",
    "may",
    "might",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "been",
    "being",
    "not",
    "no",
    "nor",
    "too",
    "very",
    "just",
    "only",
    "also",
    "even",
    "still",
    "already",
    "again",
    "ago",
    "later",
    "earlier",
    "higher",
    "lower",
    "fewer",
    "least",
    "annually",
    "daily",
    "weekly",
    "monthly",
];

/// Time units: a count of these is a duration, not a checkable figure.
const DURATIONS: &[&str] = &[
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute",
    "minutes", "second", "seconds", "session", "sessions", "decade", "decades",
];

/// Finds every figure in `text`; spans are relative to `text`.
pub(crate) fn find(text: &str, lex: &Lexicon) -> Vec<(Span, Quantity)> {
    let mut out = Vec::new();
    for caps in FIGURE.captures_iter(text) {
        let whole = caps.get(0).expect("match");
        let num = caps.name("num").expect("num");
        let (mut start, end) = (whole.start(), whole.end());
        if !left_boundary_ok(text, start) || !right_boundary_ok(text, end) {
            continue;
        }
        let has_cur = caps.name("cur").is_some();
        let unit_word = caps.name("unit").map(|m| m.as_str().trim().to_lowercase());
        let scale_word = caps.name("scale").map(|m| m.as_str().trim().to_lowercase());
        let Some(value) = parse_num(num.as_str()) else {
            continue;
        };
        // A sign counts only where it is not a hyphen joining words ("Q-3", "mid-4").
        let sign = caps.name("sign").filter(|s| {
            let before = text[..s.start()].chars().next_back();
            before.is_none_or(|c| c.is_whitespace() || c == '(' || c == '[')
        });
        if caps.name("sign").is_some() && sign.is_none() {
            start = num
                .start()
                .min(caps.name("cur").map_or(usize::MAX, |c| c.start()));
        }
        let scale = scale_word.as_deref().map_or(1.0, scale_of);
        if scale_word.as_deref().is_some_and(|s| s.len() == 1) && !has_cur {
            continue; // "5 m" without a currency is too ambiguous
        }
        let mut count_end = end;
        let decimals = num.as_str().split('.').nth(1).map_or(0, str::len) as i32;
        let resolution = 10f64.powi(-decimals) * scale;
        let unit = match (&unit_word, has_cur) {
            (Some(u), _) if u == "%" || u.starts_with("per") || u == "pct" => {
                if u.starts_with("percentage") {
                    Unit::PercentagePoints
                } else {
                    Unit::Percent
                }
            }
            (Some(u), _) if u == "x" || u == "-fold" => Unit::Multiple,
            (Some(u), _) => Unit::Money {
                currency: currency_word(u).to_string(),
            },
            (None, true) => Unit::Money {
                currency: currency_symbol(caps.name("cur").map_or("$", |m| m.as_str().trim()))
                    .to_string(),
            },
            (None, false) => {
                if is_year_like(num.as_str(), scale_word.is_some()) || is_time(text, end) {
                    continue;
                }
                match count_noun(&text[end..], lex) {
                    Some((noun, len)) => {
                        count_end = end + len;
                        Unit::Count { noun }
                    }
                    None => continue,
                }
            }
        };
        let mut q = Quantity {
            unit,
            value: value * scale,
            high: caps
                .name("num2")
                .and_then(|m| parse_num(m.as_str()))
                .map(|v| v * scale),
            resolution,
            qualifier: Qualifier::Exact,
            direction: None,
            vague: false,
        };
        if let Some(s) = sign {
            if matches!(s.as_str(), "-" | "−" | "–") {
                q.direction = Some(Direction::Down);
            } else {
                q.direction = Some(Direction::Up);
            }
        }
        if q.high.is_some() {
            q.qualifier = Qualifier::Range;
        }
        let mut span = Span::new(start, end.max(count_end));
        if let Some((qual, qstart)) = qualifier_before(text, span.start(), lex) {
            q.qualifier = qual;
            span = Span::new(qstart, span.end());
        }
        // Trim a trailing space the optional groups may have swallowed.
        let trimmed = span.slice(text).trim_end().len();
        out.push((Span::new(span.start(), span.start() + trimmed), q));
    }
    out.extend(word_figures(text, &out, lex));
    out.sort_by_key(|(s, _)| *s);
    out
}

/// "doubled", "nearly double", "double-digit", "hundreds of millions", "three quarters".
fn word_figures(text: &str, found: &[(Span, Quantity)], lex: &Lexicon) -> Vec<(Span, Quantity)> {
    let mut out: Vec<(Span, Quantity)> = Vec::new();
    let lower = crate::text::fold_case(text);
    let taken = |s: Span, out: &[(Span, Quantity)]| {
        found.iter().chain(out.iter()).any(|(f, _)| f.overlaps(s))
    };
    for phrase in &lex.vague {
        let needle = phrase.join(" ");
        for s in crate::text::find_words(&lower, &needle) {
            let e = s + needle.len();
            if taken(Span::new(s, e), &out) {
                continue;
            }
            let unit = if needle.contains("digit") {
                Unit::Percent
            } else if lower[e..].trim_start().starts_with("of dollars")
                || lower[..s].trim_end().ends_with('$')
            {
                Unit::Money {
                    currency: "USD".into(),
                }
            } else {
                match count_noun(text[e..].trim_start_matches(" of"), lex) {
                    Some((noun, _)) => Unit::Count { noun },
                    None => Unit::Money {
                        currency: "USD".into(),
                    },
                }
            };
            out.push((
                Span::new(s, e),
                Quantity {
                    unit,
                    value: 0.0,
                    high: None,
                    resolution: 0.0,
                    qualifier: Qualifier::About,
                    direction: None,
                    vague: true,
                },
            ));
        }
    }
    for m in WORD_MULTIPLE.find_iter(text) {
        let w = m.as_str().to_lowercase();
        if lower[m.end()..].starts_with("-digit") || taken(Span::new(m.start(), m.end()), &out) {
            continue;
        }
        let value = if w.starts_with("doubl") {
            2.0
        } else if w.starts_with("tripl") {
            3.0
        } else if w.starts_with("quadrupl") {
            4.0
        } else {
            0.5
        };
        let mut q = Quantity {
            unit: Unit::Multiple,
            value,
            high: None,
            resolution: 0.0,
            qualifier: Qualifier::Exact,
            direction: Some(if value >= 1.0 {
                Direction::Up
            } else {
                Direction::Down
            }),
            vague: false,
        };
        let mut span = Span::new(m.start(), m.end());
        if let Some((qual, s)) = qualifier_before(text, span.start(), lex) {
            q.qualifier = qual;
            span = Span::new(s, span.end());
        }
        out.push((span, q));
    }
    for m in WORD_COUNT.find_iter(text) {
        let span = Span::new(m.start(), m.end());
        // "the big three cloud vendors" names a group; it does not count one.
        let before = lower[..m.start()].trim_end();
        // "analysts at two banks": who says so, not a figure.
        let sourced = ["at", "of", "from", "by", "among"]
            .iter()
            .any(|w| before.ends_with(w));
        if taken(span, &out) || sourced || ["the", "big", "top"].iter().any(|w| before.ends_with(w))
        {
            continue;
        }
        let Some((noun, len)) = count_noun(&text[m.end()..], lex) else {
            continue;
        };
        if DURATIONS.contains(&noun.as_str()) && noun != "quarters" {
            continue;
        }
        let value = match m.as_str() {
            "two" => 2.0,
            "three" => 3.0,
            "four" => 4.0,
            "five" => 5.0,
            "six" => 6.0,
            "seven" => 7.0,
            "eight" => 8.0,
            "nine" => 9.0,
            "ten" => 10.0,
            "eleven" => 11.0,
            "twelve" | "a dozen" => 12.0,
            _ => continue,
        };
        let end = m.end() + len;
        out.push((
            Span::new(m.start(), end),
            Quantity {
                unit: Unit::Count { noun },
                value,
                high: None,
                resolution: 1.0,
                qualifier: Qualifier::Exact,
                direction: None,
                vague: false,
            },
        ));
    }
    out
}

fn parse_num(s: &str) -> Option<f64> {
    s.replace(',', "").parse().ok()
}

fn scale_of(s: &str) -> f64 {
    match s {
        "trillion" | "tn" => 1e12,
        "billion" | "bn" | "b" => 1e9,
        "million" | "mn" | "m" => 1e6,
        "thousand" | "k" => 1e3,
        _ => 1.0,
    }
}

fn currency_symbol(s: &str) -> &'static str {
    match s {
        "€" | "EUR" => "EUR",
        "£" | "GBP" => "GBP",
        "¥" | "JPY" => "JPY",
        "C$" => "CAD",
        "A$" => "AUD",
        "HK$" => "HKD",
        "S$" => "SGD",
        "NZ$" => "NZD",
        _ => "USD",
    }
}

fn currency_word(s: &str) -> &'static str {
    if s.starts_with("euro") {
        "EUR"
    } else if s.starts_with("pound") {
        "GBP"
    } else if s == "yen" {
        "JPY"
    } else {
        "USD"
    }
}

/// A number may not continue a word, a number or a version ("Q3", "A100", "4.35").
fn left_boundary_ok(text: &str, start: usize) -> bool {
    match text[..start].chars().next_back() {
        None => true,
        Some(c) => {
            !(c.is_alphanumeric() || c == '.' || c == ',' || c == '_' || c == '/' || c == ':')
        }
    }
}

fn right_boundary_ok(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    match rest.chars().next() {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '_' => false,
        Some(':') => !rest[1..].starts_with(|c: char| c.is_ascii_digit()),
        Some('.' | ',') => !rest[1..].starts_with(|c: char| c.is_ascii_digit()),
        Some(_) => true,
    }
}

fn is_year_like(num: &str, scaled: bool) -> bool {
    !scaled && num.len() == 4 && num.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

fn is_time(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start().to_lowercase();
    rest.starts_with("a.m")
        || rest.starts_with("p.m")
        || rest.starts_with("am ")
        || rest.starts_with("pm ")
}

/// The head noun of a count and the length of text it spans: up to two
/// following words, the last is the head ("52,000 accelerator chips" → chips;
/// "2.1 billion-reader network" → reader).
fn count_noun(rest: &str, lex: &Lexicon) -> Option<(String, usize)> {
    let mut nouns = Vec::new();
    let mut consumed = 0;
    let mut pos = 0;
    let bytes = rest.as_bytes();
    while nouns.len() < 2 {
        // Skip one separator: spaces, or a hyphen directly after the number.
        let sep_start = pos;
        let hyphenated = rest[pos..].starts_with('-');
        while pos < bytes.len() && (bytes[pos] == b' ' || (bytes[pos] == b'-' && pos == sep_start))
        {
            pos += 1;
        }
        if pos == sep_start && pos != 0 {
            break;
        }
        let word_end = rest[pos..]
            .find(|c: char| !c.is_alphabetic())
            .map_or(rest.len(), |i| pos + i);
        let word = &rest[pos..word_end];
        if word.is_empty() {
            break;
        }
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        let lower = word.to_lowercase();
        // "SUVs", "GPUs": an acronym's plural is a noun, not a name.
        let acronym = word.trim_end_matches('s').chars().all(char::is_uppercase);
        if capitalised && !acronym
            || NOT_NOUNS.contains(&lower.as_str())
            || lex.up.contains(&lower)
            || lex.down.contains(&lower)
            || lex
                .modality
                .iter()
                .any(|(p, _)| p.len() == 1 && p[0] == lower)
        {
            break;
        }
        let plural = lower.ends_with('s') && !lower.ends_with("ss");
        nouns.push(lower);
        consumed = word_end;
        pos = word_end;
        // "billion-reader network": the hyphenated word is the noun. A plural
        // ("ships wait") ends the phrase; so does punctuation. Otherwise a
        // following word may be the head ("accelerator chips").
        if hyphenated || plural || !rest[pos..].starts_with([' ', '-']) {
            break;
        }
    }
    let head = nouns.pop()?;
    if DURATIONS.contains(&head.as_str()) && head != "quarters" {
        return None;
    }
    Some((head, consumed))
}

/// A qualifier phrase ending right before `at`: returns it and where it starts.
fn qualifier_before(text: &str, at: usize, lex: &Lexicon) -> Option<(Qualifier, usize)> {
    let before = text[..at].trim_end();
    let lower = crate::text::fold_case(before);
    for (phrase, qual) in &lex.qualifiers {
        let needle = phrase.join(" ");
        if let Some(stripped) = lower.strip_suffix(&needle)
            && stripped
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        {
            return Some((*qual, stripped.len()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rules;

    fn figures(text: &str) -> Vec<(String, Quantity)> {
        let lex = Lexicon::new(&Rules::defaults());
        find(text, &lex)
            .into_iter()
            .map(|(s, q)| (s.slice(text).to_string(), q))
            .collect()
    }

    #[test]
    fn percentages_keep_their_precision_and_never_split() {
        let f = figures("The index fell 4.35% and then 6 percent, (-6.4%), a 20-45% range.");
        let texts: Vec<_> = f.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["4.35%", "6 percent", "-6.4%", "20-45%"]);
        assert_eq!(f[0].1.value, 4.35);
        assert!((f[0].1.resolution - 0.01).abs() < 1e-12);
        assert_eq!(f[2].1.direction, Some(Direction::Down));
        assert_eq!(f[3].1.qualifier, Qualifier::Range);
        assert_eq!(f[3].1.high, Some(45.0));
    }

    #[test]
    fn money_scales_and_currencies_normalise() {
        let f = figures(
            "It spent $3.2 billion, €3bn and $1,200 million on a 2.1 billion-reader network.",
        );
        let texts: Vec<_> = f.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "$3.2 billion",
                "€3bn",
                "$1,200 million",
                "2.1 billion-reader"
            ]
        );
        assert_eq!(f[0].1.value, 3.2e9);
        assert_eq!(
            f[1].1.unit,
            Unit::Money {
                currency: "EUR".into()
            }
        );
        assert_eq!(f[2].1.value, 1.2e9);
        assert_eq!(
            f[3].1.unit,
            Unit::Count {
                noun: "reader".into()
            }
        );
        assert_eq!(f[3].1.value, 2.1e9);
    }

    #[test]
    fn qualifiers_are_read_from_the_words_before() {
        let f = figures(
            "nearly 6%, more than 4%, about $40 million, up to 20% and at least 52,000 accelerator chips",
        );
        let quals: Vec<_> = f.iter().map(|(t, q)| (t.as_str(), q.qualifier)).collect();
        assert_eq!(
            quals,
            [
                ("nearly 6%", Qualifier::Nearly),
                ("more than 4%", Qualifier::MoreThan),
                ("about $40 million", Qualifier::About),
                ("up to 20%", Qualifier::LessThan),
                ("at least 52,000 accelerator chips", Qualifier::MoreThan),
            ]
        );
        assert_eq!(
            f[4].1.unit,
            Unit::Count {
                noun: "chips".into()
            }
        );
    }

    #[test]
    fn years_times_models_and_bare_numbers_are_not_figures() {
        assert!(
            figures("In 2025, at 10:30 a.m., the H100 and Q3 and S&P 500 rose. It was 3 p.m.")
                .is_empty()
        );
    }

    #[test]
    fn vague_and_word_figures() {
        let f = figures(
            "hundreds of millions of dollars, a double-digit gain, nearly doubled, three quarters",
        );
        let texts: Vec<_> = f.iter().map(|(t, q)| (t.as_str(), q.vague)).collect();
        assert_eq!(
            texts,
            [
                ("hundreds of millions", true),
                ("double-digit", true),
                ("nearly doubled", false),
                ("three quarters", false)
            ]
        );
    }
}
