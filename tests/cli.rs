//! The command line: exit codes, both output formats, error messages.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

fn crosscheck() -> Command {
    let mut c = Command::cargo_bin("crosscheck").unwrap();
    c.env_remove("COLUMNS").env("NO_COLOR", "1");
    c
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

/// Runs crosscheck, checks the exit code, and parses stdout as JSON.
fn json(args: &[&str], code: i32) -> serde_json::Value {
    let out = crosscheck()
        .args(args)
        .assert()
        .code(code)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).expect("stdout is JSON")
}

/// Two sources that agree only by rounding: a warning, no error.
fn precision_pair(dir: &Path) -> (String, String) {
    (
        write(dir, "a.txt", "Nvidia shares fell 4.35% on Tuesday.\n"),
        write(
            dir,
            "b.txt",
            "Nvidia shares fell more than 4% on Tuesday.\n",
        ),
    )
}

#[test]
fn exit_0_when_sources_agree() {
    crosscheck()
        .args(["check", "corpus/northwind-results"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 conflicts"));
}

#[test]
fn exit_1_on_error_conflicts_by_default_and_fail_on_levels() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = precision_pair(dir.path());
    // A precision (rounding) warning fails only from `--fail-on warning` or
    // `conflict` up; the default is `error`.
    crosscheck().args(["check", &a, &b]).assert().code(0);
    crosscheck()
        .args(["check", "--fail-on", "conflict", &a, &b])
        .assert()
        .code(1);
    crosscheck()
        .args(["check", "--fail-on", "error", &a, &b])
        .assert()
        .code(0);
    crosscheck()
        .args(["check", "--fail-on", "warning", &a, &b])
        .assert()
        .code(1);
    crosscheck()
        .args(["check", "--fail-on", "never", &a, &b])
        .assert()
        .code(0);
    crosscheck()
        .args(["check", "--fail-on", "error", "corpus/acme-layoffs"])
        .assert()
        .code(1);
    crosscheck()
        .args(["check", "corpus/acme-layoffs"])
        .assert()
        .code(1);
}

#[test]
fn fail_on_unsupported_counts_single_source_claims() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", "Acme Logistics will cut 1,200 jobs.\n");
    let b = write(dir.path(), "b.txt", "Nvidia shares fell 4% on Tuesday.\n");
    crosscheck().args(["check", &a, &b]).assert().code(0);
    crosscheck()
        .args(["check", "--fail-on", "unsupported", &a, &b])
        .assert()
        .code(1);
}

#[test]
fn exit_2_for_a_missing_file_with_nothing_on_stdout() {
    crosscheck()
        .args(["check", "no/such/file.txt"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("crosscheck: error: no/such/file.txt: cannot read: no such file or folder\n");
}

#[test]
fn exit_2_for_binary_and_invalid_utf8_input() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("x.txt");
    std::fs::write(&bin, b"PK\x03\x04\0\0binary").unwrap();
    crosscheck()
        .args(["check", bin.to_str().unwrap()])
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "crosscheck: error: {}: binary data, not text (NUL byte at offset 4)\n",
            bin.display()
        ));
    let utf16 = dir.path().join("w.txt");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend("Acme rose 4%".encode_utf16().flat_map(|u| u.to_le_bytes()));
    std::fs::write(&utf16, bytes).unwrap();
    crosscheck()
        .args(["check", utf16.to_str().unwrap()])
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "crosscheck: error: {}: UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8\n",
            utf16.display()
        ));
    let bad = dir.path().join("y.md");
    std::fs::write(&bad, b"caf\xe9 prices rose 4%").unwrap();
    crosscheck()
        .args(["check", bad.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(format!(
            "crosscheck: error: {}: not valid UTF-8 (invalid byte at offset 3)\n",
            bad.display()
        ));
}

#[test]
fn every_bad_input_is_reported_not_only_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin.txt");
    std::fs::write(&bin, b"abc\0def").unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"caf\xe9 prices rose 4%").unwrap();
    let good = write(dir.path(), "good.txt", "Acme revenue rose 5%.\n");
    let missing = dir.path().join("missing.txt");
    crosscheck()
        .args(["check"])
        .args([&missing, &bin, &bad])
        .arg(&good)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "crosscheck: error: {}: cannot read: no such file or folder\n\
             crosscheck: error: {}: not valid UTF-8 (invalid byte at offset 3)\n\
             crosscheck: error: {}: binary data, not text (NUL byte at offset 3)\n",
            missing.display(),
            bad.display(),
            bin.display()
        ));
}

#[test]
fn exit_2_for_a_rules_value_out_of_range_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "r.yaml",
        "numeric:\n  relative_tolerance: -1\nunsupported:\n  min_sources: 0\n",
    );
    crosscheck()
        .args(["check", "--rules", &rules, "corpus/northwind-results"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "crosscheck: error: {rules}:2:3: numeric.relative_tolerance: must be a number of at least 0, not -1\n  |\n2 |   relative_tolerance: -1\n  |   ^\n\
             crosscheck: error: {rules}:4:3: unsupported.min_sources: must be at least 1\n  |\n4 |   min_sources: 0\n  |   ^\n"
        ));
}

#[test]
fn exit_2_for_an_unknown_rules_key_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "r.yaml",
        "numeric:\n  precision: warn\n  tolerence: 0.1\n",
    );
    crosscheck()
        .args(["check", "--rules", &rules, "corpus/northwind-results"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(format!(
            "crosscheck: error: {rules}:3:3: numeric: unknown field `tolerence`; expected one of"
        )));
}

