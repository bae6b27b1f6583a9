//! How two figures relate: equal, compatible only by rounding or a bound, or
//! in conflict. Values are compared as magnitudes; directions separately.

use crate::extract::{Direction, Qualifier, Quantity, Unit};
use crate::rules::{NumericRules, PrecisionPolicy};

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Relation {
    Equal,
    /// Compatible only through rounding, an approximation or a bound.
    Compatible(Compat),
    Conflict(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Compat {
    Bound,
    Approximation,
    Rounding,
}

impl Compat {
    pub fn why(self) -> &'static str {
        match self {
            Compat::Bound => "compatible only through a bound",
            Compat::Approximation => "compatible only as an approximation",
            Compat::Rounding => "compatible only by rounding",
        }
    }
}

/// What the rules make of two figures.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Verdict {
    Same,
    Precision(&'static str),
    Mismatch(String),
}

/// The relation of two figures judged under the rules' precision and bounds policies.
pub(crate) fn verdict(a: &Quantity, b: &Quantity, rules: &NumericRules) -> Verdict {
    match relate(a, b, rules) {
        Relation::Equal => Verdict::Same,
        Relation::Conflict(why) => Verdict::Mismatch(why),
        Relation::Compatible(c) => {
            let policy = if c == Compat::Bound {
                rules.bounds_policy()
            } else {
                rules.policy()
            };
            match policy {
                PrecisionPolicy::Warn => Verdict::Precision(c.why()),
                PrecisionPolicy::Agree => Verdict::Same,
                PrecisionPolicy::Mismatch => {
                    Verdict::Mismatch(format!("{}, which the rules count as a mismatch", c.why()))
                }
            }
        }
    }
}

/// How many times larger one figure may be than another and still be the
/// same figure stated through a bound. "At least 30 people" and "at least
/// 100 people", or "at least three" and "230,000", fit one bound, but no
/// reader takes them for one count given more or less precisely: they count
/// different things (another place, another day's toll). Judged on real news,
/// every such pair was two facts; pairs at most twice apart ("at least six" /
/// "at least three") were one toll told early and late.
const BOUND_FAR: f64 = 3.0;

/// Whether two figures compatible only through a bound are too far apart to
/// be one figure (`BOUND_FAR`).
pub(crate) fn far_apart(a: &Quantity, b: &Quantity) -> bool {
    let (x, y) = (a.value.abs(), b.value.abs());
    let (lo, hi) = (x.min(y), x.max(y));
    lo > 0.0 && hi > BOUND_FAR * lo
}

/// Whether two figures can be compared at all (same kind of unit).
pub(crate) fn comparable(a: &Quantity, b: &Quantity) -> bool {
    !a.vague
        && !b.vague
        && match (&a.unit, &b.unit) {
            (Unit::Percent, Unit::Percent)
            | (Unit::PercentagePoints, Unit::PercentagePoints)
            | (Unit::Multiple, Unit::Multiple) => true,
            (Unit::Money { currency: x }, Unit::Money { currency: y }) => x == y,
            (Unit::Clock, Unit::Clock) => true,
            // Claims reach here grouped by attribute: "1,200 jobs" and "12,000
            // positions" are both the attribute "jobs".
            // But "19 nautical miles" is not "22 miles", nor "12 square
            // miles" "12 miles": a word that changes the unit must be on
            // both sides.
            (Unit::Count { noun: x }, Unit::Count { noun: y }) => {
                fn changed(noun: &str) -> Vec<&str> {
                    noun.split_whitespace()
                        .filter(|w| crate::extract::UNIT_CHANGERS.contains(w))
                        .collect()
                }
                changed(x) == changed(y)
            }
            _ => false,
        }
}

/// How far an approximate time may be from the time it approximates
/// ("about 1:45 a.m."), in minutes: a share of minutes after midnight
/// means nothing.
const CLOCK_APPROXIMATION: f64 = 15.0;

fn interval(q: &Quantity, approx: f64) -> (f64, f64) {
    let v = q.value.abs();
    let half = q.resolution / 2.0;
    let spread = if q.unit == Unit::Clock {
        CLOCK_APPROXIMATION
    } else {
        v * approx
    };
    match q.qualifier {
        Qualifier::Exact => (v - half, v + half),
        Qualifier::About => (v - spread - half, v + spread + half),
        Qualifier::Nearly => (v - spread - half, v + half),
        Qualifier::MoreThan => (v - half, f64::INFINITY),
        Qualifier::LessThan => (f64::NEG_INFINITY, v + half),
        Qualifier::Range => (v - half, q.high.unwrap_or(v).abs() + half),
    }
}

fn close(a: f64, b: f64, rules: &NumericRules) -> bool {
    (a - b).abs() <= rules.absolute() + rules.relative() * a.abs().max(b.abs())
}

/// The relation between two comparable figures.
pub(crate) fn relate(a: &Quantity, b: &Quantity, rules: &NumericRules) -> Relation {
    if let (Some(da), Some(db)) = (a.direction, b.direction)
        && da != db
    {
        let word = |d: Direction| {
            if d == Direction::Up {
                "a rise"
            } else {
                "a fall"
            }
        };
        return Relation::Conflict(format!("{} against {}", word(da), word(db)));
    }
    let same_value = close(a.value.abs(), b.value.abs(), rules)
        && a.high.zip(b.high).is_none_or(|(x, y)| close(x, y, rules))
        && a.high.is_some() == b.high.is_some();
    // "2%" and "about 2%" state the same figure.
    let loose = |q: Qualifier| matches!(q, Qualifier::Exact | Qualifier::About);
    if same_value && (a.qualifier == b.qualifier || loose(a.qualifier) && loose(b.qualifier)) {
        return Relation::Equal;
    }
    let (alo, ahi) = interval(a, rules.approximate());
    let (blo, bhi) = interval(b, rules.approximate());
    let tol = rules.absolute();
    // Intervals that only touch ("6%" and "7%" meet at 6.5) do not overlap:
    // two whole numbers a unit apart are a mismatch, not a rounding.
    let touch = 1e-9
        * [alo, ahi, blo, bhi]
            .iter()
            .filter(|x| x.is_finite())
            .fold(1.0f64, |m, x| m.max(x.abs()));
    if alo < bhi + tol - touch && blo < ahi + tol - touch {
        let bound = |q: &Quantity| {
            matches!(
                q.qualifier,
                Qualifier::MoreThan | Qualifier::LessThan | Qualifier::Range
            )
        };
        let approx = |q: &Quantity| matches!(q.qualifier, Qualifier::About | Qualifier::Nearly);
        if bound(a) || bound(b) {
            Relation::Compatible(Compat::Bound)
        } else if approx(a) || approx(b) {
            Relation::Compatible(Compat::Approximation)
        } else {
            Relation::Compatible(Compat::Rounding)
        }
    } else {
        Relation::Conflict("the figures cannot both be right".into())
    }
}

#[cfg(test)]
mod unit_tests {
    use super::*;

    fn count(noun: &str) -> Quantity {
        Quantity {
            unit: Unit::Count { noun: noun.into() },
            value: 19.0,
            high: None,
            resolution: 1.0,
            qualifier: Qualifier::Exact,
            direction: None,
            vague: false,
        }
    }

    #[test]
    fn a_word_that_changes_the_unit_must_be_on_both_sides() {
        assert!(!comparable(&count("nautical miles"), &count("miles")));
        assert!(!comparable(&count("square miles"), &count("miles")));
        assert!(comparable(
            &count("nautical miles"),
            &count("nautical miles")
        ));
        assert!(comparable(&count("people"), &count("people")));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pct(v: f64, res: f64, q: Qualifier) -> Quantity {
        Quantity {
            unit: Unit::Percent,
            value: v,
            high: None,
            resolution: res,
            qualifier: q,
            direction: Some(Direction::Down),
            vague: false,
        }
    }

    #[test]
    fn rounding_bounds_and_mismatches() {
        let r = NumericRules::default();
        let exact = Qualifier::Exact;
        assert_eq!(
            relate(&pct(6.0, 1.0, exact), &pct(6.27, 0.01, exact), &r),
            Relation::Compatible(Compat::Rounding)
        );
        assert_eq!(
            relate(
                &pct(4.0, 1.0, Qualifier::MoreThan),
                &pct(4.35, 0.01, exact),
                &r
            ),
            Relation::Compatible(Compat::Bound)
        );
        assert_eq!(
            relate(
                &pct(6.0, 1.0, Qualifier::About),
                &pct(6.27, 0.01, exact),
                &r
            ),
            Relation::Compatible(Compat::Approximation)
        );
        assert!(matches!(
            relate(&pct(4.0, 1.0, exact), &pct(9.0, 1.0, exact), &r),
            Relation::Conflict(_)
        ));
        assert!(matches!(
            relate(&pct(6.0, 1.0, exact), &pct(7.0, 1.0, exact), &r),
            Relation::Conflict(_)
        ));
        assert!(matches!(
            relate(&pct(6.0, 1.0, exact), &pct(6.7, 0.1, exact), &r),
            Relation::Conflict(_)
        ));
        assert_eq!(
            relate(&pct(6.27, 0.01, exact), &pct(6.27, 0.01, exact), &r),
            Relation::Equal
        );
        let mut up = pct(4.0, 1.0, exact);
        up.direction = Some(Direction::Up);
        assert_eq!(
            relate(&up, &pct(4.0, 1.0, exact), &r),
            Relation::Conflict("a rise against a fall".into())
        );
    }

    #[test]
    fn policies_decide_what_compatible_figures_mean() {
        let exact = Qualifier::Exact;
        let (six, precise) = (pct(6.0, 1.0, exact), pct(6.27, 0.01, exact));
        let (over, four) = (pct(4.0, 1.0, Qualifier::MoreThan), pct(4.35, 0.01, exact));
        let mut r = NumericRules::default();
        assert_eq!(
            verdict(&six, &precise, &r),
            Verdict::Precision("compatible only by rounding")
        );
        r.precision = Some(PrecisionPolicy::Agree);
        assert_eq!(verdict(&six, &precise, &r), Verdict::Same);
        assert_eq!(
            verdict(&over, &four, &r),
            Verdict::Precision("compatible only through a bound")
        );
        r.bounds = Some(PrecisionPolicy::Mismatch);
        assert!(matches!(verdict(&over, &four, &r), Verdict::Mismatch(_)));
    }

    #[test]
    fn money_scales_compare_as_equal() {
        let r = NumericRules::default();
        let m = |v: f64, res: f64| Quantity {
            unit: Unit::Money { currency: "USD" },
            value: v,
            high: None,
            resolution: res,
            qualifier: Qualifier::Exact,
            direction: None,
            vague: false,
        };
        assert_eq!(relate(&m(1.2e9, 1e8), &m(1.2e9, 1e6), &r), Relation::Equal);
        assert!(matches!(
            relate(&m(4e7, 1e6), &m(4e8, 1e6), &r),
            Relation::Conflict(_)
        ));
    }
}
