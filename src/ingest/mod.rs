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
use std::borrow::Cow;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
}

/// What a run keeps of each document's blanked copy (`Document::prose`)
/// once its claims are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prose {
    /// All of it: the HTML report shows every document whole.
    Whole,
    /// The claims' sentences and what their lines and columns are counted
    /// from (`Document::keep_quoted`): every other report reads no more.
    Quoted,
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
    /// Whether columns are counted in `prose` (`release_text`).
    released: bool,
    /// Where columns are counted in `prose`, the characters of several
    /// bytes that it holds as spaces: columns are counted less these.
    widened: Vec<Widened>,
    /// Once `text` is released, where it differs from `prose`: what the
    /// claims' own words and the columns of a text `prose` cannot count
    /// are read from.
    changed: Option<Changed>,
    /// Once the run's claims are read, what is kept of `prose` (then empty,
    /// and `blocks` with it): the pieces reports quote (`keep_quoted`).
    quoted: Option<Pieces>,
}

/// Pieces of a document's blanked copy at their offsets, in order, none
/// touching another: what a report reads of it, kept once the rest (as
/// large as the input) is no longer needed.
#[derive(Debug, Clone)]
struct Pieces {
    /// The length of the whole copy.
    len: usize,
    /// Each piece's offset in the document and where its bytes start in
    /// `bytes`: one allocation for every piece (a claim's sentence is some
    /// sixty bytes, and one allocation each cost a third as much again).
    at: Box<[(u32, u32)]>,
    /// The pieces' bytes, one after another.
    bytes: Box<[u8]>,
}

impl Pieces {
    /// The copy's bytes in `range`, if one piece holds all of them.
    fn bytes(&self, range: std::ops::Range<usize>) -> Option<&[u8]> {
        let k = self
            .at
            .partition_point(|&(at, _)| at as usize <= range.start)
            .checked_sub(1)?;
        let &(at, from) = self.at.get(k)?;
        let to = self
            .at
            .get(k + 1)
            .map_or(self.bytes.len(), |&(_, next)| next as usize);
        let piece = self.bytes.get(from as usize..to)?;
        let at = at as usize;
        piece.get(range.start - at..range.end.checked_sub(at)?)
    }
}

/// The runs where a text as read differs from its blanked copy (markup,
/// furniture), each widened to whole characters of the text, with the
/// text's bytes there: the copy with these laid over it is the text, so
/// the text need not be kept (it was as large as the input, held from
/// reading to the claims).
#[derive(Debug, Clone, Default)]
struct Changed {
    /// Each run's offset in the document and where its bytes start in `text`.
    runs: Vec<(u32, u32)>,
    /// The runs' bytes, one after another.
    text: String,
}

impl Changed {
    /// The runs of `text` that differ from `blanked` (of the same length).
    fn of(text: &str, blanked: &str) -> Option<Changed> {
        let (t, b) = (text.as_bytes(), blanked.as_bytes());
        if t.len() != b.len() {
            return None;
        }
        let mut out = Changed::default();
        let mut last_end = None;
        let mut i = 0;
        while i < t.len() {
            if t.get(i) == b.get(i) {
                i += 1;
                continue;
            }
            let mut start = i;
            while start > 0 && !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = i + 1;
            while end < t.len() && t.get(end) != b.get(end) {
                end += 1;
            }
            while !text.is_char_boundary(end) {
                end += 1;
            }
            if last_end != Some(start) {
                out.runs.push((
                    u32::try_from(start).ok()?,
                    u32::try_from(out.text.len()).ok()?,
                ));
            }
            out.text.push_str(text.get(start..end)?);
            last_end = Some(end);
            i = end;
        }
        out.runs.shrink_to_fit();
        out.text.shrink_to_fit();
        Some(out)
    }

    /// Run `k`: its offset in the document and the text's bytes there.
    fn run(&self, k: usize) -> Option<(usize, &[u8])> {
        let &(at, from) = self.runs.get(k)?;
        let to = self
            .runs
            .get(k + 1)
            .map_or(self.text.len(), |&(_, next)| next as usize);
        Some((at as usize, self.text.as_bytes().get(from as usize..to)?))
    }

