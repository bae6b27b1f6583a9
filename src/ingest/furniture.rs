//! Page furniture: share widgets, comment threads, bylines, disclaimers,
//! hashtags, emoji-only replies. Decided by the structure of a block (short,
//! mostly widget words, a "3h ago" timestamp, few letters) and by the phrase
//! lists in the rules, never by one site's markup.
//!
//! In: candidate blocks over a prose buffer. Out: the blocks that are article
//! content, with everything else blanked in the prose.

use super::{Block, BlockKind, Format, blank, bytes_in, into_string, lossy, plain};
use crate::rules::{FurnitureMatcher, FurnitureRules};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

/// A clock time ("23:02", "9:15"): a line that is only a name, a date and
/// a time is a byline or a masthead.
// reason: a constant pattern, compiled by the furniture tests.
#[allow(clippy::expect_used)]
static CLOCK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)[0-9]{1,2}:[0-9]{2}(?-u:\b)").expect("valid regex"));

// reason: a constant pattern, compiled by the furniture tests.
#[allow(clippy::expect_used)]
static TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)[0-9]{1,3}\s?(?:s|m|h|d|w|mo|y|min|mins|hr|hrs|hours?|days?|weeks?|months?|minutes?|years?)\s+ago(?-u:\b)|(?-u:\b)just now(?-u:\b)|(?-u:\b)(?:yesterday|today) at [0-9]",
    )
    .expect("valid regex")
});

/// A wire dateline opening a paragraph: "NEW YORK, July 14 (Agency) - ".
// reason: a constant pattern, compiled by the furniture tests.
#[allow(clippy::expect_used)]
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}(?:, [A-Z][a-z]{2,8}\.?(?: [0-9]{1,2})?)?(?: \([^)]{1,40}\))? ?[-–—]{1,2} ",
    )
    .expect("valid regex")
});

/// Whether lower-cased text holds what every `TIMESTAMP` match holds: "ago",
/// "now" (of "just now") or "day at " (of "yesterday at 9"). None of these
/// letters has another case outside ASCII, so the pattern's `(?i)` can
/// match them in nothing else. Blocks without are not searched, and a run
/// with none never compiles the pattern.
fn may_be_timestamp(lower: &str) -> bool {
    ["ago", "now", "day at "].iter().any(|w| lower.contains(w))
}

/// Whether text holds a digit, ":" and a digit in a row, as every `CLOCK`
/// match does (the same guard as `may_be_timestamp`).
fn has_clock_digits(text: &str) -> bool {
    text.as_bytes()
        .windows(3)
        .any(|w| matches!(w, [a, b':', c] if a.is_ascii_digit() && c.is_ascii_digit()))
}

/// What a block is, as far as furniture goes.
#[derive(Debug, PartialEq, Eq)]
enum Verdict {
    Content,
    Furniture,
    /// Opens a comment thread: it and everything after it go.
    ThreadStart,
    /// Heads a list of links ("Most read"): it and the list items after it go.
    LinkList,
    /// Long prose with a furniture phrase inside (a page saved on one line,
    /// "We use cookies" among its paragraphs): only the sentences that hold
    /// the phrase go.
    Partly,
}

/// A block of more words than this (or of three sentences or more) is
/// prose, not a widget or a notice: a furniture phrase in it takes out its
/// own sentence, not the block.
const LONG_BLOCK_WORDS: usize = 60;

/// How many sentences end inside a text (`ends_sentence`).
fn sentence_ends(text: &str) -> usize {
    let bytes = text.as_bytes();
    (0..bytes.len())
        .filter(|&i| ends_sentence(bytes, i))
        .count()
}

/// Whether byte `i` ends a sentence: ".", "!" or "?" before a space.
fn ends_sentence(bytes: &[u8], i: usize) -> bool {
    matches!(bytes.get(i), Some(b'.' | b'!' | b'?'))
        && bytes.get(i + 1).is_some_and(|n| n.is_ascii_whitespace())
}

