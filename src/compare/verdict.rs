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
    let mut ids: Vec<usize> = (0..claims.len())
        .filter(|&i| is_draft(claims[i].doc))
        .collect();
    ids.sort_by_key(|&i| (claims[i].doc, claims[i].span));
    ids.into_iter()
        .map(|claim| {
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
                    .is_some_and(|side| side.iter().any(|&c| !is_draft(claims[c].doc)));
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
