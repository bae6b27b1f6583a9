//! Throughput of the whole pipeline on the bundled corpus (every case's
//! articles, in memory): `cargo bench --bench pipeline`. Reports MB/s.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crosscheck::compare::{Roles, compare, filter_findings};
use crosscheck::ingest::{Document, Role, format_of};
use crosscheck::pipeline;
use crosscheck::rules::Rules;
use std::hint::black_box;
use std::path::PathBuf;

fn corpus() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    for case in std::fs::read_dir("corpus").unwrap() {
        let case = case.unwrap().path();
        if !case.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&case).unwrap() {
            let f = f.unwrap().path();
            if format_of(&f).is_some() && f.file_stem().is_some_and(|s| s != "README") {
                files.push((f.clone(), std::fs::read_to_string(&f).unwrap()));
            }
        }
    }
    files.sort();
    files
}

fn bench(c: &mut Criterion) {
    let rules = Rules::defaults();
    let files = corpus();
    let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("ingest+extract+group+compare (corpus)", |b| {
        b.iter(|| {
            let docs: Vec<Document> = files
                .iter()
                .map(|(p, t)| {
                    let format = format_of(p).unwrap();
                    Document::from_text(p, t.clone(), format, Role::Source, &rules).unwrap()
                })
                .collect();
            let claims = pipeline::claims(&docs, &rules);
            let findings = compare(&claims, &Roles::of(&docs), &rules);
            black_box(filter_findings(findings, &claims, &docs, &rules))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
