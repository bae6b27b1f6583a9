//! The JSON contract: `crosscheck.report/1` for checks, `crosscheck.claims/1`
//! for the claims command.

use super::{Located, locate};
use crate::Run;
use crate::compare::FindingKind;
use crate::extract::Claim;
use crate::ingest::{Document, Role};
use serde::Serialize;

#[derive(Serialize)]
struct Source<'a> {
    id: &'a str,
    path: String,
    role: Role,
    claims: usize,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    /// Position in this report ("F1" …), for referring to a finding.
    id: String,
    kind: FindingKind,
    rule: &'static str,
    severity: crate::rules::Severity,
    subject: &'a str,
    attribute: &'a str,
    message: &'a str,
    /// The frame slots that made the claims one fact (conflicts).
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    same_fact: &'a [String],
    /// For a conflict: the claims of each value, as positions in `claims`
    /// (one row per fact: the sources that agree on a value are its side).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sides: Vec<Vec<usize>>,
    claims: Vec<Located<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explain: Option<crate::compare::Explanation>,
}

#[derive(Serialize)]
struct Summary {
    sources: usize,
    claims: usize,
    agreements: usize,
    conflicts: usize,
    unsupported: usize,
}

/// A draft claim's standing, with the findings that gave it.
#[derive(Serialize)]
struct JsonVerdict<'a> {
    standing: &'static str,
    findings: Vec<String>,
    claim: Located<'a>,
}

#[derive(Serialize)]
struct Report<'a> {
    schema: &'static str,
    sources: Vec<Source<'a>>,
    findings: Vec<JsonFinding<'a>>,
    /// In draft mode: every draft claim in draft order with its standing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    draft: Vec<JsonVerdict<'a>>,
    summary: Summary,
}

fn sources<'a>(docs: &'a [Document], claims: &[Claim]) -> Vec<Source<'a>> {
    docs.iter()
        .enumerate()
        .map(|(i, d)| Source {
            id: &d.id,
            path: d.path.display().to_string(),
            role: d.role,
            claims: claims.iter().filter(|c| c.doc == i).count(),
        })
        .collect()
}

/// The report of a check run, pretty-printed; with `explain`, each finding
/// says which rule fired with which settings.
pub fn report_json(run: &Run, explain: Option<&crate::rules::Rules>) -> String {
    let findings = run
        .findings
        .iter()
        .enumerate()
        .map(|(n, f)| {
            // The finding's claims that can be placed (all of a run's own),
            // by id: `sides` counts positions in this list.
            let located: Vec<(usize, Located)> = f
                .claims
                .iter()
                .filter_map(|&i| Some((i, locate(run.claims.get(i)?, &run.docs)?)))
                .collect();
            JsonFinding {
                id: format!("F{}", n + 1),
                explain: explain.map(|r| crate::compare::explain(f, r)),
                kind: f.kind,
                rule: f.rule.as_str(),
                severity: f.severity,
                subject: &f.subject,
                attribute: &f.attribute,
                message: &f.message,
                same_fact: &f.same_fact,
                sides: if f.kind == FindingKind::Conflict {
                    f.sides
                        .iter()
                        .map(|side| {
                            side.iter()
                                .filter_map(|c| located.iter().position(|(x, _)| x == c))
                                .collect()
                        })
                        .collect()
                } else {
                    Vec::new()
                },
                claims: located.into_iter().map(|(_, l)| l).collect(),
            }
        })
        .collect();
    let draft = run
        .draft_verdicts()
        .into_iter()
        .filter_map(|v| {
            Some(JsonVerdict {
                standing: v.standing.as_str(),
                findings: v.findings.iter().map(|n| format!("F{}", n + 1)).collect(),
                claim: locate(run.claims.get(v.claim)?, &run.docs)?,
            })
        })
        .collect();
    let report = Report {
        schema: "crosscheck.report/1",
        sources: sources(&run.docs, &run.claims),
        findings,
        draft,
        summary: Summary {
            sources: run.docs.len(),
            claims: run.claims.len(),
            agreements: run.count(FindingKind::Agreement),
            conflicts: run.count(FindingKind::Conflict),
            unsupported: run.count(FindingKind::Unsupported),
        },
    };
    pretty(&report)
}

/// Pretty-printed JSON of a report.
// reason: every type serialised here derives `Serialize` and its maps have
// string keys, the only things serde_json can fail on; a report always
// serialises.
#[allow(clippy::expect_used)]
fn pretty(report: &impl Serialize) -> String {
    serde_json::to_string_pretty(report).expect("a report serialises")
}

#[derive(Serialize)]
struct JsonClaim<'a> {
    subject: &'a str,
    #[serde(rename = "as_written")]
    written: &'a str,
    attribute: &'a str,
    #[serde(flatten)]
    located: Located<'a>,
}

#[derive(Serialize)]
struct ClaimsReport<'a> {
    schema: &'static str,
    sources: Vec<Source<'a>>,
    claims: Vec<JsonClaim<'a>>,
}

/// Every extracted claim, located.
pub fn claims_json(docs: &[Document], claims: &[Claim]) -> String {
    let report = ClaimsReport {
        schema: "crosscheck.claims/1",
        sources: sources(docs, claims),
        claims: claims
            .iter()
            .filter_map(|c| {
                Some(JsonClaim {
                    subject: &c.group,
                    written: &c.subject,
                    attribute: &c.attribute,
                    located: locate(c, docs)?,
                })
            })
            .collect(),
    };
    pretty(&report)
}
