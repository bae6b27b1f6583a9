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

impl Summary {
    fn of(run: &Run) -> Summary {
        Summary {
            sources: run.docs.len(),
            claims: run.claims.len(),
            agreements: run.count(FindingKind::Agreement),
            conflicts: run.count(FindingKind::Conflict),
            unsupported: run.count(FindingKind::Unsupported),
        }
    }
}

/// A draft claim's standing, with the findings that gave it.
#[derive(Serialize)]
struct JsonVerdict<'a> {
    standing: &'static str,
    findings: Vec<String>,
    claim: Located<'a>,
}

/// The findings of a run, each made as it is written rather than all at
/// once: with thousands of findings quoting their sentences, holding them
/// all was the largest thing in memory.
struct Findings<'a> {
    run: &'a Run,
    explain: Option<&'a crate::rules::Rules>,
}

impl Serialize for Findings<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let run = self.run;
        serializer.collect_seq(
            run.findings
                .iter()
                .enumerate()
                .map(|(n, f)| json_finding(run, n, f, self.explain)),
        )
    }
}

/// Finding `n` of a run as the report writes it.
fn json_finding<'a>(
    run: &'a Run,
    n: usize,
    f: &'a crate::compare::Finding,
    explain: Option<&crate::rules::Rules>,
) -> JsonFinding<'a> {
    // The finding's claims that can be placed (all of a run's own), by id:
    // `sides` counts positions in this list.
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
}

#[derive(Serialize)]
struct Report<'a> {
    schema: &'static str,
    sources: Vec<Source<'a>>,
    findings: Findings<'a>,
    /// In draft mode: every draft claim in draft order with its standing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    draft: Vec<JsonVerdict<'a>>,
    summary: Summary,
}

fn sources<'a>(docs: &'a [Document], claims: &[Claim]) -> Vec<Source<'a>> {
    // Claims per document in one pass over the claims.
    let mut counts = vec![0usize; docs.len()];
    for c in claims {
        if let Some(n) = counts.get_mut(c.doc) {
            *n += 1;
        }
    }
    docs.iter()
        .zip(counts)
        .map(|(d, claims)| Source {
            id: &d.id,
            path: d.path.display().to_string(),
            role: d.role,
            claims,
        })
        .collect()
}

/// The report of a check run, pretty-printed; with `explain`, each finding
/// says which rule fired with which settings.
pub fn report_json(run: &Run, explain: Option<&crate::rules::Rules>) -> String {
    pretty(&report(run, explain))
}

/// The report of `report_json`, written to `out` as it is made (a large
/// run's report is many times its input: it is never held whole).
pub fn write_json(
    run: &Run,
    explain: Option<&crate::rules::Rules>,
    out: impl std::io::Write,
) -> std::io::Result<()> {
    // serde_json writes a few bytes at a time: into a buffer of a known
    // type they are copied inline, not each passed through `out`.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Pretty::default());
    report(run, explain)
        .serialize(&mut ser)
        .map_err(std::io::Error::from)?;
    std::io::Write::flush(&mut out)
}

/// serde_json's pretty layout (two spaces a level), each line break and
/// its indentation written in one piece: serde_json's own formatter
/// writes the indentation two bytes at a time, a call each, and a large
/// report has millions of them.
#[derive(Default)]
struct Pretty {
    level: usize,
    has_value: bool,
}

/// ",\n" and the indentation of 32 levels; deeper ones (no report nests
/// so deep) are written a level at a time.
const BREAK: &[u8] = b",\n                                                                ";

impl Pretty {
    /// A line break (after a comma unless `first`) and the current
    /// indentation.
    fn line<W: ?Sized + std::io::Write>(&self, w: &mut W, first: bool) -> std::io::Result<()> {
        let from = usize::from(first);
        match BREAK.get(from..2 + 2 * self.level) {
            Some(bytes) => w.write_all(bytes),
            None => {
                w.write_all(BREAK.get(from..2).unwrap_or_default())?;
                for _ in 0..self.level {
                    w.write_all(b"  ")?;
                }
                Ok(())
            }
        }
    }

