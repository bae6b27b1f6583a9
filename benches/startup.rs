//! Start-up: the whole program, as a user runs it, on five one-line files
//! (`cargo bench --bench startup`). What a short run costs is mostly what
//! the program builds before it reads a word (the language model, the
//! patterns and phrase automata), which happens once a process, so each
//! iteration runs the release binary afresh. `crosscheck --version` is the
//! floor: starting a process that does nothing.
//!
//! The same figures from the shell (README, "Start-up"):
//!   hyperfine -N --warmup 10 --runs 100 'target/release/crosscheck check --fail-on never /tmp/s/a.txt …'
//!   valgrind --tool=callgrind target/release/crosscheck check /tmp/s/*.txt

use criterion::{Criterion, criterion_group, criterion_main};
use std::process::{Command, Stdio};

/// Five short articles about one story (one line each, a figure or a date
/// in each, two of them in conflict).
const FILES: [(&str, &str); 5] = [
    ("a.txt", "Acme said revenue rose 5% on Monday.\n"),
    ("b.txt", "Acme reported revenue up 6% on Monday.\n"),
    (
        "c.txt",
        "Revenue at Acme climbed 5% on Tuesday, the company said.\n",
    ),
    ("d.txt", "Acme shares fell 3% after the report on Monday.\n"),
    ("e.txt", "The firm said 200 jobs would be cut by March.\n"),
];

fn run(args: &[&std::ffi::OsStr]) {
    let status = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["check".into(), "--fail-on".into(), "never".into()];
    for (name, text) in FILES {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        args.push(path.into_os_string());
    }
    let args: Vec<&std::ffi::OsStr> = args
        .iter()
        .map(|a: &std::ffi::OsString| a.as_os_str())
        .collect();
    let mut group = c.benchmark_group("startup");
    group.bench_function("crosscheck --version", |b| {
        b.iter(|| run(&["--version".as_ref()]))
    });
    group.bench_function("crosscheck check (five one-line files)", |b| {
        b.iter(|| run(&args))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
