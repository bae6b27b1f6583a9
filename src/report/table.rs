//! The terminal table: conflicts first (errors, then warnings), then
//! agreements, then (on request) unsupported claims, which otherwise are
//! summarised per source in one line. Every claim is quoted with file:line:col.

use super::{PathNames, collapse, draft_summary, locate, run_summary};
use crate::Run;
use crate::compare::FindingKind;
use crate::extract::{Claim, Value};
use crate::ingest::Document;
use crate::rules::Severity;
use comfy_table::{Cell, Color, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Which kinds of finding get rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Show {
    pub conflicts: bool,
    pub agreements: bool,
    pub unsupported: bool,
}

impl Default for Show {
    fn default() -> Self {
        Show {
            conflicts: true,
            agreements: true,
            unsupported: false,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct TableOptions {
    pub show: Show,
    /// Colour already decided (a TTY and not `--color never`, or `--color always`).
    pub color: bool,
    pub width: u16,
}

fn new_table(opts: &TableOptions, header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(opts.width)
        .set_header(header.to_vec());
    if opts.color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    t
}

fn severity_cell(s: Severity, color: bool) -> Cell {
    let cell = Cell::new(s.to_string());
    if !color {
        return cell;
    }
    cell.fg(match s {
        Severity::Error => Color::Red,
        Severity::Warning => Color::Yellow,
        Severity::Info => Color::Cyan,
    })
}

/// One line per claim: where it is, what it says, and the sentence around it.
fn evidence(claim: &Claim, docs: &[Document], paths: &PathNames) -> Option<String> {
    let l = locate(claim, docs)?;
    Some(format!(
        "{}:{}:{} \"{}\"{}\n  {}",
        paths.name(claim.doc),
        l.line,
        l.column,
        collapse(l.text),
        modality_note(claim),
        excerpt(claim, docs)
    ))
}

/// " (reported)", " (speculative)": a claim's modality when it is not a plain statement.
fn modality_note(claim: &Claim) -> String {
    match claim.modality {
        crate::extract::Modality::Confirmed => String::new(),
        m => format!(" ({})", modality_name(m)),
    }
}

fn modality_name(m: crate::extract::Modality) -> String {
    serde_json::to_value(m)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// How many characters of context an excerpt keeps on each side of the evidence.
const CONTEXT: usize = 40;

/// The sentence around the evidence, about 40 characters each side, cut at
/// word boundaries, markup left out, evidence marked «…».
pub(crate) fn excerpt(claim: &Claim, docs: &[Document]) -> String {
    let Some(doc) = docs.get(claim.doc) else {
        return String::new();
    };
    // The prose copy: Markdown and HTML markup blanked, same offsets.
    let sent = claim.sentence;
    let (s, e) = (claim.span.start(), claim.span.end());
    let before = collapse(doc.prose_get(sent.start()..s).unwrap_or(""));
    let after = collapse(doc.prose_get(e..sent.end()).unwrap_or(""));
    let before = match before.char_indices().rev().nth(CONTEXT - 1) {
        // Cut at the first word boundary inside the last 40 characters.
        Some((cut, _)) => {
            let tail = before.get(cut..).unwrap_or("");
            let tail = match tail.find(' ') {
                Some(sp) if sp + 1 < tail.len() => tail.get(sp + 1..).unwrap_or(tail),
                _ => tail,
            };
            format!("…{tail}")
        }
        None => before,
    };
    let after = match after.char_indices().nth(CONTEXT) {
        // Cut at the last word boundary inside the first 40 characters.
        Some((cut, _)) => {
            let head = after.get(..cut).unwrap_or("");
            let head = match head.rfind(' ') {
                Some(sp) if sp > 0 => head.get(..sp).unwrap_or(head),
                _ => head,
            };
            format!("{head}…")
        }
        None => after,
    };
    let sep_before = if before.is_empty()
        || doc
            .prose_get(sent.start().min(s)..s)
            .is_some_and(|t| !t.ends_with(char::is_whitespace))
    {
        ""
    } else {
        " "
    };
    let sep_after = if after.is_empty()
        || doc
            .prose_get(e..sent.end().max(e))
            .is_some_and(|t| !t.starts_with(char::is_whitespace))
    {
        ""
    } else {
        " "
    };
    let quote = collapse(doc.prose_get(s..e).unwrap_or(&claim.text));
    format!("{before}{sep_before}«{quote}»{sep_after}{after}")
}

/// The findings table, a summary line, and the unsupported-per-source line.
pub fn report_table(
    run: &Run,
    opts: &TableOptions,
    explain: Option<&crate::rules::Rules>,
) -> String {
    let mut out = String::new();
    let paths = PathNames::new(&run.docs);
    if !paths.root.is_empty() {
        out.push_str(&format!("files in {}\n", paths.root));
    }
    let verdicts = run.draft_verdicts();
    if !verdicts.is_empty() {
        out.push_str(&draft_table(run, &verdicts, opts, &paths));
    }
    let wanted = |k: FindingKind| match k {
        FindingKind::Conflict => opts.show.conflicts,
        FindingKind::Agreement => opts.show.agreements,
        FindingKind::Unsupported => opts.show.unsupported,
    };
    let rows: Vec<_> = run.findings.iter().filter(|f| wanted(f.kind)).collect();
    if !rows.is_empty() {
        let mut t = new_table(
            opts,
            &["#", "Severity", "Finding", "Subject · attribute", "Claims"],
        );
        for f in &rows {
            let n = run
                .findings
                .iter()
                .position(|x| std::ptr::eq(x, *f))
                .unwrap_or(0);
            let claims: Vec<String> = f
                .claims
                .iter()
                .filter_map(|&i| evidence(run.claims.get(i)?, &run.docs, &paths))
                .collect();
            t.add_row(vec![
                Cell::new(format!("F{}", n + 1)),
                severity_cell(f.severity, opts.color),
                Cell::new({
                    let mut head = if f.kind.as_str() == f.rule.as_str() {
                        format!("{}\n{}", f.kind.as_str(), f.message)
                    } else {
                        format!("{} {}\n{}", f.kind.as_str(), f.rule, f.message)
                    };
                    // One row per fact: how many sources give each value.
                    if f.kind == FindingKind::Conflict
                        && let Some(tally) = side_tally(f, &run.claims)
                    {
                        head.push('\n');
                        head.push_str(&tally);
                    }
                    match explain {
                        Some(r) => format!("{head}\n{}", crate::compare::explain(f, r).line()),
                        None => head,
                    }
                }),
                Cell::new(format!("{}\n· {}", f.subject, f.attribute)),
                Cell::new(claims.join("\n")),
            ]);
        }
        keep_locations_whole(&mut t, 4, run, &paths, opts.width);
        // A rule id ("numeric.precision") is one word: never broken.
        let rule = rows
            .iter()
            .map(|f| f.rule.as_str().len())
            .max()
            .unwrap_or(0);
        at_least(&mut t, 2, rule.min(usize::from(opts.width / 4)) + 2);
        out.push_str(&t.to_string());
        out.push('\n');
    }
    out.push_str(&run_summary(run));
    out.push('\n');
    if let Some(line) = draft_summary(&verdicts) {
        out.push_str(&line);
        out.push('\n');
    }
    if !opts.show.unsupported && run.count(FindingKind::Unsupported) > 0 {
        let mut per: Vec<(String, usize)> = Vec::new();
        for f in run
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::Unsupported)
        {
            if let Some(doc) = f
                .claims
                .first()
                .and_then(|&c| run.claims.get(c))
                .and_then(|c| run.docs.get(c.doc))
            {
                let id = doc.id.clone();
                match per.iter_mut().find(|(s, _)| *s == id) {
                    Some((_, n)) => *n += 1,
                    None => per.push((id, 1)),
                }
            }
        }
        let list: Vec<String> = per.iter().map(|(s, n)| format!("{s} {n}")).collect();
        out.push_str(&format!(
            "unsupported claims by source: {} (--show unsupported lists them)\n",
            list.join(", ")
        ));
    }
    out
}

/// The draft's claims in draft order, each with its verdict and the findings
/// that gave it, before the findings themselves.
fn draft_table(
    run: &Run,
    verdicts: &[crate::compare::DraftVerdict],
    opts: &TableOptions,
    paths: &PathNames,
) -> String {
    use crate::compare::Standing;
    let mut t = new_table(opts, &["Draft claim", "Verdict", "Findings"]);
    for v in verdicts {
        let Some(claim) = run.claims.get(v.claim) else {
            continue;
        };
        let verdict = Cell::new(v.standing.as_str());
        let verdict = if opts.color {
            verdict.fg(match v.standing {
                Standing::Supported => Color::Green,
                Standing::Contradicted => Color::Red,
                Standing::SourcesDisagree => Color::Yellow,
                Standing::Unsupported => Color::Cyan,
            })
        } else {
            verdict
        };
        let ids: Vec<String> = v.findings.iter().map(|n| format!("F{}", n + 1)).collect();
        t.add_row(vec![
            Cell::new(evidence(claim, &run.docs, paths).unwrap_or_default()),
            verdict,
            Cell::new(ids.join(" ")),
        ]);
    }
    format!("{t}\n")
}

/// Gives the claims column at least the width of its longest `path:line:col`
/// (up to half the table), so that a location is never broken mid-word.
fn keep_locations_whole(t: &mut Table, column: usize, run: &Run, paths: &PathNames, width: u16) {
    let longest = run
        .claims
        .iter()
        .map(|c| {
            let l = run.docs.get(c.doc).map(|d| d.line_col(c.span.start()));
            let (line, col) = l.map_or((0, 0), |l| (l.line, l.column));
            format!("{}:{line}:{col}", paths.name(c.doc))
                .chars()
                .count()
        })
        .max()
        .unwrap_or(0);
    let cap = usize::from(width / 2);
    at_least(t, column, longest.min(cap) + 2);
}

/// Gives a column at least `min` characters (borders' padding included).
fn at_least(t: &mut Table, column: usize, min: usize) {
    use comfy_table::{ColumnConstraint, Width};
    let min = u16::try_from(min).unwrap_or(u16::MAX);
    if let Some(col) = t.column_mut(column) {
        col.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(min)));
    }
}

/// Every claim of the documents with its evidence, for `crosscheck claims`.
/// "«6.27%» 3 sources · «about 6%» 1 source": each value of a conflict
/// with the number of sources that give it, when one has more than one.
fn side_tally(f: &crate::compare::Finding, claims: &[Claim]) -> Option<String> {
    let parts: Vec<(String, usize)> = f
        .sides
        .iter()
        .filter_map(|side| {
            let first = claims.get(*side.first()?)?;
            let docs: std::collections::BTreeSet<usize> = side
                .iter()
                .filter_map(|&i| claims.get(i))
                .map(|c| c.doc)
                .collect();
            let label = match &first.value {
                Value::Action(a) => a.phrase.to_string(),
                _ => first.text.to_string(),
            };
            Some((label, docs.len()))
        })
        .collect();
    parts.iter().any(|(_, n)| *n > 1).then(|| {
        parts
            .iter()
            .map(|(label, n)| format!("«{label}» {n} source{}", if *n == 1 { "" } else { "s" }))
            .collect::<Vec<_>>()
            .join(" · ")
    })
}

pub fn claims_table(docs: &[Document], claims: &[Claim], opts: &TableOptions) -> String {
    let mut t = new_table(
        opts,
        &[
            "Location",
            "Subject",
            "Attribute",
            "Value",
            "Modality",
            "Evidence",
        ],
    );
    let paths = PathNames::new(docs);
    for c in claims {
        let Some(l) = locate(c, docs) else { continue };
        t.add_row(vec![
            Cell::new(format!("{}:{}:{}", paths.name(c.doc), l.line, l.column)),
            Cell::new(if c.group == c.subject || c.group.is_empty() {
                c.subject.to_string()
            } else {
                format!("{}\n(as \"{}\")", c.group, c.subject)
            }),
            Cell::new(&c.attribute),
            Cell::new(describe_value(&c.value)),
            Cell::new(format!(
                "{}{}",
                modality_name(c.modality),
                c.attribution
                    .as_deref()
                    .map(|a| format!("\n({a})"))
                    .unwrap_or_default()
            )),
            Cell::new(excerpt(c, docs)),
        ]);
    }
    let root = if paths.root.is_empty() {
        String::new()
    } else {
        format!("files in {}\n", paths.root)
    };
    format!(
        "{root}{t}\n{} claims in {} documents\n",
        claims.len(),
        docs.len()
    )
}

/// A short, human description of a value: "-4.35 % (exact)", "$3.2e9 USD".
fn describe_value(v: &Value) -> String {
    use crate::extract::{Direction, Qualifier, Unit};
    match v {
        Value::Quantity(q) => {
            if q.vague {
                return "vague".into();
            }
            let dir = match q.direction {
                Some(Direction::Up) => "up ",
                Some(Direction::Down) => "down ",
                None => "",
            };
            let qual = match q.qualifier {
                Qualifier::Exact => "",
                Qualifier::About => "about ",
                Qualifier::Nearly => "nearly ",
                Qualifier::MoreThan => "more than ",
                Qualifier::LessThan => "at most ",
                Qualifier::Range => "range ",
            };
            let num = |x: f64| {
                let s = format!("{x:.6}");
                s.trim_end_matches('0').trim_end_matches('.').to_string()
            };
            let value = match &q.unit {
                Unit::Percent => format!("{}%", num(q.value.abs())),
                Unit::PercentagePoints => format!("{} pp", num(q.value.abs())),
                Unit::Multiple => format!("{}x", num(q.value)),
                Unit::Money { currency } => format!("{} {currency}", money(q.value)),
                Unit::Count { noun } => format!("{} {noun}", money(q.value)),
                Unit::Clock => {
                    let m = q.value as u32;
                    format!("{:02}:{:02}", m / 60, m % 60)
                }
            };
            let high = q.high.map(|h| format!("–{}", num(h))).unwrap_or_default();
            format!("{dir}{qual}{value}{high}")
        }
        Value::Date(d) => {
            let mut parts = Vec::new();
            if let Some(w) = d.weekday {
                parts.push(crate::extract::weekday_name(w).to_string());
            }
            if let Some(y) = d.year {
                let mut s = y.to_string();
                if let Some(m) = d.month {
                    s.push_str(&format!("-{m:02}"));
                    if let Some(day) = d.day {
                        s.push_str(&format!("-{day:02}"));
                    }
                }
                parts.push(s);
            } else if let (Some(m), Some(day)) = (d.month, d.day) {
                parts.push(format!("--{m:02}-{day:02}"));
            }
            if let Some(p) = d.period {
                parts.push(format!("{p:?}"));
            }
            parts.join(" ")
        }
        Value::Action(a) => format!("action: {}", a.keys.join(" ")),
        Value::Name(n) => format!("name: {}", n.written),
    }
}

/// 3200000000 → "3.2 billion".
fn money(v: f64) -> String {
    let (div, word) = if v.abs() >= 1e12 {
        (1e12, " trillion")
    } else if v.abs() >= 1e9 {
        (1e9, " billion")
    } else if v.abs() >= 1e6 {
        (1e6, " million")
    } else {
        (1.0, "")
    };
    let s = format!("{:.4}", v / div);
    format!("{}{word}", s.trim_end_matches('0').trim_end_matches('.'))
}
