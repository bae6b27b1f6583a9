//! Entity mentions in a sentence: names known from the rules, capitalised
//! runs ("Philadelphia Semiconductor Index", "S&P 500", "Meta Platforms Inc."),
//! acronyms defined in parentheses, people (kept apart: they attribute, they
//! are not subjects), and references such as "the tech giant".
//!
//! A capitalised word at the start of a sentence or in a headline is a name
//! only with evidence: the rules know it, it is an acronym or carries a
//! company suffix, or the corpus writes it capitalised mid-sentence.

use super::lexicon::Lexicon;
use crate::rules::EntityKind;
use crate::span::Span;
use crate::text::{Token, TokenKind, find_words, tokenize};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mention {
    /// Byte span in the document.
    pub span: Span,
    pub name: String,
    pub kind: Option<EntityKind>,
    /// For "the company": the kind it refers back to; resolved later.
    pub reference: Option<EntityKind>,
}

impl Mention {
    pub fn is_person(&self) -> bool {
        self.kind == Some(EntityKind::Person)
    }
}

const COMPANY_SUFFIXES: &[&str] = &[
    "Inc",
    "Corp",
    "Corporation",
    "Co",
    "Ltd",
    "Limited",
    "plc",
    "PLC",
    "LLC",
    "Platforms",
    "Holdings",
    "Group",
    "AG",
    "SA",
    "NV",
    "SE",
    "Technologies",
    "Systems",
    "Motors",
    "Airlines",
    "Bank",
    "Partners",
    "Capital",
    "Labs",
    "Logistics",
    "Energy",
    "Pharmaceuticals",
];
const INDEX_WORDS: &[&str] = &["Index", "Average", "Composite", "Indices", "Indexes"];
const INDEX_NUMBERS: &[&str] = &[
    "30", "40", "50", "100", "200", "225", "250", "400", "500", "600", "1000", "2000", "3000",
    "5000",
];
const CONNECTORS: &[&str] = &["of", "for", "de", "&", "and"];
const TITLES: &[&str] = &[
    "ceo",
    "chief",
    "executive",
    "analyst",
    "analysts",
    "mr",
    "ms",
    "mrs",
    "dr",
    "strategist",
    "economist",
    "founder",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "president",
    "director",
    "head",
    "officer",
    "chairman",
    "chairwoman",
    "partner",
    "cfo",
    "manager",
    "investor",
    "minister",
    "secretary",
    "governor",
    "trader",
    "professor",
    "reporter",
    "editor",
];
/// Last words of organisation names that are not company suffixes.
const ORG_WORDS: &[&str] = &[
    "Pharma",
    "Pharmaceuticals",
    "Bank",
    "Motors",
    "Airlines",
    "Energy",
    "Logistics",
    "Freight",
    "Rail",
    "Terminals",
    "Union",
    "Agency",
    "Authority",
    "Ministry",
    "Department",
    "Office",
    "Council",
    "Commission",
    "Institute",
    "University",
    "Fund",
    "Trust",
    "Media",
    "News",
    "Times",
    "Post",
    "Journal",
    "Wire",
    "Daily",
    "Foods",
    "Health",
    "Insurance",
    "Airways",
    "Telecom",
    "Networks",
    "Software",
    "Semiconductor",
    "Semiconductors",
    "Devices",
    "Industries",
    "Mining",
    "Steel",
    "Oil",
    "Gas",
    "Power",
    "Resources",
    "Pipeline",
    "Port",
    "Exchange",
    "Markets",
];
const DATE_WORDS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "wrote",
    "added",
    "noted",
    "argued",
    "warned",
    "explained",
    "commented",
    "predicted",
];

static ACRONYM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<long>[A-Z][\w&'’.-]*(?:\s+(?:(?:of|for|and|&|de)\s+)?[A-Z0-9][\w&'’.-]*)*)\s*\((?:(?i:NYSE|NASDAQ|LSE|TSX|ticker)\s*:\s*)?(?P<short>[A-Z][A-Z0-9.&]{1,6})\)",
    )
    .expect("valid acronym regex")
});

/// Names the corpus writes capitalised mid-sentence, plus acronym definitions.
#[derive(Debug, Default)]
pub(crate) struct Evidence {
    pub names: HashSet<String>,
    /// Words the corpus writes in lower case somewhere.
    lowercase: HashSet<String>,
    /// Single capitalised words seen only where capitals prove nothing
    /// (sentence starts, headlines), with how often.
    initial: std::collections::HashMap<String, usize>,
    /// (short, long) pairs such as ("SOX", "Philadelphia Semiconductor Index").
    pub acronyms: Vec<(String, String)>,
}

