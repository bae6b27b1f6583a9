//! Inline suppression. In Markdown and HTML: `<!-- crosscheck-disable RULE… -->`
//! up to `<!-- crosscheck-enable RULE… -->` (or the end of the file). In plain
//! text the same words stand alone on a line: `crosscheck-disable RULE…`.
//! With no rule ids, every rule is switched off in the region.

use super::Format;
use crate::error::{Error, Result};
use crate::rules::{RULES, RuleId};
use crate::span::{LineIndex, Span};
use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;

/// A region of a document where some rules (or all: `rules` empty) are off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    pub span: Span,
    pub rules: Vec<RuleId>,
}

impl Suppression {
    /// Whether a finding of `rule` about a claim at `at` is switched off here.
    pub fn covers(&self, rule: RuleId, at: Span) -> bool {
        self.span.contains(at) && (self.rules.is_empty() || self.rules.contains(&rule))
    }
}

// reason: a constant pattern, compiled by the suppression tests.
#[allow(clippy::expect_used)]
static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*crosscheck-(disable|enable)((?:[\s,]+[A-Za-z_.]+)*)\s*-->")
        .expect("valid regex")
});
// reason: a constant pattern, compiled by the suppression tests.
#[allow(clippy::expect_used)]
static LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*crosscheck-(disable|enable)((?:[ \t,]+[A-Za-z_.]+)*)[ \t]*\r?$")
        .expect("valid regex")
});

/// The suppressed regions of a document; an unknown rule id is an error.
pub(crate) fn regions(text: &str, format: Format, path: &Path) -> Result<Vec<Suppression>> {
    // Both patterns hold "crosscheck-": a text without it has no region,
    // and a run over such texts never compiles them.
    if memchr::memmem::find(text.as_bytes(), b"crosscheck-").is_none() {
        return Ok(Vec::new());
    }
    let pattern: &Regex = match format {
        Format::Text => &LINE,
        Format::Markdown | Format::Html => &COMMENT,
    };
    let mut open: Vec<(usize, Vec<RuleId>)> = Vec::new();
    let mut out = Vec::new();
    for c in pattern.captures_iter(text) {
        // Group 0, the whole match, is always there.
        let Some(whole) = c.get(0) else { continue };
        let mut ids = Vec::new();
        if let Some(list) = c.get(2) {
            for word in list
                .as_str()
                .split([' ', '\t', ',', '\n', '\r'])
                .filter(|w| !w.is_empty())
            {
                let Ok(id) = serde_yaml::from_str::<RuleId>(word) else {
                    let at = list.start() + list.as_str().find(word).unwrap_or(0);
                    let lc = LineIndex::new(text).line_col(text, at);
                    let known = RULES.iter().map(|r| r.id.as_str());
                    let hint = match crate::rules::suggest(word, known) {
                        Some(s) => format!("; did you mean `{s}`?"),
                        None => format!(
                            "; rule ids: {}",
                            RULES
                                .iter()
                                .map(|r| r.id.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    };
                    return Err(Error::Rules {
                        path: path.to_path_buf(),
                        line: lc.line,
                        column: lc.column,
                        message: format!("unknown rule id `{word}` in crosscheck-{}{hint}", &c[1]),
                    });
                };
                ids.push(id);
            }
        }
        if &c[1] == "disable" {
            open.push((whole.end(), ids));
        } else {
            // "enable" closes every open region it names (or all of them).
            let (closing, still): (Vec<_>, Vec<_>) = open
                .into_iter()
                .partition(|(_, r)| ids.is_empty() || r.iter().any(|id| ids.contains(id)));
            open = still;
            for (start, rules) in closing {
                out.push(Suppression {
                    span: Span::new(start, whole.start()),
                    rules,
                });
            }
        }
    }
    for (start, rules) in open {
        out.push(Suppression {
            span: Span::new(start, text.len()),
            rules,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_open_and_close_by_rule() {
        let md = "a <!-- crosscheck-disable numeric.precision --> b <!-- crosscheck-enable numeric.precision --> c <!-- crosscheck-disable --> d";
        let r = regions(md, Format::Markdown, Path::new("x.md")).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].rules, vec![RuleId::NumericPrecision]);
        assert_eq!(r[0].span.slice(md), " b ");
        assert!(r[1].rules.is_empty());
        assert_eq!(r[1].span.slice(md), " d");
    }

    #[test]
    fn plain_text_uses_a_line_of_its_own() {
        let txt = "one\ncrosscheck-disable unsupported, agreement\ntwo\ncrosscheck-enable\nthree";
        let r = regions(txt, Format::Text, Path::new("x.txt")).unwrap();
        assert_eq!(r[0].rules, vec![RuleId::Unsupported, RuleId::Agreement]);
        assert_eq!(r[0].span.slice(txt), "\ntwo\n");
    }

    #[test]
    fn unknown_rule_ids_are_errors_with_a_location() {
        let md = "x\n<!-- crosscheck-disable numeric.precison -->";
        let err = regions(md, Format::Markdown, Path::new("d.md"))
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "d.md:2:25: unknown rule id `numeric.precison` in crosscheck-disable; did you mean `numeric.precision`?"
        );
    }
}
