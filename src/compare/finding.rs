//! A finding: what a rule concluded about a group of claims.

use crate::rules::{RuleId, Severity};
use crate::text::Sym;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FindingKind {
    Conflict,
    Agreement,
    Unsupported,
}

impl FindingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Conflict => "conflict",
            FindingKind::Agreement => "agreement",
            FindingKind::Unsupported => "unsupported",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub kind: FindingKind,
    pub rule: RuleId,
    pub severity: Severity,
    /// Canonical subject (shared with the claims': a run has a finding
    /// for every few claims).
    pub subject: Sym,
    pub attribute: Sym,
    pub message: String,
    /// Indices into the run's claims, in document order.
    pub claims: Vec<usize>,
    /// The claims of each value compared: one side for an agreement or an
    /// unsupported claim, two for a conflict.
    pub sides: Vec<Vec<usize>>,
    /// For a conflict: the frame slots the claims share, which made them
    /// one fact ("measure \"people\"", "predicate \"kill\"").
    pub same_fact: Vec<String>,
}