    /// Opens an array or object with `mark`, one level deeper.
    fn open<W: ?Sized + std::io::Write>(&mut self, w: &mut W, mark: &[u8]) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(mark)
    }

    /// Closes an array or object with `mark` on a line of its own when it
    /// held anything.
    fn close<W: ?Sized + std::io::Write>(&mut self, w: &mut W, mark: &[u8]) -> std::io::Result<()> {
        self.level = self.level.saturating_sub(1);
        if self.has_value {
            self.line(w, true)?;
        }
        w.write_all(mark)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.line(w, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.line(w, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

fn report<'a>(run: &'a Run, explain: Option<&'a crate::rules::Rules>) -> Report<'a> {
    let findings = Findings { run, explain };
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
    Report {
        schema: "crosscheck.report/1",
        sources: sources(&run.docs, &run.claims),
        findings,
        draft,
        summary: Summary::of(run),
    }
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

/// A claim in the compact report: where it is and what it says, once.
#[derive(Serialize)]
struct CompactClaim<'a> {
    /// Position of its document in `sources`.
    source: usize,
    line: usize,
    column: usize,
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(skip_serializing_if = "is_confirmed")]
    modality: crate::extract::Modality,
}

fn is_confirmed(m: &crate::extract::Modality) -> bool {
    *m == crate::extract::Modality::Confirmed
}

#[derive(Serialize)]
struct CompactFinding<'a> {
    kind: FindingKind,
    rule: &'static str,
    severity: crate::rules::Severity,
    subject: &'a str,
    attribute: &'a str,
    message: &'a str,
    /// Positions in the report's `claims`.
    claims: Vec<usize>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sides: Vec<Vec<usize>>,
}

#[derive(Serialize)]
struct CompactVerdict {
    standing: &'static str,
    /// Positions in `findings`.
    findings: Vec<usize>,
    claim: usize,
}

#[derive(Serialize)]
struct CompactReport<'a> {
    schema: &'static str,
    sources: Vec<Source<'a>>,
    claims: Vec<CompactClaim<'a>>,
    findings: Vec<CompactFinding<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    draft: Vec<CompactVerdict>,
    summary: Summary,
}

/// The compact report (`crosscheck.report.compact/1`), on one line: each
/// claim a finding or a draft verdict refers to is written once, findings
/// refer to claims and claims to sources by position, and no sentence is
/// repeated (a claim's byte span locates it in its file).
pub fn report_json_compact(run: &Run) -> String {
    let verdicts = run.draft_verdicts();
    // Run claim index → position in the report's claims, in first-use order.
    let mut position: std::collections::HashMap<usize, usize> = Default::default();
    let mut used: Vec<usize> = Vec::new();
    let mut place = |i: usize| -> usize {
        *position.entry(i).or_insert_with(|| {
            used.push(i);
            used.len() - 1
        })
    };
    let findings: Vec<CompactFinding> = run
        .findings
        .iter()
        .map(|f| CompactFinding {
            kind: f.kind,
            rule: f.rule.as_str(),
            severity: f.severity,
            subject: &f.subject,
            attribute: &f.attribute,
            message: &f.message,
            claims: f.claims.iter().map(|&i| place(i)).collect(),
            sides: if f.kind == FindingKind::Conflict {
                f.sides
                    .iter()
                    .map(|side| side.iter().map(|&i| place(i)).collect())
                    .collect()
            } else {
                Vec::new()
            },
        })
        .collect();
    let draft: Vec<CompactVerdict> = verdicts
        .iter()
        .map(|v| CompactVerdict {
            standing: v.standing.as_str(),
            findings: v.findings.clone(),
            claim: place(v.claim),
        })
        .collect();
    let claims = used
        .iter()
        .filter_map(|&i| run.claims.get(i))
        .map(|c| {
            let lc = run
                .docs
                .get(c.doc)
                .map(|d| d.line_col(c.span.start()))
                .unwrap_or(crate::span::LineCol { line: 0, column: 0 });
            CompactClaim {
                source: c.doc,
                line: lc.line,
                column: lc.column,
                start: c.span.start(),
                end: c.span.end(),
                text: &c.text,
                modality: c.modality,
            }
        })
        .collect();
    let report = CompactReport {
        schema: "crosscheck.report.compact/1",
        sources: sources(&run.docs, &run.claims),
        claims,
        findings,
        draft,
        summary: Summary::of(run),
    };
    serde_json::to_string(&report).unwrap_or_default()
}