#[test]
fn exit_2_for_usage_errors_and_unsupported_files() {
    crosscheck().args(["check"]).assert().code(2).stdout("");
    crosscheck()
        .args(["check", "--fail-on", "sometimes", "corpus"])
        .assert()
        .code(2);
    crosscheck()
        .args(["check", "Cargo.toml"])
        .assert()
        .code(2)
        .stderr(
            "crosscheck: error: Cargo.toml: unsupported file type (expected .txt, .md, .markdown, .html or .htm)\n",
        );
}

#[test]
fn json_report_follows_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = precision_pair(dir.path());
    let v = json(&["check", "--format", "json", &a, &b], 0);
    assert_eq!(v["schema"], "crosscheck.report/1");
    assert_eq!(v["sources"][0]["id"], "a");
    assert_eq!(v["sources"][0]["role"], "source");
    // Each article makes two claims: the fall and the day it happened.
    assert_eq!(v["sources"][0]["claims"], 2);
    assert_eq!(
        v["summary"],
        serde_json::json!({"sources": 2, "claims": 4, "agreements": 1, "conflicts": 1, "unsupported": 0})
    );
    let f = &v["findings"][0];
    assert_eq!(f["kind"], "conflict");
    assert_eq!(f["rule"], "numeric.precision");
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["subject"], "Nvidia");
    assert_eq!(f["attribute"], "change");
    assert_eq!(
        f["message"],
        "\"4.35%\" vs \"more than 4%\": compatible only through a bound"
    );
    let c = &f["claims"][0];
    assert_eq!(c["source"], "a");
    assert_eq!(c["text"], "4.35%");
    assert_eq!(c["sentence"], "Nvidia shares fell 4.35% on Tuesday.");
    assert_eq!(
        (c["line"].as_u64(), c["column"].as_u64()),
        (Some(1), Some(20))
    );
    assert_eq!(c["value"]["kind"], "quantity");
    assert_eq!(c["value"]["value"], 4.35);
    assert_eq!(c["value"]["direction"], "down");
    assert_eq!(f["claims"][1]["text"], "more than 4%");
    assert_eq!(f["claims"][1]["value"]["qualifier"], "more_than");
}

#[test]
fn table_quotes_every_claim_with_its_location() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = precision_pair(dir.path());
    crosscheck()
        .args(["check", "--color", "never", &a, &b])
        .assert()
        .code(0)
        // Paths relative to the folder they share, named above the table.
        .stdout(predicate::str::starts_with(format!(
            "files in {}/\n",
            dir.path().display()
        )))
        .stdout(predicate::str::contains("a.txt:1:20 \"4.35%\""))
        .stdout(predicate::str::contains("b.txt:1:20 \"more than 4%\""))
        .stdout(predicate::str::contains("numeric.precision"))
        .stdout(predicate::str::contains(
            "2 sources, 4 claims: 1 conflicts, 1 agreements, 0 unsupported",
        ))
        .stdout(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn unsupported_rows_only_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", "Acme Logistics will cut 1,200 jobs.\n");
    let b = write(dir.path(), "b.txt", "Nvidia shares fell 4% on Tuesday.\n");
    crosscheck()
        .args(["check", &a, &b])
        .assert()
        .stdout(predicate::str::contains(
            "unsupported claims by source: a 2, b 2",
        ))
        .stdout(predicate::str::contains("1,200 jobs").not());
    crosscheck()
        .args(["check", "--show", "unsupported", &a, &b])
        .assert()
        .stdout(predicate::str::contains("a.txt:1:25 \"1,200 jobs\""));
}

#[test]
fn draft_mode_checks_only_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("sources");
    std::fs::create_dir(&src).unwrap();
    write(
        &src,
        "one.txt",
        "Acme Logistics will cut 1,200 jobs. Acme shares fell 7.4%.\n",
    );
    write(
        &src,
        "two.txt",
        "Acme Logistics will cut 1,200 jobs. Acme shares fell 9%.\n",
    );
    let draft = write(
        dir.path(),
        "draft.md",
        "# Draft\n\nAcme Logistics will cut 12,000 jobs. Its revenue was $3.2 billion.\n",
    );
    let v = json(
        &[
            "check",
            "--format",
            "json",
            "--draft",
            &draft,
            src.to_str().unwrap(),
        ],
        1,
    );
    assert_eq!(v["sources"][0]["role"], "draft");
    let findings = v["findings"].as_array().unwrap();
    let summary: Vec<(String, String, String)> = findings
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["attribute"].as_str().unwrap().to_string(),
                f["claims"][0]["source"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    // The sources disagree with each other on the share move, but the draft
    // says nothing about it, so that is not reported.
    assert!(summary.contains(&("numeric.mismatch".into(), "jobs".into(), "draft".into())));
    assert!(summary.contains(&("unsupported".into(), "revenue".into(), "draft".into())));
    assert!(!summary.iter().any(|(_, attr, _)| attr == "change"));
}

