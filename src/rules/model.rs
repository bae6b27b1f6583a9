//! The typed model of a rules file. Every struct denies unknown fields, so a
//! misspelt key is an error with a location, never silently ignored.

use super::ids::{RuleId, Severity};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One rules file, or the merged result of several.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
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
    pub furniture: FurnitureRules,
    /// Severity override per rule id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub severity: BTreeMap<RuleId, Severity>,
    /// Rule ids switched off.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disable: Vec<RuleId>,
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PrecisionPolicy {
    /// Figures that agree only by rounding are a warning (numeric.precision).
    Warn,
    /// Figures that agree by rounding count as an agreement.
    Agree,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<PrecisionPolicy>,
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
pub struct FurnitureRules {
    /// Words of share/like/reply widgets.
    #[serde(default)]
    pub widget_words: Vec<String>,
    /// Phrases that mark a block as boilerplate (disclaimers, newsletter boxes).
    #[serde(default)]
    pub phrases: Vec<String>,
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
}

impl GroupingRules {
    pub fn threshold(&self) -> f64 {
        self.fuzzy_threshold.unwrap_or(0.92)
    }
}

impl Rules {
    /// Layers `later` on top of `self`: scalars in `later` win, lists extend,
    /// severities merge key by key.
    pub fn merge(&mut self, later: Rules) {
        self.entities.extend(later.entities);
        self.references.extend(later.references);
        self.not_entities.extend(later.not_entities);
        extend_modality(&mut self.modality, later.modality);
        self.directions.up.extend(later.directions.up);
        self.directions.down.extend(later.directions.down);
        let q = later.qualifiers;
        self.qualifiers.approximately.extend(q.approximately);
        self.qualifiers.nearly.extend(q.nearly);
        self.qualifiers.more_than.extend(q.more_than);
        self.qualifiers.less_than.extend(q.less_than);
        self.qualifiers.vague.extend(q.vague);
        self.attributes.extend(later.attributes);
        self.synonyms.extend(later.synonyms);
        let n = later.numeric;
        let mine = &mut self.numeric;
        mine.absolute_tolerance = n.absolute_tolerance.or(mine.absolute_tolerance);
        mine.relative_tolerance = n.relative_tolerance.or(mine.relative_tolerance);
        mine.approximate_tolerance = n.approximate_tolerance.or(mine.approximate_tolerance);
        mine.precision = n.precision.or(mine.precision);
        self.grouping.fuzzy_threshold = later
            .grouping
            .fuzzy_threshold
            .or(self.grouping.fuzzy_threshold);
        let f = later.furniture;
        self.furniture.widget_words.extend(f.widget_words);
        self.furniture.phrases.extend(f.phrases);
        self.furniture.comment_markers.extend(f.comment_markers);
        self.furniture.metadata_prefixes.extend(f.metadata_prefixes);
        self.furniture.section_markers.extend(f.section_markers);
        self.furniture.html_classes.extend(f.html_classes);
        self.severity.extend(later.severity);
        self.disable.extend(later.disable);
    }

    /// The severity a rule fires with, after overrides.
    pub fn severity_of(&self, id: RuleId) -> Severity {
        self.severity.get(&id).copied().unwrap_or(id.doc().severity)
    }

    pub fn enabled(&self, id: RuleId) -> bool {
        !self.disable.contains(&id)
    }
}

fn extend_modality(into: &mut ModalityRules, from: ModalityRules) {
    into.confirmed.extend(from.confirmed);
    into.reported.extend(from.reported);
    into.speculative.extend(from.speculative);
}
