//! Clauses, modality and attribution. A sentence is cut into clauses at
//! semicolons, dashes and subordinating words ("after", "while", "as"), so
//! that "Nvidia fell 4% after reports that Meta could sell capacity" gives
//! Nvidia's figure a confirmed modality and Meta's action a speculative one.

use super::lexicon::{Lexicon, Modality};
use crate::span::Span;
use crate::text::{PhraseHits, PhraseScan, PhraseSet};
use regex::Regex;
use std::sync::LazyLock;

/// The subordinators, searched for in one pass. Only whole words can open
/// a clause (a space or comma before, a space after), and those are what a
/// `PhraseSet` finds.
pub(super) static SUBORDINATOR_SET: LazyLock<PhraseSet> =
    LazyLock::new(|| PhraseSet::new(SUBORDINATORS));

const SUBORDINATORS: &[&str] = &[
    "after",
    "as",
    "while",
    "because",
    "following",
    "amid",
    "when",
    "since",
    "but",
    "although",
    "though",
    "whereas",
    "before",
    "despite",
    "which",
    "who",
    "even",
];

/// Clause spans (relative to `text`) that together cover it.
#[cfg(test)]
pub(crate) fn clauses(text: &str) -> Vec<Span> {
    let lower = crate::text::fold_case(text);
    clauses_of(text, &lower, &SUBORDINATOR_SET.find(&lower))
}

/// `clauses` of a sentence whose folded case (`fold_case`) is at hand, and
/// where the subordinators (`SUBORDINATOR_SET`) occur in it.
pub(crate) fn clauses_of(text: &str, lower: &str, found: &PhraseHits) -> Vec<Span> {
    let mut cuts = vec![0];
    // Only ';', ':' and the dashes cut (a dash is three bytes from 0xE2).
    for i in memchr::memchr3_iter(b';', b':', 0xE2, text.as_bytes()) {
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            continue;
        };
        // A colon after a short label ("Pay: the union wants 12%") keeps the
        // label with what follows.
        let label = c == ':'
            && text
                .get(..i)
                .is_some_and(|head| head.split_whitespace().count() <= 3);
        let next = i + c.len_utf8();
        if matches!(c, ';' | '—' | '–' | ':')
            && !label
            && text.get(next..).is_some_and(|rest| rest.starts_with(' '))
        {
            cuts.push(next);
        }
    }
    for (i, s) in found.in_list_order() {
        let Some(w) = SUBORDINATORS.get(i) else {
            continue;
        };
        let e = s + w.len();
        let (Some(before), Some(after)) = (lower.get(..s), lower.get(e..)) else {
            continue;
        };
        let before_ok = s > 0 && before.ends_with([' ', ',']);
        let after_ok = after.starts_with(' ');
        // "as much as", "such as" and "as well" do not open a clause.
        let as_phrase = *w == "as"
            && (before.ends_with("much ")
                || before.ends_with("such ")
                || before.ends_with("as well ")
                || after.starts_with(" well")
                || after.starts_with(" much")
                || after.starts_with(" many")
                || after.starts_with(" a ")
                || after.starts_with(" part"));
        if before_ok && after_ok && !as_phrase {
            cuts.push(s);
        }
    }
    cuts.push(text.len());
    cuts.sort_unstable();
    cuts.dedup();
    cuts.iter()
        .zip(cuts.iter().skip(1))
        .map(|(&a, &b)| Span::new(a, b))
        .collect()
}

/// The clause of `clauses` containing `at`.
pub(crate) fn clause_at(clauses: &[Span], at: usize) -> Span {
    clauses
        .iter()
        .copied()
        .find(|c| c.start() <= at && at < c.end())
        .unwrap_or_else(|| clauses.last().copied().unwrap_or(Span::new(0, 0)))
}

pub(crate) use crate::text::has_word;

