//! The rules language, rule by rule: every rule id has a fixture folder that
//! makes it fire and one that keeps it quiet (tests/rules/<id>/{fires,quiet});
//! every class of invalid rules file has a file and its exact expected
//! diagnostics (tests/rules_errors/<case>.yaml and .expected).

use assert_cmd::Command;
use crosscheck::rules::{RULES, Rules};
use crosscheck::{Inputs, check};
use std::path::{Path, PathBuf};

fn fired(dir: &Path, rules: &Rules) -> Vec<String> {
    let inputs = Inputs {
        sources: vec![dir.to_path_buf()],
        draft: None,
    };
    let run = check(&inputs, rules).unwrap();
    run.findings
        .iter()
        .map(|f| f.rule.as_str().to_string())
        .collect()
}

#[test]
fn every_rule_fires_on_its_fixture_and_stays_quiet_on_the_other() {
    let rules = Rules::defaults();
    for doc in RULES {
        let id = doc.id.as_str();
        let base = Path::new("tests/rules").join(id);
        assert!(
            base.join("fires").is_dir(),
            "{id}: no tests/rules/{id}/fires"
        );
        assert!(
            base.join("quiet").is_dir(),
            "{id}: no tests/rules/{id}/quiet"
        );
        let on = fired(&base.join("fires"), &rules);
        assert!(on.iter().any(|r| r == id), "{id} did not fire: {on:?}");
        let off = fired(&base.join("quiet"), &rules);
        assert!(!off.iter().any(|r| r == id), "{id} fired on quiet: {off:?}");
    }
}

#[test]
fn every_fixture_folder_names_a_rule() {
    for entry in std::fs::read_dir("tests/rules").unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        assert!(
            RULES.iter().any(|r| r.id.as_str() == name),
            "tests/rules/{name} names no rule id"
        );
    }
}

#[test]
fn each_invalid_rules_file_gives_its_exact_diagnostics() {
    let dir = Path::new("tests/rules_errors");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 10);
    for case in cases {
        let name = case.file_name().unwrap().to_str().unwrap();
        let expected = std::fs::read_to_string(case.with_extension("expected")).unwrap();
        let out = Command::cargo_bin("crosscheck")
            .unwrap()
            .current_dir(dir)
            .args(["rules", "check", name])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert_eq!(out.stdout, b"", "{name}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), expected, "{name}");
    }
}

#[test]
fn valid_rules_files_pass_the_check() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("ok.yaml");
    std::fs::write(
        &f,
        "entities:\n  - { name: Meta, aliases: [Facebook owner], ticker: META, kind: company }\nnumeric:\n  precision: lenient\nscope:\n  numeric.precision:\n    files: ['**/wire.md']\n",
    )
    .unwrap();
    Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["rules", "check", f.to_str().unwrap(), "rules/default.yaml"])
        .assert()
        .code(0)
        .stdout("2 rules file(s) OK\n");
}

/// Two sources that disagree by rounding, in `dir`, as wire.md and blog.md.
fn rounding_pair(dir: &Path) {
    std::fs::write(
        dir.join("wire.md"),
        "Nvidia shares fell 4.35% on Tuesday.\n",
    )
    .unwrap();
    std::fs::write(dir.join("blog.md"), "Nvidia shares fell 4% on Tuesday.\n").unwrap();
}

fn rules_from(yaml: &str) -> Rules {
    let mut r = Rules::defaults();
    r.merge(Rules::from_yaml(yaml, Path::new("t.yaml")).unwrap());
    r
}

#[test]
fn scope_limits_a_rule_to_subjects_attributes_and_files() {
    let dir = tempfile::tempdir().unwrap();
    rounding_pair(dir.path());
    let p = |yaml: &str| {
        fired(dir.path(), &rules_from(yaml)).contains(&"numeric.precision".to_string())
    };
    assert!(p(""));
    assert!(p(
        "scope:\n  numeric.precision:\n    subjects: [NVIDIA Corp]\n"
    ));
    assert!(!p("scope:\n  numeric.precision:\n    subjects: [Meta]\n"));
    assert!(p(
        "scope:\n  numeric.precision:\n    attributes: [change]\n"
    ));
    assert!(!p(
        "scope:\n  numeric.precision:\n    attributes: [price]\n"
    ));
    assert!(p(
        "scope:\n  numeric.precision:\n    files: ['**/wire.md']\n"
    ));
    assert!(!p(
        "scope:\n  numeric.precision:\n    files: ['**/draft.md']\n"
    ));
}

