//! The words around a figure that qualify it: a business segment ("its cloud
//! division"), an estimate ("the consensus estimate of"), a former value
//! ("down from"), or a measure that includes debt.

use super::super::lexicon::Lexicon;
use crate::span::Span;

/// What the words after a figure say it includes, if it includes something
/// that makes it another measure ("…, including DataRiver's debt", "£115m
/// including add-ons").
pub(crate) fn including(after: &str) -> Option<&'static str> {
    let words: Vec<&str> = crate::text::words(after).map(|(_, w)| w).take(5).collect();
    let opens = words.first() == Some(&"including")
        || words.starts_with(&["or"]) && words.contains(&"including");
    if !opens {
        return None;
    }
    ["debt", "add-ons", "bonuses", "fees"]
        .into_iter()
        .find(|x| words.contains(x))
}

/// The year a past-tense clause ties the figure to: "paid €20m for him in
/// 2023" → 2023. Future or present clauses ("will spend $72bn in 2026") have none.
pub(crate) fn past_year(lower: &str, clause: Span, fig: Span) -> Option<String> {
    const PAST: &[&str] = &[
        "paid", "was", "were", "had", "sold", "bought", "earned", "spent", "cost", "made",
        "raised", "reported", "posted",
    ];
    // A past verb and no "will" in the clause (read once, not collected).
    let mut past = false;
    for (_, w) in crate::text::words(clause.slice(lower)) {
        if w == "will" {
            return None;
        }
        past = past || PAST.contains(&w);
    }
    if !past {
        return None;
    }
    let after = lower
        .get(fig.end()..clause.end().max(fig.end()))
        .unwrap_or("");
    let after_words: Vec<&str> = crate::text::word_spans(after)
        .into_iter()
        .map(|(_, w)| w)
        .collect();
    after_words.windows(2).find_map(|w| match w {
        ["in", year]
            if year.len() == 4
                && (year.starts_with("19") || year.starts_with("20"))
                && year.chars().all(|c| c.is_ascii_digit()) =>
        {
            Some(year.to_string())
        }
        _ => None,
    })
}

/// Whether the figure at `fig` is a former value: "down from an earlier
/// range of X", "from X to Y" (for X), "previously X".
pub(crate) fn previous(lower: &str, clause: Span, fig: Span) -> bool {
    let before = words_before(lower, clause, fig, 4);
    let marked = [
        "previously",
        "earlier",
        "prior",
        "previous",
        "formerly",
        "original",
    ]
    .iter()
    .any(|w| before.contains(w));
    // The figure is the object of "from": "down from $700m", "from $10 to $12".
    let from = match before.as_slice() {
        [.., "from"] => true,
        [.., "from", article] => matches!(*article, "a" | "an" | "the"),
        _ => false,
    };
    marked || from
}

/// Up to `n` words right before the figure, in its clause.
fn words_before(lower: &str, clause: Span, fig: Span, n: usize) -> Vec<&str> {
    // Read back from the figure: only the last few words are wanted.
    let mut last: Vec<&str> =
        crate::text::words_rev(lower.get(clause.start()..fig.start()).unwrap_or(""))
            .take(n)
            .map(|(_, w)| w)
            .collect();
    last.reverse();
    last
}

/// Up to `n` words right after the figure, in its clause.
fn words_after(lower: &str, clause: Span, fig: Span, n: usize) -> Vec<&str> {
    crate::text::words(
        lower
            .get(fig.end()..clause.end().max(fig.end()))
            .unwrap_or(""),
    )
    .map(|(_, w)| w)
    .take(n)
    .collect()
}

/// Whether the figure is a goal rather than a result: "its target of 1.6
/// million deliveries", "the bank's 2% target".
pub(crate) fn target(lower: &str, clause: Span, fig: Span) -> bool {
    let before = words_before(lower, clause, fig, 3);
    let after = words_after(lower, clause, fig, 1);
    let goal = |w: &&str| matches!(*w, "target" | "goal" | "objective" | "ambition");
    before.iter().any(goal) || after.iter().any(goal)
}

