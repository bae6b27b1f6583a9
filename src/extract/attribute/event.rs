//! The event a date belongs to: the event word nearest the date in its clause
//! ("announced", "strike", "transaction", "expects"), else a move; in crime
//! and court news, the shooting, death, arrest, charge or hearing a date
//! stands next to.

use super::super::lexicon::Lexicon;
use crate::nlp::{Parse, Upos};
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

/// Events of crime and court news, each with the words that name it.
const CRIMES: &[(&str, &[&str])] = &[
    (
        "shooting",
        &[
            "shot",
            "shooting",
            "shootings",
            "gunfire",
            "opened fire",
            "fired",
            "killed",
            "slain",
            "stabbed",
            "stabbing",
            "wounded",
            "attack",
            "attacked",
            "injured",
            "gunshot",
            "murder",
            "murdered",
            "homicide",
            "rampage",
        ],
    ),
    ("death", &["died", "death", "found dead", "pronounced dead"]),
    (
        "arrest",
        &["arrested", "arrest", "taken into custody", "surrendered"],
    ),
    ("charge", &["charged", "indicted"]),
    ("arraignment", &["arraigned", "arraignment"]),
    ("sentencing", &["sentenced", "sentencing"]),
    ("plea", &["pleaded", "pled"]),
];

/// Whether a clause has a word of a crime or court event at all (the cheap
/// test before its tree is asked which event a date belongs to).
pub(crate) fn mentions_crime(lower: &str, clause: Span) -> bool {
    static WORDS: std::sync::LazyLock<crate::text::PhraseSet> = std::sync::LazyLock::new(|| {
        crate::text::PhraseSet::new(CRIMES.iter().flat_map(|(_, words)| words.iter()))
    });
    WORDS
        .find(clause.slice(lower))
        .in_list_order()
        .next()
        .is_some()
}

/// The event of crime and court news a lemma names, if it names one.
fn crime_lemma(lemma: &str) -> Option<&'static str> {
    Some(match lemma {
        "shoot" | "shooting" | "gunfire" | "fire" | "kill" | "slay" | "stab" | "stabbing"
        | "wound" | "injure" | "attack" | "murder" | "homicide" | "gunshot" | "rampage" => {
            "shooting"
        }
        "die" | "death" => "death",
        "arrest" | "custody" | "surrender" => "arrest",
        "charge" | "indict" => "charge",
        "arraign" | "arraignment" => "arraignment",
        "sentence" | "sentencing" => "sentencing",
        "plead" | "pled" => "plea",
        _ => return None,
    })
}

/// Acts besides saying (`frame::SAYING`) that date themselves, not the
/// event they tell of: "released the name on Thursday", "a news
/// conference", "officers responded Sunday".
const TELLING_ACTS: &[&str] = &[
    "release",
    "identify",
    "conference",
    "update",
    "post",
    "write",
    "believe",
    "investigate",
    "respond",
    "call",
];

/// Whether a lemma tells of an event rather than being one ("police said
/// Sunday"): a verb of saying or a `TELLING_ACTS` act.
fn telling(lemma: &str) -> bool {
    crate::extract::frame::SAYING.contains(&lemma) || TELLING_ACTS.contains(&lemma)
}

/// Verbs whose subject is the event ("the shooting happened Sunday").
const HAPPENING: &[&str] = &["happen", "occur", "take", "be", "erupt", "break", "unfold"];

/// The crime or court event a date is the date of, read from the tree: the
/// word the date hangs from is the event ("were shot … Monday night",
/// "Friday's shooting"), or a verb of happening whose subject is one ("the
/// shooting happened about 4 a.m. Sunday"). A date of telling ("police
/// said Sunday", "announced charges on Friday") or of anything else
/// ("surgery on Friday") is none.
pub(crate) fn crime(parse: &Parse, date: Span) -> Option<&'static str> {
    let words = &parse.words;
    let inside = |k: usize| words.get(k).is_some_and(|w| date.contains(w.span));
    // The date's own head word: the one whose head lies outside it.
    let mut at = words
        .iter()
        .enumerate()
        .find(|&(k, w)| inside(k) && !w.head.is_some_and(inside))?
        .1
        .head?;
    for _ in 0..4 {
        let w = words.get(at)?;
        let lemma = w.lemma.to_lowercase();
        if telling(&lemma) {
            return None;
        }
        if let Some(event) = crime_lemma(&lemma) {
            // "when Williams was arrested were released Wednesday": a verb
            // of telling between the event and its date takes the date.
            let (lo, hi) = if w.span.end() <= date.start() {
                (w.span.end(), date.start())
            } else {
                (date.end(), w.span.start())
            };
            let told_between = words.iter().any(|t| {
                t.span.start() >= lo && t.span.end() <= hi && telling(&t.lemma.to_lowercase())
            });
            return (!told_between).then_some(event);
        }
        if matches!(w.upos, Upos::Verb | Upos::Aux) {
            if !HAPPENING.contains(&lemma.as_str()) {
                return None;
            }
            return parse
                .children(at)
                .filter_map(|c| words.get(c))
                .filter(|c| matches!(c.upos, Upos::Noun))
                .find_map(|c| crime_lemma(&c.lemma.to_lowercase()));
        }
        at = w.head?;
    }
    None
}

/// Whether the words around a date put the event near midnight ("late
/// Saturday night", "early Sunday", "overnight"), where outlets may give
/// either day.
pub(crate) fn near_midnight(lower: &str, clause: Span, date: Span) -> bool {
    let text = clause.slice(lower);
    let at = date.start().saturating_sub(clause.start());
    let end = date.end().saturating_sub(clause.start());
    let before = text.get(at.saturating_sub(24)..at).unwrap_or("");
    let after = text.get(end..(end + 24).min(text.len())).unwrap_or("");
    ["late", "early", "overnight", "midnight"]
        .iter()
        .any(|w| crate::text::has_word(before, w) || crate::text::has_word(after, w))
        || ["night", "morning", "a.m."]
            .iter()
            .any(|w| crate::text::has_word(after, w))
}

/// Whether a claim's attribute is the date of a crime or court event.
pub fn is_crime_date(attribute: &str) -> bool {
    attribute
        .strip_prefix("date of ")
        .is_some_and(|e| CRIMES.iter().any(|(name, _)| *name == e))
}