#[test]
fn claims_command_lists_located_claims() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        "Intro line.\nNvidia (-4.35%) and AMD (-6.4%) slipped.\n",
    );
    let v = json(&["claims", "--format", "json", &a], 0);
    assert_eq!(v["schema"], "crosscheck.claims/1");
    let claims = v["claims"].as_array().unwrap();
    let got: Vec<(&str, &str, u64, u64)> = claims
        .iter()
        .map(|c| {
            (
                c["subject"].as_str().unwrap(),
                c["text"].as_str().unwrap(),
                c["line"].as_u64().unwrap(),
                c["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, [("Nvidia", "-4.35%", 2, 9), ("AMD", "-6.4%", 2, 26)]);
    assert_eq!(claims[0]["modality"], "confirmed");
}

#[test]
fn rules_list_names_every_rule() {
    crosscheck()
        .args(["rules", "list"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("numeric.mismatch (error)"))
        .stdout(predicate::str::contains("modality.mismatch (warning)"))
        .stdout(predicate::str::contains("unsupported (info)"));
}

#[test]
fn precision_policy_agree_turns_rounding_into_agreement() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = precision_pair(dir.path());
    let rules = write(
        dir.path(),
        "lenient.yaml",
        "numeric:\n  precision: lenient\n  bounds: agree\n",
    );
    let v = json(&["check", "--format", "json", "--rules", &rules, &a, &b], 0);
    assert_eq!(v["summary"]["conflicts"], 0);
    let rules_fired: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules_fired, ["agreement", "agreement"]);
}

#[test]
fn severity_override_and_disabled_rules_apply() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = precision_pair(dir.path());
    let strict = write(
        dir.path(),
        "s.yaml",
        "severity:\n  numeric.precision: error\n",
    );
    crosscheck()
        .args(["check", "--fail-on", "error", "--rules", &strict, &a, &b])
        .assert()
        .code(1);
    let off = write(dir.path(), "o.yaml", "disable: [numeric.precision]\n");
    crosscheck()
        .args(["check", "--rules", &off, &a, &b])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 conflicts"));
}

#[test]
fn acronyms_defined_once_group_later_uses() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        "The Dow Jones Transportation Average (DJT) fell 2.4% on Friday.\n",
    );
    let b = write(
        dir.path(),
        "b.txt",
        "Freight worries weighed on the DJT, which fell 2.4%.\n",
    );
    let v = json(&["check", "--format", "json", &a, &b], 0);
    let f = &v["findings"][0];
    assert_eq!(f["kind"], "agreement");
    assert_eq!(f["subject"], "Dow Jones Transportation Average");
    assert_eq!(f["claims"][1]["source"], "b");
}

#[test]
fn rules_show_prints_the_layered_rules() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "mine.yaml",
        "entities:\n  - { name: Acme Logistics, aliases: [Acme], kind: company }\nnumeric:\n  precision: lenient\n",
    );
    let out = crosscheck()
        .args(["rules", "show", "--rules", &f])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let shown: crosscheck::rules::Rules =
        serde_yaml::from_slice(&out).expect("rules show prints valid rules YAML");
    assert!(shown.entities.iter().any(|e| e.name == "Acme Logistics"));
    assert!(shown.entities.iter().any(|e| e.name == "United States"));
    assert_eq!(
        shown.numeric.policy(),
        crosscheck::rules::PrecisionPolicy::Agree
    );
    assert!(!shown.modality.speculative.is_empty());
}

#[test]
fn rules_check_reports_problems_in_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.yaml", "numeric:\n  precison: warn\n");
    let b = write(dir.path(), "b.yaml", "disable: [agreemnt]\n");
    let out = crosscheck()
        .args(["rules", "check", &a, &b])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    let firsts: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("crosscheck: error:"))
        .collect();
    assert_eq!(
        firsts,
        [
            format!(
                "crosscheck: error: {a}:2:3: numeric: unknown field `precison`; did you mean `precision`?"
            ),
            format!(
                "crosscheck: error: {b}:1:11: disable[0]: unknown variant `agreemnt`; did you mean `agreement`?"
            ),
        ]
    );
}

#[test]
fn draft_of_the_motivating_story_against_its_sources() {
    let v = json(
        &[
            "check",
            "--format",
            "json",
            "--draft",
            "corpus/drafts/meta-draft.md",
            "corpus/meta-compute",
        ],
        1,
    );
    let found: Vec<(String, String, String, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["subject"].as_str().unwrap().to_string(),
                f["attribute"].as_str().unwrap().to_string(),
                f["claims"][0]["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    // Every finding starts with the draft's own claim.
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["claims"][0]["source"] == "meta-draft")
    );
    for want in [
        (
            "numeric.mismatch",
            "Philadelphia Semiconductor Index",
            "change",
            "6.5%",
        ),
        (
            "numeric.mismatch",
            "Meta",
            "capital spending",
            "$65 billion",
        ),
        (
            "numeric.precision",
            "Philadelphia Semiconductor Index",
            "change",
            "6.5%",
        ),
        (
            "modality.mismatch",
            "Meta",
            "action",
            "announced on Tuesday that it will sell spare computing capacity from its data centers to other companies",
        ),
        // The draft's 4.35% and a source's are one side of this conflict,
        // not an agreement row as well: one row per fact.
        ("numeric.precision", "Nvidia", "change", "4.35%"),
    ] {
        let want = (
            want.0.to_string(),
            want.1.to_string(),
            want.2.to_string(),
            want.3.to_string(),
        );
        assert!(found.contains(&want), "missing {want:?} in {found:?}");
    }
    let findings = v["findings"].as_array().unwrap();
    let nvidia = findings.iter().find(|f| f["subject"] == "Nvidia").unwrap();
    assert_eq!(
        nvidia["sides"],
        serde_json::json!([[0, 1, 3, 4], [2]]),
        "{nvidia:#}"
    );
    let quoted = |f: &serde_json::Value| -> Vec<(String, u64)> {
        f["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["path"].as_str().unwrap().to_string(),
                    c["start"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    for a in findings.iter().filter(|f| f["kind"] == "agreement") {
        for c in findings.iter().filter(|f| f["kind"] == "conflict") {
            assert!(
                quoted(a).iter().all(|x| !quoted(c).contains(x)),
                "a claim in two rows: {a:#} {c:#}"
            );
        }
    }
}

#[test]
fn exit_2_when_there_is_nothing_to_check() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().to_str().unwrap().to_string();
    crosscheck()
        .args(["check", &empty])
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "crosscheck: error: no articles to check: {empty}: no .txt, .md, .markdown, .html or .htm files found\n"
        ));
    crosscheck()
        .args(["check", "--draft", "corpus/drafts/meta-draft.md"])
        .assert()
        .code(2)
        .stderr("crosscheck: error: no articles to check: the draft needs sources to be checked against\n");
}

