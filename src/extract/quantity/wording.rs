//! Figures written in words: "doubled", "nearly double", "double-digit",
//! "hundreds of millions", "three quarters".

use super::figure::qualifier_before;
use super::noun::{DURATIONS, count_noun};
use super::*;
use regex::Regex;
use std::sync::LazyLock;

// reason: a constant pattern, compiled by the "doubled"/"halved" tests.
#[allow(clippy::expect_used)]
pub(super) static WORD_MULTIPLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(doubled?|doubling|tripled?|tripling|quadrupled?|halved?)(?-u:\b)")
        .expect("valid regex")
});

/// The stems every `WORD_MULTIPLE` match holds, lower-cased, each with
/// its searcher made once (a `str::contains` makes one per call).
static MULTIPLE_STEMS: LazyLock<[memchr::memmem::Finder<'static>; 4]> =
    LazyLock::new(|| ["doubl", "tripl", "quadrupl", "halve"].map(memchr::memmem::Finder::new));

/// Counts in words up to ninety-nine: "seven", "forty-seven", "a dozen".
/// Matched on lower case; a word glued to a hyphen before it ("forty-" of
/// "forty-seven") is never matched alone.
// reason: the pattern is built only from constants, so it always compiles;
// the counts-in-words tests exercise it.
#[allow(clippy::expect_used)]
pub(super) static WORD_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    let units = "one|two|three|four|five|six|seven|eight|nine";
    Regex::new(&format!(
        r"(?-u:\b)((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:{units}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|two|three|four|five|six|seven|eight|nine|a dozen)(?-u:\b)"
    ))
    .expect("valid regex")
});

/// The value of a count in words ("forty-seven" → 47).
pub(crate) fn word_value(w: &str) -> Option<f64> {
    const SMALL: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: &[&str] = &[
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if w == "a dozen" {
        return Some(12.0);
    }
    let mut parts = w.split(['-', ' ']);
    let first = parts.next()?;
    let unit = |p: &str| {
        SMALL
            .iter()
            .position(|x| *x == p)
            .filter(|&i| (1..10).contains(&i))
    };
    let value = match TENS.iter().position(|t| !t.is_empty() && *t == first) {
        Some(t) => t * 10 + parts.next().map_or(Some(0), unit)?,
        None => SMALL.iter().position(|x| *x == first)?,
    };
    Some(value as f64)
}

/// Words that never serve as the noun of a count.
pub(super) fn word_figures(
    text: &str,
    lower: &str,
    hits: &PhraseHits,
    found: &[(Span, Quantity)],
    lex: &Lexicon,
) -> Vec<(Span, Quantity)> {
    let mut out: Vec<(Span, Quantity)> = Vec::new();
    let taken = |s: Span, out: &[(Span, Quantity)]| {
        found.iter().chain(out.iter()).any(|(f, _)| f.overlaps(s))
    };
    for (i, s) in hits.in_list_order() {
        let Some(needle) = lex.vague.get(i).map(|p| &p.text) else {
            continue;
        };
        let e = s + needle.len();
        if taken(Span::new(s, e), &out) {
            continue;
        }
        let unit = if needle.contains("digit") {
            Unit::Percent
        } else if lower
            .get(e..)
            .is_some_and(|after| after.trim_start().starts_with("of dollars"))
            || lower
                .get(..s)
                .is_some_and(|before| before.trim_end().ends_with('$'))
        {
            Unit::Money { currency: "USD" }
        } else {
            match text
                .get(e..)
                .and_then(|after| count_noun(after.trim_start_matches(" of"), lex))
            {
                Some((noun, _)) => Unit::Count { noun: noun.into() },
                None => Unit::Money { currency: "USD" },
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
    // A match is ASCII letters (none of them has another case outside
    // ASCII), so its word stands lower-cased in `lower`: a sentence with
    // none of the stems is not searched, and a run with none never
    // compiles the pattern.
    let multiple = MULTIPLE_STEMS
        .iter()
        .any(|stem| stem.find(lower.as_bytes()).is_some())
        .then(|| WORD_MULTIPLE.find_iter(text));
    for m in multiple.into_iter().flatten() {
        let w = m.as_str().to_lowercase();
        if lower
            .get(m.end()..)
            .is_some_and(|after| after.starts_with("-digit"))
            || taken(Span::new(m.start(), m.end()), &out)
        {
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
    for m in WORD_COUNT.find_iter(lower) {
        let span = Span::new(m.start(), m.end());
        let Some(before) = lower.get(..m.start()) else {
            continue;
        };
        if before.ends_with('-') {
            continue;
        }
        // "the big three cloud vendors" names a group; it does not count one.
        let before = before.trim_end();
        // "the quarter in three numbers": a listicle's count is not a claim.
        const LISTICLE: &[&str] = &[
            "numbers",
            "things",
            "ways",
            "reasons",
            "takeaways",
            "charts",
            "questions",
            "lessons",
            "facts",
            "stories",
            "tips",
            "steps",
            "signs",
            "points",
        ];
        let counted = text.get(m.end()..).and_then(|after| count_noun(after, lex));
        if counted
            .as_ref()
            .is_some_and(|(n, _)| LISTICLE.contains(&n.as_str()))
        {
            continue;
        }
        // "analysts at two banks": who says so, not a figure.
        let sourced = ["at", "of", "from", "by", "among"]
            .iter()
            .any(|w| before.ends_with(w));
        if taken(span, &out) || sourced || ["the", "big", "top"].iter().any(|w| before.ends_with(w))
        {
            continue;
        }
        let Some((noun, len)) = counted else {
            continue;
        };
        if DURATIONS.contains(&noun.as_str()) && noun != "quarters" {
            continue;
        }
        let Some(value) = word_value(m.as_str()) else {
            continue;
        };
        let end = m.end() + len;
        // "nearly ninety professors", "more than thirty sources": the
        // qualifier belongs to the figure, as it does for digits.
        let (qualifier, start) = match qualifier_before(text, m.start(), lex) {
            Some((q, at)) => (q, at),
            None => (Qualifier::Exact, m.start()),
        };
        out.push((
            Span::new(start, end),
            Quantity {
                unit: Unit::Count { noun: noun.into() },
                value,
                high: None,
                resolution: 1.0,
                qualifier,
                direction: None,
                vague: false,
            },
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_in_words() {
        assert_eq!(word_value("forty-seven"), Some(47.0));
        assert_eq!(word_value("ninety nine"), Some(99.0));
        assert_eq!(word_value("thirteen"), Some(13.0));
        assert_eq!(word_value("twenty"), Some(20.0));
        assert_eq!(word_value("a dozen"), Some(12.0));
        let m: Vec<&str> = WORD_COUNT
            .find_iter("forty-seven arrests and thirty-seven dead")
            .map(|m| m.as_str())
            .collect();
        assert_eq!(m, ["forty-seven", "thirty-seven"]);
    }

    #[test]
    fn a_qualifier_before_a_count_in_words_is_kept() {
        let lex = Lexicon::new(&crate::rules::Rules::defaults());
        let t = "It hired nearly ninety professors and more than thirty staff.";
        let lower = crate::text::fold_case(t);
        let got: Vec<(&str, Qualifier, f64)> =
            word_figures(t, &lower, &lex.vague_set.find(&lower), &[], &lex)
                .into_iter()
                .map(|(s, q)| (s.slice(t), q.qualifier, q.value))
                .collect();
        assert_eq!(
            got,
            [
                ("nearly ninety professors", Qualifier::Nearly, 90.0),
                ("more than thirty staff", Qualifier::MoreThan, 30.0)
            ]
        );
    }
}
