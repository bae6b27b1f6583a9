//! Word-level search over sentence text: whole-word occurrences of a phrase
//! and the words of a stretch with their offsets.

/// Byte offsets of every whole-word occurrence of `needle` in `hay` (a word
/// boundary is any character that is not a letter or digit).
pub fn find_words(hay: &str, needle: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return out;
    };
    // A plain scan: haystacks are sentences and needles a few words, so
    // building a substring searcher per call (as `str::find` does) costs
    // more than it saves. The needle's first byte starts a character, so a
    // match never begins inside one.
    let mut i = 0;
    while i + n.len() <= h.len() {
        if h[i] == first && h.get(i..i + n.len()) == Some(n) {
            let e = i + n.len();
            let before = hay[..i].chars().next_back();
            let after = hay[e..].chars().next();
            if before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
            {
                out.push(i);
            }
        }
        i += 1;
    }
    out
}

/// The words of `s` (runs of letters, digits and hyphens) with their offsets.
pub fn word_spans(s: &str) -> Vec<(usize, &str)> {
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
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only_and_multibyte_safe() {
        assert_eq!(find_words("up to, upto, setup up", "up"), [0, 19]);
        assert_eq!(find_words("éé é", "é"), [5]);
        assert_eq!(find_words("the company's", "the company"), [0]);
    }

    #[test]
    fn words_with_offsets() {
        assert_eq!(
            word_spans("Meta's non-core 4.35%"),
            [
                (0, "Meta"),
                (5, "s"),
                (7, "non-core"),
                (16, "4"),
                (18, "35")
            ]
        );
    }
}