/// The keys of a JSON object (and of its first finding and claim), sorted.
fn shape(v: &serde_json::Value) -> Vec<String> {
    let keys = |o: &serde_json::Value, prefix: &str| -> Vec<String> {
        o.as_object()
            .map(|m| m.keys().map(|k| format!("{prefix}{k}")).collect())
            .unwrap_or_default()
    };
    let mut out = keys(v, "");
    out.extend(keys(&v["findings"][0], "finding."));
    out.extend(keys(&v["findings"][0]["claims"][0], "claim."));
    out.extend(keys(&v["sources"][0], "source."));
    out.extend(keys(&v["summary"], "summary."));
    out.sort();
    out
}

#[test]
fn readme_json_example_has_the_shape_of_a_real_report() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme.find("```json\n").unwrap() + 8;
    let end = start + readme[start..].find("```").unwrap();
    let example: serde_json::Value =
        serde_json::from_str(&readme[start..end]).expect("the README's JSON example parses");
    let real = json(&["check", "--format", "json", "corpus/meta-compute"], 1);
    assert_eq!(shape(&example), shape(&real));
}

/// Renders a table at `columns` and compares it with `tests/golden/NAME`.
/// To accept a deliberate change, rerun with `UPDATE_GOLDEN=1` and review
/// the diff of the golden files.
fn golden(name: &str, columns: &str, args: &[&str], code: i32) {
    let out = crosscheck()
        .env("COLUMNS", columns)
        .args(args)
        .args(["--color", "never"])
        .assert()
        .code(code)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let path = format!("tests/golden/{name}");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &out).unwrap();
    }
    let golden = std::fs::read_to_string(&path).unwrap();
    assert_eq!(out, golden, "{path}");
    // Never wider than asked.
    let widest = out.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(
        widest <= columns.parse().unwrap(),
        "{path}: {widest} columns"
    );
}

/// The editor's table, exactly, for a small story (tests/golden/story), at
/// 80 and 200 columns.
#[test]
fn table_matches_its_golden_files() {
    let args = ["check", "tests/golden/story", "--show", "all"];
    golden("story-80.table", "80", &args, 0);
    golden("story-200.table", "200", &args, 0);
}

/// A draft's table: its claims first, in draft order, each with a verdict,
/// then the findings; Markdown markers never in a quote; paths relative to
/// the shared folder, never broken.
#[test]
fn draft_table_matches_its_golden_files() {
    let args = [
        "check",
        "--draft",
        "tests/golden/draft.md",
        "tests/golden/story",
    ];
    golden("draft-80.table", "80", &args, 1);
    golden("draft-200.table", "200", &args, 1);
    let text = std::fs::read_to_string("tests/golden/draft-80.table").unwrap();
    assert!(text.starts_with("files in tests/golden/\n"), "{text}");
    assert!(!text.contains("**"), "{text}");
    assert!(text.contains("draft.md:3:22 \"4.5%\""), "{text}");
    assert!(text.contains(
        "4 draft claims: 2 supported, 1 contradicted, 0 sources disagree, 1 unsupported"
    ));
}

#[test]
fn byte_order_marks_and_crlf_do_not_shift_columns() {
    let dir = tempfile::tempdir().unwrap();
    let bom = dir.path().join("bom.md");
    std::fs::write(&bom, "\u{feff}Nvidia shares fell 4% on Tuesday.\n").unwrap();
    let crlf = dir.path().join("crlf.txt");
    std::fs::write(&crlf, "Intro.\r\n\r\nNvidia shares fell 4% on Tuesday.\r\n").unwrap();
    let v = json(
        &[
            "claims",
            "--format",
            "json",
            bom.to_str().unwrap(),
            crlf.to_str().unwrap(),
        ],
        0,
    );
    let at: Vec<(u64, u64)> = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["text"] == "4%")
        .map(|c| (c["line"].as_u64().unwrap(), c["column"].as_u64().unwrap()))
        .collect();
    assert_eq!(at, [(1, 20), (3, 20)]);
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = precision_pair(dir.path());
    crosscheck()
        .args(["check", "--color", "always", &a, &b])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\u{1b}["));
    // Not a terminal: "auto" means no colour.
    crosscheck()
        .args(["check", "--color", "auto", &a, &b])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let bin = assert_cmd::cargo::cargo_bin("crosscheck");
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "'{}' check --format json corpus | head -c 100 > /dev/null; exit ${{PIPESTATUS[0]}}",
            bin.display()
        ))
        .output()
        .unwrap();
    // The findings still decide the code; nothing is said about the pipe.
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

/// A draft's figure that names no one still gets a verdict: it is read as
/// about the story's main entity and compared with the sources.
#[test]
fn a_draft_figure_without_a_named_subject_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let draft = write(
        dir.path(),
        "draft.md",
        "# Stream record\n\nMore than 3 million people watched the stream on Sunday.\n",
    );
    let a = write(
        dir.path(),
        "a.txt",
        "Vidora Media said 3.2 million people watched its final on Sunday, a record.\n",
    );
    let v = json(&["check", "--format", "json", "--draft", &draft, &a], 0);
    let f = &v["findings"][0];
    assert_eq!(f["rule"], "numeric.precision");
    assert_eq!(f["subject"], "Vidora Media");
    assert_eq!(f["claims"][0]["text"], "More than 3 million people watched");
    assert_eq!(f["claims"][0]["line"], 3);
    // The same line in a source names no one and is not a claim.
    let b = write(
        dir.path(),
        "b.txt",
        "More than 3 million people watched the stream.\n",
    );
    let v = json(&["claims", "--format", "json", &b], 0);
    assert_eq!(v["claims"].as_array().unwrap().len(), 0);
}