#[test]
fn inline_comments_suppress_a_rule_in_a_region() {
    let dir = tempfile::tempdir().unwrap();
    rounding_pair(dir.path());
    std::fs::write(
        dir.path().join("blog.md"),
        "<!-- crosscheck-disable numeric.precision -->\nNvidia shares fell 4% on Tuesday.\n<!-- crosscheck-enable numeric.precision -->\n",
    )
    .unwrap();
    let rules = Rules::defaults();
    let got = fired(dir.path(), &rules);
    assert!(!got.contains(&"numeric.precision".to_string()), "{got:?}");
    // Other rules still apply inside the region.
    std::fs::write(
        dir.path().join("blog.md"),
        "<!-- crosscheck-disable agreement -->\nNvidia shares fell 4% on Tuesday.\n",
    )
    .unwrap();
    assert!(fired(dir.path(), &rules).contains(&"numeric.precision".to_string()));
    // Plain text: a line of its own.
    std::fs::remove_file(dir.path().join("blog.md")).unwrap();
    std::fs::write(
        dir.path().join("blog.txt"),
        "crosscheck-disable numeric.precision\nNvidia shares fell 4% on Tuesday.\n",
    )
    .unwrap();
    assert!(!fired(dir.path(), &rules).contains(&"numeric.precision".to_string()));
}

#[test]
fn unsupported_policy_min_sources_and_ignore() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Harborview Airlines will add 14 routes.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Harborview Airlines will add 14 routes.\n",
    )
    .unwrap();
    let count = |yaml: &str| {
        fired(dir.path(), &rules_from(yaml))
            .iter()
            .filter(|r| *r == "unsupported")
            .count()
    };
    assert_eq!(count(""), 0);
    // Three sources required: the routes figure and the action each lack one.
    assert_eq!(count("unsupported:\n  min_sources: 3\n"), 2);
    assert_eq!(
        count("unsupported:\n  min_sources: 3\n  ignore: [action]\n"),
        1
    );
    assert_eq!(
        count("unsupported:\n  min_sources: 3\n  attributes: [action]\n"),
        1
    );
}

#[test]
fn rules_readme_embeds_the_current_rule_reference() {
    let doc = std::fs::read_to_string("rules/README.md").unwrap();
    let start = doc.find("<!-- rules:begin -->\n").expect("begin marker") + 21;
    let end = doc.find("<!-- rules:end -->").expect("end marker");
    assert_eq!(
        &doc[start..end],
        crosscheck::rules::rules_markdown(),
        "rules/README.md is stale: regenerate the section with `crosscheck rules list --markdown`"
    );
}

#[test]
fn the_documented_example_rules_file_is_valid() {
    let doc = std::fs::read_to_string("rules/README.md").unwrap();
    let start = doc.find("```yaml\n").unwrap() + 8;
    let end = start + doc[start..].find("```").unwrap();
    let (rules, diagnostics) = crosscheck::rules::check(&doc[start..end], Path::new("README"));
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert!(rules.is_some());
}

#[test]
fn an_alias_claimed_by_an_earlier_layer_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.yaml");
    let b = dir.path().join("b.yaml");
    std::fs::write(&a, "entities:\n  - { name: Meta, aliases: [Facebook] }\n").unwrap();
    std::fs::write(
        &b,
        "entities:\n  - name: Facebook Inc\n    aliases: [Facebook]\n  - { name: Meta, aliases: [FB] }\n",
    )
    .unwrap();
    let err = Rules::load(&[&a, &b]).unwrap_err().to_string();
    assert_eq!(
        err,
        format!(
            "{}:3:15: entities[0]: `Facebook` already names entity `Meta` in an earlier rules file; an alias may belong to one entity only",
            b.display()
        )
    );
    // Extending an entity of an earlier layer with more aliases is fine.
    std::fs::write(&b, "entities:\n  - { name: Meta, aliases: [FB] }\n").unwrap();
    assert!(Rules::load(&[&a, &b]).is_ok());
}