/// The quotation (between straight or curly double quotes) that holds
/// byte `at` of a sentence, if any.
pub(crate) fn quote_at(text: &str, at: usize) -> Option<Span> {
    // The marks paired in order, found by a vector scan for '"' and for
    // the first byte of '\u{201c}' and '\u{201d}' (E2 80 9C, E2 80 9D).
    // A curly mark says which way it faces: a closing one with nothing
    // open closes a quotation begun before this text (the sentence after
    // '"… compass," wrote Mr. Bethae'), an opening one opens.
    let bytes = text.as_bytes();
    let mut open = None;
    for i in memchr::memchr2_iter(b'"', 0xE2, bytes) {
        let (opens, closes) = match bytes.get(i + 1..i + 3) {
            _ if bytes.get(i) == Some(&b'"') => (true, true),
            Some([0x80, 0x9C]) => (true, false),
            Some([0x80, 0x9D]) => (false, true),
            _ => continue,
        };
        match open {
            Some(a) if closes => {
                if a < at && at < i {
                    return Some(Span::new(a, i));
                }
                open = None;
            }
            Some(_) => open = Some(i),
            None if opens => open = Some(i),
            None => {}
        }
    }
    // A quotation opened and not closed runs on past the sentence ("The
    // evidence establishes … Dmitri Kovtun. I am sure …", quoted over
    // two sentences): a curly opening mark, or a straight one opening the
    // sentence (elsewhere an unpaired straight mark may be an inch).
    let runs_on = |a: usize| {
        bytes.get(a) != Some(&b'"') || text.get(..a).is_some_and(|b| b.trim().is_empty())
    };
    open.filter(|&a| a < at && runs_on(a))
        .map(|a| Span::new(a, text.len()))
}

/// How firmly a sentence states what is at byte `at`, in clause `scope`.
/// Inside a quotation only the speaker's own words count: the same quote
/// reads the same in every outlet whatever surrounds it. A condition
/// ("if …", "unless …") makes the sentence conditional.
#[cfg(test)]
pub(crate) fn modality_at(lower: &str, scope: Span, evidence: Span, lex: &Lexicon) -> Modality {
    let scan = lex.modality_set.scan(lower);
    modality_scanned(lower, scope, evidence, (&scan, conditional(lower)), lex)
}

/// Whether a sentence (`lower`) states a condition ("if", "unless"): all
/// it says is then `Conditional`.
pub(crate) fn conditional(lower: &str) -> bool {
    ["if", "unless"].iter().any(|w| has_word(lower, w))
}

/// `modality_at`, the triggers read from `scan`, one search of all `lower`
/// (made once for every figure of the sentence).
pub(crate) fn modality_scanned(
    lower: &str,
    scope: Span,
    evidence: Span,
    (scan, conditional): (&PhraseScan, bool),
    lex: &Lexicon,
) -> Modality {
    if conditional {
        return Modality::Conditional;
    }
    // A hedge after the evidence belongs to what follows ("will plead not
    // guilty, and people close to him predicted Trump could pardon him");
    // hearsay anywhere in the clause still counts ("…, reportedly").
    let head = Span::new(
        scope.start(),
        evidence.end().clamp(scope.start(), scope.end()),
    );
    // The head, the clause, the quotation and the whole sentence are all
    // read from the one search of the sentence.
    match quote_at(lower, evidence.start()) {
        Some(q) => stated(lower, q, scan, lex),
        None => modality_in(lower, head, scan, lex).max(hearsay(lower, scope, scan, lex)),
    }
}

/// `Reported` if a hearsay trigger occurs in `scope`, else `Confirmed`.
fn hearsay(lower: &str, scope: Span, scan: &PhraseScan, lex: &Lexicon) -> Modality {
    let clause = scope.slice(lower);
    let found = lex
        .modality_set
        .within(scan, lower, scope.start(), scope.end());
    let heard = found.in_list_order().any(|(i, at)| {
        lex.modality.get(i).is_some_and(|(p, l)| {
            *l == Modality::Reported
                && (p.text != "according to" || !clause.get(at..).is_some_and(official_source))
        })
    });
    if heard {
        Modality::Reported
    } else {
        Modality::Confirmed
    }
}

/// The most hedged modality whose trigger occurs in `scope` (a quotation),
/// nothing outside it counting.
fn stated(lower: &str, scope: Span, scan: &PhraseScan, lex: &Lexicon) -> Modality {
    let found = lex
        .modality_set
        .within(scan, lower, scope.start(), scope.end());
    found
        .in_list_order()
        .filter_map(|(i, _)| lex.modality.get(i).map(|(_, l)| *l))
        .max()
        .unwrap_or(Modality::Confirmed)
}

/// The most hedged modality whose trigger occurs in `scope` of `lower`, plus
/// "according to …" anywhere in the sentence.
#[cfg(test)]
pub(crate) fn modality(lower: &str, scope: Span, lex: &Lexicon) -> Modality {
    modality_in(lower, scope, &lex.modality_set.scan(lower), lex)
}

