//! Tokens: words, numbers and punctuation with byte spans. A number keeps its
//! thousands separators and decimal point ("52,000", "4.35") as one token.

use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// The character starting at byte `i` of `s` (a character boundary), read
/// byte-wise when it is ASCII.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        Some(char::from(b))
    } else {
        s.get(i..)?.chars().next()
    }
}

/// Tokens of `span` within `text`.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let s = span.slice(text);
    let bytes = s.as_bytes();
    // Spans are made in document offsets directly.
    let base = span.start();
    // About one token per four bytes of news text: grown once or never.
    let mut out = Vec::with_capacity(s.len() / 4 + 1);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII is read by the byte's class; other characters decoded.
        let (kind, len) = match b {
            b' ' | b'\t'..=b'\r' => {
                i += 1;
                continue;
            }
            b'0'..=b'9' => (TokenKind::Number, 1),
            b'a'..=b'z' | b'A'..=b'Z' => (TokenKind::Word, 1),
            0..=0x7f => (TokenKind::Punct, 1),
            _ => {
                let Some(c) = char_at(s, i) else { break };
                let len = c.len_utf8();
                if c.is_whitespace() {
                    i += len;
                    continue;
                }
                let kind = if c.is_alphanumeric() {
                    TokenKind::Word
                } else {
                    TokenKind::Punct
                };
                (kind, len)
            }
        };
        if kind == TokenKind::Punct {
            out.push(Token {
                span: Span::new(base + i, base + i + len),
                kind,
            });
            i += len;
            continue;
        }
        let mut end = i + len;
        // ASCII letters and digits always join, a space or other ASCII mark
        // never does but "." "," "'" "-" may (decided below).
        while let Some(&d) = bytes.get(end) {
            if d != b'-' && super::words::word_byte(d) {
                end += 1;
                continue;
            }
            if d.is_ascii() && !matches!(d, b'.' | b',' | b'\'' | b'-') {
                break;
            }
            let Some(d) = char_at(s, end) else { break };
            let next = end + d.len_utf8();
            let joins = d.is_alphanumeric()
                || (matches!(d, '.' | ',' | '\'' | '\u{2019}' | '-')
                    && char_at(s, next).is_some_and(|n| match kind {
                        TokenKind::Number => n.is_ascii_digit() && d != '\'' && d != '-',
                        _ => n.is_alphanumeric() && d != ',' && d != '.',
                    }));
            if !joins {
                break;
            }
            end = next;
        }
        out.push(Token {
            span: Span::new(base + i, base + end),
            kind,
        });
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_stay_whole_and_spans_point_into_the_text() {
        let text = "xx Meta's 52,000 chips fell 4.35%, a U.S.-based gauge.";
        let toks = tokenize(text, Span::new(3, text.len()));
        let words: Vec<_> = toks.iter().map(|t| t.span.slice(text)).collect();
        assert_eq!(
            words,
            [
                "Meta's", "52,000", "chips", "fell", "4.35", "%", ",", "a", "U", ".", "S", ".",
                "-", "based", "gauge", "."
            ]
        );
        assert_eq!(toks[1].kind, TokenKind::Number);
    }
}
