//! The reports for people and tools other than the terminal: Markdown, SARIF
//! (validated against the official SARIF 2.1.0 schema) and GitHub workflow
//! annotations, each on a corpus case with a draft.

use assert_cmd::Command;
use std::path::PathBuf;

fn crosscheck() -> Command {
    let mut c = Command::cargo_bin("crosscheck").unwrap();
    c.env_remove("COLUMNS").env("NO_COLOR", "1");
    c
}

const DRAFT: [&str; 4] = [
    "--draft",
    "corpus/drafts/meta-draft.md",
    "corpus/meta-compute",
    "--format",
];

fn run(format: &str) -> String {
    let out = crosscheck()
        .arg("check")
        .args(DRAFT)
        .arg(format)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

fn json_report() -> serde_json::Value {
    serde_json::from_str(&run("json")).unwrap()
}

/// The official SARIF 2.1.0 schema, as shipped in the source of the
/// `serde-sarif` crate (a dev-dependency, so cargo has downloaded it; the
/// schema is not copied into this repository).
fn sarif_schema() -> serde_json::Value {
    let meta = std::process::Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1"])
        .output()
        .unwrap();
    let meta: serde_json::Value = serde_json::from_slice(&meta.stdout).unwrap();
    let manifest = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "serde-sarif")
        .and_then(|p| p["manifest_path"].as_str())
        .expect("serde-sarif in cargo metadata");
    let path = PathBuf::from(manifest).with_file_name("src/schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(
        schema["$id"],
        "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
    );
    schema
}

/// Every `language` pattern of the schema, as described in the specification.
fn fix_language_patterns(v: &mut serde_json::Value) {
    const PUBLISHED: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    match v {
        serde_json::Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                if key == "pattern" && value == PUBLISHED {
                    *value = serde_json::json!("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
                } else {
                    fix_language_patterns(value);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(fix_language_patterns),
        _ => {}
    }
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let log: serde_json::Value = serde_json::from_str(&run("sarif")).unwrap();
    // The published schema's `language` patterns have a stray `]` that
    // ECMAScript tolerates and this validator's regex engine does not; the
    // field is one crosscheck never writes, so the pattern is set to what
    // the specification describes (a language tag such as "en-US").
    let mut schema = sarif_schema();
    fix_language_patterns(&mut schema);
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The validator does reject a log that breaks the schema.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = serde_json::json!("fatal");
    assert!(!validator.is_valid(&broken));
    // It also reads back as the typed SARIF model.
    let _: serde_sarif::sarif::Sarif = serde_json::from_value(log.clone()).unwrap();
    // One result per conflict and unsupported claim, levels from severities.
    let report = json_report();
    let findings = report["findings"].as_array().unwrap();
    let wanted: Vec<(&str, &str)> = findings
        .iter()
        .filter(|f| f["kind"] != "agreement")
        .map(|f| {
            let level = match (f["kind"].as_str(), f["severity"].as_str()) {
                (Some("unsupported"), _) | (_, Some("info")) => "note",
                (_, Some(s)) => s,
                _ => "",
            };
            (f["rule"].as_str().unwrap(), level)
        })
        .collect();
    let results = log["runs"][0]["results"].as_array().unwrap();
    let got: Vec<(&str, &str)> = results
        .iter()
        .map(|r| (r["ruleId"].as_str().unwrap(), r["level"].as_str().unwrap()))
        .collect();
    assert_eq!(got, wanted);
    // The first conflict is located where the JSON report puts its first claim.
    let first = &findings[0]["claims"][0];
    let region = &results[0]["locations"][0]["physicalLocation"];
    assert_eq!(region["artifactLocation"]["uri"], first["path"]);
    assert_eq!(region["region"]["startLine"], first["line"]);
    assert_eq!(region["region"]["startColumn"], first["column"]);
}

#[test]
fn github_annotations_mark_every_claim_of_a_conflict() {
    let out = run("github");
    let report = json_report();
    let expected: usize = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] != "agreement")
        .map(|f| f["claims"].as_array().unwrap().len())
        .sum();
    assert_eq!(out.lines().count(), expected);
    assert!(out.lines().all(|l| l.starts_with("::error file=")
        || l.starts_with("::warning file=")
        || l.starts_with("::notice file=")));
    // The draft's 6.5% against the wire's index figure, escaped per the
    // workflow-command rules (% is %25).
    assert!(
        out.contains(
            "::error file=corpus/drafts/meta-draft.md,line=5,col=76,endLine=5,endColumn=80,title=F3 numeric.mismatch::Philadelphia Semiconductor Index · change: \"6.5%25\" vs \"6.27%25\""
        ),
        "{out}"
    );
}

#[test]
fn markdown_lists_draft_verdicts_and_conflicts_with_markup_escaped() {
    let out = run("markdown");
    let report = json_report();
    let s = &report["summary"];
    assert!(out.starts_with(&format!("## crosscheck: {} conflicts", s["conflicts"])));
    // Paths are named from the folder the files share, as in the table.
    assert!(
        out.contains(&format!(
            "\n\n{} sources, {} claims; files in `corpus/`.\n\n",
            s["sources"], s["claims"]
        )),
        "{out}"
    );
    // Every draft claim is one table row, in draft order.
    let draft = report["draft"].as_array().unwrap();
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("| `drafts/meta-draft.md:"))
        .collect();
    assert_eq!(rows.len(), draft.len());
    for (row, v) in rows.iter().zip(draft) {
        let at = format!(
            "| `drafts/meta-draft.md:{}:{}`",
            v["claim"]["line"], v["claim"]["column"]
        );
        assert!(row.starts_with(&at), "{row} / {at}");
        assert!(row.contains(&format!("| {} |", v["standing"].as_str().unwrap())));
    }
    assert!(out.contains("- **F3** error `numeric.mismatch` · Philadelphia Semiconductor Index · change: \"6.5%\" vs \"6.27%\""));
    // wire.md writes "Broadcom (-3.8%)": quoted, the parentheses cannot become a link.
    assert!(out.contains("Broadcom \\(«\\-3.8%»\\)"), "{out}");
    assert!(out.contains("<details><summary>Agreements ("));
}

/// The JSON the binary streams to stdout or to `--output` is, byte for
/// byte, the library's `report_json` with a newline, with and without
/// `--explain`.
#[test]
fn streamed_json_is_the_report_json_bytes() {
    use crosscheck::{Inputs, check, report::report_json, rules::Rules};
    let rules = Rules::load(&crosscheck::rules::discover(&[PathBuf::from(
        "corpus/meta-compute",
    )]))
    .unwrap();
    let inputs = Inputs {
        sources: vec![PathBuf::from("corpus/meta-compute")],
        draft: Some(PathBuf::from("corpus/drafts/meta-draft.md")),
    };
    let run_ = check(&inputs, &rules).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for explain in [false, true] {
        let expected = report_json(&run_, explain.then_some(&rules)) + "\n";
        let file = dir.path().join("r.json");
        let mut args = DRAFT.to_vec();
        args.push("json");
        if explain {
            args.push("--explain");
        }
        let stdout = crosscheck()
            .arg("check")
            .args(&args)
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        assert!(stdout == expected.as_bytes(), "explain: {explain}");
        crosscheck()
            .arg("check")
            .args(&args)
            .arg("--output")
            .arg(&file)
            .assert()
            .code(1)
            .stdout("");
        assert!(
            std::fs::read(&file).unwrap() == expected.as_bytes(),
            "explain: {explain}"
        );
    }
}