/// `modality`, reading the triggers from `scan`, one search of all `lower`.
fn modality_in(lower: &str, scope: Span, scan: &PhraseScan, lex: &Lexicon) -> Modality {
    let mut level = Modality::Confirmed;
    let clause = scope.slice(lower);
    // Every trigger in the clause.
    let found = lex
        .modality_set
        .within(scan, lower, scope.start(), scope.end());
    let confirmed = || {
        lex.modality
            .iter()
            .enumerate()
            .filter(|(_, (_, l))| *l == Modality::Confirmed)
            .map(|(i, _)| i)
    };
    // Where the first confirmed speech verb ("said", "announced") stands.
    let spoken = confirmed().filter_map(|i| found.starts(i).first()).min();
    // "…would cut 500 jobs, the company said": speech after the clause
    // (the whole sentence searched only when a "would" asks).
    let spoken_later = std::cell::OnceCell::new();
    let spoken_later = || {
        *spoken_later.get_or_init(|| {
            let in_sentence = lex.modality_set.within(scan, lower, 0, lower.len());
            confirmed().any(|i| in_sentence.starts(i).iter().any(|at| at >= scope.end()))
        })
    };
    // A "would" of reported speech makes the next ones in its clause
    // reported too ("added that Jennings would undergo treatment and would
    // continue to work").
    let mut reported_would = false;
    for (i, at) in found.in_list_order() {
        let Some((phrase, l)) = lex.modality.get(i) else {
            continue;
        };
        let needle = &phrase.text;
        // "said it would sell", "would sell, it said": the future of
        // reported speech, not a hedge; "an accord, which would remove": a
        // consequence; "would like a November release": a wish, not a
        // possibility.
        if needle == "would" {
            let before = lower.get(..scope.start() + at).unwrap_or("");
            if reported_would
                || spoken.is_some_and(|s| s < at)
                || spoken_later()
                || backshifted(before)
            {
                reported_would = true;
                continue;
            }
            let wish = clause.get(at + needle.len()..).is_some_and(|rest| {
                ["like", "love", "prefer", "want", "rather"]
                    .iter()
                    .any(|w| rest.trim_start().starts_with(w))
            });
            if wish || consequence(before) {
                continue;
            }
        }
        if needle == "according to" && clause.get(at..).is_some_and(official_source) {
            continue;
        }
        // "In perhaps the most surprising news, …": a hedge before a
        // superlative hedges the superlative, not the clause.
        if *l == Modality::Speculative
            && clause
                .get(at + needle.len()..)
                .is_some_and(before_superlative)
        {
            continue;
        }
        level = level.max(*l);
    }
    // "according to analysts" is hearsay; "according to a company statement" is not.
    if level < Modality::Reported
        && let Some(p) = crate::text::find_word(lower, "according to")
        && !lower.get(p..).is_some_and(official_source)
    {
        level = Modality::Reported;
    }
    level
}

/// Whether `rest` (lower case) opens with "the most", "the least" or "the"
/// and a word in "-est" ("the biggest"): a superlative.
fn before_superlative(rest: &str) -> bool {
    let mut words = rest.split_whitespace();
    words.next() == Some("the")
        && words.next().is_some_and(|w| {
            matches!(w, "most" | "least" | "best" | "worst") || w.len() > 5 && w.ends_with("est")
        })
}

/// Whether a "would" opens a relative clause telling a consequence ("an
/// accord, which would remove a major irritant"): what the thing would
/// bring, not doubt that it happens.
fn consequence(before: &str) -> bool {
    let before = before.trim_end();
    before.ends_with(", which") || before.ends_with(", that")
}

/// Verbs and nouns of saying or holding whose "that" clause reports words
/// in the past: "have maintained that they would reveal", "legal opinions
/// that it would be difficult" (the "would" is the quoted "will").
const SAYING_THAT: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "maintained",
    "maintain",
    "maintains",
    "insisted",
    "insists",
    "argued",
    "argues",
    "believed",
    "believes",
    "noted",
    "warned",
    "added",
    "stated",
    "claimed",
    "claims",
    "promised",
    "vowed",
    "pledged",
    "announced",
    "confirmed",
    "told",
    "wrote",
    "indicated",
    "opinion",
    "opinions",
    "statement",
    "assurance",
    "assurances",
    "promise",
    "pledge",
    "warning",
    "belief",
];

