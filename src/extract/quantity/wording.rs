//! Figures written in words: "doubled", "nearly double", "double-digit",
//! "hundreds of millions", "three quarters".

use super::figure::qualifier_before;
use super::noun::{DURATIONS, count_noun};
use super::*;
use regex::Regex;
use std::sync::LazyLock;

pub(super) static WORD_MULTIPLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(doubled?|doubling|tripled?|tripling|quadrupled?|halved?)(?-u:\b)")
        .expect("valid regex")
});

pub(super) static WORD_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen)(?-u:\b)",
    )
    .expect("valid regex")
});

/// Words that never serve as the noun of a count.
pub(super) fn word_figures(
    text: &str,
    found: &[(Span, Quantity)],
    lex: &Lexicon,
) -> Vec<(Span, Quantity)> {
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
        if count_noun(&text[m.end()..], lex).is_some_and(|(n, _)| LISTICLE.contains(&n.as_str())) {
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
