//! Ingest: files in, `Document`s out. A document keeps its original text
//! untouched, a `prose` copy of the same byte length in which markup and page
//! furniture are blanked with spaces, and the list of content blocks
//! (headings, paragraphs, list items, captions) that later stages read.
//!
//! Never: changes byte offsets (every span computed on `prose` is valid in
//! `text`), or lets furniture (share widgets, comments, disclaimers) through.

mod cards;
mod furniture;
mod html;
mod markdown;
mod plain;
mod published;
mod stdin;
mod suppress;
mod walk;

pub use published::{Day, published};
pub use stdin::{STDIN, is_stdin, sniff};
pub use suppress::Suppression;
pub use walk::collect_inputs;

use crate::error::{Error, Result};
use crate::rules::Rules;
use crate::span::{LineCol, LineIndex, Span, Widened};
use serde::Serialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
}

/// Whether a document is being checked (the draft) or is a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Source,
    Draft,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Heading,
    Paragraph,
    ListItem,
    Caption,
}

/// A run of article content: the unit sentences are split within.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub span: Span,
    pub kind: BlockKind,
}

#[derive(Debug, Clone)]
pub struct Document {
    /// Short name shown in reports: the file stem.
    pub id: String,
    pub path: PathBuf,
    pub format: Format,
    pub role: Role,
    /// The file's text, as read.
    pub text: String,
    /// `text` with markup and furniture blanked: same length, same offsets.
    pub prose: String,
    pub blocks: Vec<Block>,
    /// Regions where inline comments switch rules off.
    pub suppressions: Vec<Suppression>,
    /// The day the article was published, when the file says (`published`).
    pub published: Option<Day>,
    lines: LineIndex,
    /// Whether the file holds nothing but white space.
    empty: bool,
    /// Whether `text` was released (`release_text`).
    released: bool,
    /// Where `text` was released, the characters of several bytes that
    /// `prose` holds as spaces: columns are counted in `prose`, less these.
    widened: Vec<Widened>,
}

impl Document {
    /// Builds a document from text already in memory.
    pub fn from_text(
        path: impl Into<PathBuf>,
        text: String,
        format: Format,
        role: Role,
        rules: &Rules,
    ) -> Result<Document> {
        let path = path.into();
        // Spans address a document in 32 bits.
        if text.len() > crate::span::MAX_TEXT {
            return Err(Error::Read {
                path,
                message: format!("larger than {} bytes", crate::span::MAX_TEXT),
            });
        }
        // A byte-order mark is not content: blank it in what is read.
        let bom = text.starts_with('\u{feff}');
        let (mut prose, blocks) = match format {
            Format::Text => plain::blocks(&text),
            Format::Markdown => markdown::blocks(&text),
            Format::Html => html::blocks(&text, &rules.furniture.html_classes),
        };
        if bom {
            blank(&mut prose, Span::new(0, 3));
        }
        let suppressions = suppress::regions(&text, format, &path)?;
        let (prose, blocks) = furniture::remove(prose, blocks, format, &rules.furniture);
        debug_assert_eq!(prose.len(), text.len());
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let lines = LineIndex::new(&text);
        let published = published(&text, format);
        let empty = text.trim().is_empty();
        Ok(Document {
            id,
            path,
            format,
            role,
            text,
            prose,
            blocks,
            suppressions,
            published,
            lines,
            empty,
            released: false,
            widened: Vec::new(),
        })
    }

    /// Whether the file holds nothing but white space (kept when the text
    /// is released).
    pub fn is_empty(&self) -> bool {
        self.empty
    }

    /// Frees the text as read once the claims are read: reports quote
    /// `prose` (same offsets) and place by the line index, so a long run
    /// need not hold every file twice. Where blanking turned a character
    /// of several bytes into spaces, columns count characters and only the
    /// text as read counts that one as one: those characters are noted
    /// (`widened`) and taken off the count (the text was kept for them,
    /// a fifth of the input of the generated corpus). Kept when the blanked
    /// copy differs from the text in any other way.
    pub fn release_text(&mut self) {
        let widened = if self.text.chars().count() == self.prose.chars().count() {
            Some(Vec::new())
        } else {
            crate::span::widened(&self.text, &self.prose)
        };
        if let Some(widened) = widened {
            self.text = String::new();
            self.released = true;
            self.widened = widened;
        }
    }

    /// Reads and ingests one file.
    pub fn load(path: &Path, role: Role, rules: &Rules) -> Result<Document> {
        let format = format_of(path).ok_or_else(|| Error::UnsupportedType {
            path: path.to_path_buf(),
        })?;
        let text = read_text(path)?;
        Document::from_text(path, text, format, role, rules)
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        if self.released {
            self.lines
                .line_col_blanked(&self.prose, offset, &self.widened)
        } else {
            self.lines.line_col(&self.text, offset)
        }
    }
}

/// The format a file's extension says it has.
pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" => Some(Format::Markdown),
        "html" | "htm" => Some(Format::Html),
        _ => None,
    }
}

