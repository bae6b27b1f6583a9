//! Tokens as the treebanks cut them (UD English): "Meta's" is "Meta" + "'s",
//! "don't" is "do" + "n't", "$3.2bn" is "$" + "3.2" + "bn", "U.S.-based" is
//! "U.S." + "-" + "based", "4.35%" is "4.35" + "%". Every token is a byte
//! span into the text it came from, on character boundaries.

use crate::span::Span;

/// Abbreviations that keep their period ("Inc.", "Jan."), lower case.
const ABBREVIATIONS: &[&str] = &[
    "inc", "corp", "co", "ltd", "plc", "llc", "jr", "sr", "mr", "mrs", "ms", "dr", "prof", "st",
    "vs", "etc", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "approx", "est", "gov", "sen", "rep", "dept", "fig", "mt", "ft", "ave", "gen",
    "lt", "col", "capt", "sgt", "rev", "e.g", "i.e",
];

/// Scale words written straight after a number ("3.2bn", "10m").
const SCALES: &[&str] = &["m", "bn", "b", "k", "mn", "tn", "trn", "pc", "pct"];

const CLITICS: &[&str] = &["s", "re", "ve", "ll", "d", "m"];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// The tokens of `text`, as spans relative to it.
pub fn tokenize(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    // One buffer for the characters of every stretch.
    let mut chars = Vec::new();
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                chunk(text, s, i, &mut chars, &mut out);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        chunk(text, s, text.len(), &mut chars, &mut out);
    }
    out
}

/// Splits the whitespace-free stretch `text[from..to]` (`chars` is a
/// buffer for its characters).
fn chunk(text: &str, from: usize, to: usize, chars: &mut Vec<(usize, char)>, out: &mut Vec<Span>) {
    let Some(s) = text.get(from..to) else {
        return;
    };
    chars.clear();
    chars.extend(s.char_indices());
    let chars = &*chars;
    let next = |k: usize| chars.get(k + 1).map(|x| x.1);
    let prev = |k: usize| k.checked_sub(1).and_then(|j| chars.get(j)).map(|x| x.1);
    let mut k = 0;
    while let Some(&(i, c)) = chars.get(k) {
        if is_apostrophe(c) && prev(k).is_some_and(char::is_alphabetic) && clitic_at(chars, k) {
            // "'s", "'re", "’ll": the clitic with its apostrophe.
            let mut e = k + 1;
            while chars.get(e).is_some_and(|x| x.1.is_alphanumeric()) {
                e += 1;
            }
            let end = chars.get(e).map_or(s.len(), |x| x.0);
            out.push(Span::new(from + i, from + end));
            k = e;
            continue;
        }
        if !c.is_alphanumeric() {
            // "..." is one token; every other symbol stands alone.
            let mut e = k + 1;
            if c == '.' {
                while chars.get(e).is_some_and(|x| x.1 == '.') {
                    e += 1;
                }
            }
            let end = chars.get(e).map_or(s.len(), |x| x.0);
            out.push(Span::new(from + i, from + end));
            k = e;
            continue;
        }
        // A word or number: letters and digits, joined by "." and "," inside
        // numbers, "." in initials, "'" and "&" between letters.
        let mut e = k + 1;
        while let Some(&(_, c)) = chars.get(e) {
            let n = next(e);
            let joins = c.is_alphanumeric()
                || (matches!(c, '.' | ',')
                    && prev(e).is_some_and(|p| p.is_ascii_digit())
                    && n.is_some_and(|n| n.is_ascii_digit()))
                || (c == '.'
                    && n.is_some_and(char::is_alphabetic)
                    && chars.get(k..e).is_some_and(initials_so_far))
                || ((is_apostrophe(c) || c == '&')
                    && prev(e).is_some_and(char::is_alphabetic)
                    && n.is_some_and(char::is_alphabetic)
                    && !clitic_at(chars, e));
            if !joins {
                break;
            }
            e += 1;
        }
        // The word, made only when a period follows it.
        let word = || -> String {
            chars
                .get(k..e)
                .unwrap_or_default()
                .iter()
                .map(|x| x.1)
                .collect()
        };
        // The period of an abbreviation or of initials ("U.S.") stays.
        if chars.get(e).is_some_and(|x| x.1 == '.')
            && chars.get(e + 1).is_none_or(|x| x.1 != '.')
            && (ABBREVIATIONS.contains(&word().to_lowercase().as_str())
                || (chars
                    .get(k..e)
                    .is_some_and(|w| w.iter().any(|x| x.1 == '.'))
                    && chars.get(k..e).is_some_and(initials_so_far)))
        {
            e += 1;
        }
        let end = chars.get(e).map_or(s.len(), |x| x.0);
        let piece = Span::new(from + i, from + end);
        split_word(text, piece, out);
        k = e;
    }
}

