//! What a figure or date is about: the attribute words of the rules nearest
//! to it in its clause ("revenue", "capital spending", "jobs"), narrowed by a
//! business segment and marked when it is an estimate or a former value; the
//! direction of a change; and the event a date belongs to.

mod context;
mod event;

pub(crate) use context::{estimate, including, past_year, previous, segment, target};
pub use event::is_crime_date;
pub(crate) use event::{crime, event, mentions_crime, near_midnight};

use super::clause::has_word;
use super::lexicon::Lexicon;
use super::quantity::{Direction, Quantity, Unit};
use crate::span::Span;
use crate::text::PhraseScan;

/// Direction of a change: the nearest direction word before the figure in its
/// clause, else the first after it.
pub(crate) fn direction(lower: &str, clause: Span, fig: Span, lex: &Lexicon) -> Option<Direction> {
    let mut best: Option<(bool, usize, Direction)> = None; // (after, distance, dir)
    let text = clause.slice(lower);
    for (i, w) in crate::text::words(text) {
        let at = clause.start() + i;
        if fig.contains(Span::new(at, at + w.len())) {
            continue;
        }
        let dir = if lex.up.contains(w) {
            Direction::Up
        } else if lex.down.contains(w) {
            Direction::Down
        } else {
            continue;
        };
        // "up to 20%" is a bound, not a rise.
        if w == "up"
            && lower
                .get(at + 2..)
                .is_some_and(|rest| rest.trim_start().starts_with("to "))
        {
            continue;
        }
        let after = at >= fig.end();
        let dist = if after {
            at - fig.end()
        } else {
            fig.start() - at
        };
        let cand = (after, dist, dir);
        if best.is_none_or(|b| (cand.0, cand.1) < (b.0, b.1)) {
            best = Some(cand);
        }
    }
    best.map(|b| b.2)
}

/// The attribute of a figure.
pub(crate) fn for_quantity(
    lower: &str,
    original: &str,
    clause: Span,
    fig: Span,
    q: &Quantity,
    (lex, scan): (&Lexicon, &PhraseScan),
    names: &[Span],
) -> String {
    let base = base_attribute(lower, clause, fig, q, (lex, scan));
    // A business segment narrows revenue and profit figures: "cloud revenue".
    // It is looked for in the figure's comma-delimited stretch, and in the one
    // before when the figure's own says nothing ("$12.4 billion from cloud, up 28%").
    let stretch = comma_stretch(lower, clause, fig);
    let own = segment(lower, original, stretch, fig, lex, names);
    let says_nothing = nearest_attribute(lower, stretch, fig, q.unit_kind(), (lex, scan)).is_none();
    let found = own.or_else(|| {
        let prev_start = lower
            .get(clause.start()..stretch.start().saturating_sub(1).max(clause.start()))
            .and_then(|before| before.rfind([',', ';']))
            .map_or(clause.start(), |i| clause.start() + i + 1);
        says_nothing
            .then(|| {
                segment(
                    lower,
                    original,
                    Span::new(prev_start, stretch.end()),
                    fig,
                    lex,
                    names,
                )
            })
            .flatten()
    });
    let segmented = match found {
        Some(seg) if !matches!(q.unit, Unit::Count { .. }) => match base.as_str() {
            "revenue" | "amount" => format!("{seg} revenue"),
            "revenue growth" | "change" => format!("{seg} revenue growth"),
            "profit" => format!("{seg} profit"),
            _ => base,
        },
        _ => base,
    };
    if estimate(lower, clause, fig) {
        format!("{segmented} estimate")
    } else if target(lower, clause, fig) {
        format!("{segmented} target")
    } else {
        segmented
    }
}

/// The stretch of the clause holding the `n` words right before the figure.
fn words_before_span(lower: &str, clause: Span, fig: Span, n: usize) -> Span {
    // The n-th word back from the figure (none: fewer than n words).
    let before = lower.get(clause.start()..fig.start()).unwrap_or("");
    let start = n
        .checked_sub(1)
        .and_then(|k| crate::text::words_rev(before).nth(k))
        .map_or(clause.start(), |(pos, _)| clause.start() + pos);
    Span::new(start, fig.start())
}

