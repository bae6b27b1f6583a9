//! Announced actions: "Meta announced it will sell spare capacity", "reports
//! say the tech giant could rent out compute". The action is kept as a set of
//! normalised key words (synonyms from the rules, crude stemming), so two
//! outlets' wordings of one plan can be matched.

use super::lexicon::Lexicon;
use crate::span::Span;
use crate::text::Sym;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Action {
    /// The words as written, after the cue (shared: wire copy repeats it).
    pub phrase: Sym,
    /// Where the phrase stands in its sentence.
    #[serde(skip)]
    pub phrase_span: Span,
    /// Normalised key words the action is matched on (shared strings, no
    /// spare capacity: actions live until the report).
    pub keys: Vec<Sym>,
}

impl Action {
    /// Number of key words the two actions share.
    pub fn shared(&self, other: &Action) -> usize {
        self.keys.iter().filter(|k| other.keys.contains(k)).count()
    }

    /// Whether the first keys, what is done, are one ("prevent" /
    /// "lead", "spend" / "quit" are not).
    pub fn same_deed(&self, other: &Action) -> bool {
        self.keys.first() == other.keys.first()
    }

    /// Two wordings of the same action: at least two shared keys, or all of
    /// the shorter one's.
    pub fn same_as(&self, other: &Action) -> bool {
        let shared = self.shared(other);
        shared >= 2 || (shared >= 1 && shared == self.keys.len().min(other.keys.len()))
    }

    /// One action beyond doubt, as a conflict about how firmly it is
    /// stated needs: three shared keys, or the same keys on both sides.
    /// The first keys, what is done, must be one: "would prevent a nuclear
    /// arms race" and "would lead to a nuclear arms race" share three keys
    /// and are opposite acts.
    pub fn firmly_same(&self, other: &Action) -> bool {
        let shared = self.shared(other);
        self.same_deed(other)
            && (shared >= 3
                || (shared >= 1 && shared == self.keys.len() && shared == other.keys.len()))
    }
}

/// Past-tense verbs that state a completed action: the verb itself is a key.
const DONE: &[&str] = &[
    "approved",
    "cleared",
    "rejected",
    "acquired",
    "signed",
    "completed",
    "blocked",
    "fined",
];

/// Words after which a planned or announced action follows (with `DONE`).
const CUES: &[&str] = &[
    "will",
    "would",
    "could",
    "may",
    "might",
    "plans to",
    "plan to",
    "planning to",
    "intends to",
    "aims to",
    "is set to",
    "is exploring",
    "is considering",
    "is weighing",
    "announced",
    "unveiled",
    "agreed to",
    "is preparing to",
    "is looking to",
    "is poised to",
    "wants to",
    "expects to",
    "is launching",
    "launched",
];

/// `CUES` then `DONE`, searched for in one pass.
static CUE_SET: std::sync::LazyLock<crate::text::PhraseSet> =
    std::sync::LazyLock::new(|| crate::text::PhraseSet::new(CUES.iter().chain(DONE)));

/// Verbs that introduce a figure rather than an action.
const FIGURE_VERBS: &[&str] = &[
    "cost",
    "costs",
    "take",
    "takes",
    "total",
    "totals",
    "reach",
    "reaches",
    "hit",
    "hits",
    "top",
    "tops",
    "exceed",
    "exceeds",
    "amount",
    "bring",
    "brings",
    "generate",
    "generates",
    "earn",
    "earns",
    "save",
    "saves",
    "be",
    "remain",
    "remains",
    "stay",
    "stays",
    "climb",
    "rise",
    "fall",
    "drop",
    "gain",
    "lose",
    "pay",
    "pays",
];

const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "their",
    "it",
    "to",
    "of",
    "for",
    "and",
    "or",
    "in",
    "on",
    "at",
    "by",
    "with",
    "as",
    "that",
    "this",
    "be",
    "been",
    "being",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "could",
    "may",
    "might",
    "also",
    "out",
    "up",
    "new",
    "more",
    "plans",
    "plan",
    "planning",
    "said",
    "says",
    "announced",
    "reportedly",
    "some",
    "own",
    "other",
    "part",
    "which",
    "from",
    "into",
    "about",
    "than",
    "soon",
    "potentially",
    "possibly",
    "eventually",
    "has",
    "have",
    "had",
    "not",
    "no",
    "now",
    "so",
    "such",
    "them",
    "they",
    "its",
    "his",
    "her",
    "our",
    "we",
    "you",
    "what",
    "whether",
    "if",
    "move",
    "moves",
    "business",
    "effort",
    "step",
    "way",
    "according",
    "reports",
    "report",
    "people",
    "familiar",
    "matter",
    "sources",
    "start",
    "begin",
    "starting",
    "beginning",
    "eventually",
    "further",
    "year",
    "this",
    "next",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "percent",
    "cent",
    "dollars",
    "dollar",
    "euros",
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "over",
    "under",
    "than",
    "off",
];

