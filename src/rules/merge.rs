//! Layering: a later rules file on an earlier one. Scalars the later file
//! sets win; lists extend, or replace when the later file says `replace: true`;
//! maps (severity, scope) merge key by key.

use super::model::*;

fn layer<T>(into: &mut Vec<T>, from: Vec<T>, replace: bool) {
    if replace && !from.is_empty() {
        *into = from;
    } else {
        into.extend(from);
    }
}

impl Rules {
    /// Layers `later` on top of `self`.
    pub fn merge(&mut self, later: Rules) {
        let r = later.replace;
        layer(&mut self.entities, later.entities, r);
        layer(&mut self.references, later.references, r);
        layer(&mut self.not_entities, later.not_entities, r);
        let m = later.modality;
        layer(&mut self.modality.confirmed, m.confirmed, r);
        layer(&mut self.modality.reported, m.reported, r);
        layer(&mut self.modality.speculative, m.speculative, r);
        layer(&mut self.directions.up, later.directions.up, r);
        layer(&mut self.directions.down, later.directions.down, r);
        let q = later.qualifiers;
        layer(&mut self.qualifiers.approximately, q.approximately, r);
        layer(&mut self.qualifiers.nearly, q.nearly, r);
        layer(&mut self.qualifiers.more_than, q.more_than, r);
        layer(&mut self.qualifiers.less_than, q.less_than, r);
        layer(&mut self.qualifiers.vague, q.vague, r);
        layer(&mut self.attributes, later.attributes, r);
        layer(&mut self.synonyms, later.synonyms, r);
        self.numeric = later.numeric.over(&self.numeric);
        self.grouping.fuzzy_threshold = later
            .grouping
            .fuzzy_threshold
            .or(self.grouping.fuzzy_threshold);
        let u = later.unsupported;
        layer(&mut self.unsupported.attributes, u.attributes, r);
        layer(&mut self.unsupported.ignore, u.ignore, r);
        self.unsupported.min_sources = u.min_sources.or(self.unsupported.min_sources);
        let f = later.furniture;
        layer(&mut self.furniture.widget_words, f.widget_words, r);
        layer(&mut self.furniture.phrases, f.phrases, r);
        layer(&mut self.furniture.patterns, f.patterns, r);
        layer(&mut self.furniture.comment_markers, f.comment_markers, r);
        layer(&mut self.furniture.section_markers, f.section_markers, r);
        layer(&mut self.furniture.html_classes, f.html_classes, r);
        layer(
            &mut self.furniture.metadata_prefixes,
            f.metadata_prefixes,
            r,
        );
        self.severity.extend(later.severity);
        layer(&mut self.disable, later.disable, r);
        self.scope.extend(later.scope);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{RuleId, Severity};
    use std::path::Path;

    fn parse(s: &str) -> Rules {
        Rules::from_yaml(s, Path::new("t.yaml")).unwrap()
    }

    #[test]
    fn later_files_override_scalars_and_extend_lists() {
        let mut base = parse("numeric:\n  precision: warn\nmodality:\n  speculative: [could]\n");
        base.merge(parse(
            "numeric:\n  precision: agree\nmodality:\n  speculative: [might]\nseverity:\n  numeric.precision: error\n",
        ));
        assert_eq!(base.numeric.policy(), PrecisionPolicy::Agree);
        assert_eq!(base.modality.speculative, vec!["could", "might"]);
        assert_eq!(base.severity_of(RuleId::NumericPrecision), Severity::Error);
        assert_eq!(base.severity_of(RuleId::NumericMismatch), Severity::Error);
    }

    #[test]
    fn replace_true_replaces_the_lists_a_file_gives() {
        let mut base = parse("modality:\n  speculative: [could, may]\n  reported: [reportedly]\n");
        base.merge(parse("replace: true\nmodality:\n  speculative: [might]\n"));
        assert_eq!(base.modality.speculative, vec!["might"]);
        assert_eq!(base.modality.reported, vec!["reportedly"]);
    }

    #[test]
    fn strict_and_lenient_are_spellings_of_warn_and_agree() {
        assert_eq!(
            parse("numeric:\n  precision: lenient\n").numeric.policy(),
            PrecisionPolicy::Agree
        );
        assert_eq!(
            parse("numeric:\n  precision: strict\n").numeric.policy(),
            PrecisionPolicy::Warn
        );
    }

    #[test]
    fn attribute_tolerance_overrides_the_global_one() {
        let r = parse(
            "numeric:\n  relative_tolerance: 0.0\n  precision: warn\nattributes:\n  - name: price\n    words: [price]\n    units: [money]\n    tolerance:\n      relative_tolerance: 0.01\n",
        );
        assert_eq!(r.numeric_for("price").relative(), 0.01);
        assert_eq!(r.numeric_for("price").policy(), PrecisionPolicy::Warn);
        assert_eq!(r.numeric_for("change").relative(), 0.0);
    }
}
