//! The noun a count counts: "52,000 accelerator chips" → chips.

use super::*;
use regex::Regex;
use std::sync::LazyLock;

// reason: a constant pattern, compiled by every count test ("45 of its 380 stores").
#[allow(clippy::expect_used)]
static PART_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+of\s+(?:its|the|their|his|her|our)\s+(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
        .expect("valid regex")
});

pub(super) const NOT_NOUNS: &[&str] = &[
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
pub(super) const DURATIONS: &[&str] = &[
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute",
    "minutes", "second", "seconds", "session", "sessions", "decade", "decades",
];

/// Finds every figure in `text`; spans are relative to `text`.
/// The head noun of a count and the length of text it spans: up to two
/// following words, the last is the head ("52,000 accelerator chips" → chips;
/// "2.1 billion-reader network" → reader).
pub(super) fn count_noun(rest: &str, lex: &Lexicon) -> Option<(String, usize)> {
    // "45 of its 380 stores": the part counts the whole's noun.
    // (Only text that opens with white space then "of" is searched: a run
    // with no such count never compiles the pattern.)
    let part_of = rest.starts_with(char::is_whitespace) && rest.trim_start().starts_with("of");
    if let Some(m) = part_of.then(|| PART_OF.find(rest)).flatten() {
        let (noun, len) = count_noun(rest.get(m.end()..)?, lex)?;
        return Some((noun, m.end() + len));
    }
    // "3 million Brightwell Telecom customers": a name may stand before the noun.
    let named = rest
        .split_whitespace()
        .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
        .take(3)
        .collect::<Vec<_>>();
    if let Some(&last) = named.last()
        && named.iter().all(|w| w.chars().all(char::is_alphabetic))
    {
        let skip = rest.find(last).map_or(0, |i| i + last.len());
        if let Some(after) = rest.get(skip..)
            && let Some((noun, len)) = count_noun(after, lex)
            && !after.trim_start().starts_with(|c: char| c.is_uppercase())
        {
            return Some((noun, skip + len));
        }
    }
    let mut nouns = Vec::new();
    let mut consumed = 0;
    let mut pos = 0;
    let bytes = rest.as_bytes();
    while nouns.len() < 2 {
        // Skip one separator: spaces, or a hyphen directly after the number.
        let sep_start = pos;
        let hyphenated = bytes.get(pos) == Some(&b'-');
        while bytes
            .get(pos)
            .is_some_and(|&b| b == b' ' || (b == b'-' && pos == sep_start))
        {
            pos += 1;
        }
        if pos == sep_start && pos != 0 {
            break;
        }
        // The letters from `pos` on.
        let word = rest
            .get(pos..)
            .and_then(|tail| tail.split(|c: char| !c.is_alphabetic()).next())
            .unwrap_or("");
        let word_end = pos + word.len();
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
                .any(|(p, _)| matches!(p.words.as_slice(), [only] if *only == lower))
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
        if hyphenated
            || plural
            || !rest
                .get(pos..)
                .is_some_and(|after| after.starts_with([' ', '-']))
        {
            break;
        }
    }
    let mut head = nouns.pop()?;
    // "19 nautical miles", "12 square miles": the word before is part of
    // the unit.
    if let Some(unit) = nouns
        .last()
        .filter(|w| super::UNIT_CHANGERS.contains(&w.as_str()))
    {
        head = format!("{unit} {head}");
    }
    // "the 240,000 economists had forecast": the forecasters are not what is counted.
    let next = rest
        .get(consumed..)
        .and_then(|after| after.split_whitespace().next())
        .unwrap_or("");
    let forecasters = [
        "economists",
        "analysts",
        "experts",
        "forecasters",
        "strategists",
        "traders",
        "investors",
    ];
    let guessing = [
        "had",
        "have",
        "expected",
        "forecast",
        "predicted",
        "estimated",
        "polled",
    ];
    if forecasters.contains(&head.as_str()) && guessing.contains(&next) {
        return None;
    }
    if DURATIONS.contains(&head.as_str()) && head != "quarters" {
        return None;
    }
    Some((head, consumed))
}
