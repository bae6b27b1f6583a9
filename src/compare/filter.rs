//! After comparison: drops findings outside their rule's scope (subjects,
//! attributes, file globs) and findings about a claim inside an inline
//! `crosscheck-disable` region for that rule.

use super::Finding;
use crate::extract::Claim;
use crate::group::same_name;
use crate::ingest::Document;
use crate::rules::{Rules, Scope};
use globset::{Glob, GlobSet, GlobSetBuilder};

struct CompiledScope<'a> {
    scope: &'a Scope,
    files: Option<GlobSet>,
}

impl CompiledScope<'_> {
    fn admits(&self, f: &Finding, claims: &[Claim], docs: &[Document]) -> bool {
        let s = self.scope;
        let subject_ok = s.subjects.is_empty()
            || s.subjects.iter().any(|n| {
                same_name(n, &f.subject)
                    || f.claims
                        .iter()
                        .filter_map(|&i| claims.get(i))
                        .any(|c| same_name(n, &c.subject))
            });
        let attribute_ok = s.attributes.is_empty()
            || s.attributes
                .iter()
                .any(|a| *a == f.attribute || f.attribute.strip_suffix(" forecast") == Some(a));
        let files_ok = self.files.as_ref().is_none_or(|set| {
            f.claims
                .iter()
                .filter_map(|&i| docs.get(claims.get(i)?.doc))
                .any(|d| set.is_match(&d.path))
        });
        subject_ok && attribute_ok && files_ok
    }
}

/// Keeps the findings the scopes admit and the suppressions leave alone.
pub fn apply(
    findings: Vec<Finding>,
    claims: &[Claim],
    docs: &[Document],
    rules: &Rules,
) -> Vec<Finding> {
    let scopes: Vec<(crate::rules::RuleId, CompiledScope)> = rules
        .scope
        .iter()
        .map(|(id, scope)| {
            let files = (!scope.files.is_empty()).then(|| {
                let mut b = GlobSetBuilder::new();
                // Globs were validated when the rules were loaded.
                for g in scope.files.iter().filter_map(|g| Glob::new(g).ok()) {
                    b.add(g);
                }
                b.build().unwrap_or_else(|_| GlobSet::empty())
            });
            (*id, CompiledScope { scope, files })
        })
        .collect();
    findings
        .into_iter()
        .filter(|f| {
            scopes
                .iter()
                .filter(|(id, _)| *id == f.rule)
                .all(|(_, s)| s.admits(f, claims, docs))
        })
        .filter(|f| {
            !f.claims.iter().any(|&i| {
                let Some(c) = claims.get(i) else {
                    return false;
                };
                docs.get(c.doc)
                    .is_some_and(|d| d.suppressions.iter().any(|s| s.covers(f.rule, c.span)))
            })
        })
        .collect()
}
