//! HTML through html5gum, a WHATWG-compliant tokenizer that reports byte
//! spans. Text of the article body is copied into the prose at its own
//! offsets (entities are written where they stand, padded with spaces);
//! scripts, styles, navigation, forms, asides, footers and elements whose
//! class or id names a widget (share, comments, cookie, newsletter …, from
//! the rules) are left blank. Headings, paragraphs, list items and captions
//! become blocks; text loose in a `div` becomes a paragraph.

use super::{Block, BlockKind, blank_copy, lossy};
use crate::span::Span;
use html5gum::{DefaultEmitter, Token, Tokenizer};

/// Elements whose whole content is never article text.
const SKIP: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "form",
    "button", "select", "textarea", "iframe", "object", "canvas", "video", "audio", "title",
    "menu", "dialog",
];
/// Elements that never have an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];
/// Elements that start and end a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "header",
    "main",
    "figure",
    "figcaption",
    "blockquote",
    "table",
    "tr",
    "td",
    "th",
    "dt",
    "dd",
    "dl",
    "pre",
    "body",
    "html",
    "caption",
    "address",
    "hr",
    "br",
];

fn kind_of(tag: &str) -> Option<BlockKind> {
    match tag {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(BlockKind::Heading),
        "li" | "dd" | "dt" => Some(BlockKind::ListItem),
        "figcaption" | "caption" => Some(BlockKind::Caption),
        "p" | "blockquote" | "td" | "th" | "pre" => Some(BlockKind::Paragraph),
        _ => None,
    }
}

pub(super) fn blocks(text: &str, widget_classes: &[String]) -> (Vec<u8>, Vec<Block>) {
    let mut prose = blank_copy(text);
    let mut blocks = Vec::new();
    let mut skip: Vec<String> = Vec::new();
    let mut kinds: Vec<(String, BlockKind)> = Vec::new();
    let mut current: Option<(BlockKind, usize, usize)> = None;
    let flush = |current: &mut Option<(BlockKind, usize, usize)>, blocks: &mut Vec<Block>| {
        if let Some((kind, s, e)) = current.take() {
            blocks.push(Block {
                span: Span::new(s, e),
                kind,
            });
        }
    };
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    for token in Tokenizer::new_with_emitter(text, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = lossy(&tag.name).to_ascii_lowercase();
                if BLOCKS.contains(&name.as_str()) && skip.is_empty() {
                    flush(&mut current, &mut blocks);
                }
                if VOID.contains(&name.as_str()) || tag.self_closing {
                    continue;
                }
                let widget = tag.attributes.iter().any(|(k, v)| {
                    let key = lossy(k).to_ascii_lowercase();
                    let val = lossy(&v.value).to_ascii_lowercase();
                    match key.as_str() {
                        "class" | "id" => val
                            .split_whitespace()
                            .any(|c| widget_classes.iter().any(|w| c.contains(w.as_str()))),
                        "role" => matches!(
                            val.as_str(),
                            "navigation" | "complementary" | "banner" | "contentinfo" | "dialog"
                        ),
                        "aria-hidden" => val == "true",
                        "hidden" => true,
                        _ => false,
                    }
                });
                if !skip.is_empty() || SKIP.contains(&name.as_str()) || widget {
                    skip.push(name);
                } else if let Some(k) = kind_of(&name) {
                    kinds.push((name, k));
                }
            }
            Token::EndTag(tag) => {
                let name = lossy(&tag.name).to_ascii_lowercase();
                if let Some(i) = skip.iter().rposition(|n| *n == name) {
                    skip.truncate(i);
                    continue;
                }
                if !skip.is_empty() {
                    continue;
                }
                if let Some(i) = kinds.iter().rposition(|(n, _)| *n == name) {
                    kinds.truncate(i);
                }
                if BLOCKS.contains(&name.as_str()) {
                    flush(&mut current, &mut blocks);
                }
            }
            Token::String(s) if skip.is_empty() => {
                let (start, end) = (s.span.start, s.span.end);
                // Only a non-empty run of the text, on character boundaries.
                let Some(source) = text.get(start..end).filter(|t| !t.is_empty()) else {
                    continue;
                };
                let decoded = lossy(&s.value);
                place(&mut prose, source, &decoded, start);
                if decoded.trim().is_empty() {
                    continue;
                }
                let kind = kinds.last().map_or(BlockKind::Paragraph, |(_, k)| *k);
                current = match current {
                    Some((k, s0, _)) => Some((k, s0, end)),
                    None => Some((kind, start, end)),
                };
            }
            _ => {}
        }
    }
    flush(&mut current, &mut blocks);
    // Trim each block to its text.
    let prose_str = lossy(&prose).into_owned();
    let blocks = blocks
        .into_iter()
        .filter_map(|b| {
            let t = b.span.slice(&prose_str);
            let lead = t.len() - t.trim_start().len();
            let trimmed = t.trim();
            (!trimmed.is_empty()).then(|| Block {
                span: Span::new(b.span.start() + lead, b.span.start() + lead + trimmed.len()),
                kind: b.kind,
            })
        })
        .collect();
    (prose, blocks)
}