/// Whether the words just before a "would" (`before`, folded case) put it
/// in a clause reporting speech: "…maintained that they would …" or
/// "…said they would …", the verb at most four words back.
fn backshifted(before: &str) -> bool {
    let words: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(5)
        .collect();
    // "said they would", "added that Jennings would": a saying verb with
    // at most two words before the "would", or more short ones.
    words.iter().enumerate().skip(1).any(|(k, w)| {
        SAYING_THAT.contains(w)
            && (k <= 3
                || words
                    .get(..k)
                    .is_some_and(|between| between.iter().all(|b| b.len() <= 4 || *b == "company")))
    })
}

/// "according to a company statement": the subject speaking, not hearsay.
fn official_source(from: &str) -> bool {
    let source: String = from.chars().take(60).collect();
    let source = source.split([',', '.', ';']).next().unwrap_or("");
    // "according to the report" cites the document at hand; "according to reports", hearsay.
    if source.starts_with("according to the report") {
        return true;
    }
    [
        "company",
        "statement",
        "filing",
        "release",
        "spokes",
        "data",
        "figures",
        "records",
        "authority",
        "ministry",
        "government",
        "regulatory",
    ]
    .iter()
    .any(|w| source.contains(w))
}

// reason: a constant pattern, compiled by the attribution tests.
#[allow(clippy::expect_used)]
static CITATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[[0-9]{1,3}\]").expect("valid regex"));
/// Words that say who said something.
const SPEECH: &[&str] = &[
    "said", "says", "told", "reported", "reports", "wrote", "noted",
];
/// `SPEECH`, searched for in one pass.
pub(super) static SPEECH_SET: LazyLock<PhraseSet> = LazyLock::new(|| PhraseSet::new(SPEECH));
/// Whether the words right after a name make it the one speaking: "… said",
/// "… told analysts", "… figures show", "… data showed". `after` is in
/// folded case.
pub(crate) fn speaks(after: &str) -> bool {
    let after = after.trim_start();
    // "Nationwide figures show", "Bank of England data showed".
    let after = ["figures ", "data ", "numbers ", "survey ", "statistics "]
        .iter()
        .find_map(|n| after.strip_prefix(n))
        .unwrap_or(after);
    const VERBS: &[&str] = &[
        "said",
        "says",
        "told",
        "reported",
        "showed",
        "show",
        "shows",
        "announced",
        "wrote",
        "noted",
    ];
    crate::text::first_word(after).is_some_and(|(at, w)| at == 0 && VERBS.contains(&w))
}

/// Whether the words right before a name make it a source the sentence
/// cites rather than what it is about: "according to (the) X", "economists
/// at X", "analysts from X". `before` is in folded case.
pub(crate) fn cited(before: &str) -> bool {
    let before = before.trim_end();
    let before = before.strip_suffix(" the").unwrap_or(before);
    if before.ends_with("according to") {
        return true;
    }
    ["at", "from", "with"].iter().any(|p| {
        before
            .strip_suffix(p)
            .filter(|b| b.ends_with(' '))
            .and_then(|b| crate::text::word_spans(b).last().map(|&(_, w)| w))
            .is_some_and(|w| GROUPS.contains(&w) || EXPERTS.contains(&w))
    })
}

/// People who give forecasts on behalf of the name after them.
const EXPERTS: &[&str] = &["economist", "analyst", "strategists", "strategist"];

/// Speakers named by a common noun.
const GROUPS: &[&str] = &[
    "analysts",
    "traders",
    "economists",
    "sources",
    "investors",
    "officials",
];

/// Who the sentence says the information comes from, if it says: "according
/// to X", "X said" (X a name, or analysts, sources …), or a "[3]" citation.
#[cfg(test)]
pub(crate) fn attribution(text: &str) -> Option<String> {
    let lower = crate::text::fold_case(text);
    attribution_of(text, &lower, &SPEECH_SET.find(&lower))
}

