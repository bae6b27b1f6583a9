//! The event a date belongs to: the event word nearest the date in its clause
//! ("announced", "strike", "transaction", "expects"), else a move.

use super::super::lexicon::Lexicon;
use crate::span::Span;

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
    // Every event word found in one pass, then read in list order.
    static WORDS: std::sync::LazyLock<crate::text::PhraseSet> = std::sync::LazyLock::new(|| {
        crate::text::PhraseSet::new(EVENTS.iter().flat_map(|(_, words)| words.iter()))
    });
    let found = WORDS.find(text);
    let nearest = EVENTS
        .iter()
        .flat_map(|(name, words)| words.iter().map(move |_| *name))
        .enumerate()
        .flat_map(|(i, name)| found.starts(i).iter().map(move |p| (p.abs_diff(at), name)))
        .min_by_key(|(d, _)| *d);
    if let Some((_, name)) = nearest {
        return Some(name);
    }
    let moved = crate::text::words(text).any(|(_, w)| lex.up.contains(w) || lex.down.contains(w));
    moved.then_some("move")
}