impl Evidence {
    /// Learns from one sentence.
    pub fn learn(&mut self, prose: &str, sentence: Span, heading: bool, lex: &Lexicon) {
        let text = sentence.slice(prose);
        for c in ACRONYM.captures_iter(text) {
            let long = strip_leading(c["long"].trim(), lex);
            let short = c["short"].trim_end_matches('.').to_string();
            if !long.is_empty() && long != short && long.contains(char::is_lowercase) {
                self.acronyms.push((short.clone(), long.clone()));
                self.names.insert(long);
                self.names.insert(short);
            }
        }
        let toks = tokenize(prose, sentence);
        for t in &toks {
            let w = t.span.slice(prose);
            if t.kind == TokenKind::Word && w.starts_with(char::is_lowercase) {
                self.lowercase.insert(w.to_string());
            }
        }
        if heading {
            for run in cap_runs(prose, &toks) {
                let raw = run.text(prose, &toks);
                if let Some(first) = name_parts(&clean_name(&raw), lex).into_iter().next()
                    && raw.starts_with(first.as_str())
                {
                    let word = first.split_whitespace().next().unwrap_or("").to_string();
                    *self.initial.entry(word).or_default() += 1;
                }
            }
            return;
        }
        for run in cap_runs(prose, &toks) {
            let raw = run.text(prose, &toks);
            for part in name_parts(&clean_name(&raw), lex) {
                let rel = raw.find(&part).unwrap_or(0);
                if run.first_token > 0 || rel > 0 || part.split_whitespace().count() >= 2 {
                    self.names.insert(part);
                } else if !part.contains(' ') {
                    *self.initial.entry(part).or_default() += 1;
                }
            }
        }
    }
}

impl Evidence {
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
    }
}

struct Run {
    first_token: usize,
    start: usize,
    end: usize, // exclusive token index
}

impl Run {
    fn text(&self, prose: &str, toks: &[Token]) -> String {
        Span::new(toks[self.start].span.start(), toks[self.end - 1].span.end())
            .slice(prose)
            .to_string()
    }
}

fn is_cap(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase)
}

/// Maximal runs of capitalised tokens, joined by connectors, "&", index numbers.
fn cap_runs(prose: &str, toks: &[Token]) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut i = 0;
    // The first word token of the sentence (after an opening quote).
    let first_word = toks
        .iter()
        .position(|t| t.kind != TokenKind::Punct)
        .unwrap_or(0);
    while i < toks.len() {
        let t = toks[i].span.slice(prose);
        if toks[i].kind != TokenKind::Word || !is_cap(t) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        if !t.ends_with("'s") && !t.ends_with("’s") {
            while end < toks.len() {
                let w = toks[end].span.slice(prose);
                let adjacent = toks[end].span.start() - toks[end - 1].span.end() <= 1;
                if !adjacent {
                    break;
                }
                if toks[end].kind == TokenKind::Word && is_cap(w) {
                    end += 1;
                    if w.ends_with("'s") || w.ends_with("’s") {
                        break;
                    }
                } else if (CONNECTORS.contains(&w) && w != "and" || w == "&")
                    && end + 1 < toks.len()
                    && is_cap(toks[end + 1].span.slice(prose))
                {
                    end += 2;
                } else if (toks[end].kind == TokenKind::Number
                    && INDEX_NUMBERS.contains(&w)
                    && toks.get(end + 1).is_none_or(|n| n.span.slice(prose) != "%"))
                    || (w == "." && COMPANY_SUFFIXES.contains(&toks[end - 1].span.slice(prose)))
                {
                    // An index number ("S&P 500") or a suffix's period ends the name.
                    end += 1;
                    break;
                } else {
                    break;
                }
            }
        }
        runs.push(Run {
            first_token: if start == first_word { 0 } else { start.max(1) },
            start,
            end,
        });
        i = end;
    }
    runs
}

/// Drops possessives, surrounding punctuation.
fn clean_name(s: &str) -> String {
    let s = s.trim();
    let s = s
        .strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(s);
    s.trim_matches(|c: char| c == ',' || c == ';' || c == ':' || c == '"')
        .to_string()
}

/// Leading words that never begin a name ("The", "On", months) are dropped.
fn strip_leading(s: &str, lex: &Lexicon) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    let skip = words
        .iter()
        .take_while(|w| lex.not_entities.contains(w.trim_end_matches(['.', ','])))
        .count();
    words[skip..].join(" ")
}