pub(super) fn remove(
    prose: Vec<u8>,
    blocks: Vec<Block>,
    format: Format,
    rules: &FurnitureRules,
) -> (String, Vec<Block>) {
    let mut prose = prose;
    let mut kept = Vec::with_capacity(blocks.len());
    let mut seen_content = false;
    let mut cut = false;
    let mut in_link_list = false;
    // Patterns were validated when the rules were loaded.
    let matcher = rules.matcher();
    for block in blocks {
        if in_link_list && block.kind == BlockKind::ListItem {
            blank(&mut prose, block.span);
            continue;
        }
        in_link_list = false;
        let verdict = if cut {
            Verdict::Furniture
        } else {
            let text = lossy(bytes_in(&prose, block.span));
            classify(&text, seen_content, rules, &matcher)
        };
        match verdict {
            Verdict::Content => {
                seen_content = true;
                super::cards::blank_name_cards(&mut prose, block.span);
                kept.push(strip_dateline(&mut prose, block));
            }
            Verdict::Furniture => blank(&mut prose, block.span),
            Verdict::ThreadStart => {
                cut = true;
                blank(&mut prose, block.span);
            }
            Verdict::LinkList => {
                in_link_list = true;
                blank(&mut prose, block.span);
            }
            Verdict::Partly => {
                seen_content = true;
                blank_furniture_sentences(&mut prose, block.span, &matcher);
                super::cards::blank_name_cards(&mut prose, block.span);
                kept.push(strip_dateline(&mut prose, block));
            }
        }
    }
    let prose = into_string(prose);
    let kept = match format {
        Format::Text => plain::join_wrapped(&prose, kept),
        _ => kept,
    };
    let kept = kept
        .into_iter()
        .filter(|b| b.kind != BlockKind::Caption || !b.span.slice(&prose).trim().is_empty())
        .collect();
    (prose, kept)
}

/// Whether text holds one of the rules' furniture phrases or matches one of
/// the user's patterns (`lower` is the text lower-cased).
fn has_furniture_phrase(text: &str, lower: &str, matcher: &FurnitureMatcher) -> bool {
    matcher.has_phrase(lower) || matcher.patterns.iter().any(|re| re.is_match(text))
}

/// Blanks the sentences of the block at `span` that hold a furniture phrase
/// (`Verdict::Partly`); a sentence ends at ".", "!" or "?" before a space,
/// or at a line break.
fn blank_furniture_sentences(prose: &mut [u8], span: Span, matcher: &FurnitureMatcher) {
    let bytes = bytes_in(prose, span);
    let mut pieces = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let end = b == b'\n' || ends_sentence(bytes, i);
        if end {
            pieces.push((start, i + 1));
            start = i + 1;
        }
    }
    pieces.push((start, bytes.len()));
    let furniture: Vec<Span> = pieces
        .into_iter()
        .filter(|&(a, b)| {
            let text = lossy(bytes.get(a..b).unwrap_or_default());
            has_furniture_phrase(&text, &text.to_lowercase(), matcher)
        })
        .map(|(a, b)| Span::new(span.start() + a, span.start() + b))
        .collect();
    for piece in furniture {
        blank(prose, piece);
    }
}

/// Blanks a leading dateline and returns the block without it.
fn strip_dateline(prose: &mut [u8], block: Block) -> Block {
    let text = lossy(bytes_in(prose, block.span));
    // A dateline opens with two capitals (or a capital and one of . ' -):
    // other blocks are not searched, and a run with none never compiles
    // the pattern.
    let opens = matches!(
        text.as_bytes(),
        [b'A'..=b'Z', b'A'..=b'Z' | b'.' | b'\'' | b'-', ..]
    );
    let dateline = opens
        .then(|| DATELINE.find(&text))
        .flatten()
        .map(|m| m.end())
        .filter(|&end| end < text.len());
    drop(text);
    match dateline {
        Some(end) => {
            let cut = Span::new(block.span.start(), block.span.start() + end);
            blank(prose, cut);
            Block {
                span: Span::new(cut.end(), block.span.end()),
                kind: block.kind,
            }
        }
        _ => block,
    }
}

