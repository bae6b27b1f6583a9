//! What the corpus as a whole says about names: which capitalised words it
//! writes mid-sentence, which it writes in lower case, which acronyms it defines.

use super::runs::*;
use super::*;
use crate::text::QuickSet;
use regex::Regex;
use std::sync::LazyLock;

// reason: a constant pattern, compiled by every test that reads a sentence.
#[allow(clippy::expect_used)]
pub(super) static ACRONYM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<long>[A-Z][\w&'’.-]*(?:\s+(?:(?:of|for|and|&|de)\s+)?[A-Z0-9][\w&'’.-]*)*)\s*\((?:(?i:NYSE|NASDAQ|LSE|TSX|ticker)\s*:\s*)?(?P<short>[A-Z][A-Za-z0-9.&]{1,6})\)",
    )
    .expect("valid acronym regex")
});

/// Names the corpus writes capitalised mid-sentence, plus acronym definitions.
#[derive(Debug, Default)]
pub(crate) struct Evidence {
    pub names: QuickSet<String>,
    /// Names of two words or more the corpus writes somewhere other than
    /// at a sentence's start: their first word is theirs ("Chuck
    /// Schumer"), not a verb or a preposition opening the sentence
    /// ("Unlike Texas").
    pub(crate) inside: QuickSet<String>,
    /// Words the corpus writes in lower case somewhere.
    pub(super) lowercase: crate::text::WordSet,
    /// Names the corpus uses as places ("in Norland").
    pub(crate) places: QuickSet<String>,
    /// Names the corpus introduces with a title ("striker Luca Moreau"): people.
    pub(crate) persons: QuickSet<String>,
    /// The last word of each of `persons` ("Moreau" of "Luca Moreau"; a
    /// one-word name is its own), made by `finish`.
    pub(crate) surnames: QuickSet<String>,
    /// Single capitalised words seen only where capitals prove nothing
    /// (sentence starts, headlines), with how often.
    initial: crate::text::QuickMap<String, usize>,
    /// (short, long) pairs such as ("SOX", "Philadelphia Semiconductor Index").
    pub acronyms: Vec<(String, String)>,
}

impl Evidence {
    /// Learns from one sentence, its runs found by `NameRuns::of`.
    pub fn learn(
        &mut self,
        prose: &str,
        sentence: Span,
        heading: bool,
        lex: &Lexicon,
        names: &NameRuns,
    ) {
        let text = sentence.slice(prose);
        // A definition has its "(": a sentence with none is not searched,
        // and a run with none never compiles the pattern.
        let defines = text.contains('(').then(|| ACRONYM.captures_iter(text));
        for c in defines.into_iter().flatten() {
            let long = strip_leading(c["long"].trim(), lex);
            let short = c["short"].trim_end_matches('.').to_string();
            // "BoN", "SOX", "NVDA": at least two capitals.
            let capitals = short.chars().filter(char::is_ascii_uppercase).count();
            if capitals >= 2
                && !long.is_empty()
                && long != short
                && long.contains(char::is_lowercase)
            {
                self.acronyms.push((short.clone(), long.clone()));
                self.names.insert(long);
                self.names.insert(short);
            }
        }
        let toks = &names.toks;
        for t in toks {
            let w = t.span.slice(prose);
            if t.kind == TokenKind::Word && w.starts_with(char::is_lowercase) {
                self.note_lowercase(w);
                // "electric-car": each part is a word written in lower case
                // (a word with no hyphen is its only part, noted already).
                if w.contains('-') {
                    for part in w.split('-').filter(|p| !p.is_empty()) {
                        self.note_lowercase(part);
                    }
                }
            }
        }
        if heading {
            for r in &names.runs {
                let raw = r.span.slice(prose);
                if let Some(first) = r.parts.first()
                    && raw.starts_with(first.as_str())
                {
                    let word = first.split_whitespace().next().unwrap_or("");
                    self.note_initial(word);
                }
            }
            return;
        }
        for r in &names.runs {
            let (run, raw, run_start) = (&r.run, r.span.slice(prose), r.span.start());
            for part in &r.parts {
                let rel = raw.find(part.as_str()).unwrap_or(0);
                // "French striker Luca Moreau": a titled name is a person anywhere.
                let titled = run
                    .before(toks, 2)
                    .iter()
                    .any(|t| super::titled(t.span.slice(prose)));
                // "Jordan Mace, 24, was shot": a name with an age beside it
                // is a person's.
                let ends_run = rel + part.len() == raw.len();
                if (titled && rel == 0 || ends_run && aged(prose, toks, run.end))
                    && part.contains(' ')
                {
                    note(&mut self.persons, part);
                }
                // "Inflation in Norland": a name used for a place anywhere is a place.
                if super::locative(prose, run_start + rel) && kind_of(part).is_none() {
                    note(&mut self.places, part);
                }
                let inside = run.first_token > 0 || rel > 0;
                if inside && part.contains(' ') {
                    note(&mut self.inside, part);
                }
                if inside || part.split_whitespace().count() >= 2 {
                    note(&mut self.names, part);
                } else if !part.contains(' ') {
                    self.note_initial(part);
                }
            }
        }
    }
}

/// Whether the tokens from `at` are an age in commas (", 24,").
fn aged(prose: &str, toks: &[Token], at: usize) -> bool {
    let text = |k: usize| toks.get(at + k).map(|t| t.span.slice(prose));
    text(0) == Some(",")
        && text(2) == Some(",")
        && text(1)
            .and_then(|n| n.parse::<u8>().ok())
            .is_some_and(|n| (1..=110).contains(&n))
}

/// Adds a name to a set (copied only the first time).
fn note(set: &mut QuickSet<String>, name: &str) {
    if !set.contains(name) {
        set.insert(name.to_string());
    }
}

impl Evidence {
    /// Counts a capitalised word seen where capitals prove nothing (copied
    /// only the first time).
    fn note_initial(&mut self, word: &str) {
        match self.initial.get_mut(word) {
            Some(n) => *n += 1,
            None => {
                self.initial.insert(word.to_string(), 1);
            }
        }
    }

    /// Notes a word written in lower case (copied only the first time).
    /// Whether the corpus writes `w` (lower case) in lower case somewhere:
    /// an ordinary word, not only a name.
    pub(crate) fn written_lower(&self, w: &str) -> bool {
        self.lowercase.contains(w)
    }

    fn note_lowercase(&mut self, w: &str) {
        if !self.lowercase.contains(w) {
            self.lowercase.insert(w.to_string());
        }
    }

    /// After learning every document: a word written capitalised at least
    /// twice and never in lower case ("Brent") is a name.
    pub fn finish(&mut self) {
        let lowercase = &self.lowercase;
        let found: Vec<String> = self
            .initial
            .iter()
            .filter(|(w, n)| **n >= 2 && !lowercase.contains(&w.to_lowercase()))
            .map(|(w, _)| w.clone())
            .collect();
        self.names.extend(found);
        self.surnames = self
            .persons
            .iter()
            .filter_map(|p| p.rsplit(' ').next())
            .map(str::to_string)
            .collect();
    }
}
