//! Why a finding fired: its rule, the severity it got and where that came
//! from, and the settings the comparison used (for `--explain`).

use super::Finding;
use crate::rules::{RuleId, Rules, Scope, Severity};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Serialize)]
pub struct Explanation {
    pub rule: &'static str,
    pub checks: &'static str,
    pub severity: Severity,
    pub default_severity: Severity,
    /// The settings that decided this finding, as `key: value`.
    pub settings: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
}

pub fn explain(f: &Finding, rules: &Rules) -> Explanation {
    let doc = f.rule.doc();
    let mut settings = BTreeMap::new();
    match f.rule {
        RuleId::NumericMismatch | RuleId::NumericPrecision | RuleId::Agreement => {
            let n = rules.numeric_for(&f.attribute);
            let policy = |p: crate::rules::PrecisionPolicy| {
                serde_yaml::to_string(&p)
                    .unwrap_or_default()
                    .trim()
                    .to_string()
            };
            settings.insert("numeric.precision", policy(n.policy()));
            settings.insert("numeric.bounds", policy(n.bounds_policy()));
            settings.insert("numeric.absolute_tolerance", n.absolute().to_string());
            settings.insert("numeric.relative_tolerance", n.relative().to_string());
            settings.insert("numeric.approximate_tolerance", n.approximate().to_string());
            let own = rules
                .attributes
                .iter()
                .any(|a| a.name == f.attribute && a.tolerance.is_some());
            if own {
                settings.insert("tolerance from", format!("attributes.{}", f.attribute));
            }
        }
        RuleId::ModalityMismatch => {
            settings.insert(
                "levels",
                "confirmed against reported or speculative (modality word lists)".into(),
            );
        }
        RuleId::NameSpelling => {
            settings.insert(
                "grouping.fuzzy_threshold",
                rules.grouping.threshold().to_string(),
            );
        }
        RuleId::DateMismatch => {
            settings.insert(
                "dates",
                "day, month, year, period and weekday must fit".into(),
            );
        }
        RuleId::Unsupported => {
            let u = &rules.unsupported;
            settings.insert("unsupported.min_sources", u.min().to_string());
            if !u.attributes.is_empty() {
                settings.insert("unsupported.attributes", u.attributes.join(", "));
            }
            if !u.ignore.is_empty() {
                settings.insert("unsupported.ignore", u.ignore.join(", "));
            }
        }
    }
    Explanation {
        rule: f.rule.as_str(),
        checks: doc.checks,
        severity: f.severity,
        default_severity: doc.severity,
        settings,
        scope: rules.scope.get(&f.rule).cloned(),
    }
}

impl Explanation {
    /// One line for the table.
    pub fn line(&self) -> String {
        let sev = if self.severity == self.default_severity {
            format!("{}", self.severity)
        } else {
            format!(
                "{} (default {}, set in severity)",
                self.severity, self.default_severity
            )
        };
        let settings: Vec<String> = self
            .settings
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        let scope = self.scope.as_ref().map_or(String::new(), |s| {
            format!(
                "; scope subjects=[{}] attributes=[{}] files=[{}]",
                s.subjects.join(", "),
                s.attributes.join(", "),
                s.files.join(", ")
            )
        });
        format!("why: {} ({sev}): {}{scope}", self.rule, settings.join(", "))
    }
}