/// `attribution` of a sentence whose folded case (`fold_case`) is at hand,
/// and where the words of saying (`SPEECH_SET`) occur in it.
pub(crate) fn attribution_of(text: &str, lower: &str, verbs: &PhraseHits) -> Option<String> {
    if let Some(at) = crate::text::find_word(lower, "according to") {
        let rest = text.get(at + "according to".len()..).unwrap_or("");
        // Up to the first mark that ends the source.
        let source = rest.split([',', '.', ';', ':', ')']).next().unwrap_or(rest);
        let words: Vec<&str> = source
            .split_whitespace()
            .take_while(|w| !matches!(*w, "on" | "in" | "at" | "which" | "who" | "that"))
            .take(6)
            .collect();
        if !words.is_empty() {
            return Some(words.join(" "));
        }
    }
    for (_, at) in verbs.in_list_order() {
        // The words right before the verb, back to a comma or the start.
        let before = text.get(..at).unwrap_or("").trim_end();
        // (Past the mark whatever its width: "“" is three bytes.)
        let start = before
            .char_indices()
            .rfind(|(_, c)| matches!(c, ',' | ';' | '(' | '"' | '\u{201c}' | '\u{201d}'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let words: Vec<&str> = before
            .get(start..)
            .unwrap_or("")
            .split_whitespace()
            .collect();
        if words.is_empty() || words.len() > 6 {
            continue;
        }
        let phrase = words.join(" ");
        let named = words.len() <= 4
            && words
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_uppercase() || c == '&'));
        let group = GROUPS.iter().any(|g| phrase.eq_ignore_ascii_case(g))
            || phrase.to_lowercase().starts_with("people familiar");
        if named || group {
            return Some(phrase);
        }
    }
    // A citation opens with a bracket: a sentence with none is not searched.
    text.contains('[')
        .then(|| CITATION.find(text))
        .flatten()
        .map(|m| m.as_str().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rules;

    #[test]
    fn subordinate_clauses_are_cut() {
        let t = "Nvidia fell 4% after reports that Meta could sell capacity; AMD rose.";
        let c: Vec<_> = clauses(t).iter().map(|s| s.slice(t)).collect();
        assert_eq!(
            c,
            [
                "Nvidia fell 4% ",
                "after reports that Meta could sell capacity;",
                " AMD rose."
            ]
        );
    }

    #[test]
    fn modality_is_the_most_hedged_trigger_in_the_clause() {
        let lex = Lexicon::new(&Rules::defaults());
        let t = "nvidia fell 4% after reports say meta could sell capacity";
        let cl = clauses(t);
        assert_eq!(modality(t, cl[0], &lex), Modality::Confirmed);
        assert_eq!(modality(t, cl[1], &lex), Modality::Speculative);
        let t = "meta said on tuesday it would sell capacity";
        assert_eq!(modality(t, clauses(t)[0], &lex), Modality::Confirmed);
        let t = "meta said it could sell capacity";
        assert_eq!(modality(t, clauses(t)[0], &lex), Modality::Speculative);
        let t = "meta will sell capacity, according to bloomberg";
        assert_eq!(modality(t, clauses(t)[0], &lex), Modality::Reported);
        // A model's projection is a forecast; rumours are reports.
        let t = "one model projecting 135,000 americans will die by early august";
        assert_eq!(modality(t, clauses(t)[0], &lex), Modality::Speculative);
        let t = "rumors have pegged the notebook to ship with one port";
        assert_eq!(modality(t, clauses(t)[0], &lex), Modality::Reported);
        // A hedged superlative is not a hedged claim.
        let whole = |t: &str| Span::new(0, t.len());
        let t = "in perhaps the most surprising news, trump plans to meet romney";
        assert_eq!(modality(t, whole(t), &lex), Modality::Confirmed);
        let t = "trump will perhaps meet romney";
        assert_eq!(modality(t, whole(t), &lex), Modality::Speculative);
        // "would" is a hedge, but not a wish nor the future of speech
        // reported after the clause.
        let span = |t: &str| Span::new(0, t.find(',').unwrap_or(t.len()));
        let t = "meta would sell capacity";
        assert_eq!(modality(t, span(t), &lex), Modality::Speculative);
        let t = "lionsgate would like a november release date";
        assert_eq!(modality(t, span(t), &lex), Modality::Confirmed);
        let t = "meta would sell capacity, the company said";
        assert_eq!(modality(t, span(t), &lex), Modality::Confirmed);
        // The "will" of reported words, in a clause of saying: not a hedge.
        let whole = |t: &str| Span::new(0, t.len());
        let t = "the reporters have maintained that they would reveal the name";
        assert_eq!(modality(t, whole(t), &lex), Modality::Confirmed);
        let t = "two legal opinions that it would be difficult to proceed";
        assert_eq!(modality(t, whole(t), &lex), Modality::Confirmed);
        let t = "the reporters hope that rivals would reveal the name";
        assert_eq!(modality(t, whole(t), &lex), Modality::Speculative);
    }

    #[test]
    fn a_quotation_left_open_runs_past_the_sentence() {
        let t = "\"The evidence establishes that he met Dmitri Kovtun.";
        let at = t.find("Dmitri").unwrap();
        assert_eq!(quote_at(t, at), Some(Span::new(0, t.len())));
        let t = "He said \u{201c}he met Dmitri Kovtun.";
        assert!(quote_at(t, t.find("Dmitri").unwrap()).is_some());
        // An unpaired straight mark inside a sentence may be an inch.
        let t = "A 12\" screen, said Dmitri Kovtun.";
        assert_eq!(quote_at(t, t.find("Dmitri").unwrap()), None);
        let t = "\"It is over,\" said Dmitri Kovtun.";
        assert_eq!(quote_at(t, t.find("Dmitri").unwrap()), None);
    }

    #[test]
    fn a_curly_quote_before_a_verb_of_saying_is_not_a_panic() {
        // Found on real news: the quote mark is three bytes wide.
        assert_eq!(
            attribution("\u{201c}I will not resign,\u{201d} Steele said."),
            Some("Steele".to_string())
        );
        assert_eq!(
            attribution("The party\u{2019}s chairman, \u{201c}Michael Steele said\u{201d} it."),
            Some("Michael Steele".to_string())
        );
    }

    #[test]
    fn quotes_read_alike_and_conditions_are_possibilities() {
        let lex = Lexicon::new(&Rules::defaults());
        // The same quote, framed as hearsay by one outlet and not another.
        let a = "reportedly, the minister told staff: \u{201c}we will close 45 stores\u{201d}";
        let b = "the minister told staff: \u{201c}we will close 45 stores\u{201d}";
        let at = |t: &str| t.find("close").unwrap();
        let (ca, cb) = (clauses(a), clauses(b));
        let ev = |t: &str| Span::new(at(t), at(t) + 5);
        assert_eq!(
            modality_at(a, clause_at(&ca, at(a)), ev(a), &lex),
            modality_at(b, clause_at(&cb, at(b)), ev(b), &lex)
        );
        let t = "if regulators approve the deal, acme will close 45 stores";
        let cl = clauses(t);
        let x = t.find("close").unwrap();
        let ev = Span::new(x, x + 5);
        assert_eq!(
            modality_at(t, clause_at(&cl, x), ev, &lex),
            Modality::Conditional
        );
        // A hedge after the evidence is someone else's.
        let t = "stone said he will plead not guilty, and people close to him predicted trump could pardon him";
        let x = t.find("will plead").unwrap();
        let ev = Span::new(x, x + 22);
        assert_eq!(
            modality_at(t, Span::new(0, t.len()), ev, &lex),
            Modality::Confirmed
        );
        assert_eq!(quote_at("he said \"no\" twice", 10), Some(Span::new(8, 11)));
    }

    #[test]
    fn a_closing_curly_mark_closes_what_began_before_the_text() {
        // The sentence after a quotation's first sentence: its first mark
        // closes, so the words between the two marks are the outlet's.
        let t = "He had taken his compass,\u{201d} wrote Mr. Bethae, adding that \u{201c}his fellow soldiers\u{201d} knew.";
        let at = t.find("Bethae").unwrap();
        assert_eq!(quote_at(t, at), None);
        let inner = t.find("fellow").unwrap();
        let open = t.find('\u{201c}').unwrap();
        let close = t.rfind('\u{201d}').unwrap();
        assert_eq!(quote_at(t, inner), Some(Span::new(open, close)));
    }

    #[test]
    fn attribution_is_kept() {
        assert_eq!(
            attribution("Nvidia fell 4%, according to Reuters.").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            attribution("Nvidia fell 4%, analysts said.").as_deref(),
            Some("analysts")
        );
        assert_eq!(
            attribution("Bloomberg reported that Meta may sell.").as_deref(),
            Some("Bloomberg")
        );
        assert_eq!(attribution("Nvidia fell 4% [3].").as_deref(), Some("[3]"));
        assert_eq!(attribution("Nvidia fell 4%."), None);
    }
}

#[cfg(test)]
mod speaker_tests {
    use super::{cited, speaks};

    #[test]
    fn speakers_are_recognised_by_what_follows_them() {
        assert!(speaks(" said on Friday"));
        assert!(speaks(" figures show prices rose"));
        assert!(speaks(" data showed"));
        assert!(!speaks(" shares fell"));
        assert!(!speaks(" sayings"));
        assert!(cited("prices, according to the "));
        assert!(cited("economists at "));
        assert!(cited("an analyst with "));
        assert!(!cited("shares at "));
        assert!(!cited("flat "));
    }
}