    /// Lays the text's bytes over `bytes`, the blanked copy's from `from`.
    /// Whether any run reached them.
    fn lay_over(&self, bytes: &mut [u8], from: usize) -> bool {
        let to = from + bytes.len();
        let mut k = self.runs.partition_point(|&(at, _)| (at as usize) < from);
        // The run before may reach into the range.
        k = k.saturating_sub(1);
        let mut any = false;
        while let Some((at, run)) = self.run(k) {
            if at >= to {
                break;
            }
            for (i, &byte) in run.iter().enumerate() {
                if let Some(slot) = (at + i).checked_sub(from).and_then(|j| bytes.get_mut(j)) {
                    *slot = byte;
                    any = true;
                }
            }
            k += 1;
        }
        any
    }
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
            changed: None,
            quoted: None,
        })
    }

    /// Whether the file holds nothing but white space (kept when the text
    /// is released).
    pub fn is_empty(&self) -> bool {
        self.empty
    }

    /// Frees the text as read, keeping only where it differs from `prose`
    /// (`Changed`): reports quote `prose` (same offsets) and place by the
    /// line index, and a claim's own words are the text laid back over
    /// `prose`, so a long run need not hold every file twice. Where
    /// blanking turned a character of several bytes into spaces, columns
    /// count characters and only the text as read counts that one as one:
    /// those characters are noted (`widened`) and taken off the count.
    /// Where the blanked copy differs from the text in any other way,
    /// columns are counted in the text laid back. Done once; a text whose
    /// copy is not of its length is kept.
    pub fn release_text(&mut self) {
        if self.changed.is_some() {
            return;
        }
        let Some(changed) = Changed::of(&self.text, &self.prose) else {
            return;
        };
        let widened = if self.text.chars().count() == self.prose.chars().count() {
            Some(Vec::new())
        } else {
            crate::span::widened(&self.text, &self.prose)
        };
        if let Some(widened) = widened {
            self.released = true;
            self.widened = widened;
        }
        self.text = String::new();
        self.changed = Some(changed);
    }

    /// The length of the text (and of its blanked copy), in bytes.
    fn len(&self) -> usize {
        self.quoted
            .as_ref()
            .map_or(self.prose.len(), |kept| kept.len)
    }

    /// The blanked copy's bytes in `range` (`None` past its end or, once
    /// only quoted pieces are kept, outside them).
    fn prose_bytes(&self, range: std::ops::Range<usize>) -> Option<&[u8]> {
        match &self.quoted {
            None => self.prose.as_bytes().get(range),
            Some(kept) => kept.bytes(range),
        }
    }

    /// The text as read in `range`, as `text.get(range)`, whether the text
    /// is kept or released (laid back over the blanked copy; `None`
    /// outside the pieces kept of it, and anywhere once `keep_quoted` has
    /// dropped it).
    pub fn text_get(&self, range: std::ops::Range<usize>) -> Option<Cow<'_, str>> {
        let Some(changed) = &self.changed else {
            return self.text.get(range).map(Cow::Borrowed);
        };
        if self.released && self.quoted.is_some() {
            return None;
        }
        let (from, to) = (range.start, range.end);
        let len = self.len();
        if from > to || to > len {
            return None;
        }
        // The byte after the range says whether it ends between characters.
        let past = (to + 1).min(len);
        let mut bytes = self.prose_bytes(from..past)?.to_vec();
        if !changed.lay_over(&mut bytes, from) {
            return self.prose_get(range).map(Cow::Borrowed);
        }
        let starts_char = |i: usize| bytes.get(i).is_none_or(|&b| b & 0xC0 != 0x80);
        if !starts_char(0) || !starts_char(to - from) {
            return None;
        }
        bytes.truncate(to - from);
        String::from_utf8(bytes).ok().map(Cow::Owned)
    }

    /// The text as read in `span` (empty where it has none), as
    /// `span.slice(&text)`.
    pub fn text_at(&self, span: Span) -> Cow<'_, str> {
        self.text_get(span.start()..span.end())
            .unwrap_or(Cow::Borrowed(""))
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
                .line_col_read(|r| self.prose_get(r), self.len(), offset, &self.widened)
        } else {
            self.lines
                .line_col_read(|r| self.text_get(r), self.len(), offset, &[])
        }
    }

    /// The blanked copy's text in `range`, as `prose.get(range)`; once only
    /// the quoted pieces are kept (`keep_quoted`), `None` outside them.
    pub fn prose_get(&self, range: std::ops::Range<usize>) -> Option<&str> {
        match &self.quoted {
            None => self.prose.get(range),
            Some(kept) => std::str::from_utf8(kept.bytes(range)?).ok(),
        }
    }

    /// The blanked copy's text in `span` (empty where it has none), as
    /// `span.slice(&prose)`.
    pub fn quote(&self, span: Span) -> &str {
        self.prose_get(span.start()..span.end()).unwrap_or("")
    }

    /// Keeps of the blanked copy only the text of `spans` and what the line
    /// and column of their ends are counted from (`LineIndex::counted_from`),
    /// and drops the blocks: once a run's claims are read, reports quote
    /// their sentences and place them, and nothing else reads the copy (as
    /// large as the input, it was a third of a large run's peak). Each
    /// piece keeps the byte after it too: whether the text as read ends a
    /// character there. Cut again, it keeps what it kept that `spans`
    /// still need. Where columns are counted in the copy, the text as read
    /// (what is left of it, `Changed`) is dropped too: only the claims read
    /// it, for their own words.
    pub fn keep_quoted(&mut self, spans: impl IntoIterator<Item = Span>) {
        let len = self.len();
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        for span in spans {
            let (start, end) = (span.start(), span.end());
            let from = |at: usize| self.lines.counted_from(at.min(len));
            let past = (end + 1).min(len);
            ranges.push((start.min(from(start)), past));
            ranges.push((from(end).min(end), past));
        }
        ranges.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
        for (start, end) in ranges {
            match merged.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        let total = merged.iter().map(|&(start, end)| end - start).sum();
        let pieces = (|| {
            let mut at = Vec::with_capacity(merged.len());
            let mut bytes = Vec::with_capacity(total);
            for &(start, end) in &merged {
                let piece = self.prose_bytes(start..end.min(len))?;
                at.push((u32::try_from(start).ok()?, u32::try_from(bytes.len()).ok()?));
                bytes.extend_from_slice(piece);
            }
            Some(Pieces {
                len,
                at: at.into_boxed_slice(),
                bytes: bytes.into_boxed_slice(),
            })
        })();
        if let Some(pieces) = pieces {
            self.quoted = Some(pieces);
            self.prose = String::new();
            self.blocks = Vec::new();
            // The claims' own words are read: where columns are counted in
            // the blanked copy, nothing reads the text again.
            if self.released && self.changed.is_some() {
                self.changed = Some(Changed::default());
            }
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
    fn released_text_reads_as_the_text_laid_back_over_the_copy() {
        let rules = Rules::defaults();
        for (name, format, text) in [
            (
                "a.html",
                Format::Html,
                "<p><!-- ✓ --> Acme ✓ cut <b>5%</b> of staff.</p>\n<p>é 3%</p>",
            ),
            (
                "b.md",
                Format::Markdown,
                "# Nvidia **falls** 4%\n\nShares fell 4.35% on Tuesday.\n",
            ),
            ("c.txt", Format::Text, "\u{feff}Acme ✓ cut 5%.\n"),
        ] {
            let mut doc =
                Document::from_text(name, text.into(), format, Role::Source, &rules).unwrap();
            doc.release_text();
            assert!(doc.text.is_empty());
            for from in 0..=text.len() + 1 {
                for to in 0..=text.len() + 1 {
                    assert_eq!(
                        doc.text_get(from..to).as_deref(),
                        text.get(from..to),
                        "{name} {from}..{to}"
                    );
                }
            }
        }
    }

    #[test]
    fn quoted_pieces_read_and_place_as_the_whole_copy() {
        let rules = Rules::defaults();
        let html = "<h1>Acme ✓ news</h1>\n<p>Acme ✓ cut 1,200 jobs. Shares fell 5% on Monday.</p>\n<p>Other é text, 3% here.</p>";
        let mut doc =
            Document::from_text("q.html", html.into(), Format::Html, Role::Source, &rules).unwrap();
        doc.release_text();
        let sentence = Span::new(
            html.find("Shares").unwrap(),
            html.find("Monday.").unwrap() + 7,
        );
        let figure = Span::new(html.find("5%").unwrap(), html.find("5%").unwrap() + 2);
        let whole: Vec<(LineCol, Option<String>)> = (sentence.start()..=sentence.end())
            .map(|at| {
                (
                    doc.line_col(at),
                    doc.prose_get(sentence.start()..at).map(String::from),
                )
            })
            .collect();
        let quote = doc.quote(sentence).to_string();
        doc.keep_quoted([sentence, figure]);
        assert!(doc.prose.is_empty() && doc.blocks.is_empty());
        let kept: Vec<(LineCol, Option<String>)> = (sentence.start()..=sentence.end())
            .map(|at| {
                (
                    doc.line_col(at),
                    doc.prose_get(sentence.start()..at).map(String::from),
                )
            })
            .collect();
        assert_eq!(kept, whole);
        assert_eq!(doc.quote(sentence), quote);
        assert_eq!(doc.quote(figure), "5%");
        // Nothing else is kept; cut again, what is still quoted stays.
        assert_eq!(doc.prose_get(html.find("3%").unwrap()..html.len()), None);
        doc.keep_quoted([figure]);
        assert_eq!(doc.quote(figure), "5%");
        assert_eq!(
            doc.line_col(figure.start()),
            whole[figure.start() - sentence.start()].0
        );
        assert_eq!(doc.prose_get(sentence.start()..sentence.end()), None);
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
