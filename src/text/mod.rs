//! Text: sentences and tokens with byte spans, computed over a document's
//! prose (markup and furniture already blanked).
//!
//! In: a `Document`. Out: `Sentence`s (each inside one block) and `Token`s.
//! Never: splits inside a number ("4.35%", "$3.2 billion"), after an
//! abbreviation ("Inc.", "U.S.", "Jan. 5") or inside parentheses.

mod sentence;
mod token;

pub use sentence::{Sentence, sentences};
pub use token::{Token, TokenKind, tokenize};
