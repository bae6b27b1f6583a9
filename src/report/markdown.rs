//! The Markdown report, for a CMS note or a pull-request comment: a summary
//! heading, the draft's claims with their verdicts (in draft mode), the
//! conflicts as a list with every claim quoted and located, and the
//! agreements folded away in a `<details>` block. Everything quoted from the
//! input is escaped, so an article's own markup never renders.

use super::table::excerpt;
use super::{PathNames, locate};
use crate::Run;
use crate::compare::{Finding, FindingKind};
use crate::extract::Claim;
use crate::rules::Severity;

/// The whole Markdown report.
pub fn report_markdown(run: &Run) -> String {
    let mut out = String::new();
    let errors = run
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Conflict && f.severity == Severity::Error)
        .count();
    out.push_str(&format!(
        "## crosscheck: {} conflicts ({errors} errors), {} agreements, {} unsupported\n\n",
        run.count(FindingKind::Conflict),
        run.count(FindingKind::Agreement),
        run.count(FindingKind::Unsupported),
    ));
    let paths = PathNames::new(&run.docs);
    out.push_str(&format!(
        "{} sources, {} claims",
        run.docs.len(),
        run.claims.len()
    ));
    if !paths.root.is_empty() {
        out.push_str(&format!("; files in `{}`", paths.root.replace('`', "'")));
    }
    out.push_str(".\n\n");
    draft_section(run, &paths, &mut out);
    let section = |title: &str, kind: FindingKind, out: &mut String| {
        let found: Vec<(usize, &Finding)> = run
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| f.kind == kind)
            .collect();
        if found.is_empty() {
            return;
        }
        let folded = kind != FindingKind::Conflict;
        if folded {
            out.push_str(&format!(
                "<details><summary>{title} ({})</summary>\n\n",
                found.len()
            ));
        } else {
            out.push_str(&format!("### {title}\n\n"));
        }
        for (n, f) in found {
            finding(run, &paths, n, f, out);
        }
        if folded {
            out.push_str("</details>\n\n");
        }
    };
    section("Conflicts", FindingKind::Conflict, &mut out);
    section("Agreements", FindingKind::Agreement, &mut out);
    section("Unsupported claims", FindingKind::Unsupported, &mut out);
    out
}

/// The draft's claims in draft order, as a table with their verdicts.
fn draft_section(run: &Run, paths: &PathNames, out: &mut String) {
    let verdicts = run.draft_verdicts();
    if verdicts.is_empty() {
        return;
    }
    out.push_str("### Draft claims\n\n| Claim | Verdict | Findings |\n|---|---|---|\n");
    for v in &verdicts {
        let Some(claim) = run.claims.get(v.claim) else {
            continue;
        };
        let ids: Vec<String> = v.findings.iter().map(|n| format!("F{}", n + 1)).collect();
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            quoted(claim, run, paths),
            v.standing.as_str(),
            ids.join(" ")
        ));
    }
    out.push('\n');
}

/// "- **F1** error `numeric.mismatch`: Broadcom · change: message", then the claims.
fn finding(run: &Run, paths: &PathNames, n: usize, f: &Finding, out: &mut String) {
    out.push_str(&format!(
        "- **F{}** {} `{}` · {} · {}: {}\n",
        n + 1,
        f.severity,
        f.rule,
        escape(&f.subject),
        escape(&f.attribute),
        escape(&f.message)
    ));
    for claim in f.claims.iter().filter_map(|&i| run.claims.get(i)) {
        out.push_str(&format!("  - {}\n", quoted(claim, run, paths)));
    }
}

/// "`path:line:col` «evidence» in its sentence", the path relative to the
/// folder all the files share (as in the table).
fn quoted(claim: &Claim, run: &Run, paths: &PathNames) -> String {
    let Some(l) = locate(claim, &run.docs) else {
        return String::new();
    };
    format!(
        "`{}:{}:{}` {}",
        paths.name(claim.doc).replace('`', "'"),
        l.line,
        l.column,
        escape(&excerpt(claim, &run.docs))
    )
}

/// Backslash-escapes every ASCII character that Markdown (or a table cell)
/// could read as markup; CommonMark reads `\x` as a literal `x` for any
/// ASCII punctuation.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_{}[]<>()#+-!|~&".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_in_quotes_is_escaped() {
        assert_eq!(escape("**5%** | <b>x</b>"), r"\*\*5%\*\* \| \<b\>x\</b\>");
        assert_eq!(escape("[link](http://x)"), r"\[link\]\(http://x\)");
        assert_eq!(escape("plain 6.27%"), "plain 6.27%");
    }
}