/// Whether the characters so far are initials ("U", "U.S").
fn initials_so_far(cs: &[(usize, char)]) -> bool {
    cs.iter().enumerate().all(|(j, x)| {
        if j % 2 == 0 {
            x.1.is_alphabetic()
        } else {
            x.1 == '.'
        }
    })
}

/// Whether an apostrophe at `e` starts a clitic ("'s", "'re", …) that ends
/// the word.
fn clitic_at(chars: &[(usize, char)], e: usize) -> bool {
    let rest: String = chars
        .get(e + 1..)
        .unwrap_or_default()
        .iter()
        .map(|x| x.1)
        .take_while(|c| c.is_alphanumeric())
        .collect();
    CLITICS.contains(&rest.to_lowercase().as_str())
}

/// Splits "n't", a number's scale ("3.2bn") off a word.
fn split_word(text: &str, piece: Span, out: &mut Vec<Span>) {
    let w = piece.slice(text);
    for neg in ["n't", "n\u{2019}t"] {
        let cut = w.len().saturating_sub(neg.len());
        if w.len() > neg.len()
            && w.get(cut..)
                .is_some_and(|end| end.eq_ignore_ascii_case(neg))
        {
            let cut = piece.end() - neg.len();
            out.push(Span::new(piece.start(), cut));
            out.push(Span::new(cut, piece.end()));
            return;
        }
    }
    if let Some(d) = w.rfind(|c: char| c.is_ascii_digit())
        && w.starts_with(|c: char| c.is_ascii_digit())
        && w.get(d + 1..)
            .is_some_and(|scale| SCALES.contains(&scale.to_lowercase().as_str()))
        && d + 1 < w.len()
    {
        let cut = piece.start() + d + 1;
        out.push(Span::new(piece.start(), cut));
        out.push(Span::new(cut, piece.end()));
        return;
    }
    out.push(piece);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|sp| sp.slice(s)).collect()
    }

    #[test]
    fn cuts_as_the_treebanks_do() {
        assert_eq!(
            toks("Meta's U.S.-based unit didn't say, analysts said."),
            [
                "Meta", "'s", "U.S.", "-", "based", "unit", "did", "n't", "say", ",", "analysts",
                "said", "."
            ]
        );
        assert_eq!(
            toks("Shares fell 4.35% to $3.2bn (52,000 chips)..."),
            [
                "Shares", "fell", "4.35", "%", "to", "$", "3.2", "bn", "(", "52,000", "chips", ")",
                "..."
            ]
        );
        assert_eq!(
            toks("Acme Inc. and O'Brien’s AT&T deal on Jan. 5, 2024"),
            [
                "Acme", "Inc.", "and", "O'Brien", "’s", "AT&T", "deal", "on", "Jan.", "5", ",",
                "2024"
            ]
        );
        assert_eq!(
            toks("the companies' “best” 13-inch"),
            ["the", "companies", "'", "“", "best", "”", "13", "-", "inch"]
        );
    }

    #[test]
    fn unicode_stays_on_boundaries() {
        let s = "Zoë’s café — 3½ × 😀!";
        for sp in tokenize(s) {
            assert!(s.is_char_boundary(sp.start()) && s.is_char_boundary(sp.end()));
        }
        assert_eq!(toks(s), ["Zoë", "’s", "café", "—", "3½", "×", "😀", "!"]);
    }
}
