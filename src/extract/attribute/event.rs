//! The event a date belongs to: the event word nearest the date in its clause
//! ("announced", "strike", "transaction", "expects"), else a move.

use super::super::lexicon::Lexicon;
use crate::span::Span;
use crate::text::find_words;

/// The event a date in this clause belongs to, if the clause names one.
pub(crate) fn event(lower: &str, clause: Span, date: Span, lex: &Lexicon) -> Option<&'static str> {
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
                "showed",
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
            &[
                "deal",
                "acquisition",
                "merger",
                "completed",
                "closed",
                "transaction",
            ],
        ),
        (
            "strike",
            &["strike", "walked off", "walkout", "walk-out", "stoppage"],
        ),
        (
            "target",
            &[
                "expects", "expect", "expected", "target", "aims", "plans", "planned", "due",
            ],
        ),
    ];
    // The event word nearest the date wins ("went on strike … on Monday, …
    // port data showed": a strike date, not an announcement date).
    let at = date.start().saturating_sub(clause.start());
    let nearest = EVENTS
        .iter()
        .flat_map(|(name, words)| {
            words.iter().flat_map(move |w| {
                find_words(text, w)
                    .into_iter()
                    .map(move |p| (p.abs_diff(at), *name))
            })
        })
        .min_by_key(|(d, _)| *d);
    if let Some((_, name)) = nearest {
        return Some(name);
    }
    let moved = crate::text::word_spans(text)
        .iter()
        .any(|(_, w)| lex.up.contains(*w) || lex.down.contains(*w));
    moved.then_some("move")
}
