//! A document's prose with its claims marked by verdict: `<mark
//! class="claim" data-verdict=… id="c<claim>">`, each followed by links to
//! its findings. Overlapping claims nest; a claim that crosses the end of
//! another is closed there and continued in a second mark (class `cont`,
//! no id), so the markup stays well formed.

use super::{fid, loc, push_escaped};
use crate::Run;
use crate::compare::{DraftVerdict, FindingKind, Standing};
use crate::ingest::{Document, Role};
use crate::report::PathNames;
use std::collections::{BTreeMap, BTreeSet};

/// One claim to mark in a document's text.
pub(super) struct Mark {
    start: usize,
    end: usize,
    claim: usize,
    verdict: &'static str,
    findings: Vec<usize>,
}

fn standing_slug(s: Standing) -> &'static str {
    match s {
        Standing::Supported => "supported",
        Standing::Contradicted => "contradicted",
        Standing::SourcesDisagree => "sources-disagree",
        Standing::Unsupported => "unsupported",
    }
}

/// The marks of each document: a draft claim by its standing (every draft
/// claim), a source claim by the strongest kind of its findings (conflict,
/// then agreement, then unsupported; claims in no finding are not marked).
pub(super) fn marks(run: &Run, verdicts: &[DraftVerdict]) -> Vec<Vec<Mark>> {
    let mut out: Vec<Vec<Mark>> = run.docs.iter().map(|_| Vec::new()).collect();
    let mut add = |claim: usize, verdict: &'static str, findings: Vec<usize>| {
        if let Some(c) = run.claims.get(claim)
            && let Some(list) = out.get_mut(c.doc)
        {
            let (start, end) = (c.span.start(), c.span.end());
            list.push(Mark {
                start,
                end,
                claim,
                verdict,
                findings,
            });
        }
    };
    for v in verdicts {
        add(v.claim, standing_slug(v.standing), v.findings.clone());
    }
    let mut of_claim: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (n, f) in run.findings.iter().enumerate() {
        for &c in &f.claims {
            of_claim.entry(c).or_default().push(n);
        }
    }
    for (i, found) in of_claim {
        let draft = run.claims.get(i).and_then(|c| run.docs.get(c.doc));
        if draft.is_none_or(|d| d.role == Role::Draft) {
            continue;
        }
        let kinds = found.iter().filter_map(|&n| run.findings.get(n));
        let kind = kinds
            .map(|f| f.kind)
            .min()
            .unwrap_or(FindingKind::Unsupported);
        add(i, kind.as_str(), found);
    }
    out
}

/// The prose of `doc` (markup blanked, same offsets) with `marks` marked,
/// escaped; every claim given an id goes into `rendered`.
pub(super) fn marked_text(
    doc: &Document,
    marks: &mut [Mark],
    run: &Run,
    paths: &PathNames,
    rendered: &mut BTreeSet<usize>,
) -> String {
    let text = &doc.prose;
    marks.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end), m.claim));
    let valid: Vec<&Mark> = marks
        .iter()
        .filter(|m| m.start < m.end && text.get(m.start..m.end).is_some())
        .collect();
    let mut cuts: Vec<usize> = valid.iter().flat_map(|m| [m.start, m.end]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    let (mut out, mut stack, mut pos, mut next) = (String::new(), Vec::<&Mark>::new(), 0, 0);
    for cut in cuts {
        out.push_str(&tidy(text.get(pos..cut).unwrap_or(""), pos == 0, false));
        pos = cut;
        if let Some(k) = stack.iter().position(|m| m.end == cut) {
            let above = stack.split_off(k);
            out.push_str(&"</mark>".repeat(above.len()));
            for m in above
                .iter()
                .filter(|m| m.end == cut && !m.findings.is_empty())
            {
                let links: Vec<String> = m
                    .findings
                    .iter()
                    .map(|&n| format!("<a href=\"#{0}\">{0}</a>", fid(n)))
                    .collect();
                out.push_str(&format!("<sup class=\"refs\">{}</sup>", links.join(" ")));
            }
            for m in above.into_iter().filter(|m| m.end != cut) {
                out.push_str(&format!(
                    "<mark class=\"claim cont\" data-verdict=\"{}\" data-claim=\"{}\">",
                    m.verdict, m.claim
                ));
                stack.push(m);
            }
        }
        while let Some(&m) = valid.get(next).filter(|m| m.start == cut) {
            let ids: Vec<String> = m.findings.iter().map(|&n| fid(n)).collect();
            let ids = ids.join(" ");
            let at = run
                .claims
                .get(m.claim)
                .map(|c| loc(c, &run.docs, paths))
                .unwrap_or_default();
            out.push_str(&format!(
                "<mark class=\"claim\" data-verdict=\"{0}\" id=\"c{1}\" data-loc=\"{at}\" data-findings=\"{ids}\" title=\"{at} · {2} · {ids}\">",
                m.verdict,
                m.claim,
                m.verdict.replace('-', " "),
            ));
            rendered.insert(m.claim);
            stack.push(m);
            next += 1;
        }
    }
    out.push_str(&tidy(text.get(pos..).unwrap_or(""), pos == 0, true));
    out
}

/// Blanked markup leaves runs of spaces and empty lines: one space, at most
/// one empty line, none at the start or end of the text. Escaped.
fn tidy(s: &str, first: bool, last: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let (mut space, mut newlines, mut started) = (false, 0usize, !first);
    let gap = |out: &mut String, space: bool, newlines: usize| match newlines {
        0 if space => out.push(' '),
        0 => {}
        1 => out.push('\n'),
        _ => out.push_str("\n\n"),
    };
    for ch in s.chars() {
        if ch == '\n' {
            (space, newlines) = (false, newlines + 1);
        } else if ch.is_whitespace() {
            space = true;
        } else {
            if started {
                gap(&mut out, space, newlines);
            }
            (space, newlines, started) = (false, 0, true);
            push_escaped(&mut out, ch);
        }
    }
    if started && !last {
        gap(&mut out, space, newlines);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_folds_blanked_markup_and_escapes() {
        assert_eq!(
            tidy("  \n\n\n  a  <b>\n\n\n\nc  ", true, false),
            "a &lt;b&gt;\n\nc "
        );
        assert_eq!(tidy("x \n", false, true), "x");
        assert_eq!(tidy("   ", false, false), " ");
    }
}
