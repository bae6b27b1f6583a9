//! The one list of rule ids a finding can carry, with their default severity
//! and documentation. Everything else (docs, YAML keys, tests) reads it from here.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// Every rule that can produce a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RuleId {
    #[serde(rename = "numeric.mismatch")]
    NumericMismatch,
    #[serde(rename = "numeric.precision")]
    NumericPrecision,
    #[serde(rename = "date.mismatch")]
    DateMismatch,
    #[serde(rename = "modality.mismatch")]
    ModalityMismatch,
    #[serde(rename = "name.spelling")]
    NameSpelling,
    #[serde(rename = "agreement")]
    Agreement,
    #[serde(rename = "unsupported")]
    Unsupported,
}

/// Documentation of one rule id.
pub struct RuleDoc {
    pub id: RuleId,
    pub severity: Severity,
    pub checks: &'static str,
    pub why: &'static str,
    pub example: &'static str,
    /// The rules keys that change what this rule does.
    pub options: &'static str,
}

// One constant a rule, so that `RuleId::doc` is a match over every id.
const NUMERIC_MISMATCH: RuleDoc = RuleDoc {
    id: RuleId::NumericMismatch,
    severity: Severity::Error,
    checks: "two sources give figures for the same subject and attribute that cannot both be true, or opposite directions",
    why: "Two outlets cannot both be right; one of them (or the draft) has a wrong figure, a slipped digit or a wrong direction.",
    example: "\"Nvidia fell 4%\" in one article, \"Nvidia fell 9%\" (or \"rose 4%\") in another",
    options: "`numeric.absolute_tolerance`, `numeric.relative_tolerance`, `numeric.approximate_tolerance`, per-attribute `tolerance`; `numeric.precision: mismatch` / `numeric.bounds: mismatch` make rounding or bound cases mismatches too; `severity`, `disable`, `scope`",
};

const NUMERIC_PRECISION: RuleDoc = RuleDoc {
    id: RuleId::NumericPrecision,
    severity: Severity::Warning,
    checks: "figures that agree only by rounding or through a bound (\"more than\", \"about\")",
    why: "The figures may both be right, but readers see two numbers; editors usually want one precision across a story.",
    example: "\"the index fell about 6%\" against \"the index fell 6.27%\"",
    options: "`numeric.precision` (rounding and approximations: `warn`/`strict`, `agree`/`lenient`, `mismatch`), `numeric.bounds` (\"more than X\"), `numeric.approximate_tolerance` (how far \"about\" stretches), per-attribute `tolerance`; `severity`, `disable`, `scope`",
};

const DATE_MISMATCH: RuleDoc = RuleDoc {
    id: RuleId::DateMismatch,
    severity: Severity::Error,
    checks: "dates of the same event that differ, or a weekday that does not fit the full date",
    why: "A wrong day moves the story; a weekday that does not fit the date is a common copy error.",
    example: "\"announced on Tuesday\" against \"announced on July 16, 2026\" (a Thursday)",
    options: "`severity`, `disable`, `scope`",
};

const MODALITY_MISMATCH: RuleDoc = RuleDoc {
    id: RuleId::ModalityMismatch,
    severity: Severity::Warning,
    checks: "one source states an action as fact that another presents as a report or a possibility",
    why: "Stating as fact what others only report (or the reverse) changes what the reader is told is known.",
    example: "\"Meta announced it will sell capacity\" against \"reports say Meta could sell capacity\"",
    options: "`modality.confirmed`, `modality.reported`, `modality.speculative` (trigger words), `synonyms` (which wordings are one action); `severity`, `disable`, `scope`",
};

const NAME_SPELLING: RuleDoc = RuleDoc {
    id: RuleId::NameSpelling,
    severity: Severity::Warning,
    checks: "one name (grouped as one entity) spelt two ways, in two sources or in one: the same words but one, which differs only in its capitals or by one or two letters",
    why: "A misspelt name is the error readers notice first, and the one a correction must fix everywhere the name is written.",
    example: "\"Damein K. Hamer\" in one paragraph, \"Damien Hamer\" in the next; \"Josh DeVine\" against \"Josh Devine\"",
    options: "`grouping.fuzzy_threshold` (which names are one entity); `severity`, `disable`, `scope`",
};

const AGREEMENT: RuleDoc = RuleDoc {
    id: RuleId::Agreement,
    severity: Severity::Info,
    checks: "the same value, after unit and scale normalisation, from two or more sources",
    why: "Shows which figures are backed by more than one source, after normalising units and scale.",
    example: "\"$1.2bn\" in one article and \"$1,200 million\" in another",
    options: "`numeric.*` tolerances decide what counts as the same value; `disable`, `scope`",
};

const UNSUPPORTED: RuleDoc = RuleDoc {
    id: RuleId::Unsupported,
    severity: Severity::Info,
    checks: "a checkable claim (figure, date, announced action) that no other source makes; in draft mode, a draft claim no source backs",
    why: "A figure only one source gives cannot be checked against the others; in a draft it may be a mistake or need a source.",
    example: "only one of five articles says the deal is worth $40 million",
    options: "`unsupported.min_sources`, `unsupported.attributes`, `unsupported.ignore`; `severity`, `disable`, `scope`",
};

/// Every rule's documentation, in the order the docs list them.
pub const RULES: &[RuleDoc] = &[
    NUMERIC_MISMATCH,
    NUMERIC_PRECISION,
    DATE_MISMATCH,
    MODALITY_MISMATCH,
    NAME_SPELLING,
    AGREEMENT,
    UNSUPPORTED,
];

/// The rule reference in Markdown, one fixed set of sections per rule id
/// (rules/README.md embeds it; a test keeps the two the same).
pub fn rules_markdown() -> String {
    let mut out = String::new();
    for r in RULES {
        out.push_str(&format!(
            "### `{}`\n\n- **What it checks:** {}\n- **Why:** {}\n- **Default severity:** {}\n- **Example that fires:** {}\n- **Options:** {}\n\n",
            r.id, r.checks, r.why, r.severity, r.example, r.options
        ));
    }
    out
}

impl RuleId {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleId::NumericMismatch => "numeric.mismatch",
            RuleId::NumericPrecision => "numeric.precision",
            RuleId::DateMismatch => "date.mismatch",
            RuleId::ModalityMismatch => "modality.mismatch",
            RuleId::NameSpelling => "name.spelling",
            RuleId::Agreement => "agreement",
            RuleId::Unsupported => "unsupported",
        }
    }

    pub fn doc(self) -> &'static RuleDoc {
        match self {
            RuleId::NumericMismatch => &NUMERIC_MISMATCH,
            RuleId::NumericPrecision => &NUMERIC_PRECISION,
            RuleId::DateMismatch => &DATE_MISMATCH,
            RuleId::ModalityMismatch => &MODALITY_MISMATCH,
            RuleId::NameSpelling => &NAME_SPELLING,
            RuleId::Agreement => &AGREEMENT,
            RuleId::Unsupported => &UNSUPPORTED,
        }
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_id_is_documented_once_and_round_trips_through_yaml() {
        for doc in RULES {
            assert_eq!(RULES.iter().filter(|d| d.id == doc.id).count(), 1);
            assert_eq!(doc.id.doc().id, doc.id);
            let yaml = serde_yaml::to_string(&doc.id).unwrap();
            assert_eq!(yaml.trim(), doc.id.as_str());
            let back: RuleId = serde_yaml::from_str(doc.id.as_str()).unwrap();
            assert_eq!(back, doc.id);
        }
    }
}
