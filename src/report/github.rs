//! GitHub Actions workflow commands: one `::error` / `::warning` /
//! `::notice` line per claim of each conflict (and per unsupported claim),
//! so a contradicted figure shows on the line of the file in code review.
//! Agreements are not annotated: they need no action.

use crate::Run;
use crate::compare::{Finding, FindingKind};
use crate::rules::Severity;

/// Every annotation, one per line.
pub fn report_github(run: &Run) -> String {
    let mut out = String::new();
    for (n, f) in run.findings.iter().enumerate() {
        if f.kind == FindingKind::Agreement {
            continue;
        }
        let level = match (f.kind, f.severity) {
            (FindingKind::Unsupported, _) | (_, Severity::Info) => "notice",
            (_, Severity::Warning) => "warning",
            (_, Severity::Error) => "error",
        };
        for &c in &f.claims {
            let Some(claim) = run.claims.get(c) else {
                continue;
            };
            let Some(doc) = run.docs.get(claim.doc) else {
                continue;
            };
            let start = doc.line_col(claim.span.start());
            let end = doc.line_col(claim.span.end());
            out.push_str(&format!(
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                property(&doc.path.display().to_string()),
                start.line,
                start.column,
                end.line,
                end.column,
                property(&format!("F{} {}", n + 1, f.rule)),
                data(&message(run, f, c)),
            ));
        }
    }
    out
}

/// The finding's message, with where the other claims are.
fn message(run: &Run, f: &Finding, this: usize) -> String {
    let others: Vec<String> = f
        .claims
        .iter()
        .filter(|&&c| c != this)
        .filter_map(|&c| {
            let claim = run.claims.get(c)?;
            let doc = run.docs.get(claim.doc)?;
            let lc = doc.line_col(claim.span.start());
            Some(format!(
                "{}:{}:{} \"{}\"",
                doc.path.display(),
                lc.line,
                lc.column,
                claim.text
            ))
        })
        .collect();
    let mut m = format!("{} · {}: {}", f.subject, f.attribute, f.message);
    if !others.is_empty() {
        m.push_str(&format!(" (also {})", others.join("; ")));
    }
    m
}

/// Escapes the message part of a workflow command.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=`, `title=`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::{data, property};

    #[test]
    fn workflow_command_values_are_escaped() {
        assert_eq!(data("6% up\nnext"), "6%25 up%0Anext");
        assert_eq!(property("a,b:c.md"), "a%2Cb%3Ac.md");
    }
}