/// Every draft claim gets one standing, in draft order; a draft that follows
/// one source while another disagrees is not contradicted.
#[test]
fn draft_claims_each_get_a_standing() {
    let dir = tempfile::tempdir().unwrap();
    let draft = write(
        dir.path(),
        "draft.md",
        "Northwind Energy shares fell 5% on Monday. Northwind Energy will cut 300 jobs. \
         Northwind Energy reported revenue of $40 million.\n",
    );
    let a = write(
        dir.path(),
        "a.txt",
        "Northwind Energy shares fell 5% on Monday. Northwind Energy will cut 300 jobs. \
         Northwind Energy reported revenue of $90 million.\n",
    );
    let b = write(
        dir.path(),
        "b.txt",
        "Northwind Energy shares fell 7% on Monday. Northwind Energy reported revenue of $90 million.\n",
    );
    let v = json(&["check", "--format", "json", "--draft", &draft, &a, &b], 1);
    let got: Vec<(&str, &str)> = v["draft"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["claim"]["text"].as_str().unwrap(),
                d["standing"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("5%", "sources disagree"),
            ("Monday", "supported"),
            ("will cut 300 jobs", "supported"),
            ("300 jobs", "supported"),
            ("$40 million", "contradicted")
        ],
        "{v:#}"
    );
}

/// The same measure worded around a name or a verb of saying, and a move
/// told with a verb the word lists do not know, still meet.
#[test]
fn one_measure_meets_however_it_is_introduced() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        "Acme revenue rose 5% in the quarter.\n",
    );
    let b = write(
        dir.path(),
        "b.txt",
        "Acme said its revenue rose 7% in the quarter.\n",
    );
    let c = write(
        dir.path(),
        "c.txt",
        "Acme said revenue rose 9% in the quarter.\n",
    );
    let v = json(&["check", "--format", "json", &a, &b, &c], 1);
    let got: Vec<(&str, &str, &str)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap(),
                f["attribute"].as_str().unwrap(),
                f["message"].as_str().unwrap(),
            )
        })
        .collect();
    // One fact, one row: the three values are the sides of one conflict.
    assert_eq!(
        got,
        [(
            "numeric.mismatch",
            "revenue growth",
            "\"5%\" vs \"7%\" vs \"9%\": the figures cannot both be right"
        )]
    );
    assert_eq!(
        v["findings"][0]["sides"],
        serde_json::json!([[0], [1], [2]])
    );
    let d = write(
        dir.path(),
        "d.txt",
        "The Norvik index nosedived 3.4% on Monday.\n",
    );
    let e = write(
        dir.path(),
        "e.txt",
        "The Norvik index slid more than 3% on Monday.\n",
    );
    let v = json(&["check", "--format", "json", &d, &e], 0);
    assert_eq!(v["findings"][0]["rule"], "numeric.precision");
    assert_eq!(v["findings"][0]["attribute"], "change");
    assert_eq!(
        v["findings"][0]["message"],
        "\"3.4%\" vs \"more than 3%\": compatible only through a bound"
    );
}

/// The kinds of conflicts of real multi-outlet news (ECB+) that are not one
/// fact: figures compared only when their frames name one event, one actor,
/// and verbs a source itself uses for two different figures.
#[test]
fn figures_meet_only_when_their_frames_name_one_event() {
    let dir = tempfile::tempdir().unwrap();
    let conflicts = |files: &[&str]| -> Vec<String> {
        let mut args = vec!["check", "--format", "json"];
        args.extend(files);
        let out = crosscheck().args(&args).output().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["kind"] == "conflict")
            .map(|f| f["message"].as_str().unwrap().to_string())
            .collect()
    };
    // A verb on one side only: winning 23 games is not being two behind.
    let a = write(
        dir.path(),
        "a.txt",
        "Philadelphia went on to win 18 of their next 23 games.\n",
    );
    let b = write(
        dir.path(),
        "b.txt",
        "Philadelphia is still two games behind the eighth seed.\n",
    );
    assert_eq!(conflicts(&[&a, &b]), Vec::<String>::new());
    // Two actors' offers to one player.
    let c = write(
        dir.path(),
        "c.txt",
        "The Nationals have offered Mark Teixeira a contract worth $160 million.\n",
    );
    let d = write(
        dir.path(),
        "d.txt",
        "The Red Sox have offered Mark Teixeira a contract worth $200 million.\n",
    );
    assert_eq!(conflicts(&[&c, &d]), Vec::<String>::new());
    // "shot three" / "killed two" meet as one fact until a source tells the
    // verbs apart by using both.
    let f = write(
        dir.path(),
        "f.txt",
        "At the Kraft plant, Ellen Moss shot three workers.\n",
    );
    let g = write(
        dir.path(),
        "g.txt",
        "At the Kraft plant, Ellen Moss killed two workers.\n",
    );
    assert_eq!(
        conflicts(&[&f, &g]),
        ["\"three workers\" vs \"two workers\": the figures cannot both be right"]
    );
    let e = write(
        dir.path(),
        "e.txt",
        "At the Kraft plant, Ellen Moss shot three workers, killing two workers.\n",
    );
    assert_eq!(conflicts(&[&e, &f, &g]), Vec::<String>::new());
    // Two sums in one sentence leave the key under-specified, but a figure
    // told in the same words by two outlets is one fact.
    let h = write(
        dir.path(),
        "h.txt",
        "President Trump proposed $800 million for humanitarian aid and \
         $805 million for drug detection technology on Tuesday.\n",
    );
    let i = write(
        dir.path(),
        "i.txt",
        "President Trump proposed $800 million for humanitarian aid and \
         $2,377 million for drug detection technology on Tuesday.\n",
    );
    assert_eq!(
        conflicts(&[&h, &i]),
        ["\"$805 million\" vs \"$2,377 million\": the figures cannot both be right"]
    );
    // Only the key (subject and attribute) joins a sum sought in a suit and
    // a sum left on a contract: no verb, measure, time or wording in common.
    let j = write(
        dir.path(),
        "j.txt",
        "Jim O'Brien is seeking up to $6 million in a breach-of-contract suit against Ohio State.\n",
    );
    let k = write(
        dir.path(),
        "k.txt",
        "Jim O'Brien still has $8 million left on his contract.\n",
    );
    assert_eq!(conflicts(&[&j, &k]), Vec::<String>::new());
    let l = write(
        dir.path(),
        "l.txt",
        "Jim O'Brien is seeking $9 million in a breach-of-contract suit against Ohio State.\n",
    );
    assert_eq!(
        conflicts(&[&j, &l]),
        ["\"up to $6 million\" vs \"$9 million\": the figures cannot both be right"]
    );
}

