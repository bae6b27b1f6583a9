//! Property tests: no input makes the pipeline panic, and every claim's span
//! points at its quoted text in the original file.

use crosscheck::ingest::{Document, Format, Role};
use crosscheck::pipeline;
use crosscheck::rules::Rules;
use proptest::prelude::*;

/// Article-like text: figures, names, markup, furniture and odd characters.
fn articleish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Nvidia",
        "Meta Platforms Inc.",
        "the company",
        "(SOX)",
        " fell ",
        " rose ",
        "4.35%",
        "-6.4%",
        "$3.2 billion",
        "€3bn",
        "1,200 jobs",
        "about",
        "more than",
        "nearly",
        ". ",
        ", ",
        "\n",
        "\n\n",
        "# ",
        "- ",
        "<p>",
        "</p>",
        "<script>",
        "&amp;",
        "&#37;",
        "Tuesday",
        "March 3, 2026",
        "Q3 2025",
        "could",
        "announced",
        "reportedly",
        "Like · Reply",
        "3h ago",
        "😬",
        "é",
        "\u{feff}",
        "(",
        ")",
        "\"",
        "'s",
        "U.S.",
        "Inc.",
        "20-45%",
        "hundreds of millions",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn check_spans(text: &str, format: Format) {
    let rules = Rules::defaults();
    let doc = Document::from_text("x", text.to_string(), format, Role::Source, &rules).unwrap();
    assert_eq!(doc.prose.len(), doc.text.len());
    let docs = vec![doc];
    for c in pipeline::claims(&docs, &rules) {
        let quoted = docs[0].text.get(c.span.start()..c.span.end());
        assert_eq!(quoted, Some(c.text.as_str()));
        assert!(c.sentence.contains(c.span));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_text_is_safe_and_spans_quote_the_source(text in articleish()) {
        check_spans(&text, Format::Text);
        check_spans(&text, Format::Markdown);
        check_spans(&text, Format::Html);
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,400}") {
        check_spans(&text, Format::Text);
        check_spans(&text, Format::Markdown);
        check_spans(&text, Format::Html);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Tokens of any text are in order, on character boundaries, never
    /// empty; tagging and parsing them never panics and gives one head per
    /// token, inside the sentence.
    #[test]
    fn the_reader_takes_any_text(text in "\\PC{0,300}") {
        let spans = crosscheck::nlp::tokenize(&text);
        let mut last = 0;
        for s in &spans {
            prop_assert!(s.start() >= last && s.end() > s.start() && s.end() <= text.len());
            prop_assert!(text.is_char_boundary(s.start()) && text.is_char_boundary(s.end()));
            prop_assert!(!s.slice(&text).trim().is_empty());
            last = s.end();
        }
        let model = crosscheck::nlp::Model::builtin().expect("model");
        let p = crosscheck::nlp::Parse::of(model, &text);
        prop_assert_eq!(p.words.len(), spans.len());
        prop_assert!(p.words.iter().all(|w| w.head.is_none_or(|h| h < spans.len())));
        prop_assert!(p.words.iter().filter(|w| w.head.is_none()).count() <= 1);
    }
}

/// Two articles of any text go through every stage, comparison and both
/// reports included: findings quote claims that exist, and every span is on
/// character boundaries of its own document.
fn check_pair(a: &str, b: &str) {
    let rules = Rules::defaults();
    let docs: Vec<Document> = [("a", a), ("b", b)]
        .iter()
        .map(|(name, text)| {
            Document::from_text(*name, text.to_string(), Format::Text, Role::Source, &rules)
                .unwrap()
        })
        .collect();
    let claims = pipeline::claims(&docs, &rules);
    for c in &claims {
        let text = &docs[c.doc].text;
        assert!(text.is_char_boundary(c.span.start()) && text.is_char_boundary(c.span.end()));
        assert!(c.span.end() <= text.len());
    }
    let findings =
        crosscheck::compare::compare(&claims, &crosscheck::compare::Roles::of(&docs), &rules);
    for f in &findings {
        assert!(f.claims.iter().all(|&i| i < claims.len()));
        assert!(f.sides.iter().flatten().all(|i| f.claims.contains(i)));
    }
    let run = pipeline::Run {
        docs,
        claims,
        findings,
    };
    let json = crosscheck::report::report_json(&run, None);
    assert!(json.starts_with('{'));
    let opts = crosscheck::report::TableOptions {
        show: crosscheck::report::Show {
            conflicts: true,
            agreements: true,
            unsupported: true,
        },
        color: false,
        width: 80,
    };
    let _ = crosscheck::report::report_table(&run, &opts, None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn any_two_articles_compare_and_report_safely(a in articleish(), b in articleish()) {
        check_pair(&a, &b);
    }

    #[test]
    fn any_two_unicode_texts_compare_and_report_safely(a in "\\PC{0,300}", b in "\\PC{0,300}") {
        check_pair(&a, &b);
    }
}
