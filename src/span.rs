//! Byte spans into a document's original text, and the line index that turns
//! them into one-based line:column pairs for display.
//!
//! In: byte offsets. Out: `Span`s that are always well formed (start ≤ end) and
//! `(line, column)` pairs. Never: mixes character and byte positions; columns are
//! counted in characters only at the edge, when printing.

use serde::Serialize;

/// A half-open byte range `[start, end)` into a document's original text.
/// Offsets are kept in 32 bits (a document is at most `MAX_TEXT` bytes,
/// checked when it is read): spans are held by every claim and token, and
/// half their size was a large run's memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    start: u32,
    end: u32,
}

/// The largest text spans can address, in bytes.
pub const MAX_TEXT: usize = u32::MAX as usize;

/// An offset as kept in a span (saturated past `MAX_TEXT`, which no
/// document read reaches).
fn narrow(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

impl Span {
    /// Builds a span; the bounds are ordered so that start ≤ end always holds.
    pub fn new(a: usize, b: usize) -> Self {
        Span {
            start: narrow(a.min(b)),
            end: narrow(a.max(b)),
        }
    }

    pub fn start(self) -> usize {
        self.start as usize
    }

    pub fn end(self) -> usize {
        self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers, or "" if it does not fall on char boundaries.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start()..self.end()).unwrap_or("")
    }

    /// Shifts a span found in a slice back to document offsets.
    pub fn offset(self, by: usize) -> Span {
        Span::new(self.start() + by, self.end() + by)
    }
}

/// One-based line and column (column counted in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Start offsets of every line of a text, for binary-search lookups.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Line start offsets, 32-bit as spans are (every document's index
    /// lives until the report), without spare capacity.
    starts: Vec<u32>,
    /// Every few kilobytes, a byte offset on a character boundary and the
    /// column (in characters, byte-order marks left out) it is at: a
    /// column is counted from the nearest mark, not from the start of its
    /// line, so a one-line file of megabytes stays linear.
    marks: Vec<(usize, usize)>,
}

/// A character of several bytes that blanking turned into spaces (or the
/// byte-order mark, blanked too): it counts `columns` columns in the text
/// as read (one; none, the mark) and one per byte in the blanked copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Widened {
    at: u32,
    len: u8,
    columns: u8,
}

/// The characters of `text` that `blanked` (a copy of the same length)
/// holds as spaces where they took several bytes, in order; `None` when
/// the copy differs in another way (a column count from it could then
/// differ where these cannot correct it).
pub fn widened(text: &str, blanked: &str) -> Option<Vec<Widened>> {
    if text.len() != blanked.len() {
        return None;
    }
    let mut out = Vec::new();
    for (at, c) in text.char_indices() {
        let len = c.len_utf8();
        if len == 1 {
            continue;
        }
        let was = text.as_bytes().get(at..at + len)?;
        let now = blanked.as_bytes().get(at..at + len)?;
        if was == now {
            continue;
        }
        if !now.iter().all(|&b| b == b' ') {
            return None;
        }
        out.push(Widened {
            at: narrow(at),
            len: u8::try_from(len).ok()?,
            columns: u8::from(c != '\u{feff}'),
        });
    }
    out.shrink_to_fit();
    Some(out)
}

