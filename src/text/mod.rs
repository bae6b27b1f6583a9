//! Text: sentences and tokens with byte spans, computed over a document's
//! prose (markup and furniture already blanked).
//!
//! In: a `Document`. Out: `Sentence`s (each inside one block) and `Token`s.
//! Never: splits inside a number ("4.35%", "$3.2 billion"), after an
//! abbreviation ("Inc.", "U.S.", "Jan. 5") or inside parentheses.

pub(crate) mod pattern;
mod sentence;
mod sym;
mod token;
mod word_hash;
mod words;

pub use sentence::{Sentence, sentences};
pub use sym::{Interner, Sym};
pub use token::{Token, TokenKind, tokenize};
pub use word_hash::{QuickMap, QuickSet, WordHasher, WordSet};
pub(crate) use words::Automaton;
pub use words::{
    GroupHits, PhraseGroup, PhraseHits, PhraseScan, PhraseSet, Words, WordsRev, find_word,
    find_words, first_word, has_word, word_spans, words, words_rev,
};

/// Lower case that keeps every byte offset: a character whose lower case has
/// another UTF-8 length ("İ") stays as it is. Offsets found in the folded
/// text are offsets in the original.
/// ASCII, most of any English text, is folded a byte at a time.
pub fn fold_case(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let mut lower = c.to_lowercase();
        out.push(match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
            _ => c,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_lengths() {
        for s in ["İstanbul Shares", "ΣΑΣ", "Straße ẞ", "Nvidia 4.35%"] {
            assert_eq!(fold_case(s).len(), s.len(), "{s}");
        }
        assert_eq!(fold_case("Nvidia FELL"), "nvidia fell");
        assert_eq!(fold_case("ΣΑΣ Nvidia İ"), "σασ nvidia İ");
    }
}
