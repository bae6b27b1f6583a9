//! Announced actions: "Meta announced it will sell spare capacity", "reports
//! say the tech giant could rent out compute". The action is kept as a set of
//! normalised key words (synonyms from the rules, crude stemming), so two
//! outlets' wordings of one plan can be matched.

use super::clause::find_words;
use super::lexicon::Lexicon;
use crate::span::Span;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Action {
    /// The words as written, after the cue.
    pub phrase: String,
    /// Normalised key words the action is matched on.
    pub keys: Vec<String>,
}

impl Action {
    /// Number of key words the two actions share.
    pub fn shared(&self, other: &Action) -> usize {
        self.keys.iter().filter(|k| other.keys.contains(k)).count()
    }

    /// Two wordings of the same action: at least two shared keys, or all of
    /// the shorter one's.
    pub fn same_as(&self, other: &Action) -> bool {
        let shared = self.shared(other);
        shared >= 2 || (shared >= 1 && shared == self.keys.len().min(other.keys.len()))
    }
}

/// Words after which a planned or announced action follows.
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
];

/// The action in `clause` (relative spans in `lower`), if it has one worth matching.
pub(crate) fn find(lower: &str, clause: Span, lex: &Lexicon) -> Option<(Span, Action)> {
    let text = clause.slice(lower);
    let mut cue_end = None;
    let mut cue_start = None;
    for cue in CUES {
        for p in find_words(text, cue) {
            let e = p + cue.len();
            if cue_end.is_none_or(|c| e > c) {
                cue_end = Some(e);
                cue_start = cue_start.map_or(Some(p), |s: usize| Some(s.min(p)));
            } else {
                cue_start = cue_start.map(|s: usize| s.min(p));
            }
        }
    }
    let (start, end) = (cue_start?, cue_end?);
    let rest = &text[end..];
    let stop_at = rest
        .find(['.', ';', ',', '(', '"', '\u{201d}'])
        .unwrap_or(rest.len());
    let phrase_text = &rest[..stop_at];
    let mut keys: Vec<String> = Vec::new();
    let mut phrase_end = end;
    for (i, w) in word_positions(phrase_text).take(10) {
        if STOP.contains(&w) || lex.up.contains(w) || lex.down.contains(w) {
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
            phrase: text[end..phrase_end].trim().to_string(),
            keys,
        },
    ))
}

fn word_positions(s: &str) -> impl Iterator<Item = (usize, &str)> {
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
    out.into_iter()
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
            let b = base.as_bytes();
            if b.len() >= 2
                && b[b.len() - 1] == b[b.len() - 2]
                && !base.ends_with("ll")
                && !base.ends_with("ss")
            {
                return base[..base.len() - 1].to_string();
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
        let lower = s.to_lowercase();
        find(&lower, Span::new(0, lower.len()), &lex).map(|(_, a)| a)
    }

    #[test]
    fn wordings_of_one_plan_match() {
        let a =
            action("meta announced it will sell spare computing capacity to other firms").unwrap();
        let b = action("reports say the tech giant could rent out its surplus compute").unwrap();
        assert_eq!(a.keys, ["sell", "spare", "compute", "firm"]);
        assert!(a.same_as(&b), "{a:?} {b:?}");
        let c = action("nvidia could fall further this year");
        assert_eq!(c, None);
    }
}
