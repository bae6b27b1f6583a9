//! What a figure or date is about: the attribute words of the rules nearest
//! to it in its clause ("revenue", "capital spending", "jobs"), the direction
//! of a change, and the event a date belongs to.

use super::clause::find_words;
use super::lexicon::Lexicon;
use super::quantity::{Direction, Quantity, Unit};
use crate::span::Span;

/// Direction of a change: the nearest direction word before the figure in its
/// clause, else the first after it.
pub(crate) fn direction(lower: &str, clause: Span, fig: Span, lex: &Lexicon) -> Option<Direction> {
    let mut best: Option<(bool, usize, Direction)> = None; // (after, distance, dir)
    let text = clause.slice(lower);
    for (i, w) in crate::text::word_spans(text) {
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
        if w == "up" && lower[at + 2..].trim_start().starts_with("to ") {
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
    clause: Span,
    fig: Span,
    q: &Quantity,
    lex: &Lexicon,
) -> String {
    let unit = q.unit_kind();
    // A count's own noun may name the attribute ("12,000 positions" → jobs).
    if let Unit::Count { noun } = &q.unit
        && let Some((name, _, _)) = lex.attributes.iter().find(|(_, phrases, units)| {
            units.contains(&unit) && phrases.iter().any(|p| p.len() == 1 && p[0] == *noun)
        })
    {
        return name.clone();
    }
    // A count says what it counts: its noun is the attribute.
    if let Unit::Count { noun } = &q.unit {
        return noun.clone();
    }
    // The comma-delimited stretch around the figure speaks for it first
    // ("revenue of $3.2bn, net income of $410 million"); then the clause.
    let seg_start = lower[clause.start()..fig.start()]
        .rfind([',', ';'])
        .map_or(clause.start(), |i| clause.start() + i + 1);
    let seg_end = lower[fig.end()..clause.end()]
        .find([',', ';'])
        .map_or(clause.end(), |i| fig.end() + i);
    let segment = Span::new(seg_start, seg_end);
    let found = nearest_attribute(lower, segment, fig, unit, lex)
        .or_else(|| nearest_attribute(lower, clause, fig, unit, lex));
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
        .any(|w| !find_words(clause.slice(lower), w).is_empty());
        if name == "market value" && deal {
            return "deal value".into();
        }
        return name;
    }
    fallback(lower, clause, fig, q, lex)
}

/// The attribute whose word stands nearest the figure inside `scope`; a word
/// before the figure wins over one after it at the same distance.
fn nearest_attribute(
    lower: &str,
    scope: Span,
    fig: Span,
    unit: crate::rules::UnitKind,
    lex: &Lexicon,
) -> Option<String> {
    let text = scope.slice(lower);
    let mut best: Option<(usize, &str)> = None;
    for (name, phrases, units) in &lex.attributes {
        if !units.contains(&unit) {
            continue;
        }
        for phrase in phrases {
            let needle = phrase.join(" ");
            for p in find_words(text, &needle) {
                let at = scope.start() + p;
                let end = at + needle.len();
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
            let before = lower[clause.start()..fig.start()].trim_end();
            let market = [
                "shares", "stock", "share", "settled", "closed", "ended", "traded",
            ]
            .iter()
            .any(|w| !find_words(clause.slice(lower), w).is_empty())
                || direction(lower, clause, fig, lex).is_some();
            let shares = ["shares", "stock", "share"]
                .iter()
                .any(|w| !find_words(clause.slice(lower), w).is_empty());
            if market && (before.ends_with(" to") || before.ends_with(" at")) {
                // The market price of a share is not an offer or list price.
                if shares { "share price" } else { "price" }.into()
            } else {
                "amount".into()
            }
        }
        Unit::Count { noun } => noun.clone(),
    }
}

/// Whether the words after a figure say it includes debt ("…, including
/// DataRiver's debt", "including net debt").
pub(crate) fn including_debt(after: &str) -> bool {
    let words: Vec<&str> = crate::text::word_spans(after)
        .into_iter()
        .map(|(_, w)| w)
        .take(5)
        .collect();
    words.first() == Some(&"including") && words.contains(&"debt")
        || words.starts_with(&["or"]) && words.contains(&"including") && words.contains(&"debt")
}

/// Whether the figure at `fig` is a former value: "down from an earlier
/// range of X", "from X to Y" (for X), "previously X".
pub(crate) fn previous(lower: &str, clause: Span, fig: Span) -> bool {
    let before: Vec<&str> = crate::text::word_spans(&lower[clause.start()..fig.start()])
        .into_iter()
        .map(|(_, w)| w)
        .collect();
    let window = &before[before.len().saturating_sub(6)..];
    let last = |w: &str| window.iter().rposition(|x| *x == w);
    let from = last("from");
    let to = last("to");
    let marked = ["previously", "earlier", "prior", "previous", "formerly"]
        .iter()
        .any(|w| window.contains(w));
    let after_from = match (from, to) {
        (Some(_), None) => true,
        (Some(f), Some(t)) => f > t,
        _ => false,
    };
    marked || after_from
}

/// The event a date in this clause belongs to, if the clause names one.
pub(crate) fn event(lower: &str, clause: Span, lex: &Lexicon) -> Option<&'static str> {
    let text = clause.slice(lower);
    const EVENTS: &[(&str, &[&str])] = &[
        (
            "approval",
            &[
                "approved",
                "approval",
                "cleared",
                "authorised",
                "authorized",
            ],
        ),
        (
            "announcement",
            &[
                "announced",
                "announces",
                "announce",
                "unveiled",
                "unveils",
                "disclosed",
                "confirmed",
                "revealed",
                "said",
                "says",
                "forecast",
                "guidance",
                "outlook",
                "warning",
            ],
        ),
        (
            "launch",
            &[
                "launch", "launches", "launched", "release", "released", "debut", "go live",
                "begin", "start",
            ],
        ),
        ("results", &["results", "earnings", "reported"]),
        (
            "deal",
            &["deal", "acquisition", "merger", "completed", "closed"],
        ),
        (
            "strike",
            &["strike", "walked off", "walkout", "walk-out", "stoppage"],
        ),
        (
            "target",
            &[
                "expects", "expect", "expected", "target", "aims", "plans", "planned",
            ],
        ),
    ];
    for (name, words) in EVENTS {
        if words.iter().any(|w| !find_words(text, w).is_empty()) {
            return Some(name);
        }
    }
    let moved = crate::text::word_spans(text)
        .iter()
        .any(|(_, w)| lex.up.contains(*w) || lex.down.contains(*w));
    moved.then_some("move")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prev(s: &str, fig: &str) -> bool {
        let at = s.find(fig).unwrap();
        previous(s, Span::new(0, s.len()), Span::new(at, at + fig.len()))
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