/// One row per fact: two sources agreeing on a value that a third
/// contradicts show up once, in the conflict, with how many give each value.
#[test]
fn a_fact_is_one_row_with_every_source() {
    let dir = tempfile::tempdir().unwrap();
    let [a, b, c] = ["5%", "5%", "7%"].map(|p| {
        let name = format!("{p}-{}.txt", dir.path().read_dir().unwrap().count());
        write(
            dir.path(),
            &name,
            &format!("Acme revenue rose {p} in the quarter.\n"),
        )
    });
    let v = json(&["check", "--format", "json", &a, &b, &c], 1);
    let kinds: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["conflict"], "{v:#}");
    assert_eq!(v["findings"][0]["sides"], serde_json::json!([[0, 1], [2]]));
    assert_eq!(v["summary"]["agreements"], 0);
    let out = crosscheck()
        .env("COLUMNS", "200")
        .args(["check", "--color", "never", &a, &b, &c])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let table = String::from_utf8(out).unwrap();
    assert!(table.contains("«5%» 2 sources · «7%» 1 source"), "{table}");
}

/// A file named twice, or reached again through a link, is one source; the
/// order of the arguments does not change a byte of the report; an empty
/// article and a lone source are warned about, not errors.
#[test]
fn inputs_are_read_once_in_one_order() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        "Acme revenue rose 5% in the quarter.\n",
    );
    let b = write(
        dir.path(),
        "b.txt",
        "Acme revenue rose 7% in the quarter.\n",
    );
    let once = crosscheck()
        .args(["check", "--format", "json", &a, &a])
        .assert()
        .code(0)
        .get_output()
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&once.stdout).unwrap();
    assert_eq!(v["summary"]["sources"], 1);
    assert_eq!(
        String::from_utf8(once.stderr).unwrap(),
        format!("crosscheck: warning: {a}: the only source: nothing to compare it against\n")
    );
    for format in ["json", "table"] {
        let run = |args: [&str; 2]| {
            crosscheck()
                .args(["check", "--color", "never", "--format", format])
                .args(args)
                .assert()
                .code(1)
                .get_output()
                .stdout
                .clone()
        };
        assert_eq!(run([&a, &b]), run([&b, &a]), "{format}");
    }
    let e = write(dir.path(), "e.txt", "");
    crosscheck()
        .args(["check", &a, &b, &e])
        .assert()
        .code(1)
        .stderr(format!("crosscheck: warning: {e}: empty file\n"));
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_walked_once() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        "Acme revenue rose 5% in the quarter.\n",
    );
    write(
        dir.path(),
        "b.txt",
        "Acme revenue rose 7% in the quarter.\n",
    );
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub").join("up")).unwrap();
    let v = json(
        &["check", "--format", "json", dir.path().to_str().unwrap()],
        1,
    );
    assert_eq!(v["summary"]["sources"], 2);
}

/// Two files with one stem in different folders are two sources, each
/// shown by its path.
#[test]
fn sources_with_one_stem_keep_apart() {
    let dir = tempfile::tempdir().unwrap();
    for (folder, figure) in [("x", "5%"), ("y", "7%")] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
        write(
            &dir.path().join(folder),
            "wire.txt",
            &format!("Acme revenue rose {figure} in the quarter.\n"),
        );
    }
    let (x, y) = (dir.path().join("x"), dir.path().join("y"));
    let v = json(
        &[
            "check",
            "--format",
            "json",
            x.to_str().unwrap(),
            y.to_str().unwrap(),
        ],
        1,
    );
    let ids: Vec<&str> = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    let expect = |f: &std::path::Path| f.join("wire").display().to_string();
    assert_eq!(ids, [expect(&x), expect(&y)]);
    assert_eq!(v["summary"]["conflicts"], 1);
}

/// A folder's crosscheck.yaml applies to its articles whether the folder or
/// the articles are named: the two reports are the same byte for byte.
#[test]
fn folder_rules_apply_to_its_files_named_one_by_one() {
    let folder = "corpus/meta-compute";
    let mut files: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("md" | "txt" | "html")
            )
        })
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    assert_eq!(files.len(), 5);
    let run = |paths: &[String]| {
        crosscheck()
            .args(["check", "--format", "json"])
            .args(paths)
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone()
    };
    let by_folder = run(&[folder.to_string()]);
    files.reverse();
    assert_eq!(run(&files), by_folder);
}