/// How far apart column marks are, in bytes.
const MARK_EVERY: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text).map(|i| narrow(i + 1)));
        starts.shrink_to_fit();
        let mut marks = Vec::new();
        // Marks only shorten the count of a long line's columns (the count
        // from a mark and from the line's start agree): a text whose lines
        // are all shorter than the spacing needs none.
        let longest = starts
            .iter()
            .zip(
                starts
                    .iter()
                    .skip(1)
                    .map(|&s| s as usize)
                    .chain([text.len()]),
            )
            .map(|(&a, b)| b.saturating_sub(a as usize))
            .max()
            .unwrap_or(0);
        if text.len() > MARK_EVERY && longest > MARK_EVERY {
            let mut column = 0;
            let mut next = MARK_EVERY;
            for (i, c) in text.char_indices() {
                if i >= next {
                    marks.push((i, column));
                    next = i + MARK_EVERY;
                }
                if c == '\n' {
                    column = 0;
                } else if c != '\u{feff}' {
                    column += 1;
                }
            }
        }
        marks.shrink_to_fit();
        LineIndex { starts, marks }
    }

    /// Where the column of `offset` (at most the text's length) is counted
    /// from: the line's index, the byte the count starts at (the line's
    /// start, or the nearest mark inside the line) and the column before it.
    fn count_start(&self, offset: usize) -> (usize, usize, usize) {
        let line = match self.starts.binary_search(&narrow(offset)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts.get(line).map_or(0, |&s| s as usize);
        // Count from the nearest mark inside this line, else from its start.
        let (from, before) = self
            .marks
            .partition_point(|&(at, _)| at <= offset)
            .checked_sub(1)
            .and_then(|k| self.marks.get(k))
            .filter(|&&(at, _)| at >= start)
            .copied()
            .unwrap_or((start, 0));
        (line, from, before)
    }

    /// The first byte the column of `offset` is counted from (a line's
    /// start, or a mark inside a long line): the text from there to
    /// `offset` is all `line_col_read` reads.
    pub fn counted_from(&self, offset: usize) -> usize {
        self.count_start(offset).1
    }

    /// Line and column of a byte offset in `text` (the text the index was built from).
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        self.line_col_blanked(text, offset, &[])
    }

    /// `line_col` counted in `blanked`, a copy of the text the index was
    /// built from in which the characters `wide` lists (`widened`) are
    /// spaces: the same line and column as in the text itself.
    pub fn line_col_blanked(&self, blanked: &str, offset: usize, wide: &[Widened]) -> LineCol {
        self.line_col_read(|r| blanked.get(r), blanked.len(), offset, wide)
    }

    /// `line_col_blanked` where the blanked copy, `len` bytes long, is read
    /// through `read` (a copy of which only pieces are kept): it is asked
    /// for the bytes from `counted_from(offset)` to `offset` alone.
    pub fn line_col_read<S: AsRef<str>>(
        &self,
        read: impl Fn(std::ops::Range<usize>) -> Option<S>,
        len: usize,
        offset: usize,
        wide: &[Widened],
    ) -> LineCol {
        let offset = offset.min(len);
        let (line, from, before) = self.count_start(offset);
        // A byte-order mark is invisible: it does not take a column.
        let counted =
            read(from..offset).map(|s| s.as_ref().chars().filter(|&c| c != '\u{feff}').count());
        // The widened characters between: each counted once per byte, and
        // an offset inside one is inside a character of the text as read.
        let first = wide.partition_point(|w| (w.at as usize) < from);
        let past = wide.partition_point(|w| (w.at as usize) < offset);
        let between = wide.get(first..past).unwrap_or_default();
        let cut = between
            .last()
            .is_some_and(|w| w.at as usize + w.len as usize > offset);
        let counted = counted.filter(|_| !cut).map(|n| {
            n - between
                .iter()
                .map(|w| usize::from(w.len - w.columns))
                .sum::<usize>()
        });
        let column = before + counted.unwrap_or(offset - from) + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_orders_its_bounds() {
        let s = Span::new(9, 3);
        assert_eq!((s.start(), s.end(), s.len()), (3, 9, 6));
    }

    #[test]
    fn line_col_is_one_based_and_counts_characters() {
        let text = "ab\ncé d\n\nx";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), LineCol { line: 1, column: 1 });
        assert_eq!(idx.line_col(text, 3), LineCol { line: 2, column: 1 });
        // 'd' sits after a two-byte 'é': byte 7, character column 4.
        assert_eq!(idx.line_col(text, 7), LineCol { line: 2, column: 4 });
        assert_eq!(idx.line_col(text, 10), LineCol { line: 4, column: 1 });
        let bom = "\u{feff}Nvidia";
        assert_eq!(
            LineIndex::new(bom).line_col(bom, 3),
            LineCol { line: 1, column: 1 }
        );
    }

    #[test]
    fn columns_of_long_lines_match_counting_from_the_line_start() {
        // Several marks per line, multibyte letters and a mark-crossing newline.
        let text = format!(
            "{}\n{}",
            "é a ".repeat(3000),
            "\u{feff}x 4.5% ".repeat(2000)
        );
        let idx = LineIndex::new(&text);
        let naive = |offset: usize| {
            let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            text[start..offset]
                .chars()
                .filter(|&c| c != '\u{feff}')
                .count()
                + 1
        };
        for offset in (0..text.len())
            .step_by(97)
            .filter(|&o| text.is_char_boundary(o))
        {
            assert_eq!(
                idx.line_col(&text, offset).column,
                naive(offset),
                "{offset}"
            );
        }
    }

    #[test]
    fn slice_outside_char_boundary_is_empty() {
        assert_eq!(Span::new(1, 2).slice("é"), "");
        assert_eq!(Span::new(0, 2).slice("é"), "é");
    }
}
