//! Runs every corpus case and checks its findings against expected.yaml.
//! Prints precision and recall over the whole corpus:
//! `cargo test --test corpus -- --nocapture`.

use crosscheck::compare::{Finding, FindingKind};
use crosscheck::group::normalise;
use crosscheck::rules::{Rules, discover};
use crosscheck::{Inputs, Run};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Expected {
    /// A case annotated blind that the tool is not yet tuned on: scored and
    /// printed apart, never failing the test (see the README's accuracy).
    #[serde(default)]
    held_out: bool,
    #[serde(default)]
    findings: Vec<Pattern>,
    #[serde(default)]
    forbid: Vec<Pattern>,
    /// Files (names in the case folder) that must yield no claims at all.
    #[serde(default)]
    no_claims: Vec<String>,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
struct Pattern {
    kind: Option<String>,
    rule: Option<String>,
    subject: Option<String>,
    attribute: Option<String>,
    #[serde(default)]
    texts: Vec<String>,
}

impl Pattern {
    fn matches(&self, f: &Finding, run: &Run) -> bool {
        self.matches_finding(f, run) || self.matches_side(f, run)
    }

    /// An agreement shown inside a conflict (one row per fact): a side of
    /// the conflict that two sources or more give, holding every text.
    fn matches_side(&self, f: &Finding, run: &Run) -> bool {
        let agreement = self.kind.as_deref() == Some("agreement")
            && self.rule.as_deref().is_none_or(|r| r == "agreement");
        agreement
            && f.kind == FindingKind::Conflict
            && f.sides.iter().any(|side| {
                let docs: std::collections::BTreeSet<usize> =
                    side.iter().map(|&i| run.claims[i].doc).collect();
                let as_finding = Finding {
                    kind: FindingKind::Agreement,
                    claims: side.clone(),
                    sides: vec![side.clone()],
                    ..f.clone()
                };
                docs.len() >= 2
                    && Pattern {
                        rule: None,
                        ..self.clone()
                    }
                    .matches_finding(&as_finding, run)
            })
    }

    fn matches_finding(&self, f: &Finding, run: &Run) -> bool {
        let names = |s: &str| normalise(s);
        self.kind.as_deref().is_none_or(|k| k == f.kind.as_str())
            && self.rule.as_deref().is_none_or(|r| r == f.rule.as_str())
            && self.attribute.as_deref().is_none_or(|a| a == f.attribute)
            && self.subject.as_deref().is_none_or(|s| {
                names(s) == names(&f.subject)
                    || f.claims
                        .iter()
                        .any(|&i| names(&run.claims[i].subject) == names(s))
            })
            && self
                .texts
                .iter()
                .all(|t| f.claims.iter().any(|&i| run.claims[i].text == *t))
    }
}

fn cases() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("corpus")
        .expect("corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("expected.yaml").is_file())
        .collect();
    dirs.sort();
    dirs
}

struct Score {
    held_out: bool,
    expected: usize,
    found: usize,
    reported: usize,
    correct: usize,
    problems: Vec<String>,
}

fn score(case: &Path) -> Score {
    let expected: Expected =
        serde_yaml::from_str(&std::fs::read_to_string(case.join("expected.yaml")).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", case.display()));
    let rules = Rules::load(&discover(&[case])).expect("case rules load");
    let inputs = Inputs {
        sources: vec![case.to_path_buf()],
        draft: None,
    };
    let run = crosscheck::check(&inputs, &rules).expect("case runs");
    let mut problems = Vec::new();
    let found = expected
        .findings
        .iter()
        .filter(|p| {
            let ok = run.findings.iter().any(|f| p.matches(f, &run));
            if !ok {
                problems.push(format!("missing: {p:?}"));
            }
            ok
        })
        .count();
    let checked: Vec<&Finding> = run
        .findings
        .iter()
        .filter(|f| f.kind != FindingKind::Unsupported)
        .collect();
    let correct = checked
        .iter()
        .filter(|f| {
            let ok = expected.findings.iter().any(|p| p.matches(f, &run));
            if !ok {
                problems.push(format!(
                    "unexpected: {} {} {} · {}: {}",
                    f.kind.as_str(),
                    f.rule,
                    f.subject,
                    f.attribute,
                    f.message
                ));
            }
            ok
        })
        .count();
    for p in &expected.forbid {
        for f in run.findings.iter().filter(|f| p.matches(f, &run)) {
            problems.push(format!("forbidden: {p:?} matched {}", f.message));
        }
    }
    for name in &expected.no_claims {
        let n = run
            .claims
            .iter()
            .filter(|c| {
                run.docs[c.doc]
                    .path
                    .file_name()
                    .is_some_and(|f| f == name.as_str())
            })
            .count();
        if n > 0 {
            problems.push(format!("{name}: {n} claims, expected none"));
        }
    }
    Score {
        held_out: expected.held_out,
        expected: expected.findings.len(),
        found,
        reported: checked.len(),
        correct,
        problems,
    }
}

#[test]
fn every_corpus_case_reports_what_it_expects() {
    let cases = cases();
    assert!(cases.len() >= 5, "the corpus has at least five cases");
    // [tuned, held out]: expected, found, reported, correct.
    let mut totals = [[0usize; 4]; 2];
    let mut failures = Vec::new();
    for case in &cases {
        let s = score(case);
        println!(
            "{:<28} recall {}/{}  precision {}/{}{}",
            case.file_name().unwrap().to_string_lossy(),
            s.found,
            s.expected,
            s.correct,
            s.reported,
            if s.held_out { "  (held out)" } else { "" }
        );
        let t = &mut totals[usize::from(s.held_out)];
        for (x, v) in t
            .iter_mut()
            .zip([s.expected, s.found, s.reported, s.correct])
        {
            *x += v;
        }
        for p in s.problems {
            if s.held_out {
                println!("    {p}");
            } else {
                failures.push(format!("{}: {p}", case.display()));
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    for (label, [expected, found, reported, correct]) in
        ["corpus", "held out"].into_iter().zip(totals)
    {
        println!(
            "{label}: finding recall {:.3} ({found}/{expected}), precision {:.3} ({correct}/{reported})",
            ratio(found, expected),
            ratio(correct, reported)
        );
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
