//! The quantity grammar: percentages, money with currency and scale, counts
//! with their noun, multiples, and vague amounts, each with its qualifier
//! ("about", "more than") and written precision.
//!
//! In: one sentence of prose. Out: `Quantity` values with byte spans.
//! Never: splits a number ("35%" out of "4.35%", "1 billion" out of
//! "2.1 billion"), or reads years, times, model names or tickers as figures.

mod figure;
mod noun;
mod wording;

#[cfg(test)]
pub(crate) use figure::find;
pub(crate) use figure::{find_of, qualifier_before};
pub(crate) use wording::word_value as number_word;

use super::lexicon::Lexicon;
use crate::span::Span;
use crate::text::PhraseHits;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Unit {
    Percent,
    PercentagePoints,
    Money {
        /// An ISO code or a symbol's code ("USD"), from a fixed list.
        currency: &'static str,
    },
    Count {
        /// Shared: a run's counts name few distinct nouns.
        noun: crate::text::Sym,
    },
    Multiple,
    /// A time of day in minutes after midnight ("1:54 a.m." is 114).
    Clock,
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

/// Words before a unit that make it another unit ("19 nautical miles" is
/// not "22 miles"; "12 square miles" not "12 miles").
pub const UNIT_CHANGERS: &[&str] = &["nautical", "square", "sq", "cubic", "metric", "imperial"];

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
            Unit::Count { .. } | Unit::Clock => UnitKind::Count,
        }
    }
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
        assert_eq!(f[1].1.unit, Unit::Money { currency: "EUR" });
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
    fn a_conversion_in_brackets_keeps_the_bound_and_is_never_exact() {
        let f = figures("less than 50 km (30 miles) away, and 12 km (7.5 miles) north");
        let quals: Vec<_> = f.iter().map(|(t, q)| (t.as_str(), q.qualifier)).collect();
        assert_eq!(
            quals,
            [
                ("less than 50 km", Qualifier::LessThan),
                ("30 miles", Qualifier::LessThan),
                ("12 km", Qualifier::Exact),
                ("7.5 miles", Qualifier::About),
            ]
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
    fn ranges_with_scales_and_parts_of_a_whole() {
        let f = figures(
            "profit of between €610 million and €640 million, from €700m to €740m, or €610-640 million; 45 of its 380 stores",
        );
        let texts: Vec<_> = f
            .iter()
            .map(|(t, q)| (t.as_str(), q.value, q.high))
            .collect();
        assert_eq!(
            texts,
            [
                ("€610 million and €640 million", 6.1e8, Some(6.4e8)),
                ("€700m to €740m", 7e8, Some(7.4e8)),
                ("€610-640 million", 6.1e8, Some(6.4e8)),
                ("45 of its 380 stores", 45.0, None),
            ]
        );
        assert_eq!(
            f[3].1.unit,
            Unit::Count {
                noun: "stores".into()
            }
        );
        // A fall written as "from … to …" with a high end in full is no range.
        let fall = figures("funding fell from $5.4 million to $200,000 last year");
        assert_eq!(fall[0].0, "$5.4 million");
        assert_eq!((fall[0].1.value, fall[0].1.high), (5.4e6, None));
        assert_eq!(fall[1].0, "$200,000");
        assert_eq!((fall[1].1.value, fall[1].1.resolution), (2e5, 1e4));
        let two = figures("sales rose 3% and 4% in Asia");
        assert_eq!(two.len(), 2);
        assert!(two.iter().all(|(_, q)| q.high.is_none()));
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
