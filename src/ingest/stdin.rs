//! Standard input as an article: `-` among the sources or as the draft, or
//! text piped with no path at all. It is read once, named `stdin`, and its
//! format is guessed from the text, since there is no extension to go by.

use super::{Document, Format, Role, decode};
use crate::error::{Error, Result};
use crate::rules::Rules;
use std::io::Read;
use std::path::Path;

/// The path that stands for standard input on the command line.
pub const STDIN: &str = "-";

/// Whether a command-line path means standard input.
pub fn is_stdin(path: &Path) -> bool {
    path == Path::new(STDIN)
}

impl Document {
    /// Reads all of standard input as one article named `stdin`.
    pub fn from_stdin(role: Role, rules: &Rules) -> Result<Document> {
        let name = Path::new("stdin");
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::read(name, e))?;
        let text = decode(bytes, name)?;
        let format = sniff(&text);
        Document::from_text(name, text, format, role, rules)
    }
}

/// HTML when the text opens with a tag; Markdown when a line starts with a
/// heading, list or quote marker or the text holds emphasis or a link;
/// otherwise plain text.
pub fn sniff(text: &str) -> Format {
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if body.starts_with('<') {
        return Format::Html;
    }
    let marked_line = body.lines().any(|l| {
        let l = l.trim_start();
        ["# ", "## ", "### ", "- ", "* ", "> "]
            .iter()
            .any(|m| l.starts_with(m))
    });
    if marked_line || body.contains("**") || body.contains("](") {
        Format::Markdown
    } else {
        Format::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_html_markdown_and_text() {
        assert_eq!(sniff("\n  <!doctype html><p>Hi</p>"), Format::Html);
        assert_eq!(sniff("# Title\n\nBody 5%."), Format::Markdown);
        assert_eq!(sniff("Shares rose **5%** today."), Format::Markdown);
        assert_eq!(sniff("See [the filing](http://x)."), Format::Markdown);
        assert_eq!(sniff("Shares rose 5% today.\nA * B."), Format::Text);
    }

    #[test]
    fn only_a_dash_is_stdin() {
        assert!(is_stdin(Path::new("-")));
        assert!(!is_stdin(Path::new("./-")));
        assert!(!is_stdin(Path::new("stdin")));
    }
}
