//! The rules language: the bundled defaults (rules/default.yaml, compiled in)
//! with user files layered on top, decoded straight into typed structs.
//!
//! In: YAML text and its path. Out: a merged `Rules` value or an error naming
//! file:line:col. Never: accepts an unknown key or passes a generic map around.

mod furniture;
mod ids;
mod merge;
mod model;
mod validate;

pub use furniture::FurnitureMatcher;
pub use ids::{RULES, RuleDoc, RuleId, Severity, rules_markdown};
pub use model::*;
pub use validate::{Diagnostic, check, suggest};

use crate::error::{Error, Result};
use std::path::Path;

/// The bundled default rules.
pub const DEFAULT_RULES: &str = include_str!("../../rules/default.yaml");

/// `DEFAULT_RULES` as JSON, made by `build.rs`: decoding it costs a tenth of
/// decoding the YAML.
const DEFAULT_RULES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/default-rules.json"));

impl Rules {
    /// Decodes one rules file.
    pub fn from_yaml(src: &str, path: &Path) -> Result<Rules> {
        match validate::check(src, path) {
            (Some(rules), _) => Ok(rules),
            (None, diagnostics) => Err(Error::InvalidRules(diagnostics)),
        }
    }

    /// The bundled defaults, decoded only, from the JSON `build.rs` made
    /// of them: the checks `from_yaml` adds to decoding (1 M of the 31 M
    /// instructions of a run over five one-line files) find nothing in the
    /// bundled file, and tests run them and decode the YAML to the same
    /// rules.
    // reason: the bundled file is part of the program, and every test
    // (and every run) decodes it; it cannot be invalid at run time.
    #[allow(clippy::expect_used)]
    pub fn defaults() -> Rules {
        serde_json::from_str(DEFAULT_RULES_JSON)
            .expect("the bundled rules/default.yaml is valid (tested)")
    }

    /// Defaults with each user file layered on in order.
    pub fn load(user_files: &[impl AsRef<Path>]) -> Result<Rules> {
        let mut rules = Rules::defaults();
        for path in user_files {
            let path = path.as_ref();
            let src = crate::ingest::read_text(path)?;
            let layer = Rules::from_yaml(&src, path)?;
            let clashes = validate::clashes(&rules, &layer, &src, path);
            if !clashes.is_empty() {
                return Err(Error::InvalidRules(clashes));
            }
            rules.merge(layer);
        }
        Ok(rules)
    }
}

/// The name of the rules file picked up from a checked folder.
pub const FOLDER_RULES: &str = "crosscheck.yaml";

/// The `crosscheck.yaml` of each given folder, or of the folder of each
/// given file, once each and in order: layered before any `--rules` file so
/// the command line has the last word. A folder's rules apply to its
/// articles whether the folder or the articles are named.
pub fn discover(paths: &[impl AsRef<Path>]) -> Vec<std::path::PathBuf> {
    let mut out: Vec<std::path::PathBuf> = Vec::new();
    for p in paths {
        let p = p.as_ref();
        // Standard input has no folder to take rules from.
        if crate::ingest::is_stdin(p) {
            continue;
        }
        let folder = if p.is_dir() {
            p
        } else {
            p.parent().unwrap_or(Path::new(""))
        };
        let file = folder.join(FOLDER_RULES);
        if file.is_file() && !out.contains(&file) {
            out.push(file);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_rules_pass_every_check() {
        let (rules, diagnostics) = validate::check(DEFAULT_RULES, Path::new("rules/default.yaml"));
        assert!(rules.is_some() && diagnostics.is_empty(), "{diagnostics:?}");
    }

    #[test]
    fn the_bundled_rules_decode_alike_from_yaml_and_from_json() {
        let yaml: Rules = serde_yaml::from_str(DEFAULT_RULES).unwrap();
        assert_eq!(format!("{yaml:#?}"), format!("{:#?}", Rules::defaults()));
    }

    #[test]
    fn bundled_defaults_decode() {
        let r = Rules::defaults();
        assert!(!r.modality.speculative.is_empty());
        assert!(!r.furniture.widget_words.is_empty());
    }

    #[test]
    fn unknown_key_is_an_error_with_line_and_column() {
        let err = Rules::from_yaml("numeric:\n  tolerence: 0.1\n", Path::new("my.yaml"))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("my.yaml:2:3: numeric: unknown field `tolerence`"),
            "{err}"
        );
    }

    #[test]
    fn unknown_rule_id_in_severity_is_an_error() {
        let err = Rules::from_yaml(
            "severity:\n  numeric.mismatc: warning\n",
            Path::new("r.yaml"),
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("r.yaml:2:3: "), "{err}");
        assert!(err.contains("unknown variant `numeric.mismatc`"), "{err}");
    }
}
