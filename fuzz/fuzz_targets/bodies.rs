//! What each fuzz target does with one input, shared with
//! `tests/fuzz_regressions.rs`, which replays every input that once crashed
//! (kept in `tests/fuzz-regressions/<target>/`). Each target uses one of them.
#![allow(dead_code)]

use crosscheck::compare::{Roles, compare};
use crosscheck::ingest::{Document, Format, Role};
use crosscheck::pipeline::{self, Run};
use crosscheck::report::{Show, TableOptions, report_html, report_json, report_table};
use crosscheck::rules::Rules;
use std::path::Path;
use std::sync::OnceLock;

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(Rules::defaults)
}

/// Any bytes, cut into two articles, read as text, Markdown and HTML, go
/// through every stage and every report without a panic, and every claim's
/// span quotes its own text.
pub fn check_articles(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let cut = text
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| i >= text.len() / 2)
        .unwrap_or(text.len());
    let (a, b) = text.split_at(cut);
    for format in [Format::Text, Format::Markdown, Format::Html] {
        let docs: Vec<Document> = [("a", a), ("b", b)]
            .iter()
            .filter_map(|(name, t)| {
                Document::from_text(*name, t.to_string(), format, Role::Source, rules()).ok()
            })
            .collect();
        let claims = pipeline::claims(&docs, rules());
        for c in &claims {
            assert_eq!(
                docs[c.doc].text.get(c.span.start()..c.span.end()),
                Some(c.text.as_str())
            );
        }
        let findings = compare(&claims, &Roles::of(&docs), rules());
        let run = Run {
            docs,
            claims,
            findings,
        };
        let _ = report_json(&run, None);
        let _ = report_html(&run, None);
        let opts = TableOptions {
            show: Show {
                conflicts: true,
                agreements: true,
                unsupported: true,
            },
            color: false,
            width: 100,
        };
        let _ = report_table(&run, &opts, None);
    }
}

/// Any rules file is either rules or located errors, never a panic or a hang.
pub fn rules_yaml(data: &[u8]) {
    if let Ok(src) = std::str::from_utf8(data) {
        let _ = Rules::from_yaml(src, Path::new("fuzz.yaml"));
    }
}
