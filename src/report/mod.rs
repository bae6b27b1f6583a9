//! Report: a run in, text out. A terminal table for editors and JSON for
//! pipelines (schema `crosscheck.report/1`, documented in the README).
//! Byte spans become line:column only here.

mod json;
mod parse;
mod table;

pub use json::{claims_json, report_json};
pub use parse::parses;
pub use table::{ColorChoice, Show, TableOptions, claims_table, report_table};

use crate::extract::Claim;
use crate::ingest::Document;
use serde::Serialize;

/// A claim placed in its file, as every report shows it.
#[derive(Debug, Serialize)]
pub struct Located<'a> {
    pub source: &'a str,
    pub path: String,
    pub text: &'a str,
    pub sentence: String,
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
        path: doc.path.display().to_string(),
        text: &claim.text,
        sentence: collapse(claim.sentence.slice(&doc.text)),
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

/// Folds runs of white space (line breaks in wrapped text) into one space.
pub(crate) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