fn classify(
    text: &str,
    seen_content: bool,
    rules: &FurnitureRules,
    matcher: &FurnitureMatcher,
) -> Verdict {
    let trimmed = text.trim();
    let lower = trimmed.to_lowercase();
    // Only a short block's words are read: past 12, only the count matters.
    // (Held in place, not in vectors: every block is classified.)
    let mut held = [""; 13];
    let found = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .filter(|w| !w.is_empty());
    let n = held
        .iter_mut()
        .zip(found)
        .map(|(slot, w)| *slot = w)
        .count();
    let words = held.get(..n).unwrap_or_default();
    let short = words.len() <= 12;
    let mut alpha = [""; 13];
    let na = match short {
        true => alpha
            .iter_mut()
            .zip(words.iter().filter(|w| w.chars().any(char::is_alphabetic)))
            .map(|(slot, w)| *slot = w)
            .count(),
        false => 0,
    };
    let alpha_words = alpha.get(..na).unwrap_or_default();

    if short && is_comment_marker(&lower, words, matcher) {
        return Verdict::ThreadStart;
    }
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if rules
        .section_markers
        .iter()
        .any(|m| m.eq_ignore_ascii_case(bare))
    {
        return Verdict::LinkList;
    }
    if short && may_be_timestamp(&lower) && TIMESTAMP.is_match(&lower) {
        return if seen_content {
            Verdict::ThreadStart
        } else {
            Verdict::Furniture
        };
    }
    if has_furniture_phrase(trimmed, &lower, matcher) {
        // Only a short block's words were collected: count a long one's.
        let long = !short && lower.split_whitespace().count() > LONG_BLOCK_WORDS;
        return if long || sentence_ends(trimmed) >= 3 {
            Verdict::Partly
        } else {
            Verdict::Furniture
        };
    }
    if short
        && !lower.contains(['%', '$', '€', '£'])
        && matcher
            .metadata_prefixes
            .iter()
            .any(|p| lower.starts_with(p.as_str()))
    {
        return Verdict::Furniture;
    }
    if short && !alpha_words.is_empty() && !lower.contains(['%', '$', '€', '£']) {
        let widget = alpha_words
            .iter()
            .filter(|w| matcher.is_widget_word(w))
            .count();
        if widget * 2 >= alpha_words.len() {
            let replies = alpha_words.iter().any(|w| w.starts_with("repl"));
            return if replies && seen_content {
                Verdict::ThreadStart
            } else {
                Verdict::Furniture
            };
        }
    }
    // "Metro Express, 9 June 2026, 23:02 | Comments (57)": a masthead line.
    if short
        && has_clock_digits(&lower)
        && CLOCK.is_match(&lower)
        && !plain_sentence(trimmed)
        && !lower.contains(['%', '$', '€', '£'])
    {
        return Verdict::Furniture;
    }
    // Navigation bars: short runs of words between separators, no sentence.
    if short && trimmed.matches(['|', '·', '•', '/']).nth(1).is_some() && !plain_sentence(trimmed)
    {
        return Verdict::Furniture;
    }
    let mut tokens = trimmed.split_whitespace().peekable();
    if tokens.peek().is_some() && tokens.all(|t| t.starts_with(['#', '@'])) {
        return Verdict::Furniture;
    }
    let (non_space, letters) = non_space_and_letters(trimmed);
    if non_space > 0 && letters * 5 < non_space * 2 && !lower.contains(['%', '$', '€', '£']) {
        return Verdict::Furniture;
    }
    Verdict::Content
}

/// How many characters of `s` are not white space, and how many are letters.
fn non_space_and_letters(s: &str) -> (usize, usize) {
    if s.is_ascii() {
        // Byte by byte, as the characters' own tests count ASCII (white
        // space is the space and tab to carriage return); two plain counts,
        // which the compiler does many bytes at a time.
        let b = s.as_bytes();
        let space = b
            .iter()
            .filter(|&&b| matches!(b, b'\t'..=b'\r' | b' '))
            .count();
        let letters = b.iter().filter(|b| b.is_ascii_alphabetic()).count();
        return (b.len() - space, letters);
    }
    s.chars().fold((0, 0), |(n, l), c| {
        (
            n + usize::from(!c.is_whitespace()),
            l + usize::from(c.is_alphabetic()),
        )
    })
}

/// Ends like a sentence and has a lowercase word: prose, not a menu.
fn plain_sentence(s: &str) -> bool {
    s.ends_with(['.', '!', '?'])
        && s.split_whitespace()
            .skip(1)
            .any(|w| w.starts_with(char::is_lowercase))
}

