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
    fn numbers_share_a_form() {
        assert_eq!(WordKey::new("4.35").norm, WordKey::new("7.12").norm);
        assert_ne!(WordKey::new("4.35").norm, WordKey::new("4,35").norm);
        assert_eq!(WordKey::new("Rose").norm, WordKey::new("rose").norm);
        assert_ne!(WordKey::new("Rose").exact, WordKey::new("rose").exact);
    }
}
