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

/// How many times larger one figure may be than another and still read as
/// one fact misstated when nothing but their frames ties them. Judged blind
/// on real news (four sets, 41 mismatches between outlets), figures that far
/// apart or nearer were mostly one fact told two ways ("$600 billion" /
/// "$660 billion", "ten commutations" / "nine"), while figures further apart
/// were mostly two facts the frames did not tell apart ("13,000 research
/// jobs" / "50,000 jobs", "4.9%" / "7.8%"): of 31 such pairs, 4 were real.
const SLIP_FAR: f64 = 1.5;

/// Whether two figures in conflict look like one fact told wrongly rather
/// than two facts: near each other (`SLIP_FAR`), or the same digits one
/// slip apart: two digits swapped ("19" / "91"), one digit of three or
/// more changed ("1,706" / "1,786"), or a power of ten too many ("5" / "50",
/// "$1.2 million" / "$1.2 billion").
pub(crate) fn slip(a: &Quantity, b: &Quantity) -> bool {
    let (x, y) = (a.value.abs(), b.value.abs());
    let (lo, hi) = (x.min(y), x.max(y));
    if lo <= 0.0 || hi <= SLIP_FAR * lo {
        return true;
    }
    let power = (hi / lo).log10();
    if (power - power.round()).abs() < 1e-9 {
        return true;
    }
    let (da, db) = (digits(a), digits(b));
    if da.len() != db.len() {
        return false;
    }
    let differ: Vec<usize> = (0..da.len()).filter(|&i| da.get(i) != db.get(i)).collect();
    match differ.as_slice() {
        [_] => da.len() >= 3,
        &[i, j] => j == i + 1 && da.get(i) == db.get(j) && da.get(j) == db.get(i),
        _ => false,
    }
}

/// The significant digits a figure was written with: "6.27%" is "627",
/// "$3.2 billion" is "32".
fn digits(q: &Quantity) -> Vec<u8> {
    let steps = if q.resolution > 0.0 {
        (q.value.abs() / q.resolution).round()
    } else {
        q.value.abs().round()
    };
    let mut text = format!("{steps:.0}").into_bytes();
    while text.len() > 1 && text.last() == Some(&b'0') {
        text.pop();
    }
    text
}

/// Whether two figures move in opposite directions ("a rise against a fall").
pub(crate) fn opposed(a: &Quantity, b: &Quantity) -> bool {
    matches!((a.direction, b.direction), (Some(x), Some(y)) if x != y)
}

/// Whether two figures are one value, whatever their directions ("fell
/// 1.2%" / "rose 1.2%"; not "9.4%" / "just under 10%").
pub(crate) fn same_magnitude(a: &Quantity, b: &Quantity, rules: &NumericRules) -> bool {
    let bare = |q: &Quantity| Quantity {
        direction: None,
        ..q.clone()
    };
    relate(&bare(a), &bare(b), rules) == Relation::Equal
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

    pub(super) fn count(noun: &str) -> Quantity {
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

    #[test]
    fn a_slip_is_a_near_figure_or_the_same_digits_one_slip_apart() {
        let n = |value: f64, resolution: f64| Quantity {
            value,
            resolution,
            ..super::unit_tests::count("jobs")
        };
        let slip_between = |a: f64, b: f64| slip(&n(a, 1.0), &n(b, 1.0));
        // Near: within half again.
        assert!(slip_between(600.0, 660.0));
        assert!(slip_between(10.0, 9.0));
        assert!(!slip_between(13_000.0, 50_000.0));
        assert!(!slip_between(12.0, 40.0));
        // Two digits swapped, a power of ten, one digit of three or more.
        assert!(slip_between(19.0, 91.0));
        assert!(slip_between(5.0, 50.0));
        assert!(slip_between(1_706.0, 1_786.0));
        assert!(slip(&n(1.2e6, 1e5), &n(1.2e9, 1e8)));
        // One digit of two is any other figure.
        assert!(!slip_between(12.0, 92.0));
        assert!(!slip_between(1_706.0, 3_786.0));
    }

    #[test]
    fn one_value_whatever_the_directions() {
        let r = NumericRules::default();
        let mut up = super::unit_tests::count("jobs");
        up.direction = Some(Direction::Up);
        let mut down = super::unit_tests::count("jobs");
        down.direction = Some(Direction::Down);
        assert!(opposed(&up, &down));
        assert!(!opposed(&up, &super::unit_tests::count("jobs")));
        assert!(same_magnitude(&up, &down, &r));
        down.value = 20.0;
        assert!(!same_magnitude(&up, &down, &r));
    }
}