/// The comma- or semicolon-delimited stretch of the clause around a figure.
fn comma_stretch(lower: &str, clause: Span, fig: Span) -> Span {
    let start = lower
        .get(clause.start()..fig.start())
        .and_then(|before| before.rfind([',', ';']))
        .map_or(clause.start(), |i| clause.start() + i + 1);
    let end = lower
        .get(fig.end()..clause.end().max(fig.end()))
        .and_then(|after| after.find([',', ';']))
        .map_or(clause.end().max(fig.end()), |i| fig.end() + i);
    Span::new(start, end)
}

/// The attribute before segments and estimates are considered.
fn base_attribute(
    lower: &str,
    clause: Span,
    fig: Span,
    q: &Quantity,
    (lex, scan): (&Lexicon, &PhraseScan),
) -> String {
    let unit = q.unit_kind();
    // A count's own noun may name the attribute ("12,000 positions" → jobs).
    if let Unit::Count { noun } = &q.unit
        && let Some((name, _, _)) = lex.attributes.iter().find(|(_, phrases, units)| {
            units.contains(&unit)
                && phrases
                    .iter()
                    .any(|p| matches!(p.words.as_slice(), [word] if word == noun))
        })
    {
        return name.clone();
    }
    // What the verb just before the figure does with the things counted
    // ("delivered 412,000 vehicles", "built 430,000 cars"), else the noun.
    if let Unit::Count { noun } = &q.unit {
        let words = words_before_span(lower, clause, fig, 4);
        return nearest_attribute(lower, words, fig, unit, (lex, scan))
            .unwrap_or_else(|| noun.to_string());
    }
    // The comma-delimited stretch around the figure speaks for it first
    // ("revenue of $3.2bn, net income of $410 million"); then the clause.
    let stretch = comma_stretch(lower, clause, fig);
    let found = nearest_attribute(lower, stretch, fig, unit, (lex, scan))
        .or_else(|| nearest_attribute(lower, clause, fig, unit, (lex, scan)));
    if let Some(name) = found {
        // "a deal valued at $2.5 billion": the value of the deal, not of a company.
        let deal = [
            "deal",
            "acquisition",
            "takeover",
            "merger",
            "buying",
            "buyout",
        ]
        .iter()
        .any(|w| has_word(clause.slice(lower), w));
        if name == "market value" && deal {
            return "deal value".into();
        }
        return name;
    }
    fallback(lower, clause, fig, q, lex)
}

/// The attribute whose word stands nearest the figure inside `scope`; a word
/// before the figure wins over one after it at the same distance. The
/// attribute words are read from `scan`, one search of the whole sentence
/// (`lower`) for every stretch of it asked about.
fn nearest_attribute(
    lower: &str,
    scope: Span,
    fig: Span,
    unit: crate::rules::UnitKind,
    (lex, scan): (&Lexicon, &PhraseScan),
) -> Option<String> {
    let mut best: Option<(usize, &str)> = None;
    let hits = lex
        .attribute_set
        .within(scan, lower, scope.start(), scope.end());
    for (k, p) in hits.in_list_order() {
        let Some(&(a, j)) = lex.attribute_of.get(k) else {
            continue;
        };
        let Some((name, phrases, units)) = lex.attributes.get(a) else {
            continue;
        };
        let Some(phrase) = phrases.get(j).filter(|_| units.contains(&unit)) else {
            continue;
        };
        let at = scope.start() + p;
        let end = at + phrase.text.len();
        if fig.overlaps(Span::new(at, end)) {
            continue;
        }
        let dist = if at >= fig.end() {
            (at - fig.end()) * 2 + 1
        } else {
            fig.start().saturating_sub(end) * 2
        };
        if best.is_none_or(|b| dist < b.0) {
            best = Some((dist, name));
        }
    }
    best.map(|(_, name)| name.to_string())
}