/// The parts of a run that can be names: split at words that are never names.
fn name_parts(run: &str, lex: &Lexicon) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    let words: Vec<&str> = run.split_whitespace().collect();
    for w in words.iter().copied() {
        let bare = w.trim_end_matches(['.', ',']);
        // "Denver-based" describes the name that follows; it is not part of it.
        let modifier = bare.ends_with("-based") || bare.ends_with("-headquartered");
        // Words that never name a thing are dropped at the start of a run
        // ("The", "Shares"); inside a name ("Philadelphia Semiconductor
        // Index") only titles, dates and acronyms such as "CEO" split it.
        let never = lex.not_entities.contains(bare);
        let edge = cur.is_empty();
        let hard = bare.chars().all(|c| c.is_ascii_uppercase())
            || DATE_WORDS.contains(&bare)
            || TITLES.contains(&bare.to_lowercase().as_str());
        if modifier || (never && (edge || hard)) {
            if !cur.is_empty() {
                parts.push(cur.join(" "));
                cur.clear();
            }
        } else {
            cur.push(w);
        }
    }
    if !cur.is_empty() {
        parts.push(cur.join(" "));
    }
    parts
        .into_iter()
        .filter_map(|p| {
            let words: Vec<&str> = p.split_whitespace().collect();
            let lead = words.iter().take_while(|w| CONNECTORS.contains(w)).count();
            let trail = words[lead..]
                .iter()
                .rev()
                .take_while(|w| CONNECTORS.contains(w))
                .count();
            let kept = &words[lead..words.len() - trail];
            (!kept.is_empty()).then(|| kept.join(" "))
        })
        .collect()
}

fn kind_of(name: &str) -> Option<EntityKind> {
    let last = name.split_whitespace().last().unwrap_or("");
    let last = last.trim_end_matches('.');
    if INDEX_WORDS.contains(&last) || INDEX_NUMBERS.contains(&last) {
        Some(EntityKind::Index)
    } else if COMPANY_SUFFIXES.contains(&last) {
        Some(EntityKind::Company)
    } else {
        None
    }
}

fn is_acronym(name: &str) -> bool {
    (2..=6).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&')
}

/// Mentions in one sentence, spans in document offsets.
pub(crate) fn mentions(
    prose: &str,
    sentence: Span,
    heading: bool,
    lex: &Lexicon,
    evidence: &Evidence,
) -> Vec<Mention> {
    let text = sentence.slice(prose);
    let mut out: Vec<Mention> = Vec::new();
    // Names the rules know, longest first.
    for (name, kind) in &lex.known {
        for s in find_words(text, name) {
            let span = Span::new(s, s + name.len()).offset(sentence.start());
            if !out.iter().any(|m| m.span.overlaps(span)) {
                out.push(Mention {
                    span,
                    name: name.clone(),
                    kind: *kind,
                    reference: None,
                });
            }
        }
    }
    let toks = tokenize(prose, sentence);
    for run in cap_runs(prose, &toks) {
        let run_start = toks[run.start].span.start();
        let raw = run.text(prose, &toks);
        for part in name_parts(&clean_name(&raw), lex) {
            let Some(rel) = raw.find(&part) else { continue };
            // "SUVs", "GPUs", "CEOs": plurals of acronyms are things, not names.
            if part.len() > 2
                && part.ends_with('s')
                && part[..part.len() - 1]
                    .chars()
                    .all(|c| c.is_ascii_uppercase())
            {
                continue;
            }
            let initial = heading || (run.first_token == 0 && rel == 0);
            let span = Span::new(run_start + rel, run_start + rel + part.len());
            if out.iter().any(|m| m.span.overlaps(span)) {
                continue;
            }
            // At the start of a body sentence a name of two or more words is
            // taken as it stands; one word needs evidence.
            let multiword = !heading && part.contains(' ');
            let known = evidence.names.contains(&part)
                || is_acronym(&part)
                || kind_of(&part).is_some()
                || multiword;
            // One capitalised word opening a body sentence is a name unless
            // the corpus also writes it in lower case ("Revenue", "Oil").
            let lone_name = !heading
                && !part.contains(' ')
                && !evidence.lowercase.contains(&part.to_lowercase());
            let accepted = if initial && !known && !lone_name {
                // Fall back to the longest evidenced prefix ("Meta Eyes Cloud" → "Meta").
                longest_evidenced_prefix(&part, evidence)
            } else {
                Some(part.clone())
            };
            let Some(name) = accepted else { continue };
            let span = Span::new(span.start(), span.start() + name.len());
            let kind = kind_of(&name).or_else(|| person_kind(prose, &toks, &run, &name));
            out.push(Mention {
                span,
                name,
                kind,
                reference: None,
            });
        }
    }
    // References such as "the tech giant".
    let lower = crate::text::fold_case(text);
    for (phrase, kind) in &lex.references {
        let needle = phrase.join(" ");
        for s in find_words(&lower, &needle) {
            let span = Span::new(s, s + needle.len()).offset(sentence.start());
            if !out.iter().any(|m| m.span.overlaps(span)) {
                out.push(Mention {
                    span,
                    name: needle.clone(),
                    kind: None,
                    reference: Some(*kind),
                });
            }
        }
    }
    out.sort_by_key(|m| m.span);
    out
}