/// Reads a file as UTF-8 text, rejecting binary data with a clear error.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::read(path, e))?;
    decode(bytes, path)
}

/// Bytes as UTF-8 text, or an error naming `path` that says what they are.
pub(crate) fn decode(bytes: Vec<u8>, path: &Path) -> Result<String> {
    // UTF-16 text is full of NUL bytes: say what it is, not "binary".
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::Utf16 {
            path: path.to_path_buf(),
        });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    Ok(text)
}

/// A copy of `text` in which every byte except newlines is a space.
pub(crate) fn blank_copy(text: &str) -> Vec<u8> {
    text.bytes()
        .map(|b| if b == b'\n' { b'\n' } else { b' ' })
        .collect()
}

/// Blanks `span` in `prose` (keeping newlines), so it no longer yields claims.
pub(crate) fn blank(prose: &mut [u8], span: Span) {
    let Some(bytes) = prose.get_mut(span.start()..span.end()) else {
        return;
    };
    for b in bytes {
        if *b != b'\n' {
            *b = b' ';
        }
    }
}

/// The bytes `span` covers in a prose buffer (none if it reaches past the
/// end, which a span found in that buffer never does).
pub(crate) fn bytes_in(prose: &[u8], span: Span) -> &[u8] {
    prose.get(span.start()..span.end()).unwrap_or_default()
}

/// `String::from_utf8_lossy`, checked the quick way first: the buffers
/// read here are valid UTF-8 all but never, and the check that fails
/// costs a fraction of the lossy walk.
pub(crate) fn lossy(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// Turns a byte buffer built by blanking and copying whole characters back into text.
pub(crate) fn into_string(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| {
        // Only reachable if a span cut a character; degrade by blanking bad bytes.
        String::from_utf8_lossy(e.as_bytes())
            .chars()
            .map(|c| if c == '\u{fffd}' { ' ' } else { c })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_binary_and_invalid_utf8_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("a.txt");
        std::fs::write(&bin, b"abc\0def").unwrap();
        let err = read_text(&bin).unwrap_err().to_string();
        assert!(
            err.ends_with("a.txt: binary data, not text (NUL byte at offset 3)"),
            "{err}"
        );
        let bad = dir.path().join("b.txt");
        std::fs::write(&bad, b"ok \xff").unwrap();
        let err = read_text(&bad).unwrap_err().to_string();
        assert!(
            err.ends_with("b.txt: not valid UTF-8 (invalid byte at offset 3)"),
            "{err}"
        );
    }

    #[test]
    fn released_text_places_claims_where_the_text_did() {
        let rules = Rules::defaults();
        let plain = "Headline\n\nAcme cut 1,200 jobs, about 5% of staff.\n";
        let mut doc =
            Document::from_text("a.txt", plain.into(), Format::Text, Role::Source, &rules).unwrap();
        let at = plain.find("5%").unwrap();
        let before = doc.line_col(at);
        doc.release_text();
        assert!(doc.text.is_empty());
        assert_eq!(doc.line_col(at), before);
        assert_eq!((before.line, before.column), (3, 28));
        // Markup with a character of several bytes blanked into spaces:
        // columns still count "✓" as one character, at every offset (one
        // inside a blanked character counts its bytes, as the text did).
        let html = "<p><!-- ✓ --> Acme ✓ cut 5% of staff.</p>\n\u{feff}<p>é 3%</p>";
        let mut doc =
            Document::from_text("b.html", html.into(), Format::Html, Role::Source, &rules).unwrap();
        let before: Vec<LineCol> = (0..=html.len() + 1).map(|at| doc.line_col(at)).collect();
        doc.release_text();
        assert!(doc.text.is_empty());
        let after: Vec<LineCol> = (0..=html.len() + 1).map(|at| doc.line_col(at)).collect();
        assert_eq!(after, before);
        let at = html.find("5%").unwrap();
        assert_eq!((doc.line_col(at).line, doc.line_col(at).column), (1, 26));
        // A byte-order mark blanked at the start counts no column.
        let bom = "\u{feff}<p>Acme ✓ cut 5%.</p>";
        let mut doc =
            Document::from_text("c.html", bom.into(), Format::Html, Role::Source, &rules).unwrap();
        let before: Vec<LineCol> = (0..=bom.len()).map(|at| doc.line_col(at)).collect();
        doc.release_text();
        assert!(doc.text.is_empty());
        let after: Vec<LineCol> = (0..=bom.len()).map(|at| doc.line_col(at)).collect();
        assert_eq!(after, before);
    }

    #[test]
    fn prose_keeps_offsets() {
        let rules = Rules::defaults();
        let text = "# Nvidia **falls** 4%\n\nShares fell 4.35% on Tuesday.\n".to_string();
        let doc = Document::from_text("x.md", text.clone(), Format::Markdown, Role::Source, &rules)
            .unwrap();
        assert_eq!(doc.prose.len(), text.len());
        let i = text.find("4.35%").unwrap();
        assert_eq!(&doc.prose[i..i + 5], "4.35%");
        assert!(!doc.prose.contains("**"));
    }
}