/// The attribute of a figure no attribute word speaks for.
fn fallback(lower: &str, clause: Span, fig: Span, q: &Quantity, lex: &Lexicon) -> String {
    match &q.unit {
        Unit::Percent | Unit::PercentagePoints | Unit::Multiple => {
            if q.direction.is_some() {
                "change".into()
            } else {
                "percentage".into()
            }
        }
        Unit::Money { .. } => {
            // "rose 2.1% to $742.50", "settled at $81.40": a price level.
            let before = lower
                .get(clause.start()..fig.start())
                .unwrap_or("")
                .trim_end();
            let market = [
                "shares", "stock", "share", "settled", "closed", "ended", "traded",
            ]
            .iter()
            .any(|w| has_word(clause.slice(lower), w))
                || direction(lower, clause, fig, lex).is_some();
            let shares = ["shares", "stock", "share"]
                .iter()
                .any(|w| has_word(clause.slice(lower), w));
            if market && (before.ends_with(" to") || before.ends_with(" at")) {
                // The market price of a share is not an offer or list price.
                if shares { "share price" } else { "price" }.into()
            } else {
                "amount".into()
            }
        }
        Unit::Count { noun } => noun.to_string(),
        Unit::Clock => "time".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prev(s: &str, fig: &str) -> bool {
        let at = s.find(fig).unwrap();
        previous(s, Span::new(0, s.len()), Span::new(at, at + fig.len()))
    }

    fn lex() -> Lexicon {
        Lexicon::new(&crate::rules::Rules::defaults())
    }

    fn seg(s: &str, fig: &str) -> Option<String> {
        let at = s.find(fig).unwrap();
        segment(
            s,
            s,
            Span::new(0, s.len()),
            Span::new(at, at + fig.len()),
            &lex(),
            &[],
        )
    }

    #[test]
    fn a_name_before_the_measure_is_not_a_segment() {
        let s = "Acme revenue rose 5% in the quarter.";
        let at = s.find("5%").unwrap();
        let whole = Span::new(0, s.len());
        let fig = Span::new(at, at + 2);
        let lower = s.to_lowercase();
        assert_eq!(
            segment(&lower, s, whole, fig, &lex(), &[]).as_deref(),
            Some("acme")
        );
        assert_eq!(
            segment(&lower, s, whole, fig, &lex(), &[Span::new(0, 4)]),
            None
        );
        let s = "Cloud revenue rose 5% in the quarter.";
        let lower = s.to_lowercase();
        assert_eq!(
            segment(&lower, s, whole, fig, &lex(), &[]).as_deref(),
            Some("cloud")
        );
    }

    #[test]
    fn business_segments_are_named() {
        assert_eq!(
            seg("revenue from its cloud division rose 28%", "28%").as_deref(),
            Some("cloud")
        );
        assert_eq!(
            seg("advertising sales grew 9% to $26.3 billion", "9%").as_deref(),
            Some("advertising")
        );
        assert_eq!(
            seg("$12.4 billion from cloud", "$12.4 billion").as_deref(),
            Some("cloud")
        );
        assert_eq!(seg("quarterly sales of $41.2bn", "$41.2bn"), None);
        assert_eq!(
            seg("european sales dropped 2.3 per cent", "2.3 per cent"),
            None
        );
        assert_eq!(seg("up 14% from a year earlier", "14%"), None);
    }

    #[test]
    fn estimates_are_told_from_results() {
        let est = |s: &str, fig: &str| {
            let at = s.find(fig).unwrap();
            estimate(s, Span::new(0, s.len()), Span::new(at, at + fig.len()))
        };
        assert!(est("above the consensus estimate of $2.03", "$2.03"));
        assert!(est(
            "ahead of the $40.5 billion analysts had expected",
            "$40.5 billion"
        ));
        assert!(!est("revenue of $41.2 billion, up 14%", "$41.2 billion"));
        assert!(!est(
            "up 14% from a year earlier and ahead of the $40.5 billion analysts had expected",
            "14%"
        ));
    }

    #[test]
    fn goals_and_past_years_are_recognised() {
        let span = |s: &str, fig: &str| {
            let at = s.find(fig).unwrap();
            (Span::new(0, s.len()), Span::new(at, at + fig.len()))
        };
        let s = "kept its target of 1.6 million deliveries";
        let (c, f) = span(s, "1.6 million deliveries");
        assert!(target(s, c, f));
        let s = "above the bank's 2% target";
        let (c, f) = span(s, "2%");
        assert!(target(s, c, f));
        let s = "porto azul paid €20m for him in 2023";
        let (c, f) = span(s, "€20m");
        assert_eq!(past_year(s, c, f).as_deref(), Some("2023"));
        let s = "it will spend $72bn on capital projects in 2026";
        let (c, f) = span(s, "$72bn");
        assert_eq!(past_year(s, c, f), None);
    }

    #[test]
    fn former_values_are_recognised() {
        assert!(prev(
            "down from an earlier range of €700m to €740m",
            "€700m to €740m"
        ));
        assert!(prev("shares rose from $10 to $12", "$10"));
        assert!(!prev("shares rose from $10 to $12", "$12"));
        assert!(prev("previously forecast at 4%", "4%"));
        assert!(!prev("sales fell 2.3% to €4.1 billion", "€4.1 billion"));
    }
}