fn is_comment_marker(lower: &str, words: &[&str], matcher: &FurnitureMatcher) -> bool {
    if words.len() > 6 {
        return false;
    }
    let stripped: String = lower
        .trim_matches(|c: char| !c.is_alphabetic())
        .split_whitespace()
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit() || "()[]".contains(c)))
        .collect::<Vec<_>>()
        .join(" ");
    let stripped = stripped.trim_end_matches(|c: char| !c.is_alphabetic());
    matcher.comment_markers.iter().any(|m| stripped == m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rules;

    #[test]
    fn the_guards_pass_whatever_the_patterns_match() {
        for t in [
            "3h ago",
            "5 MINUTES AGO",
            "just now",
            "ju\u{17f}t now",
            "Yesterday at 9",
            "today at 10pm",
        ] {
            let lower = t.to_lowercase();
            assert!(
                TIMESTAMP.is_match(&lower) && may_be_timestamp(&lower),
                "{t}"
            );
        }
        for t in ["23:02", "at 9:15."] {
            assert!(CLOCK.is_match(t) && has_clock_digits(t), "{t}");
        }
        assert!(!may_be_timestamp("revenue rose 5% on monday.") && !has_clock_digits("a: 5"));
    }

    fn verdict(text: &str, seen: bool) -> Verdict {
        let rules = Rules::defaults().furniture;
        classify(text, seen, &rules, &rules.matcher())
    }

    #[test]
    fn ascii_is_counted_as_its_characters_are() {
        let all: String = (0u8..128).map(char::from).collect();
        let by_char = |s: &str| {
            s.chars().fold((0, 0), |(n, l), c| {
                (
                    n + usize::from(!c.is_whitespace()),
                    l + usize::from(c.is_alphabetic()),
                )
            })
        };
        assert_eq!(non_space_and_letters(&all), by_char(&all));
        assert_eq!(non_space_and_letters("Präsident 4 · x"), (12, 10));
    }

    #[test]
    fn widgets_timestamps_and_emoji_are_furniture() {
        assert_eq!(verdict("Like · Share · Save", true), Verdict::Furniture);
        assert_eq!(
            verdict("Share on Facebook | Twitter | Email", true),
            Verdict::Furniture
        );
        assert_eq!(verdict("👍🔥🔥 12", true), Verdict::Furniture);
        assert_eq!(verdict("#Meta #AI #stocks", true), Verdict::Furniture);
        assert_eq!(
            verdict("Markets | Tech | Opinion | Video", false),
            Verdict::Furniture
        );
        assert_eq!(
            verdict("Updated 15 July 2026, 10:32 BST", false),
            Verdict::Furniture
        );
        assert_eq!(
            verdict("Metro Express, 9 June 2026, 23:02 | Comments (57)", false),
            Verdict::Furniture
        );
        // A sentence with a time is prose.
        assert_eq!(
            verdict("The bridge fell at 17:30 on Tuesday, police said.", false),
            Verdict::Content
        );
        assert_eq!(
            verdict("The views expressed here are not investment advice.", true),
            Verdict::Furniture
        );
    }

    #[test]
    fn datelines_are_cut_from_paragraphs() {
        let text = "NEW YORK, July 14 (Markets Daily) - Shares fell 4%.";
        let mut prose = text.as_bytes().to_vec();
        let b = strip_dateline(
            &mut prose,
            Block {
                span: Span::new(0, text.len()),
                kind: BlockKind::Paragraph,
            },
        );
        assert_eq!(b.span.slice(text), "Shares fell 4%.");
        assert!(
            String::from_utf8(prose)
                .unwrap()
                .trim_start()
                .starts_with("Shares")
        );
        let plain = "Nvidia fell 4% - a drop.";
        let mut prose = plain.as_bytes().to_vec();
        let b = strip_dateline(
            &mut prose,
            Block {
                span: Span::new(0, plain.len()),
                kind: BlockKind::Paragraph,
            },
        );
        assert_eq!(b.span.slice(plain), plain);
    }

    #[test]
    fn comment_threads_cut_the_rest() {
        assert_eq!(verdict("24 Comments", true), Verdict::ThreadStart);
        assert_eq!(verdict("Comments (12)", true), Verdict::ThreadStart);
        assert_eq!(verdict("trader_joe88 · 3h ago", true), Verdict::ThreadStart);
        assert_eq!(verdict("Like · Reply · 5", true), Verdict::ThreadStart);
    }

    #[test]
    fn article_sentences_are_content() {
        for s in [
            "Nvidia shares fell 4.35% on Tuesday.",
            "Share prices of chipmakers slid 6% after the report.",
            "By Tuesday's close, the index had lost 6.27% of its value in two sessions.",
            "Chip stocks slide",
            "By Tuesday's close, Nvidia was down 4%.",
        ] {
            assert_eq!(verdict(s, true), Verdict::Content, "{s}");
        }
    }
}
