//! The typed model of a rules file. Every struct denies unknown fields, so a
//! misspelt key is an error with a location, never silently ignored.

use super::ids::{RuleId, Severity};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One rules file, or the merged result of several.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// When true, every list this file gives replaces the list before it
    /// instead of extending it.
    #[serde(default, skip_serializing)]
    pub replace: bool,
    /// Known entities: canonical names, aliases, tickers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<EntityRule>,
    /// Phrases such as "the tech giant" that refer back to the salient entity.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<ReferenceRule>,
    /// Capitalised words that never name an entity ("Monday", "CEO").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_entities: Vec<String>,
    #[serde(default)]
    pub modality: ModalityRules,
    #[serde(default)]
    pub directions: DirectionRules,
    #[serde(default)]
    pub qualifiers: QualifierRules,
    /// Words that say which attribute of a subject a figure is about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<AttributeRule>,
    /// Groups of words that mean the same thing in an announced action.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<Vec<String>>,
    #[serde(default)]
    pub numeric: NumericRules,
    #[serde(default)]
    pub grouping: GroupingRules,
    #[serde(default)]
    pub unsupported: UnsupportedRules,
    #[serde(default)]
    pub furniture: FurnitureRules,
    /// Severity override per rule id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub severity: BTreeMap<RuleId, Severity>,
    /// Rule ids switched off.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disable: Vec<RuleId>,
    /// Rules limited to some subjects, attributes or files.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub scope: BTreeMap<RuleId, Scope>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Company,
    Index,
    Person,
    Organisation,
    Place,
    Other,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityRule {
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticker: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EntityKind>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceRule {
    pub phrase: String,
    pub kind: EntityKind,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModalityRules {
    #[serde(default)]
    pub confirmed: Vec<String>,
    #[serde(default)]
    pub reported: Vec<String>,
    #[serde(default)]
    pub speculative: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DirectionRules {
    #[serde(default)]
    pub up: Vec<String>,
    #[serde(default)]
    pub down: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualifierRules {
    #[serde(default)]
    pub approximately: Vec<String>,
    #[serde(default)]
    pub nearly: Vec<String>,
    #[serde(default)]
    pub more_than: Vec<String>,
    #[serde(default)]
    pub less_than: Vec<String>,
    /// Quantities that are kept but never compared as exact figures.
    #[serde(default)]
    pub vague: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    Percent,
    Money,
    Count,
    Date,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributeRule {
    pub name: String,
    pub words: Vec<String>,
    pub units: Vec<UnitKind>,
    /// Comparison settings for this attribute only (fall back to `numeric`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<NumericRules>,
}

/// What to make of figures that agree only by rounding or through a bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PrecisionPolicy {
    /// A warning (numeric.precision). Also spelt `strict`.
    #[serde(alias = "strict")]
    Warn,
    /// An agreement. Also spelt `lenient`.
    #[serde(alias = "lenient")]
    Agree,
    /// A conflict (numeric.mismatch).
    Mismatch,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumericRules {
    /// Two exact figures closer than this (in their unit) are equal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub absolute_tolerance: Option<f64>,
    /// Two exact figures whose relative difference is below this are equal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relative_tolerance: Option<f64>,
    /// How far "about" / "nearly" may stretch a figure, relative to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approximate_tolerance: Option<f64>,
    /// Figures equal only after rounding ("6%" and "6.27%").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<PrecisionPolicy>,
    /// A figure inside another's bound ("more than 4%" and "4.35%").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bounds: Option<PrecisionPolicy>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupingRules {
    /// Jaro-Winkler similarity at or above which two names are one subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fuzzy_threshold: Option<f64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnsupportedRules {
    /// Only these attributes count as checkable (empty: all of them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<String>,
    /// Attributes never reported as unsupported.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignore: Vec<String>,
    /// How many sources a value needs to count as backed (default 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_sources: Option<usize>,
}

/// Where a rule applies: every list given must match (empty lists match all).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<String>,
    /// Globs over file paths; a finding matches if one of its claims' files does.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FurnitureRules {
    /// Words of share/like/reply widgets.
    #[serde(default)]
    pub widget_words: Vec<String>,
    /// Phrases that mark a block as boilerplate (disclaimers, newsletter boxes).
    #[serde(default)]
    pub phrases: Vec<String>,
    /// Regular expressions: a block matching one is boilerplate.
    #[serde(default)]
    pub patterns: Vec<String>,
    /// Lines that open a comment section: everything after them is dropped.
    #[serde(default)]
    pub comment_markers: Vec<String>,
    /// Headers of link lists ("Most read"): they and the list after them go.
    #[serde(default)]
    pub section_markers: Vec<String>,
    /// Words in an HTML class or id that mark a widget ("share", "comments").
    #[serde(default)]
    pub html_classes: Vec<String>,
    /// Line openings of page metadata ("Updated", "Published").
    #[serde(default)]
    pub metadata_prefixes: Vec<String>,
    /// The lists made ready for matching, once per run rather than once
    /// per document.
    #[serde(skip)]
    pub(super) cache: super::furniture::Cache,
}

/// The most memory one furniture pattern may compile to. The regex engine
/// matches in time linear in the text whatever the pattern (no
/// backtracking), so size is the only thing a pattern can blow up:
/// `a{1000}{1000}` is a million states.
pub const PATTERN_SIZE_LIMIT: usize = 1 << 20;

/// Compiles one furniture pattern within `PATTERN_SIZE_LIMIT`, or says in
/// one line why it cannot be used.
pub fn compile_pattern(pattern: &str) -> Result<regex::Regex, String> {
    regex::RegexBuilder::new(pattern)
        .size_limit(PATTERN_SIZE_LIMIT)
        .dfa_size_limit(PATTERN_SIZE_LIMIT)
        .build()
        .map_err(|e| match e {
            regex::Error::CompiledTooBig(limit) => format!(
                "the regular expression is too big: compiled it takes more than {limit} bytes; \
                 use smaller repetition counts"
            ),
            other => {
                let text = other.to_string();
                let last = text.lines().last().unwrap_or("").trim();
                let first = last.strip_prefix("error: ").unwrap_or(last);
                format!("the regular expression does not compile: {first}")
            }
        })
}

impl NumericRules {
    pub fn absolute(&self) -> f64 {
        self.absolute_tolerance.unwrap_or(0.0)
    }
    pub fn relative(&self) -> f64 {
        self.relative_tolerance.unwrap_or(1e-9)
    }
    pub fn approximate(&self) -> f64 {
        self.approximate_tolerance.unwrap_or(0.1)
    }
    pub fn policy(&self) -> PrecisionPolicy {
        self.precision.unwrap_or(PrecisionPolicy::Warn)
    }
    pub fn bounds_policy(&self) -> PrecisionPolicy {
        self.bounds.unwrap_or(PrecisionPolicy::Warn)
    }

    /// These settings with any unset one taken from `base`.
    pub fn over(&self, base: &NumericRules) -> NumericRules {
        NumericRules {
            absolute_tolerance: self.absolute_tolerance.or(base.absolute_tolerance),
            relative_tolerance: self.relative_tolerance.or(base.relative_tolerance),
            approximate_tolerance: self.approximate_tolerance.or(base.approximate_tolerance),
            precision: self.precision.or(base.precision),
            bounds: self.bounds.or(base.bounds),
        }
    }
}

impl GroupingRules {
    pub fn threshold(&self) -> f64 {
        self.fuzzy_threshold.unwrap_or(0.92)
    }
}

impl UnsupportedRules {
    pub fn min(&self) -> usize {
        self.min_sources.unwrap_or(2).max(1)
    }

    /// Whether claims of this attribute are reported when unbacked.
    pub fn checks(&self, attribute: &str) -> bool {
        (self.attributes.is_empty() || self.attributes.iter().any(|a| a == attribute))
            && !self.ignore.iter().any(|a| a == attribute)
    }
}

impl Rules {
    /// The severity a rule fires with, after overrides.
    pub fn severity_of(&self, id: RuleId) -> Severity {
        self.severity.get(&id).copied().unwrap_or(id.doc().severity)
    }

    pub fn enabled(&self, id: RuleId) -> bool {
        !self.disable.contains(&id)
    }

    /// Numeric comparison settings for an attribute: its own, over the global ones.
    pub fn numeric_for(&self, attribute: &str) -> NumericRules {
        let base = attribute.strip_suffix(" forecast").unwrap_or(attribute);
        self.attributes
            .iter()
            .rev()
            .find(|a| a.name == base)
            .and_then(|a| a.tolerance.as_ref())
            .map_or_else(|| self.numeric.clone(), |t| t.over(&self.numeric))
    }
}
