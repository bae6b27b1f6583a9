//! Plain text: every non-blank line is a candidate block; bullet markers are
//! blanked; after furniture removal, wrapped lines of one paragraph are joined.

use super::{Block, BlockKind};
use crate::span::Span;

/// Per-line blocks of a plain-text file, with list markers blanked.
pub(super) fn blocks(text: &str) -> (Vec<u8>, Vec<Block>) {
    let mut prose = text.as_bytes().to_vec();
    let mut blocks = Vec::new();
    let lines: Vec<(usize, &str)> = line_spans(text).collect();
    for (i, &(start, line)) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let mut content_start = start + lead;
        let mut kind = BlockKind::Paragraph;
        if let Some(marker) = list_marker(trimmed) {
            for b in prose
                .get_mut(content_start..content_start + marker)
                .into_iter()
                .flatten()
            {
                *b = b' ';
            }
            content_start += marker;
            kind = BlockKind::ListItem;
        } else {
            let next_blank = lines.get(i + 1).is_none_or(|(_, l)| l.trim().is_empty());
            let prev_blank = i
                .checked_sub(1)
                .and_then(|p| lines.get(p))
                .is_none_or(|(_, l)| l.trim().is_empty());
            if prev_blank && next_blank && !ends_sentence(trimmed) {
                kind = BlockKind::Heading;
            }
        }
        let end = start + line.trim_end().len();
        if content_start < end {
            blocks.push(Block {
                span: Span::new(content_start, end),
                kind,
            });
        }
    }
    (prose, blocks)
}

/// Joins consecutive paragraph lines (a paragraph wrapped over several lines).
pub(super) fn join_wrapped(prose: &str, blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for b in blocks {
        if let Some(last) = out.last_mut() {
            let one_newline = prose
                .get(last.span.end()..b.span.start())
                .is_some_and(|gap| gap.bytes().filter(|&c| c == b'\n').count() == 1);
            if last.kind == BlockKind::Paragraph
                && b.kind == BlockKind::Paragraph
                && one_newline
                && !ends_sentence(last.span.slice(prose).trim_end())
            {
                last.span = Span::new(last.span.start(), b.span.end());
                continue;
            }
        }
        out.push(b);
    }
    out
}

fn line_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    text.split_inclusive('\n').map(move |l| {
        let s = start;
        start += l.len();
        (s, l.trim_end_matches(['\n', '\r']))
    })
}

/// Byte length of a bullet or number marker at the start of a trimmed line.
fn list_marker(line: &str) -> Option<usize> {
    for m in ["- ", "* ", "• ", "· ", "– ", "+ "] {
        if line.starts_with(m) {
            return Some(m.len());
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        // Digits are one byte each: `digits` is a character boundary.
        if line
            .get(digits..)
            .is_some_and(|rest| rest.starts_with(". ") || rest.starts_with(") "))
        {
            return Some(digits + 2);
        }
    }
    None
}

pub(crate) fn ends_sentence(s: &str) -> bool {
    s.ends_with(['.', '!', '?', ':', '"', '\u{201d}', ')', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_blocks_with_markers_blanked() {
        let text = "Chip stocks slide\n\nNvidia fell 4%.\n- AMD (-6.4%)\n";
        let (prose, blocks) = blocks(text);
        let prose = String::from_utf8(prose).unwrap();
        let kinds: Vec<_> = blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading,
                BlockKind::Paragraph,
                BlockKind::ListItem
            ]
        );
        assert_eq!(blocks[2].span.slice(&prose), "AMD (-6.4%)");
    }

    #[test]
    fn wrapped_lines_join_into_one_paragraph() {
        let text = "Nvidia fell 4% on\nTuesday, traders said.\nA second one.\n";
        let (prose, b) = blocks(text);
        let prose = String::from_utf8(prose).unwrap();
        let joined = join_wrapped(&prose, b);
        assert_eq!(joined.len(), 2);
        assert_eq!(
            joined[0].span.slice(&prose),
            "Nvidia fell 4% on\nTuesday, traders said."
        );
    }
}
