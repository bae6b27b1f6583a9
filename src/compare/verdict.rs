//! Draft verdicts: every checkable claim of a draft, in draft order, with
//! one verdict. In: the run's claims and findings. Out: a verdict a claim.
//! A draft that follows one source while another source says otherwise is
//! not contradicted: the sources disagree among themselves, and that is
//! reported apart.

use super::{Finding, FindingKind};
use crate::extract::Claim;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    /// A source states the same value.
    Supported,
    /// Sources state another value and none states the draft's.
    Contradicted,
    /// The draft's value is one source's; another source says otherwise.
    SourcesDisagree,
    /// No source says anything the draft's claim can be checked against.
    Unsupported,
}

impl Standing {
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Supported => "supported",
            Standing::Contradicted => "contradicted",
            Standing::SourcesDisagree => "sources disagree",
            Standing::Unsupported => "unsupported",
        }
    }
}

/// One draft claim's verdict and the findings (indices) that gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftVerdict {
    pub claim: usize,
    pub standing: Standing,
    pub findings: Vec<usize>,
}

/// A verdict for every claim of a draft document, in the draft's order.
pub fn draft_verdicts(
    claims: &[Claim],
    findings: &[Finding],
    is_draft: impl Fn(usize) -> bool,
) -> Vec<DraftVerdict> {
    let mut drafted: Vec<(usize, &Claim)> = claims
        .iter()
        .enumerate()
        .filter(|(_, c)| is_draft(c.doc))
        .collect();
    drafted.sort_by_key(|(_, c)| (c.doc, c.span));
    drafted
        .into_iter()
        .map(|(claim, _)| {
            let mut standing = Standing::Unsupported;
            let mut used = Vec::new();
            for (n, f) in findings.iter().enumerate() {
                if !f.claims.contains(&claim) {
                    continue;
                }
                used.push(n);
                let own_side_sourced = f
                    .sides
                    .iter()
                    .find(|side| side.contains(&claim))
                    .is_some_and(|side| {
                        side.iter()
                            .filter_map(|&c| claims.get(c))
                            .any(|c| !is_draft(c.doc))
                    });
                let this = match f.kind {
                    FindingKind::Agreement => Standing::Supported,
                    FindingKind::Conflict if own_side_sourced => Standing::SourcesDisagree,
                    FindingKind::Conflict => Standing::Contradicted,
                    FindingKind::Unsupported => Standing::Unsupported,
                };
                standing = strongest(standing, this);
            }
            DraftVerdict {
                claim,
                standing,
                findings: used,
            }
        })
        .collect()
}

/// What an editor must hear first: a contradiction, then a disagreement
/// among the sources, then support.
fn strongest(a: Standing, b: Standing) -> Standing {
    let rank = |v: Standing| match v {
        Standing::Contradicted => 3,
        Standing::SourcesDisagree => 2,
        Standing::Supported => 1,
        Standing::Unsupported => 0,
    };
    if rank(b) > rank(a) { b } else { a }
}
