//! Runs of capitalised tokens and the name parts inside them.

use super::lists::*;
use super::*;

pub(super) struct Run {
    pub(super) first_token: usize,
    pub(super) start: usize,
    pub(super) end: usize, // exclusive token index
}

impl Run {
    /// Byte span from the run's first token to its last (None for a run that
    /// does not fit `toks`, which `cap_runs` never makes).
    pub(super) fn span(&self, toks: &[Token]) -> Option<Span> {
        let run = toks.get(self.start..self.end)?;
        Some(Span::new(run.first()?.span.start(), run.last()?.span.end()))
    }

    /// Up to `n` tokens right before the run.
    pub(super) fn before<'t>(&self, toks: &'t [Token], n: usize) -> &'t [Token] {
        toks.get(self.start.saturating_sub(n)..self.start)
            .unwrap_or_default()
    }
}

/// A sentence's tokens and its capitalised runs with the name parts of
/// each: name evidence and mentions both read them, so they are found once.
pub(crate) struct NameRuns {
    /// The sentence, in document offsets.
    pub(super) sentence: Span,
    pub(super) toks: Vec<Token>,
    pub(super) runs: Vec<RunParts>,
}

/// A capitalised run, its byte span in the document and its name parts.
pub(super) struct RunParts {
    pub(super) run: Run,
    pub(super) span: Span,
    pub(super) parts: Vec<String>,
}

impl NameRuns {
    /// The tokens and runs of `sentence` (a span of `prose`).
    pub(crate) fn of(prose: &str, sentence: Span, lex: &Lexicon) -> NameRuns {
        let toks = tokenize(prose, sentence);
        let runs = cap_runs(prose, &toks)
            .into_iter()
            .filter_map(|run| {
                let span = run.span(&toks)?;
                let parts = name_parts(clean_name(span.slice(prose)), lex);
                Some(RunParts { run, span, parts })
            })
            .collect();
        NameRuns {
            sentence,
            toks,
            runs,
        }
    }
}

pub(super) fn is_cap(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word is one capital letter, as an initial is ("K").
fn initial(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(|c| c.is_ascii_uppercase()) && cs.next().is_none()
}

/// Maximal runs of capitalised tokens, joined by connectors, "&", index numbers.
pub(super) fn cap_runs(prose: &str, toks: &[Token]) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut i = 0;
    // The first word token of the sentence (after an opening quote).
    let first_word = toks
        .iter()
        .position(|t| t.kind != TokenKind::Punct)
        .unwrap_or(0);
    while let Some(tok) = toks.get(i) {
        let t = tok.span.slice(prose);
        if tok.kind != TokenKind::Word || !is_cap(t) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        if !t.ends_with("'s") && !t.ends_with("’s") {
            // `end` is at least `start + 1`: the previous token is the run's.
            while let Some([prev, cur]) = toks.get(end - 1..=end) {
                let w = cur.span.slice(prose);
                let adjacent = cur.span.start() - prev.span.end() <= 1;
                if !adjacent {
                    break;
                }
                if cur.kind == TokenKind::Word && is_cap(w) {
                    end += 1;
                    if w.ends_with("'s") || w.ends_with("’s") {
                        break;
                    }
                } else if w == "."
                    && initial(prev.span.slice(prose))
                    && toks
                        .get(end + 1)
                        .is_some_and(|n| n.kind == TokenKind::Word && is_cap(n.span.slice(prose)))
                {
                    // A middle initial's period: "Damein K. Hamer".
                    end += 1;
                } else if (CONNECTORS.contains(&w) && w != "and" || w == "&")
                    && toks
                        .get(end + 1)
                        .is_some_and(|n| is_cap(n.span.slice(prose)))
                {
                    end += 2;
                } else if (cur.kind == TokenKind::Number
                    && INDEX_NUMBERS.contains(&w)
                    && toks.get(end + 1).is_none_or(|n| n.span.slice(prose) != "%"))
                    || (w == "." && COMPANY_SUFFIXES.contains(&prev.span.slice(prose)))
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
pub(super) fn clean_name(s: &str) -> &str {
    let s = s.trim();
    let s = s
        .strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(s);
    s.trim_matches(|c: char| c == ',' || c == ';' || c == ':' || c == '"')
}

/// Leading words that never begin a name ("The", "On", months) are dropped.
pub(super) fn strip_leading(s: &str, lex: &Lexicon) -> String {
    let words: Vec<&str> = s
        .split_whitespace()
        .skip_while(|w| lex.not_entities.contains(w.trim_end_matches(['.', ','])))
        .collect();
    words.join(" ")
}

/// The parts of a run that can be names: split at words that are never names.
pub(super) fn name_parts(run: &str, lex: &Lexicon) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for w in run.split_whitespace() {
        let bare = w.trim_end_matches(['.', ',']);
        // "Denver-based" describes the name that follows; it is not part of it.
        let modifier = bare.ends_with("-based") || bare.ends_with("-headquartered");
        // Words that never name a thing are dropped at the start of a run
        // ("The", "Shares"); inside a name ("Philadelphia Semiconductor
        // Index") only titles, dates and acronyms such as "CEO" split it.
        // (Asked only where it decides: a lookup and a lower-cased copy.)
        let hard = || {
            bare.chars().all(|c| c.is_ascii_uppercase())
                || crate::extract::date::is_date_word(bare)
                || super::titled(bare)
        };
        if modifier || (lex.not_entities.contains(bare) && (cur.is_empty() || hard())) {
            push_part(&mut parts, &cur);
            cur.clear();
        } else {
            cur.push(w);
        }
    }
    push_part(&mut parts, &cur);
    parts
}

/// Adds the words of a part to `parts`, joined, without connectors at
/// either end (nothing when none are left).
fn push_part(parts: &mut Vec<String>, words: &[&str]) {
    let start = words
        .iter()
        .position(|w| !CONNECTORS.contains(w))
        .unwrap_or(words.len());
    let end = words
        .iter()
        .rposition(|w| !CONNECTORS.contains(w))
        .map_or(start, |i| i + 1);
    if let Some(kept) = words.get(start..end).filter(|k| !k.is_empty()) {
        parts.push(kept.join(" "));
    }
}

pub(super) fn kind_of(name: &str) -> Option<EntityKind> {
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

pub(super) fn is_acronym(name: &str) -> bool {
    (2..=6).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&')
}
