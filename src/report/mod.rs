//! Report: a run in, text out. A terminal table and a self-contained HTML
//! page for editors, Markdown for a CMS note or a pull request, JSON for
//! pipelines (schema `crosscheck.report/1`, documented in the README),
//! SARIF and GitHub workflow annotations for code review.
//! Byte spans become line:column only here.

mod github;
mod html;
mod json;
mod markdown;
mod parse;
mod sarif;
mod table;

pub use github::report_github;
pub use html::report_html;
pub use json::{claims_json, report_json, report_json_compact, write_json};
pub use markdown::report_markdown;
pub use parse::parses;
pub use sarif::report_sarif;
pub use table::{ColorChoice, Show, TableOptions, claims_table, report_table};

use crate::extract::Claim;
use crate::ingest::Document;
use serde::Serialize;

/// A claim placed in its file, as every report shows it.
#[derive(Debug, Serialize)]
pub struct Located<'a> {
    pub source: &'a str,
    /// The path as written (a copy only for a path that is not UTF-8).
    pub path: std::borrow::Cow<'a, str>,
    pub text: &'a str,
    pub sentence: std::borrow::Cow<'a, str>,
    pub line: usize,
    pub column: usize,
    /// Byte offsets of the evidence in the file.
    pub start: usize,
    pub end: usize,
    pub value: &'a crate::extract::Value,
    pub modality: crate::extract::Modality,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<&'a str>,
    /// The claim's fact frame (measure, predicate, time, scope), empty
    /// slots left out.
    #[serde(skip_serializing_if = "is_empty_frame")]
    pub frame: &'a crate::extract::Frame,
}

/// The claim placed in its document; `None` if the document is not among
/// `docs` (never, for a run's own claims).
pub(crate) fn locate<'a>(claim: &'a Claim, docs: &'a [Document]) -> Option<Located<'a>> {
    let doc = docs.get(claim.doc)?;
    let lc = doc.line_col(claim.span.start());
    Some(Located {
        source: &doc.id,
        path: match doc.path.to_str() {
            Some(p) => std::borrow::Cow::Borrowed(p),
            None => std::borrow::Cow::Owned(doc.path.display().to_string()),
        },
        text: &claim.text,
        sentence: collapsed(doc.quote(claim.sentence)),
        line: lc.line,
        column: lc.column,
        start: claim.span.start(),
        end: claim.span.end(),
        value: &claim.value,
        modality: claim.modality,
        attribution: claim.attribution.as_deref(),
        frame: &claim.frame,
    })
}

fn is_empty_frame(f: &&crate::extract::Frame) -> bool {
    **f == crate::extract::Frame::default()
}

/// How the table names each document's file: relative to the folder all of
/// them share (`root`), so that a long common prefix never takes the width
/// a quote needs and a path is not broken across lines.
pub(crate) struct PathNames {
    /// The shared folder, with a trailing separator; empty when there is none.
    pub root: String,
    pub names: Vec<String>,
}

impl PathNames {
    pub(crate) fn new(docs: &[Document]) -> PathNames {
        let folders: Vec<Vec<std::path::Component>> = docs
            .iter()
            .map(|d| {
                let mut c: Vec<_> = d.path.components().collect();
                c.pop();
                c
            })
            .collect();
        let shared = folders.first().map_or(0, |first| {
            (0..first.len())
                .take_while(|&i| folders.iter().all(|f| f.get(i) == first.get(i)))
                .count()
        });
        let names = docs
            .iter()
            .map(|d| {
                let rest: std::path::PathBuf = d.path.components().skip(shared).collect();
                rest.display().to_string()
            })
            .collect();
        let root: std::path::PathBuf = folders
            .first()
            .map(|f| f.iter().take(shared).collect())
            .unwrap_or_default();
        let mut root = root.display().to_string();
        if !root.is_empty() && !root.ends_with(std::path::MAIN_SEPARATOR) {
            root.push(std::path::MAIN_SEPARATOR);
        }
        PathNames { root, names }
    }

    pub(crate) fn name(&self, doc: usize) -> &str {
        self.names.get(doc).map_or("", String::as_str)
    }
}

/// "6 sources, 43 claims: 8 conflicts, 2 agreements, 0 unsupported".
pub(crate) fn run_summary(run: &crate::Run) -> String {
    use crate::compare::FindingKind;
    format!(
        "{} sources, {} claims: {} conflicts, {} agreements, {} unsupported",
        run.docs.len(),
        run.claims.len(),
        run.count(FindingKind::Conflict),
        run.count(FindingKind::Agreement),
        run.count(FindingKind::Unsupported),
    )
}

/// "8 draft claims: 2 supported, 2 contradicted, 4 sources disagree, 0
/// unsupported"; `None` outside draft mode.
pub(crate) fn draft_summary(verdicts: &[crate::compare::DraftVerdict]) -> Option<String> {
    use crate::compare::Standing;
    if verdicts.is_empty() {
        return None;
    }
    let n = |s: Standing| verdicts.iter().filter(|v| v.standing == s).count();
    Some(format!(
        "{} draft claims: {} supported, {} contradicted, {} sources disagree, {} unsupported",
        verdicts.len(),
        n(Standing::Supported),
        n(Standing::Contradicted),
        n(Standing::SourcesDisagree),
        n(Standing::Unsupported),
    ))
}

/// Folds runs of white space (line breaks in wrapped text) into one space.
pub(crate) fn collapse(s: &str) -> String {
    collapsed(s).into_owned()
}

/// `collapse`, borrowing `s` when it has nothing to fold.
pub(crate) fn collapsed(s: &str) -> std::borrow::Cow<'_, str> {
    // Most sentences have nothing to fold: ASCII words between single
    // spaces (white space in ASCII is the space and tab to carriage return).
    let b = s.as_bytes();
    let folds = |i: usize, c: u8| {
        (b'\t'..=b'\r').contains(&c)
            || (c == b' ' && (i == 0 || i + 1 == b.len() || b.get(i + 1) == Some(&b' ')))
    };
    if s.is_ascii() && !b.iter().enumerate().any(|(i, &c)| folds(i, c)) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::collapse;

    #[test]
    fn collapse_folds_white_space_as_splitting_and_joining_does() {
        for s in [
            "",
            " ",
            "plain words here.",
            " leading",
            "trailing ",
            "two  spaces",
            "wrapped\nline",
            "tab\there",
            "\r\n",
            "a",
            "non\u{a0}breaking and\u{2003}em",
            "é  ü",
        ] {
            let want = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse(s), want, "{s:?}");
        }
    }
}
