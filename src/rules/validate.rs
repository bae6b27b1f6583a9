//! Validation of rules files: every problem, not only the first, each with
//! file:line:col, the key path, the offending line with a caret, and the
//! nearest valid key or value when one is close ("did you mean `aliases`?").
//!
//! Syntax and type errors come from serde_yaml (which stops at the first);
//! to report the next one the offending key is blanked and the file parsed
//! again. Checks serde cannot make (duplicate aliases, empty word lists,
//! regexes and globs that do not compile) run on the decoded rules and are
//! located by searching the source.

use super::model::Rules;
use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in a rules file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The source line the problem is on.
    pub source_line: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

impl Diagnostic {
    /// The offending line and a caret under the column, for terminals.
    pub fn snippet(&self) -> String {
        let n = self.line.to_string();
        let pad = " ".repeat(n.len());
        let caret = " ".repeat(self.column.saturating_sub(1));
        format!("{pad} |\n{n} | {}\n{pad} | {caret}^", self.source_line)
    }
}

/// The closest of `candidates` to `word`, if it is close enough to suggest.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Rewrites serde_yaml's "expected one of `a`, `b`, …" into a suggestion.
fn improve(message: &str) -> String {
    let Some(start) = message
        .find("unknown field `")
        .or_else(|| message.find("unknown variant `"))
    else {
        return message.to_string();
    };
    let rest = message.get(start..).unwrap_or("");
    let word_start = rest.find('`').map(|i| i + 1).unwrap_or(0);
    let word_end = rest
        .get(word_start..)
        .and_then(|w| w.find('`'))
        .map_or(rest.len(), |i| word_start + i);
    // A field name may itself hold a backtick or run to the end of the
    // message (found by fuzzing): slice only where there is text.
    let word = rest.get(word_start..word_end).unwrap_or("");
    let expected: Vec<&str> = rest
        .get(word_end + 1..)
        .unwrap_or("")
        .split('`')
        .skip(1)
        .step_by(2)
        .collect();
    let head = message.get(..start + word_end + 1).unwrap_or(message);
    match suggest(word, expected.iter().copied()) {
        Some(s) => format!("{head}; did you mean `{s}`?"),
        None if !expected.is_empty() => format!(
            "{head}; expected one of {}",
            expected
                .iter()
                .map(|e| format!("`{e}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        None => head.to_string(),
    }
}

fn line_of(src: &str, line: usize) -> String {
    src.lines()
        .nth(line.saturating_sub(1))
        .unwrap_or("")
        .to_string()
}

fn diagnostic(path: &Path, src: &str, line: usize, column: usize, message: String) -> Diagnostic {
    Diagnostic {
        path: path.to_path_buf(),
        line,
        column,
        message,
        source_line: line_of(src, line),
    }
}

/// Blanks line `line` (1-based) and the more-indented lines under it.
fn blank_key(text: &str, line: usize) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let idx = line.saturating_sub(1);
    let Some(first) = lines.get(idx) else {
        return text.to_string();
    };
    let indent = first.len() - first.trim_start().len();
    // A list item ("- name: x") owns the lines indented under its dash.
    let item_indent = if first.trim_start().starts_with("- ") {
        indent + 2
    } else {
        indent
    };
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let mut from_key = out.iter_mut().skip(idx);
    if let Some(key) = from_key.next() {
        key.clear();
    }
    for l in from_key {
        let ind = l.len() - l.trim_start().len();
        if l.trim().is_empty() || ind > indent.max(item_indent.saturating_sub(1)) {
            *l = String::new();
        } else {
            break;
        }
    }
    out.join("\n")
}

/// Decodes a rules file, collecting every problem.
pub fn check(src: &str, path: &Path) -> (Option<Rules>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    if src.trim().is_empty() {
        return (Some(Rules::default()), diags);
    }
    let mut text = src.to_string();
    let mut seen = std::collections::HashSet::new();
    for _ in 0..50 {
        match serde_yaml::from_str::<Rules>(&text) {
            Ok(rules) => {
                if diags.is_empty() {
                    diags.extend(semantic(&rules, src, path));
                    return (diags.is_empty().then_some(rules), diags);
                }
                return (None, diags);
            }
            Err(e) => {
                let Some(loc) = e.location() else {
                    diags.push(diagnostic(path, src, 1, 1, strip_location(&e.to_string())));
                    break;
                };
                let (line, column) = (loc.line(), loc.column());
                let message = improve(&strip_location(&e.to_string()));
                let syntax = !message.contains("unknown field")
                    && !message.contains("unknown variant")
                    && !message.contains("invalid type")
                    && !message.contains("missing field")
                    && !message.contains("invalid value");
                if !seen.insert((line, column)) {
                    break;
                }
                diags.push(diagnostic(path, src, line, column, message));
                if syntax {
                    break;
                }
                text = blank_key(&text, line);
            }
        }
    }
    (None, diags)
}

fn strip_location(message: &str) -> String {
    message
        .split_once(" at line ")
        .map_or(message, |(before, _)| before)
        .to_string()
}

/// Aliases a later file gives to an entity that an earlier layer already
/// gave to another entity ("Facebook" for both "Meta" and "Facebook Inc").
pub(crate) fn clashes(earlier: &Rules, later: &Rules, src: &str, path: &Path) -> Vec<Diagnostic> {
    let mut owner: std::collections::HashMap<String, &str> = Default::default();
    for e in &earlier.entities {
        for n in std::iter::once(&e.name)
            .chain(&e.aliases)
            .chain(e.ticker.iter())
        {
            owner.entry(n.to_lowercase()).or_insert(&e.name);
        }
    }
    let mut out = Vec::new();
    for (i, e) in later.entities.iter().enumerate() {
        for n in e.aliases.iter().chain(e.ticker.iter()) {
            if let Some(other) = owner.get(&n.to_lowercase())
                && !other.eq_ignore_ascii_case(&e.name)
            {
                let from = locate(src, &e.name, 1).0;
                let (line, column) = locate(src, n, from + 1);
                out.push(diagnostic(
                    path,
                    src,
                    line,
                    column,
                    format!(
                        "entities[{i}]: `{n}` already names entity `{other}` in an earlier rules file; an alias may belong to one entity only"
                    ),
                ));
            }
        }
    }
    out
}

/// Where `needle` first occurs in `src` at or after line `from_line`, as (line, column).
fn locate(src: &str, needle: &str, from_line: usize) -> (usize, usize) {
    for (i, l) in src.lines().enumerate().skip(from_line.saturating_sub(1)) {
        if let Some((before, _)) = l.split_once(needle) {
            return (i + 1, before.chars().count() + 1);
        }
    }
    (1, 1)
}

/// Checks a decoded file can fail that serde cannot see.
fn semantic(rules: &Rules, src: &str, path: &Path) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut push = |needle: &str, from: usize, message: String| {
        let (line, column) = locate(src, needle, from);
        out.push(diagnostic(path, src, line, column, message));
    };
    // An alias (or name, or ticker) may belong to one entity only.
    let mut owner: std::collections::HashMap<String, (usize, &str)> = Default::default();
    for (i, e) in rules.entities.iter().enumerate() {
        // Search from the entity's own entry.
        let from = locate(src, &e.name, locate(src, "entities", 1).0).0;
        let names = std::iter::once(&e.name)
            .chain(e.aliases.iter())
            .chain(e.ticker.iter());
        for n in names {
            let key = n.to_lowercase();
            match owner.get(&key) {
                Some((j, other)) if *j != i => {
                    // An alias or ticker stands below the entity's name line.
                    let start = if n == &e.name { from } else { from + 1 };
                    push(
                        n,
                        start,
                        format!(
                            "entities[{i}]: `{n}` already names entity `{other}` (entities[{j}]); an alias may belong to one entity only"
                        ),
                    );
                }
                _ => {
                    owner.insert(key, (i, &e.name));
                }
            }
        }
    }
    // Word lists that are present must not be empty.
    for (key, list_empty) in word_lists(rules) {
        if list_empty && let Some(line) = empty_list_line(src, key) {
            let leaf = key.rsplit('.').next().unwrap_or(key);
            let col = line_of(src, line).find(leaf).map_or(1, |c| c + 1);
            out.push(diagnostic(
                path,
                src,
                line,
                col,
                format!("{key}: empty word list; give at least one word or leave the key out"),
            ));
        }
    }
    for (i, a) in rules.attributes.iter().enumerate() {
        if a.words.is_empty() || a.units.is_empty() {
            let what = if a.words.is_empty() { "words" } else { "units" };
            let (line, column) = locate(src, &format!("{what}: []"), 1);
            out.push(diagnostic(
                path,
                src,
                line,
                column,
                format!("attributes[{i}] ({}): `{what}` is empty", a.name),
            ));
        }
    }
    for (i, group) in rules.synonyms.iter().enumerate() {
        if group.len() < 2 {
            let (line, column) = locate(src, "synonyms", 1);
            out.push(diagnostic(
                path,
                src,
                line,
                column,
                format!("synonyms[{i}]: a synonym group needs at least two words"),
            ));
        }
    }
    // Each pattern is looked for from the furniture block's `patterns` key.
    let patterns_at = locate(src, "patterns", locate(src, "furniture", 1).0).0;
    for (i, p) in rules.furniture.patterns.iter().enumerate() {
        if let Err(why) = super::model::compile_pattern(p) {
            let (line, column) = locate(src, p, patterns_at);
            out.push(diagnostic(
                path,
                src,
                line,
                column,
                format!("furniture.patterns[{i}]: {why}"),
            ));
        }
    }
    for (id, scope) in &rules.scope {
        for g in &scope.files {
            if let Err(e) = globset::Glob::new(g) {
                let (line, column) = locate(src, g, 1);
                out.push(diagnostic(
                    path,
                    src,
                    line,
                    column,
                    format!("scope.{id}.files: the glob does not compile: {}", e.kind()),
                ));
            }
        }
    }
    // Tolerances are finite and not negative, wherever they are set.
    // Each block's keys are looked for from the block's own line.
    let mut tolerances: Vec<(String, &super::model::NumericRules, usize)> = vec![(
        "numeric".to_string(),
        &rules.numeric,
        locate(src, "numeric:", 1).0,
    )];
    for (i, a) in rules.attributes.iter().enumerate() {
        if let Some(t) = &a.tolerance {
            let line = locate(src, &a.name, locate(src, "attributes", 1).0).0;
            tolerances.push((format!("attributes[{i}] ({}).tolerance", a.name), t, line));
        }
    }
    for (at, n, from) in tolerances {
        for (key, value) in [
            ("absolute_tolerance", n.absolute_tolerance),
            ("relative_tolerance", n.relative_tolerance),
            ("approximate_tolerance", n.approximate_tolerance),
        ] {
            if let Some(v) = value
                && !(v.is_finite() && v >= 0.0)
            {
                let (line, column) = locate(src, key, from);
                out.push(diagnostic(
                    path,
                    src,
                    line,
                    column,
                    format!("{at}.{key}: must be a number of at least 0, not {v}"),
                ));
            }
        }
    }
    if rules.unsupported.min_sources == Some(0) {
        let (line, column) = locate(src, "min_sources", 1);
        out.push(diagnostic(
            path,
            src,
            line,
            column,
            "unsupported.min_sources: must be at least 1".into(),
        ));
    }
    if let Some(t) = rules.grouping.fuzzy_threshold
        && !(0.0..=1.0).contains(&t)
    {
        let (line, column) = locate(src, "fuzzy_threshold", 1);
        out.push(diagnostic(
            path,
            src,
            line,
            column,
            "grouping.fuzzy_threshold: must be between 0 and 1".into(),
        ));
    }
    out.sort_by_key(|d| (d.line, d.column));
    out
}

/// Every word list of the rules with whether it is empty.
fn word_lists(r: &Rules) -> Vec<(&'static str, bool)> {
    vec![
        ("not_entities", r.not_entities.is_empty()),
        ("modality.confirmed", r.modality.confirmed.is_empty()),
        ("modality.reported", r.modality.reported.is_empty()),
        ("modality.speculative", r.modality.speculative.is_empty()),
        ("directions.up", r.directions.up.is_empty()),
        ("directions.down", r.directions.down.is_empty()),
        (
            "qualifiers.approximately",
            r.qualifiers.approximately.is_empty(),
        ),
        ("qualifiers.nearly", r.qualifiers.nearly.is_empty()),
        ("qualifiers.more_than", r.qualifiers.more_than.is_empty()),
        ("qualifiers.less_than", r.qualifiers.less_than.is_empty()),
        ("qualifiers.vague", r.qualifiers.vague.is_empty()),
        (
            "furniture.widget_words",
            r.furniture.widget_words.is_empty(),
        ),
        ("furniture.phrases", r.furniture.phrases.is_empty()),
        ("furniture.patterns", r.furniture.patterns.is_empty()),
        (
            "furniture.comment_markers",
            r.furniture.comment_markers.is_empty(),
        ),
        (
            "furniture.section_markers",
            r.furniture.section_markers.is_empty(),
        ),
        (
            "furniture.html_classes",
            r.furniture.html_classes.is_empty(),
        ),
        (
            "furniture.metadata_prefixes",
            r.furniture.metadata_prefixes.is_empty(),
        ),
    ]
}

/// The line where `key` (dotted path) is given as an empty list, if it is.
fn empty_list_line(src: &str, key: &str) -> Option<usize> {
    let parts: Vec<&str> = key.split('.').collect();
    let leaf = *parts.last()?;
    let mut in_section = parts.len() == 1;
    for (i, l) in src.lines().enumerate() {
        let trimmed = l.trim_start();
        let indent = l.len() - trimmed.len();
        if parts.len() == 2 && indent == 0 && !trimmed.is_empty() && !trimmed.starts_with('#') {
            in_section = parts
                .first()
                .is_some_and(|section| trimmed.starts_with(&format!("{section}:")));
            continue;
        }
        if in_section && let Some(rest) = trimmed.strip_prefix(&format!("{leaf}:")) {
            let rest = rest.trim();
            let next_items = src
                .lines()
                .skip(i + 1)
                .find(|n| !n.trim().is_empty())
                .is_some_and(|n| n.trim_start().starts_with("- "));
            if rest.starts_with("[]") || (rest.is_empty() && !next_items) {
                return Some(i + 1);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(src: &str) -> Vec<String> {
        check(src, Path::new("r.yaml"))
            .1
            .iter()
            .map(|d| d.to_string())
            .collect()
    }

    #[test]
    fn unknown_keys_suggest_the_nearest_and_all_are_reported() {
        let m = messages(
            "numeric:\n  precison: warn\nentities:\n  - name: Meta\n    alias: [Facebook]\n",
        );
        assert_eq!(
            m,
            [
                "r.yaml:2:3: numeric: unknown field `precison`; did you mean `precision`?",
                "r.yaml:5:5: entities[0]: unknown field `alias`; did you mean `aliases`?",
            ]
        );
    }

    #[test]
    fn semantic_problems_are_located() {
        let m = messages(
            "entities:\n  - name: Meta\n    aliases: [FB]\n  - name: Facebook\n    aliases: [FB]\nmodality:\n  speculative: []\nfurniture:\n  patterns: ['(unclosed']\n",
        );
        assert_eq!(m.len(), 3, "{m:?}");
        assert!(
            m[0].starts_with("r.yaml:5:15: entities[1]: `FB` already names entity `Meta`"),
            "{}",
            m[0]
        );
        assert!(
            m[1].starts_with("r.yaml:7:3: modality.speculative: empty word list"),
            "{}",
            m[1]
        );
        assert!(
            m[2].starts_with(
                "r.yaml:9:15: furniture.patterns[0]: the regular expression does not compile"
            ),
            "{}",
            m[2]
        );
    }

    #[test]
    fn a_message_quoting_an_unclosed_field_name_is_not_a_panic() {
        // Found by the rules_yaml fuzz target: the file's own text holds
        // "unknown field `" with no closing backtick.
        let m = messages("# L\n    kind: perso&\nunknown field `entitfi%ld foundi");
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(
            m[1].starts_with(
                "r.yaml:3:1: invalid type: string \"unknown field `entitfi%ld foundi\", expected struct Rules"
            ),
            "{}",
            m[1]
        );
    }

    #[test]
    fn values_out_of_range_are_located() {
        let m = messages(
            "numeric:\n  relative_tolerance: -1\n  absolute_tolerance: .nan\nunsupported:\n  min_sources: 0\n",
        );
        assert_eq!(
            m.iter()
                .map(|l| l.lines().next().unwrap_or(""))
                .collect::<Vec<_>>(),
            [
                "r.yaml:2:3: numeric.relative_tolerance: must be a number of at least 0, not -1",
                "r.yaml:3:3: numeric.absolute_tolerance: must be a number of at least 0, not NaN",
                "r.yaml:5:3: unsupported.min_sources: must be at least 1",
            ]
        );
    }

    #[test]
    fn snippet_points_at_the_column() {
        let (_, d) = check("numeric:\n  tolerance: 1\n", Path::new("r.yaml"));
        assert_eq!(d[0].snippet(), "  |\n2 |   tolerance: 1\n  |   ^");
    }
}