/// Hostile rules files end in an error, at once: aliases that would expand
/// a billion times, and nesting thousands deep.
#[test]
fn hostile_yaml_is_an_error_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    let mut bomb =
        String::from("synonyms:\n  - &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    let names: Vec<char> = ('b'..='j').collect();
    let mut prev = 'a';
    for n in names {
        bomb.push_str(&format!(
            "  - &{n} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
        ));
        prev = n;
    }
    let deep = format!("numeric: {}{}\n", "[".repeat(5000), "]".repeat(5000));
    for (name, text, first) in [
        (
            "bomb.yaml",
            bomb,
            ":2:5: synonyms[1][0]: invalid type: sequence, expected a string",
        ),
        (
            "deep.yaml",
            deep,
            ":1:10: numeric: invalid type: sequence, expected struct NumericRules",
        ),
    ] {
        let rules = write(dir.path(), name, &text);
        let out = crosscheck()
            .args(["check", "--rules", &rules, "corpus/northwind-results"])
            .assert()
            .code(2)
            .stdout("")
            .get_output()
            .stderr
            .clone();
        let stderr = String::from_utf8(out).unwrap();
        assert!(
            stderr.starts_with(&format!("crosscheck: error: {rules}{first}")),
            "{}",
            &stderr[..stderr.len().min(300)]
        );
    }
}

/// `-` reads standard input as a source or as the draft, named `stdin`; text
/// piped with no path is one source; stdin cannot be both.
#[test]
fn standard_input_is_a_source_or_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = precision_pair(dir.path());
    let v: serde_json::Value = serde_json::from_slice(
        &crosscheck()
            .args(["check", "--format", "json", "--fail-on", "warning", "-", &a])
            .write_stdin("Nvidia shares fell more than 4% on Tuesday.\n")
            .assert()
            .code(1)
            .get_output()
            .stdout,
    )
    .unwrap();
    assert_eq!(v["sources"][0]["id"], "stdin");
    assert_eq!(v["findings"][0]["rule"], "numeric.precision");
    crosscheck()
        .args(["check", "--format", "json", "--draft", "-", &a])
        .write_stdin("Nvidia shares fell **7%** on Tuesday.\n")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"standing\": \"contradicted\""));
    // Nothing named, text piped: one source, and a warning that it is alone.
    crosscheck()
        .args(["check"])
        .write_stdin("Nvidia shares fell 4% on Tuesday.\n")
        .assert()
        .code(0)
        .stderr("crosscheck: warning: stdin: the only source: nothing to compare it against\n");
    crosscheck()
        .args(["check"])
        .write_stdin("")
        .assert()
        .code(2)
        .stdout("")
        .stderr("crosscheck: error: no articles to check: give files or folders, or pipe text to standard input (it is empty)\n");
    crosscheck()
        .args(["check", "--draft", "-", "-"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr("crosscheck: error: no articles to check: standard input (-) can be the draft or a source, not both\n");
    crosscheck()
        .args(["check", "-", &a])
        .write_stdin(&b"\xff\xfeN\0"[..])
        .assert()
        .code(2)
        .stderr("crosscheck: error: stdin: UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8\n");
}

/// `--output` writes the report to a file, whole or not at all; the exit
/// code is the run's; an unwritable place is exit 2 naming it.
#[test]
fn output_goes_to_a_file_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = precision_pair(dir.path());
    let report = dir.path().join("report.json");
    std::fs::write(&report, "old").unwrap();
    crosscheck()
        .args(["check", "--format", "json", "--output"])
        .arg(&report)
        .args([&a, &b])
        .assert()
        .code(0)
        .stdout("");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(v["schema"], "crosscheck.report/1");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
    let nowhere = dir.path().join("no/such/dir/report.txt");
    crosscheck()
        .args(["check", "-o"])
        .arg(&nowhere)
        .args([&a, &b])
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "crosscheck: error: {}: cannot write: no such folder\n",
            nowhere.display()
        ));
}

/// `--output` to something that is not a file (a pipe, `/dev/null`)
/// writes into it: renaming a report over it would replace it.
#[cfg(unix)]
#[test]
fn output_to_a_pipe_writes_into_the_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = precision_pair(dir.path());
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo on this machine
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    crosscheck()
        .args(["check", "--format", "json", "-o"])
        .arg(&fifo)
        .args([&a, &b])
        .assert()
        .code(0)
        .stdout("");
    // Still a pipe (checked first: had it been replaced, the reader would
    // wait for a writer forever).
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    let v: serde_json::Value = serde_json::from_str(&reader.join().unwrap()).unwrap();
    assert_eq!(v["schema"], "crosscheck.report/1");
}

/// `--compact`: one line, every claim once, findings and draft verdicts
/// referring to claims by position, the same findings as the full report.
#[test]
fn compact_json_refers_to_each_claim_once() {
    let args = [
        "check",
        "--format",
        "json",
        "--draft",
        "corpus/drafts/meta-draft.md",
        "corpus/meta-compute",
    ];
    let full = json(&args, 1);
    let out = crosscheck()
        .args(args)
        .arg("--compact")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.lines().count(), 1);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["schema"], "crosscheck.report.compact/1");
    assert_eq!(v["summary"], full["summary"]);
    let claims = v["claims"].as_array().unwrap();
    let sources = v["sources"].as_array().unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), full["findings"].as_array().unwrap().len());
    for (c, f) in findings.iter().zip(full["findings"].as_array().unwrap()) {
        assert_eq!(c["rule"], f["rule"]);
        assert_eq!(c["message"], f["message"]);
        // Each referred claim is the one the full report quotes.
        let refs = c["claims"].as_array().unwrap();
        for (i, whole) in refs.iter().zip(f["claims"].as_array().unwrap()) {
            let claim = &claims[i.as_u64().unwrap() as usize];
            assert_eq!(claim["text"], whole["text"]);
            assert_eq!(claim["line"], whole["line"]);
            assert_eq!(claim["start"], whole["start"]);
            let src = &sources[claim["source"].as_u64().unwrap() as usize];
            assert_eq!(src["path"], whole["path"]);
        }
    }
    // No claim is written twice.
    let mut seen = std::collections::BTreeSet::new();
    for c in claims {
        assert!(seen.insert((c["source"].to_string(), c["start"].to_string())));
    }
    assert_eq!(
        v["draft"].as_array().unwrap().len(),
        full["draft"].as_array().unwrap().len()
    );
    assert!(text.len() * 3 < serde_json::to_string_pretty(&full).unwrap().len());
}

