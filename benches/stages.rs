//! Every stage of the pipeline on its own, on the same articles:
//! `cargo bench --bench stages`. The articles are the bundled corpus, or
//! the folder named by `CROSSCHECK_BENCH_CORPUS` (a generated one:
//! `cargo run --release --example gen_corpus -- --articles 200 --out /tmp/c200`).
//! Criterion reports MB/s of input for every stage, so the stages can be
//! compared with each other and with the whole run (`benches/pipeline.rs`).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crosscheck::compare::{Roles, compare, filter_findings};
use crosscheck::extract::{extract_all, read_frames};
use crosscheck::group::resolve;
use crosscheck::ingest::{Document, Role, collect_inputs, format_of};
use crosscheck::nlp::{Model, Parse};
use crosscheck::progress::Silent;
use crosscheck::report::report_json;
use crosscheck::rules::Rules;
use crosscheck::text::sentences;
use std::hint::black_box;
use std::path::PathBuf;

/// Sentences longer than this are never tagged or parsed by the pipeline.
const MAX_PARSED_BYTES: usize = 2_000;

fn files() -> Vec<(PathBuf, String)> {
    let root = std::env::var_os("CROSSCHECK_BENCH_CORPUS").map_or("corpus".into(), PathBuf::from);
    let (paths, _) = collect_inputs(&[root]);
    let mut files: Vec<(PathBuf, String)> = paths
        .into_iter()
        .filter(|p| format_of(p).is_some() && p.file_stem().is_some_and(|s| s != "README"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect();
    files.sort();
    files
}

fn ingest(files: &[(PathBuf, String)], rules: &Rules) -> Vec<Document> {
    files
        .iter()
        .map(|(p, t)| {
            Document::from_text(p, t.clone(), format_of(p).unwrap(), Role::Source, rules).unwrap()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let rules = Rules::defaults();
    let model = Model::builtin().unwrap();
    let files = files();
    let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    let docs = ingest(&files, &rules);
    let texts: Vec<String> = docs
        .iter()
        .flat_map(|d| {
            sentences(d)
                .into_iter()
                .map(|s| s.span.slice(&d.prose).to_string())
                .filter(|t| t.len() <= MAX_PARSED_BYTES)
                .collect::<Vec<_>>()
        })
        .collect();
    let tagged: Vec<Parse> = texts.iter().map(|t| Parse::tagged(model, t)).collect();
    let mut extraction = extract_all(&docs, &rules, &Silent);
    let mut grouped = extraction.claims.clone();
    resolve(
        &mut grouped,
        &extraction.acronyms,
        &extraction.names,
        &rules,
    );
    let mut framed = grouped.clone();
    read_frames(&docs, &mut framed, &mut extraction.parses);
    let roles = Roles::of(&docs);
    let findings = filter_findings(compare(&framed, &roles, &rules), &framed, &docs, &rules);

    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("ingest", |b| b.iter(|| black_box(ingest(&files, &rules))));
    group.bench_function("segmentation", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| black_box(sentences(d)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("tagging (every sentence)", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| black_box(Parse::tagged(model, t)).words.len())
                .sum::<usize>()
        })
    });
    group.bench_function("parsing (every sentence, tagged)", |b| {
        b.iter(|| {
            tagged
                .iter()
                .map(|p| {
                    let mut p = p.clone();
                    p.parse_tree(model);
                    black_box(p).words.len()
                })
                .sum::<usize>()
        })
    });
    group.bench_function("extraction", |b| {
        b.iter(|| black_box(extract_all(&docs, &rules, &Silent)).claims.len())
    });
    group.bench_function("grouping", |b| {
        b.iter(|| {
            let mut claims = extraction.claims.clone();
            black_box(resolve(
                &mut claims,
                &extraction.acronyms,
                &extraction.names,
                &rules,
            ))
            .len()
        })
    });
    group.bench_function("frames", |b| {
        b.iter(|| {
            let mut claims = grouped.clone();
            read_frames(&docs, &mut claims, &mut extraction.parses);
            black_box(claims).len()
        })
    });
    group.bench_function("comparison", |b| {
        b.iter(|| {
            let found = compare(&framed, &roles, &rules);
            black_box(filter_findings(found, &framed, &docs, &rules)).len()
        })
    });
    let run = crosscheck::Run {
        docs: docs.clone(),
        claims: framed.clone(),
        findings,
    };
    group.bench_function("json writing", |b| {
        b.iter(|| black_box(report_json(&run, None)).len())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
