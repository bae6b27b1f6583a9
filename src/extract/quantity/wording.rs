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
/// "forty-seven") is never matched alone. `word_counts` finds what this
/// finds; the pattern stays as the tests' reference.
// reason: the pattern is built only from constants, so it always compiles;
// the counts-in-words tests exercise it.
#[cfg(test)]
#[allow(clippy::expect_used)]
pub(super) static WORD_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    let units = "one|two|three|four|five|six|seven|eight|nine";
    Regex::new(&format!(
        r"(?-u:\b)((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:{units}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|two|three|four|five|six|seven|eight|nine|a dozen)(?-u:\b)"
    ))
    .expect("valid regex")
});

/// Number words below twenty, each at its value ("seven" at 7).
const SMALL_WORDS: [&str; 20] = [
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
/// The tens a count in words opens with ("forty" of "forty-seven"), from
/// twenty.
const TENS_WORDS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
/// The units after a ten and a hyphen or space ("seven" of "forty-seven").
fn unit_words() -> &'static [&'static str] {
    SMALL_WORDS.get(1..10).unwrap_or_default()
}
/// Counts in words that stand alone: two to nineteen and "a dozen", as the
/// reference pattern has them (not "one").
fn alone_words() -> impl Iterator<Item = &'static str> {
    SMALL_WORDS
        .get(2..)
        .unwrap_or_default()
        .iter()
        .copied()
        .chain(["a dozen"])
}

/// A byte of a word, as an ASCII word boundary (`(?-u:\b)`) reads it.
fn word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether no word byte follows `end` (an ASCII word boundary after a
/// letter).
fn ends_word(bytes: &[u8], end: usize) -> bool {
    !bytes.get(end).copied().is_some_and(word_byte)
}

/// The end of the count in words that opens the word at `at`, if one does:
/// a ten with its unit where one follows ("forty-seven"), else the ten, else
/// one of the words standing alone. Each must end its word.
fn count_at(bytes: &[u8], at: usize) -> Option<usize> {
    let rest = bytes.get(at..)?;
    if let Some(ten) = TENS_WORDS.iter().find(|t| rest.starts_with(t.as_bytes())) {
        let k = at + ten.len();
        if let Some(b'-' | b' ') = bytes.get(k) {
            let after = bytes.get(k + 1..).unwrap_or_default();
            let unit = unit_words()
                .iter()
                .find(|u| after.starts_with(u.as_bytes()))
                .map(|u| k + 1 + u.len())
                .filter(|&end| ends_word(bytes, end));
            if unit.is_some() {
                return unit;
            }
        }
        if ends_word(bytes, k) {
            return Some(k);
        }
    }
    // At most one word ends where the word at `at` ends: the order of the
    // list does not matter.
    alone_words()
        .find(|w| rest.starts_with(w.as_bytes()) && ends_word(bytes, at + w.len()))
        .map(|w| at + w.len())
}

/// The counts in words of `lower` (lower-cased text), left to right, none
/// overlapping: what `WORD_COUNT` finds, found word by word (compiling the
/// pattern was a tenth of a short run's start-up).
pub(super) fn word_counts(lower: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = lower.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(&b) = bytes.get(at) {
            if !word_byte(b) {
                at += 1;
                continue;
            }
            // `at` opens a word: the search starts at 0 or after a match,
            // which ends a word, and skips words whole.
            if let Some(end) = count_at(bytes, at) {
                let found = Span::new(at, end);
                at = end;
                return Some(found);
            }
            while bytes.get(at).copied().is_some_and(word_byte) {
                at += 1;
            }
        }
        None
    })
}

/// The value of a count in words ("forty-seven" → 47).
pub(crate) fn word_value(w: &str) -> Option<f64> {
    if w == "a dozen" {
        return Some(12.0);
    }
    let mut parts = w.split(['-', ' ']);
    let first = parts.next()?;
    let unit = |p: &str| {
        SMALL_WORDS
            .iter()
            .position(|x| *x == p)
            .filter(|&i| (1..10).contains(&i))
    };
    let value = match TENS_WORDS.iter().position(|t| *t == first) {
        Some(t) => (t + 2) * 10 + parts.next().map_or(Some(0), unit)?,
        None => SMALL_WORDS.iter().position(|x| *x == first)?,
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
    for span in word_counts(lower) {
        let Some(before) = lower.get(..span.start()) else {
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
        let counted = text
            .get(span.end()..)
            .and_then(|after| count_noun(after, lex));
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
        let Some(value) = word_value(span.slice(lower)) else {
            continue;
        };
        let end = span.end() + len;
        // "nearly ninety professors", "more than thirty sources": the
        // qualifier belongs to the figure, as it does for digits.
        let (qualifier, start) = match qualifier_before(text, span.start(), lex) {
            Some((q, at)) => (q, at),
            None => (Qualifier::Exact, span.start()),
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

    /// `word_counts` finds what `WORD_COUNT` finds.
    fn same_counts_as_the_pattern(text: &str) {
        let by_pattern: Vec<(usize, usize)> = WORD_COUNT
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect();
        let by_words: Vec<(usize, usize)> =
            word_counts(text).map(|s| (s.start(), s.end())).collect();
        assert_eq!(by_words, by_pattern, "{text:?}");
    }

    #[test]
    fn counts_in_words_are_found_as_the_pattern_finds_them() {
        for text in [
            "forty-seven arrests and thirty-seven dead",
            "twenty-ones, twenty-fold, ninety nine, nineteen, ninetyish, nine",
            "a dozen; a dozens a  dozen ca dozen, xten ten_ ten2 été ten",
            "seventy-seven-seven forty four fortyfour sixty- six twenty-",
            "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen",
            "two three four five six seven eight nine one ten",
            "",
            "ten",
            "—twenty—one éleven",
        ] {
            same_counts_as_the_pattern(text);
        }
    }

    use proptest::strategy::Strategy;

    proptest::proptest! {
        #[test]
        fn counts_in_words_match_the_pattern_on_any_text(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(vec![
                        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                        "ninety", "one", "two", "three", "four", "five", "six", "seven",
                        "eight", "nine", "ten", "eleven", "twelve", "thirteen", "nineteen",
                        "a", "dozen", "a dozen", "-", " ", "  ", "_", "x", "s", "é", "1",
                        ",", "—", "ty", "teen",
                    ]).prop_map(str::to_string),
                    "[ -~é—]{0,3}",
                ],
                0..12,
            )
        ) {
            same_counts_as_the_pattern(&parts.concat());
        }
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
