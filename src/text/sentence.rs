//! Sentence segmentation inside blocks.

use crate::ingest::{BlockKind, Document};
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index of the block (paragraph, heading, list item) it belongs to.
    pub block: usize,
    pub kind: BlockKind,
}

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "inc", "corp", "co", "ltd", "plc", "llc", "jr", "sr", "mr", "mrs", "ms", "dr", "prof", "st",
    "vs", "etc", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "approx", "est", "gov", "sen", "rep", "dept", "fig", "mt", "ft", "ave",
];

/// All sentences of a document, in order.
pub fn sentences(doc: &Document) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        for span in split(&doc.prose, block.span) {
            out.push(Sentence {
                span,
                block: i,
                kind: block.kind,
            });
        }
    }
    out
}

/// Splits the text of `block` in `prose` into trimmed sentence spans.
pub(crate) fn split(prose: &str, block: Span) -> Vec<Span> {
    let text = block.slice(prose);
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut start = 0;
    let mut depth: i32 = 0;
    let mut i = 0;
    while i < bytes.len() {
        // The next ".", "!" or "?", found by a vector scan; the brackets
        // before it (in most stretches none) are counted a byte at a time.
        let rest = bytes.get(i..).unwrap_or_default();
        let stop = memchr::memchr3(b'.', b'!', b'?', rest).unwrap_or(rest.len());
        let stretch = rest.get(..stop).unwrap_or_default();
        if memchr::memchr2(b'(', b'[', stretch).is_some()
            || memchr::memchr2(b')', b']', stretch).is_some()
        {
            for &b in stretch {
                match b {
                    b'(' | b'[' => depth += 1,
                    b')' | b']' => depth = (depth - 1).max(0),
                    _ => {}
                }
            }
        }
        i += stop;
        match bytes.get(i) {
            Some(b'.' | b'!' | b'?') if depth == 0 => {
                let mut end = i + 1;
                // Closing quotes and brackets belong to the sentence they end.
                while let Some(c) = text.get(end..).and_then(|rest| rest.chars().next())
                    && matches!(c, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')')
                {
                    end += c.len_utf8();
                }
                if is_boundary(text, i, end) {
                    push_trimmed(&mut spans, text, start, end, block.start());
                    start = end;
                    i = end;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    push_trimmed(&mut spans, text, start, text.len(), block.start());
    spans
}

fn is_boundary(text: &str, punct: usize, end: usize) -> bool {
    // `end` is just past the punctuation, on a character boundary.
    let rest = text.get(end..).unwrap_or("");
    let after_space = rest.trim_start();
    if end < text.len() && after_space.len() == rest.len() {
        return false; // "4.35", "U.S.-based", "a.m.,"
    }
    let Some(next) = after_space.chars().next() else {
        return true;
    };
    if !(next.is_uppercase()
        || next.is_ascii_digit()
        || matches!(
            next,
            '"' | '\u{201c}' | '\'' | '\u{2018}' | '(' | '$' | '€' | '£'
        ))
    {
        return false;
    }
    if text.as_bytes().get(punct) != Some(&b'.') {
        return true;
    }
    // The word the period ends: what follows the last space, bracket or
    // quote before it.
    let before = text.get(..punct).unwrap_or("");
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or(before);
    if word.is_empty() {
        return true;
    }
    // Initials and dotted abbreviations: "U.S", "J", "p.m".
    let dotted = word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.');
    if dotted || (word.chars().count() == 1 && word.chars().all(char::is_uppercase)) {
        return false;
    }
    // The list is ASCII with no "k" (the one letter a non-ASCII capital,
    // the Kelvin sign, lower-cases to): an ASCII comparison that ignores
    // case is the comparison of the word lower-cased, without the copy.
    !ABBREVIATIONS.iter().any(|a| word.eq_ignore_ascii_case(a))
}

/// The longest sentence: a run with no sentence break (a page with no
/// punctuation, an unclosed parenthesis) is cut at the last space before
/// this many bytes, so the work on one sentence stays bounded whatever the
/// input. Sentences this long are not parsed either (see extract).
pub(crate) const MAX_SENTENCE_BYTES: usize = 2_000;

fn push_trimmed(spans: &mut Vec<Span>, text: &str, start: usize, end: usize, base: usize) {
    let mut start = start;
    while end - start > MAX_SENTENCE_BYTES {
        let Some(window) = text.get(start..end) else {
            break;
        };
        // The last space in the first MAX_SENTENCE_BYTES bytes, else the
        // last character boundary there (one very long word).
        let limit = (1..=MAX_SENTENCE_BYTES)
            .rev()
            .find(|&i| window.is_char_boundary(i))
            .unwrap_or(MAX_SENTENCE_BYTES);
        let head = window.get(..limit).unwrap_or(window);
        let cut = match head.rfind(char::is_whitespace) {
            Some(i) if !head.get(..i).unwrap_or("").trim().is_empty() => i,
            _ => limit,
        };
        push_piece(spans, text, start, start + cut, base);
        start += cut;
    }
    push_piece(spans, text, start, end, base);
}

fn push_piece(spans: &mut Vec<Span>, text: &str, start: usize, end: usize, base: usize) {
    let Some(piece) = text.get(start..end) else {
        return;
    };
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let s = start + lead;
        spans.push(Span::new(s + base, s + trimmed.len() + base));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_ascii_lower_case_without_k() {
        // `is_boundary` compares them ignoring ASCII case (see there).
        for a in ABBREVIATIONS {
            assert!(
                a.bytes().all(|b| b.is_ascii_lowercase() && b != b'k'),
                "{a}"
            );
        }
    }

    fn parts(text: &str) -> Vec<&str> {
        split(text, Span::new(0, text.len()))
            .into_iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn keeps_numbers_abbreviations_and_parentheses_whole() {
        assert_eq!(
            parts(
                "Meta Platforms Inc. said revenue was $3.2 billion. The U.S. index fell 4.35% on Jan. 5. Nvidia (down 4. Really.) slid."
            ),
            [
                "Meta Platforms Inc. said revenue was $3.2 billion.",
                "The U.S. index fell 4.35% on Jan. 5.",
                "Nvidia (down 4. Really.) slid."
            ]
        );
    }

    #[test]
    fn quotes_close_with_their_sentence() {
        assert_eq!(
            parts("\"We will sell capacity.\" The stock fell. Why? Nobody knows!"),
            [
                "\"We will sell capacity.\"",
                "The stock fell.",
                "Why?",
                "Nobody knows!"
            ]
        );
    }

    #[test]
    fn a_run_without_breaks_is_cut_at_spaces() {
        let words = "Acme cut 500 jobs and ".repeat(500);
        let pieces = parts(&words);
        assert!(pieces.len() > 1);
        assert!(pieces.iter().all(|p| p.len() <= MAX_SENTENCE_BYTES));
        assert!(pieces.iter().all(|p| p.starts_with("Acme")
            || p.starts_with("cut")
            || p.starts_with("500")
            || p.starts_with("jobs")
            || p.starts_with("and")));
        assert_eq!(
            pieces.concat().len() + pieces.len() - 1,
            words.trim_end().len()
        );
        // One long word is cut on a character boundary.
        let word = "é".repeat(3000);
        let pieces = parts(&word);
        assert_eq!(pieces.concat(), word);
        assert!(pieces.iter().all(|p| p.len() <= MAX_SENTENCE_BYTES));
    }

    #[test]
    fn lowercase_after_period_is_not_a_boundary() {
        assert_eq!(
            parts("It rose 3 p.m. on Friday. ok then."),
            ["It rose 3 p.m. on Friday. ok then."]
        );
    }
}
