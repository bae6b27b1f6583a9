//! Markdown through pulldown-cmark: only text events are copied into the
//! prose; markers, link targets, images, code blocks and HTML are blanked.
//! Each paragraph, heading, list item and table cell becomes a block.

use super::{Block, BlockKind, blank_copy};
use crate::span::Span;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

pub(super) fn blocks(text: &str) -> (Vec<u8>, Vec<Block>) {
    let mut prose = blank_copy(text);
    let mut blocks = Vec::new();
    let mut stack: Vec<BlockKind> = Vec::new();
    let mut current: Option<(BlockKind, usize, usize)> = None;
    let mut in_code = 0usize;
    let mut in_image = 0usize;
    let flush = |current: &mut Option<(BlockKind, usize, usize)>, blocks: &mut Vec<Block>| {
        if let Some((kind, s, e)) = current.take() {
            blocks.push(Block {
                span: Span::new(s, e),
                kind,
            });
        }
    };
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                let kind = match tag {
                    Tag::Paragraph => Some(BlockKind::Paragraph),
                    Tag::Heading { .. } => Some(BlockKind::Heading),
                    Tag::Item => Some(BlockKind::ListItem),
                    Tag::TableCell => Some(BlockKind::Paragraph),
                    Tag::CodeBlock(_) => {
                        in_code += 1;
                        None
                    }
                    Tag::Image { .. } => {
                        in_image += 1;
                        None
                    }
                    _ => None,
                };
                if let Some(k) = kind {
                    flush(&mut current, &mut blocks);
                    stack.push(k);
                }
            }
            Event::End(tag) => match tag {
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell => {
                    flush(&mut current, &mut blocks);
                    stack.pop();
                }
                TagEnd::CodeBlock => in_code = in_code.saturating_sub(1),
                TagEnd::Image => in_image = in_image.saturating_sub(1),
                _ => {}
            },
            Event::Text(_) | Event::Code(_) if in_code == 0 && in_image == 0 => {
                let Some(&kind) = stack.last() else { continue };
                if let (Some(to), Some(from)) = (
                    prose.get_mut(range.clone()),
                    text.as_bytes().get(range.clone()),
                ) {
                    to.copy_from_slice(from);
                }
                current = match current {
                    Some((k, s, _)) => Some((k, s, range.end)),
                    None => Some((kind, range.start, range.end)),
                };
            }
            _ => {}
        }
    }
    flush(&mut current, &mut blocks);
    // Inline code keeps its text but not its backticks.
    for b in prose.iter_mut() {
        if *b == b'`' {
            *b = b' ';
        }
    }
    (prose, blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_blanked_and_blocks_follow_structure() {
        let text = "# Chips **slide**\n\n- [Nvidia](https://x.test) fell 4%\n- AMD fell 6%\n\n<!-- note -->\n";
        let (prose, blocks) = blocks(text);
        let prose = String::from_utf8(prose).unwrap();
        assert_eq!(prose.len(), text.len());
        assert!(!prose.contains("https"));
        assert!(!prose.contains("note"));
        let texts: Vec<_> = blocks.iter().map(|b| b.span.slice(&prose)).collect();
        let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(words(texts[0]), "Chips slide");
        assert_eq!(words(texts[1]), "Nvidia fell 4%");
        assert_eq!(blocks[0].kind, BlockKind::Heading);
        assert_eq!(blocks[2].kind, BlockKind::ListItem);
    }
}