fn longest_evidenced_prefix(part: &str, evidence: &Evidence) -> Option<String> {
    let words: Vec<&str> = part.split_whitespace().collect();
    (1..=words.len())
        .rev()
        .map(|n| words[..n].join(" "))
        .find(|cand| evidence.names.contains(cand))
}

/// A two- or three-word name introduced by a title or followed by "said" is a person.
fn person_kind(prose: &str, toks: &[Token], run: &Run, name: &str) -> Option<EntityKind> {
    let n = name.split_whitespace().count();
    if !(2..=3).contains(&n) || name.chars().any(|c| c.is_ascii_digit() || c == '&') {
        return None;
    }
    let after = toks
        .get(run.end)
        .map(|t| t.span.slice(prose).to_lowercase());
    let after2 = toks
        .get(run.end + 1)
        .map(|t| t.span.slice(prose).to_lowercase());
    // "Jane Doe said", "Jane Doe, an analyst at …", "Jane Doe, chief executive".
    let after3 = toks
        .get(run.end + 2)
        .map(|t| t.span.slice(prose).to_lowercase());
    let appositive = after.as_deref() == Some(",")
        && (after2.as_deref().is_some_and(|w| TITLES.contains(&w))
            || (after2
                .as_deref()
                .is_some_and(|w| matches!(w, "a" | "an" | "the"))
                && after3.as_deref().is_some_and(|w| TITLES.contains(&w))));
    // "X Y said" alone does not tell a person from "Kestrel Pharma said":
    // it counts only when the name does not end like an organisation.
    let org_word = name
        .split_whitespace()
        .last()
        .is_some_and(|w| ORG_WORDS.contains(&w.trim_end_matches('.')));
    let said = (after.as_deref().is_some_and(|w| SPEECH.contains(&w)) && !org_word) || appositive;
    let titled = toks[run.start.saturating_sub(3)..run.start]
        .iter()
        .any(|t| TITLES.contains(&t.span.slice(prose).to_lowercase().trim_end_matches('.')));
    (said || titled).then_some(EntityKind::Person)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rules;

    fn names(text: &str, heading: bool, evidence: &Evidence) -> Vec<(String, Option<EntityKind>)> {
        let lex = Lexicon::new(&Rules::defaults());
        mentions(text, Span::new(0, text.len()), heading, &lex, evidence)
            .into_iter()
            .map(|m| (m.span.slice(text).to_string(), m.kind.or(m.reference)))
            .collect()
    }

    #[test]
    fn finds_names_indexes_and_references() {
        let ev = Evidence::default();
        let got = names(
            "The Philadelphia Semiconductor Index fell while Meta Platforms Inc. and the S&P 500 rose, and the tech giant's shares slid.",
            false,
            &ev,
        );
        assert_eq!(
            got,
            [
                (
                    "Philadelphia Semiconductor Index".into(),
                    Some(EntityKind::Index)
                ),
                ("Meta Platforms Inc.".into(), Some(EntityKind::Company)),
                ("S&P 500".into(), Some(EntityKind::Index)),
                ("the tech giant".into(), Some(EntityKind::Company)),
            ]
        );
    }

    #[test]
    fn headline_words_need_evidence() {
        let lex = Lexicon::new(&Rules::defaults());
        let mut ev = Evidence::default();
        let body = "Shares of Meta fell.";
        ev.learn(body, Span::new(0, body.len()), false, &lex);
        let got = names("Chip Stocks Slide as Meta Eyes Cloud Business", true, &ev);
        assert_eq!(got, [("Meta".into(), None)]);
    }

    #[test]
    fn acronyms_defined_in_parentheses_are_learned() {
        let lex = Lexicon::new(&Rules::defaults());
        let mut ev = Evidence::default();
        let s = "The Dow Jones Transportation Average (DJT) and Nvidia (NASDAQ: NVDA) fell.";
        ev.learn(s, Span::new(0, s.len()), false, &lex);
        assert_eq!(
            ev.acronyms,
            [
                (
                    "DJT".to_string(),
                    "Dow Jones Transportation Average".to_string()
                ),
                ("NVDA".to_string(), "Nvidia".to_string())
            ]
        );
    }

    #[test]
    fn people_are_marked() {
        let got = names(
            "Analyst Jane Doe said Nvidia could fall.",
            false,
            &Evidence::default(),
        );
        assert_eq!(got[0], ("Jane Doe".into(), Some(EntityKind::Person)));
        assert_eq!(got[1], ("Nvidia".into(), None));
    }
}
