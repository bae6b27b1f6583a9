//! Speed of the language model alone: tokenising, tagging and parsing the
//! sentences of the bundled corpus that hold a figure (the ones the
//! pipeline parses): `cargo bench --bench nlp`. Criterion reports
//! elements/s, where an element is a token.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crosscheck::ingest::{Document, Role, format_of};
use crosscheck::nlp::{Model, Parse, tokenize};
use crosscheck::rules::Rules;
use std::hint::black_box;

fn sentences() -> Vec<String> {
    let rules = Rules::defaults();
    let mut out = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir("corpus")
        .unwrap()
        .flat_map(|c| std::fs::read_dir(c.unwrap().path()).into_iter().flatten())
        .map(|f| f.unwrap().path())
        .filter(|p| format_of(p).is_some())
        .collect();
    paths.sort();
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        let doc =
            Document::from_text(&p, text, format_of(&p).unwrap(), Role::Source, &rules).unwrap();
        for s in crosscheck::text::sentences(&doc) {
            let t = s.span.slice(&doc.prose);
            if t.bytes().any(|b| b.is_ascii_digit()) {
                out.push(t.to_string());
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let model = Model::builtin().unwrap();
    let sents = sentences();
    let tokens: usize = sents.iter().map(|s| tokenize(s).len()).sum();
    let mut group = c.benchmark_group("nlp");
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("tokenize", |b| {
        b.iter(|| {
            sents
                .iter()
                .map(|s| black_box(tokenize(s)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("tokenize+tag", |b| {
        b.iter(|| {
            sents
                .iter()
                .map(|s| black_box(Parse::tagged(model, s)).words.len())
                .sum::<usize>()
        })
    });
    group.bench_function("tokenize+tag+parse", |b| {
        b.iter(|| {
            sents
                .iter()
                .map(|s| black_box(Parse::of(model, s)).words.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
