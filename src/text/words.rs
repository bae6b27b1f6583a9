//! Word-level search over sentence text: whole-word occurrences of a phrase
//! and the words of a stretch with their offsets.

/// Byte offsets of every whole-word occurrence of `needle` in `hay` (a word
/// boundary is any character that is not a letter or digit).
pub fn find_words(hay: &str, needle: &str) -> Vec<usize> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let mut from = 0;
    while let Some(p) = hay[from..].find(needle) {
        let s = from + p;
        let e = s + needle.len();
        let before = hay[..s].chars().next_back();
        let after = hay[e..].chars().next();
        if before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
        {
            out.push(s);
        }
        // Step one character, so overlapping occurrences are found too.
        from = s + hay[s..].chars().next().map_or(1, char::len_utf8);
        if from >= hay.len() {
            break;
        }
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