/// Whether the figure is what analysts expected rather than what happened:
/// "the consensus estimate of $2.03", "the $40.5 billion analysts had expected".
pub(crate) fn estimate(lower: &str, clause: Span, fig: Span) -> bool {
    let before = words_before(lower, clause, fig, 3);
    let after = words_after(lower, clause, fig, 3);
    let marker = |w: &&str| {
        matches!(
            *w,
            "consensus" | "estimate" | "estimates" | "expectations" | "forecasts" | "projected"
        )
    };
    before.iter().any(marker)
        || after.iter().take(1).any(marker)
        || matches!(
            after.as_slice(),
            [
                "analysts" | "economists" | "forecasters" | "strategists",
                "had" | "expected" | "forecast",
                ..
            ]
        )
        || matches!(
            after.as_slice(),
            ["had", "expected", ..] | ["expected", "by", ..]
        )
}

/// The business segment a figure is about, if the clause names one: "its
/// cloud division", "advertising sales", "$12.4 billion from cloud".
pub(crate) fn segment(
    lower: &str,
    original: &str,
    clause: Span,
    fig: Span,
    lex: &Lexicon,
    names: &[Span],
) -> Option<String> {
    const HEADS: &[&str] = &[
        "division", "unit", "business", "segment", "arm", "sales", "revenue", "revenues",
    ];
    const NOT: &[&str] = &[
        "its",
        "the",
        "a",
        "an",
        "their",
        "his",
        "her",
        "our",
        "quarterly",
        "annual",
        "total",
        "net",
        "operating",
        "overall",
        "core",
        "group",
        "company",
        "full-year",
        "first-quarter",
        "second-quarter",
        "third-quarter",
        "fourth-quarter",
        "same-store",
        "like-for-like",
        "comparable",
        "organic",
        "record",
        "higher",
        "lower",
        "strong",
        "weak",
        "new",
        "retail",
        "online",
        "global",
        "domestic",
        "international",
        "its",
        "this",
        "that",
        "monthly",
        "weekly",
        "daily",
        "and",
        "of",
        "in",
        "from",
        "with",
        "to",
        "by",
        "sale",
        // Verbs of saying before the measure ("Acme said revenue rose").
        "said",
        "says",
        "reported",
        "reports",
        "announced",
        "expects",
        "expected",
        "posted",
    ];
    let words = crate::text::word_spans(clause.slice(lower));
    let at = fig.start() - clause.start();
    let usable = |w: &str| {
        w.chars().all(|c| c.is_ascii_lowercase())
            && !NOT.contains(&w)
            && !lex.up.contains(w)
            && !lex.down.contains(w)
            && !lex.not_entities.iter().any(|n| n.eq_ignore_ascii_case(w))
    };
    let mut best: Option<(usize, String)> = None;
    for (i, &(pos, w)) in words.iter().enumerate() {
        let candidate = if HEADS.contains(&w) && i > 0 {
            words.get(i - 1).map(|&(_, prev)| prev)
        } else if w == "from" {
            // "from cloud", "from its cloud division" (the head rule also finds it).
            let skip = words
                .get(i + 1)
                .is_some_and(|(_, n)| matches!(*n, "its" | "the" | "their"));
            words.get(i + 1 + usize::from(skip)).map(|&(_, n)| n)
        } else {
            None
        };
        let Some(name) = candidate else { continue };
        // "from Porto Azul": a name, not a business line.
        let offset = name.as_ptr() as usize - lower.as_ptr() as usize;
        let written = original.get(offset..offset + name.len()).unwrap_or(name);
        // A capital at the start of the sentence proves nothing, but a
        // name found there is whose the measure is ("Acme revenue rose 5%").
        let first_word = original.find(|c: char| c.is_alphanumeric()) == Some(offset);
        let named = names
            .iter()
            .any(|n| n.start() <= offset && offset < n.end());
        if !usable(name)
            || named
            || (written.starts_with(|c: char| c.is_uppercase()) && !first_word)
        {
            continue;
        }
        let dist = pos.abs_diff(at);
        if best.as_ref().is_none_or(|(d, _)| dist < *d) {
            best = Some((dist, name.to_string()));
        }
    }
    best.map(|(_, s)| s)
}