/// The report is the same byte for byte whatever the number of threads.
#[test]
fn the_same_report_on_one_thread_or_several() {
    let run = |threads: &str, format: &str| {
        crosscheck()
            .env("RAYON_NUM_THREADS", threads)
            .args(["check", "--format", format, "--fail-on", "never", "corpus"])
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone()
    };
    for format in ["json", "table"] {
        let one = run("1", format);
        assert!(one.len() > 1000);
        assert!(one == run("2", format), "{format}");
        assert!(one == run("4", format), "{format}");
    }
}

/// A file that cannot be opened is one line naming it, exit 2. Root reads
/// anything whatever its mode (and tests run as root here and in CI), so
/// there the binary runs as user 65534 through `setpriv`, from a copy in a
/// folder that user can enter. With neither route the test cannot prove
/// anything: it fails under `CI` and says so elsewhere.
#[cfg(unix)]
#[test]
fn exit_2_for_a_file_that_cannot_be_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let chmod = |p: &Path, mode: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    chmod(dir.path(), 0o755);
    let bin = dir.path().join("crosscheck");
    std::fs::copy(assert_cmd::cargo::cargo_bin("crosscheck"), &bin).unwrap();
    chmod(&bin, 0o755);
    write(
        dir.path(),
        "open.txt",
        "Acme revenue rose 5% in the quarter.\n",
    );
    let locked = dir.path().join("locked.txt");
    std::fs::write(&locked, "Acme revenue rose 7% in the quarter.\n").unwrap();
    chmod(&locked, 0o000);
    let denied_to_us = std::fs::File::open(&locked)
        .is_err_and(|e| e.kind() == std::io::ErrorKind::PermissionDenied);
    let as_nobody = |args: &[&str]| {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin)
            .args(args);
        c
    };
    let mut cmd = if denied_to_us {
        std::process::Command::new(&bin)
    } else if as_nobody(&["--version"])
        .current_dir(dir.path())
        .output()
        .is_ok_and(|o| o.status.success())
    {
        as_nobody(&[])
    } else {
        assert!(
            std::env::var_os("CI").is_none(),
            "cannot make a file unreadable: running as root and `setpriv --reuid=65534` failed"
        );
        eprintln!("skipped: running as root without a working `setpriv` (util-linux)");
        return;
    };
    let out = cmd
        .args(["check", "locked.txt", "open.txt"])
        .current_dir(dir.path())
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "crosscheck: error: locked.txt: cannot read: permission denied\n"
    );
    assert_eq!(out.status.code(), Some(2));
}

/// User furniture patterns that would backtrack for ever in a backtracking
/// engine run in linear time here (the regex crate has no backtracking):
/// the check finishes on long runs of `a`, and the patterns still apply.
#[test]
fn pathological_furniture_patterns_finish() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "r.yaml",
        "furniture:\n  patterns:\n    - '(a+)+$'\n    - '(a|aa)*b'\n    - '^(a*)*c$'\n",
    );
    let run = "a".repeat(200_000);
    let a = write(
        dir.path(),
        "a.txt",
        &format!("Acme revenue rose 5% in the quarter.\n\n{run}\n\n{run}! Acme revenue rose 9%.\n"),
    );
    let b = write(
        dir.path(),
        "b.txt",
        &format!(
            "Acme revenue rose 7% in the quarter.\n\n{run}d\n\n{run}b Acme revenue rose 9%.\n"
        ),
    );
    let v = json(&["check", "--format", "json", "--rules", &rules, &a, &b], 1);
    // a.txt's run ends the block: `(a+)+$` drops it; b.txt's second run is
    // followed by `b`: `(a|aa)*b` drops the block with its 9%. a.txt's 9%
    // after "!" stays, alone.
    let values: Vec<String> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["claims"].as_array().unwrap())
        .map(|c| {
            format!(
                "{}:{}",
                c["source"].as_str().unwrap(),
                c["text"].as_str().unwrap()
            )
        })
        .collect();
    assert!(values.contains(&"a:5%".to_string()), "{values:?}");
    assert!(values.contains(&"b:7%".to_string()), "{values:?}");
    assert!(
        !values
            .iter()
            .any(|c| c.starts_with("b:") && c.ends_with("9%")),
        "{values:?}"
    );
}

/// A pattern that compiles to more than the size limit (a repetition of a
/// repetition) is a located error, exit 2, before any article is read.
#[test]
fn an_oversize_furniture_pattern_is_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "r.yaml",
        "# page furniture\nfurniture:\n  patterns:\n    - 'Share on \\w+'\n    - a{100000}{100000}\n    - '\\w{1000}'\n",
    );
    crosscheck()
        .args(["check", "--rules", &rules, "corpus/northwind-results"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "crosscheck: error: {rules}:5:7: furniture.patterns[1]: the regular expression is too big: compiled it takes more than 1048576 bytes; use smaller repetition counts\n  |\n5 |     - a{{100000}}{{100000}}\n  |       ^\n\
             crosscheck: error: {rules}:6:8: furniture.patterns[2]: the regular expression is too big: compiled it takes more than 1048576 bytes; use smaller repetition counts\n  |\n6 |     - '\\w{{1000}}'\n  |        ^\n"
        ));
}