/// The action in `clause` (relative spans in `lower`), if it has one worth matching.
pub(crate) fn find(lower: &str, clause: Span, lex: &Lexicon) -> Option<(Span, Action)> {
    let text = clause.slice(lower);
    // Every cue occurrence, in order of position.
    let found = CUE_SET.find(text);
    let cue_len = |i: usize| match i.checked_sub(CUES.len()) {
        None => CUES.get(i).map(|c| c.len()),
        Some(d) => DONE.get(d).map(|c| c.len()),
    };
    let mut cues: Vec<(usize, usize)> = found
        .in_list_order()
        .filter_map(|(i, p)| Some((p, p + cue_len(i)?)))
        .collect();
    cues.sort_unstable();
    // A chain of cues ("announced on Tuesday that it will", "is exploring a
    // plan to") introduces one action: follow cues that start within four
    // words. Where a chain yields no action, try the next one.
    let mut i = 0;
    while let Some(&(start, first_end)) = cues.get(i) {
        let mut end = first_end;
        i += 1;
        while let Some(&(s, e)) = cues.get(i) {
            if s < end {
                i += 1;
            } else if text
                .get(end..s)
                .is_some_and(|gap| gap.split_whitespace().count() <= 4)
            {
                end = e;
                i += 1;
            } else {
                break;
            }
        }
        if let Some(found) = phrase_after(text, clause, start, end, lex) {
            return Some(found);
        }
    }
    None
}

/// The action words after a cue chain ending at `end`, up to punctuation.
fn phrase_after(
    text: &str,
    clause: Span,
    start: usize,
    end: usize,
    lex: &Lexicon,
) -> Option<(Span, Action)> {
    let rest = text.get(end..)?;
    // Punctuation ends the phrase, but not inside a number ("1,200", "3.5").
    let bytes = rest.as_bytes();
    let stop_at = rest
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, '.' | ';' | ',' | '(' | '"' | '\u{201d}')
                && !(matches!(c, '.' | ',')
                    && i.checked_sub(1)
                        .and_then(|before| bytes.get(before))
                        .is_some_and(u8::is_ascii_digit)
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
        })
        .map_or(rest.len(), |(i, _)| i);
    let phrase_text = rest.get(..stop_at)?;
    let mut keys: Vec<String> = Vec::new();
    if let Some(verb) = DONE
        .iter()
        .find(|v| text.get(..end).is_some_and(|cued| cued.ends_with(*v)))
    {
        keys.push(normalise(verb, lex));
    }
    let mut phrase_end = end;
    // "could climb 10%", "will cost $40 million", "could take three weeks":
    // a figure or a move, not an action.
    let first = crate::text::words(phrase_text)
        .map(|(_, w)| w)
        .find(|w| !STOP.contains(w) && w.chars().all(char::is_alphabetic));
    if first.is_some_and(|w| {
        FIGURE_VERBS.contains(&w)
            || ((lex.up.contains(w) || lex.down.contains(w)) && !lex.synonyms.contains_key(w))
    }) {
        return None;
    }
    for (i, w) in crate::text::words(phrase_text).take(14) {
        // Direction words ("fall", "rise") are moves, not actions, unless the
        // rules list them as action words ("cut").
        let moves = (lex.up.contains(w) || lex.down.contains(w)) && !lex.synonyms.contains_key(w);
        if STOP.contains(&w) || moves {
            continue;
        }
        if !w.chars().all(char::is_alphabetic) || w.len() < 3 {
            continue;
        }
        let key = normalise(w, lex);
        if !keys.contains(&key) {
            keys.push(key);
        }
        phrase_end = end + i + w.len();
    }
    if keys.len() < 2 {
        return None;
    }
    let span = Span::new(clause.start() + start, clause.start() + phrase_end);
    Some((
        span,
        Action {
            phrase: text.get(end..phrase_end)?.trim().into(),
            phrase_span: Span::new(clause.start() + end, clause.start() + phrase_end),
            keys: keys.iter().map(|k| Sym::from(k.as_str())).collect(),
        },
    ))
}

/// Synonym head, else a crude stem (selling → sell, offers → offer).
pub(crate) fn normalise(w: &str, lex: &Lexicon) -> String {
    if let Some(head) = lex.synonyms.get(w) {
        return head.clone();
    }
    let stem = stem(w);
    lex.synonyms.get(&stem).cloned().unwrap_or(stem)
}

fn stem(w: &str) -> String {
    for (suffix, keep) in [("ing", 3), ("ies", 3), ("ed", 3), ("es", 4), ("s", 3)] {
        if let Some(base) = w.strip_suffix(suffix)
            && base.len() >= keep
            && !w.ends_with("ss")
        {
            let base = if suffix == "ies" {
                format!("{base}y")
            } else {
                base.to_string()
            };
            // "selling" → "sell", "renting" → "rent"; undouble "planned" → "plan".
            if let [.., a, b] = base.as_bytes()
                && a == b
                && !base.ends_with("ll")
                && !base.ends_with("ss")
                && let Some(undoubled) = base.get(..base.len() - 1)
            {
                return undoubled.to_string();
            }
            return base;
        }
    }
    w.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rules;

    fn action(s: &str) -> Option<Action> {
        let lex = Lexicon::new(&Rules::defaults());
        let lower = crate::text::fold_case(s);
        find(&lower, Span::new(0, lower.len()), &lex).map(|(_, a)| a)
    }

    #[test]
    fn wordings_of_one_plan_match() {
        let a =
            action("meta announced it will sell spare computing capacity to other firms").unwrap();
        let b = action("reports say the tech giant could rent out its surplus compute").unwrap();
        assert_eq!(a.keys, ["sell", "spare", "compute", "firm"]);
        assert!(a.same_as(&b), "{a:?} {b:?}");
        let d = action("meta is exploring a plan to offer its idle computing capacity to outside developers as a cloud service").unwrap();
        assert_eq!(
            d.keys,
            [
                "sell",
                "spare",
                "compute",
                "outside",
                "developer",
                "cloud",
                "service"
            ]
        );
        let e = action("acme will cut 1,200 jobs, about 8% of its workforce").unwrap();
        assert_eq!(e.keys, ["cut", "job"]);
        let c = action("nvidia could fall further this year");
        assert_eq!(c, None);
    }
}
