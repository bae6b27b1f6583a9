//! What the tagger and parser see of a word: hashes of its normalised form,
//! affixes and shape, computed once per token.

use super::hash;

/// The features of one word form.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct WordKey {
    /// Lower case, digits written as 0 ("4.35" → "0.00").
    pub norm: u64,
    /// The form as written (case matters for proper nouns).
    pub exact: u64,
    pub prefix1: u64,
    pub suffix1: u64,
    pub suffix2: u64,
    pub suffix3: u64,
    pub suffix4: u64,
    /// Case and character classes, runs collapsed ("Meta" → "Xx", "U.S." → "X.X.").
    pub shape: u64,
}

impl WordKey {
    pub fn new(form: &str) -> WordKey {
        if form.is_ascii() {
            return WordKey::ascii(form);
        }
        let norm: String = form
            .chars()
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .flat_map(char::to_lowercase)
            .collect();
        // The last `n` characters (all of a shorter word), hashed in place.
        let suffix = |n: usize| -> u64 {
            let at = norm
                .char_indices()
                .rev()
                .nth(n.saturating_sub(1))
                .map_or(0, |(i, _)| i);
            hash::text(norm.get(at..).unwrap_or_default())
        };
        let prefix = norm.chars().next().map_or(0, u64::from);
        WordKey {
            norm: hash::text(&norm),
            exact: hash::text(form),
            prefix1: prefix,
            suffix1: suffix(1),
            suffix2: suffix(2),
            suffix3: suffix(3),
            suffix4: suffix(4),
            shape: hash::text(&shape(form)),
        }
    }

    /// `new` for an ASCII word, with no copy made: a character is a byte,
    /// lower-cased byte-wise (as `char::to_lowercase` lower-cases ASCII),
    /// and each hash is taken of the bytes as they are mapped.
    fn ascii(form: &str) -> WordKey {
        let bytes = form.as_bytes();
        let norm = |b: &u8| {
            if b.is_ascii_digit() {
                b'0'
            } else {
                b.to_ascii_lowercase()
            }
        };
        // The last `n` characters (all of a shorter word).
        let suffix = |n: usize| -> u64 {
            let tail = bytes.get(bytes.len().saturating_sub(n)..);
            hash::bytes(tail.unwrap_or_default().iter().map(norm))
        };
        WordKey {
            norm: hash::bytes(bytes.iter().map(norm)),
            exact: hash::text(form),
            prefix1: bytes.first().map_or(0, |b| u64::from(norm(b))),
            suffix1: suffix(1),
            suffix2: suffix(2),
            suffix3: suffix(3),
            suffix4: suffix(4),
            shape: shape_hash(form),
        }
    }

    /// The key of a position outside the sentence.
    pub fn padding(which: u64) -> WordKey {
        WordKey {
            norm: which,
            exact: which,
            prefix1: which,
            suffix1: which,
            suffix2: which,
            suffix3: which,
            suffix4: which,
            shape: which,
        }
    }
}

/// `hash::text(&shape(form))` of an ASCII word, with no copy made.
fn shape_hash(form: &str) -> u64 {
    let mut h = hash::FNV_START;
    let mut last = None;
    for &b in form.as_bytes().iter().take(12) {
        let k = if b.is_ascii_uppercase() {
            b'X'
        } else if b.is_ascii_lowercase() {
            b'x'
        } else if b.is_ascii_digit() {
            b'd'
        } else {
            b
        };
        if Some(k) != last {
            h = hash::fnv(h, k);
        }
        last = Some(k);
    }
    h
}

/// "Meta" → "Xx", "NASDAQ" → "X", "4.35%" → "d.d%", "iPhone" → "xXx".
pub(crate) fn shape(form: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    for c in form.chars().take(12) {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if Some(k) != last {
            out.push(k);
        }
        last = Some(k);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Meta"), "Xx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("4.35"), "d.d");
        assert_eq!(shape("iPhone"), "xXx");
    }

    #[test]
    fn suffixes_are_the_last_characters() {
        for (form, tails) in [
            ("Straße", ["e", "ße", "aße", "raße"]),
            ("Ab", ["b", "ab", "ab", "ab"]),
            ("é", ["é", "é", "é", "é"]),
        ] {
            let k = WordKey::new(form);
            let got = [k.suffix1, k.suffix2, k.suffix3, k.suffix4];
            assert_eq!(got, tails.map(hash::text), "{form}");
        }
        assert_eq!(WordKey::new("").suffix1, hash::text(""));
    }

    #[test]
    fn ascii_words_key_as_the_general_path_keys_them() {
        for form in [
            "Meta",
            "NASDAQ",
            "4.35%",
            "iPhone",
            "U.S.",
            "a",
            "",
            "x-1,2'B",
            "Straßburg",
        ] {
            let general = |f: &str| {
                let norm: String = f
                    .chars()
                    .map(|c| if c.is_ascii_digit() { '0' } else { c })
                    .flat_map(char::to_lowercase)
                    .collect();
                (hash::text(&norm), hash::text(&shape(f)))
            };
            let k = WordKey::new(form);
            assert_eq!((k.norm, k.shape), general(form), "{form}");
        }
        let k = WordKey::new("Ab1");
        assert_eq!(k.prefix1, u64::from('a'));
        assert_eq!(k.suffix2, hash::text("b0"));
        assert_eq!(k.suffix4, hash::text("ab0"));
    }

    #[test]
    fn numbers_share_a_form() {
        assert_eq!(WordKey::new("4.35").norm, WordKey::new("7.12").norm);
        assert_ne!(WordKey::new("4.35").norm, WordKey::new("4,35").norm);
        assert_eq!(WordKey::new("Rose").norm, WordKey::new("rose").norm);
        assert_ne!(WordKey::new("Rose").exact, WordKey::new("rose").exact);
    }
}