/// Writes the decoded text of `source` (found at `at`) into the prose so
/// that every character stays at its own offset: an entity's character is
/// written where the entity starts and the rest of the entity is blank.
fn place(prose: &mut [u8], source: &str, decoded: &str, at: usize) {
    if source == decoded {
        put(prose, at, source.as_bytes());
        return;
    }
    let mut si = 0;
    let mut dec = decoded.chars().peekable();
    while let Some(rest) = source.get(si..) {
        let Some(sc) = rest.chars().next() else {
            break;
        };
        let Some(&dc) = dec.peek() else { break };
        let mut buf = [0u8; 4];
        if sc == '&' && (dc != '&' || is_entity(rest)) {
            // An entity: from '&' through ';' (or the end of its name).
            let len = entity_len(rest);
            let bytes = dc.encode_utf8(&mut buf).as_bytes();
            dec.next();
            if bytes.len() <= len {
                put(prose, at + si, bytes);
            }
            si += len;
        } else if sc == dc || (sc == '\r' && dc == '\n') {
            if sc != '\r' {
                put(prose, at + si, sc.encode_utf8(&mut buf).as_bytes());
            }
            dec.next();
            si += sc.len_utf8();
        } else {
            // Out of step (a decoding this walk does not know): leave the rest blank.
            break;
        }
    }
}

/// Copies `bytes` into the prose at `at` (nothing if they would not fit:
/// the prose is as long as the text they come from).
fn put(prose: &mut [u8], at: usize, bytes: &[u8]) {
    if let Some(to) = prose.get_mut(at..at + bytes.len()) {
        to.copy_from_slice(bytes);
    }
}

/// Whether `s` (which starts with '&') starts with an entity.
fn is_entity(s: &str) -> bool {
    entity_len(s) > 1
        && s.get(1..)
            .is_some_and(|name| name.starts_with(|c: char| c == '#' || c.is_ascii_alphabetic()))
}

/// The length of the entity `s` (which starts with '&') starts with.
fn entity_len(s: &str) -> usize {
    let Some(name) = s.get(1..) else {
        return s.len();
    };
    let body = name
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '#'))
        .map_or(name.len(), |(i, _)| i);
    let semicolon = name.get(body..).is_some_and(|r| r.starts_with(';'));
    1 + body + usize::from(semicolon)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(html: &str) -> (String, Vec<(BlockKind, String)>) {
        let classes = vec!["share".to_string(), "comment".to_string()];
        let (prose, blocks) = blocks(html, &classes);
        let prose = String::from_utf8(prose).unwrap();
        let texts = blocks
            .iter()
            .map(|b| {
                (
                    b.kind,
                    b.span
                        .slice(&prose)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                )
            })
            .collect();
        (prose, texts)
    }

    #[test]
    fn body_text_keeps_its_offsets_and_furniture_is_dropped() {
        let html = "<html><head><title>T</title><script>var x = '4%';</script></head><body>\
<nav><a href=/>Home</a></nav><h1>Chips &amp; stocks slide</h1>\
<p>Nvidia fell <b>4.35%</b> on Tuesday.<p>AT&T rose 1%.\
<div class=\"share-bar\">Share 12</div><ul><li>AMD (-6.4%)</li></ul>\
<figure><img src=x.png><figcaption>Traders on Tuesday</figcaption></figure>\
<section id=comments><p>I lost 40%</p></section><footer>© 2026</footer></body></html>";
        let (prose, blocks) = run(html);
        assert_eq!(prose.len(), html.len());
        assert_eq!(
            blocks,
            [
                (BlockKind::Heading, "Chips & stocks slide".to_string()),
                (
                    BlockKind::Paragraph,
                    "Nvidia fell 4.35% on Tuesday.".to_string()
                ),
                (BlockKind::Paragraph, "AT&T rose 1%.".to_string()),
                (BlockKind::ListItem, "AMD (-6.4%)".to_string()),
                (BlockKind::Caption, "Traders on Tuesday".to_string()),
            ]
        );
        let at = html.find("4.35%").unwrap();
        assert_eq!(&prose[at..at + 5], "4.35%");
        assert!(!prose.contains("40%") && !prose.contains("var x"));
    }

    #[test]
    fn entities_stay_in_place() {
        let html = "<p>Caf&eacute; chain &ldquo;Brew&rdquo; rose 5&#37; today</p>";
        let (prose, _) = run(html);
        let at = html.find("rose").unwrap();
        assert_eq!(&prose[at..at + 4], "rose");
        assert!(prose.contains("Café"));
    }
}
