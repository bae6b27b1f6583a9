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
    for (i, w) in words(text) {
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

fn words(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let part = c.is_alphanumeric() || c == '-';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s0)) => {
                out.push((s0, &s[s0..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s0) = start {
        out.push((s0, &s[s0..]));
    }
    out
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
    let text = clause.slice(lower);
    let mut best: Option<(usize, &str)> = None;
    for (name, phrases, units) in &lex.attributes {
        if !units.contains(&unit) {
            continue;
        }
        for phrase in phrases {
            let needle = phrase.join(" ");
            for p in find_words(text, &needle) {
                let at = clause.start() + p;
                let end = at + needle.len();
                if fig.overlaps(Span::new(at, end)) {
                    continue;
                }
                let dist = if at >= fig.end() {
                    at - fig.end()
                } else {
                    fig.start().saturating_sub(end)
                };
                if best.is_none_or(|b| dist < b.0) {
                    best = Some((dist, name));
                }
            }
        }
    }
    if let Some((_, name)) = best {
        return name.to_string();
    }
    match &q.unit {
        Unit::Percent | Unit::PercentagePoints | Unit::Multiple => {
            if q.direction.is_some() {
                "change".into()
            } else {
                "percentage".into()
            }
        }
        Unit::Money { .. } => {
            let before = lower[clause.start()..fig.start()].trim_end();
            let about_shares = ["shares", "stock", "share"]
                .iter()
                .any(|w| !find_words(clause.slice(lower), w).is_empty());
            if about_shares && (before.ends_with(" to") || before.ends_with(" at")) {
                "share price".into()
            } else {
                "amount".into()
            }
        }
        Unit::Count { noun } => noun.clone(),
    }
}

/// The event a date in this clause belongs to, if the clause names one.
pub(crate) fn event(lower: &str, clause: Span, lex: &Lexicon) -> Option<&'static str> {
    let text = clause.slice(lower);
    const EVENTS: &[(&str, &[&str])] = &[
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
            "target",
            &[
                "by", "expects", "expected", "target", "aims", "plans", "planned",
            ],
        ),
    ];
    for (name, words) in EVENTS {
        if words.iter().any(|w| !find_words(text, w).is_empty()) {
            return Some(name);
        }
    }
    let moved = words(text)
        .iter()
        .any(|(_, w)| lex.up.contains(*w) || lex.down.contains(*w));
    moved.then_some("move")
}
