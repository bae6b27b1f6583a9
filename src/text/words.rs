//! Word-level search over sentence text: whole-word occurrences of a phrase
//! and the words of a stretch with their offsets.

/// Byte offsets of every whole-word occurrence of `needle` in `hay` (a word
/// boundary is any character that is not a letter or digit).
pub fn find_words(hay: &str, needle: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = next_word(hay, needle, from) {
        out.push(at);
        from = at + 1;
    }
    out
}

/// Whether `needle` occurs in `hay` as whole words.
pub fn has_word(hay: &str, needle: &str) -> bool {
    next_word(hay, needle, 0).is_some()
}

/// The first whole-word occurrence of `needle` in `hay` at or after byte
/// `from`. Haystacks are sentences and needles a few words, so a searcher
/// built per call (as `str::find` builds) costs more than it saves; a SIMD
/// scan for the needle's first byte finds the candidates. That byte starts
/// a character, so a match never begins inside one.
fn next_word(hay: &str, needle: &str, mut from: usize) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let &first = n.first()?;
    while let Some(k) = h.get(from..).and_then(|rest| memchr::memchr(first, rest)) {
        let at = from + k;
        let end = at + n.len();
        if h.get(at..end)? == n {
            let before = hay.get(..at).and_then(|b| b.chars().next_back());
            let after = hay.get(end..).and_then(|a| a.chars().next());
            if before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
            {
                return Some(at);
            }
        }
        from = at + 1;
    }
    None
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
                out.extend(s.get(s0..i).map(|w| (s0, w)));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s0) = start {
        out.extend(s.get(s0..).map(|w| (s0, w)));
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
        assert_eq!(find_words("up", "up to"), Vec::<usize>::new());
        assert!(has_word("set it up.", "up") && !has_word("setup", "up"));
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
