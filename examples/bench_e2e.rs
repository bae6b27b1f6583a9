//! End to end at several sizes: `cargo run --release --example bench_e2e --
//! 1000 10000 100000`. For each size it generates a seeded corpus
//! (examples/gen_corpus.rs) under target/, then times in the same run, on
//! the same files:
//! - `crosscheck check --format json DIR --output FILE` (the release binary);
//! - `cat` of every article into `wc -w`, the floor;
//!
//! and prints MB/s, articles/s, peak RSS and how many of the injected
//! conflicts were found, with the error conflicts found elsewhere (false).
//! Build first: `cargo build --release --examples --bins`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1000, 10_000]
    } else {
        sizes
    };
    let bin = PathBuf::from("target/release/crosscheck");
    let gen_bin = PathBuf::from("target/release/examples/gen_corpus");
    for p in [&bin, &gen_bin] {
        if !p.exists() {
            eprintln!(
                "bench_e2e: {} missing: run `cargo build --release --examples --bins`",
                p.display()
            );
            std::process::exit(2);
        }
    }
    println!(
        "| articles | MB | crosscheck s | MB/s | articles/s | peak RSS MiB | cat+wc -w s | × floor | injected found | false errors |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for n in sizes {
        let dir = PathBuf::from(format!("target/bench-corpus/{n}"));
        let ok = Command::new(&gen_bin)
            .args(["--articles", &n.to_string(), "--seed", "1", "--out"])
            .arg(&dir)
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            eprintln!("bench_e2e: generating {n} articles failed");
            std::process::exit(2);
        }
        let bytes = article_bytes(&dir);
        let floor = timed(Command::new("sh").arg("-c").arg(format!(
            "find '{}' -type f -name 'outlet-*' -exec cat {{}} + | wc -w > /dev/null",
            dir.display()
        )))
        .0;
        let report = dir.with_extension("report.json");
        let (secs, rss) = timed(
            Command::new(&bin)
                .args([
                    "check",
                    "--format",
                    "json",
                    "--fail-on",
                    "never",
                    "--output",
                ])
                .arg(&report)
                .arg(&dir),
        );
        let (found, injected, false_errors) = score(&dir, &report);
        let mb = bytes as f64 / 1e6;
        println!(
            "| {n} | {mb:.1} | {secs:.2} | {:.2} | {:.0} | {:.0} | {floor:.3} | {:.0} | {found}/{injected} | {false_errors} |",
            mb / secs,
            n as f64 / secs,
            rss as f64 / 1024.0,
            secs / floor.max(1e-6),
        );
    }
}

/// Wall seconds of a command run to the end, and the peak RSS (KiB) of the
/// largest child waited for so far.
fn timed(cmd: &mut Command) -> (f64, i64) {
    let start = Instant::now();
    let status = cmd.status();
    let secs = start.elapsed().as_secs_f64();
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("bench_e2e: {cmd:?} failed");
        std::process::exit(2);
    }
    // SAFETY: getrusage writes into the struct we pass and reads nothing else.
    let rss = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage.ru_maxrss
    };
    (secs, rss)
}

fn article_bytes(dir: &Path) -> u64 {
    let mut total = 0;
    let Ok(stories) = std::fs::read_dir(dir) else {
        return 0;
    };
    for story in stories.flatten() {
        if let Ok(files) = std::fs::read_dir(story.path()) {
            total += files
                .flatten()
                .filter_map(|f| f.metadata().ok())
                .map(|m| m.len())
                .sum::<u64>();
        }
    }
    total
}

/// (injected conflicts found, injected, error conflicts on other subjects or rules).
fn score(dir: &Path, report: &Path) -> (usize, usize, usize) {
    let read = |p: &Path| -> serde_json::Value {
        std::fs::read_to_string(p)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
    };
    let expected = read(&dir.join("expected.json"));
    let report = read(report);
    let injected: Vec<&str> = expected["conflicts"]
        .as_array()
        .map(|a| a.iter().filter_map(|c| c["subject"].as_str()).collect())
        .unwrap_or_default();
    let mut found = std::collections::BTreeSet::new();
    let mut false_errors = 0;
    for f in report["findings"].as_array().into_iter().flatten() {
        if f["kind"] != "conflict" || f["severity"] != "error" {
            continue;
        }
        let subject = f["subject"]
            .as_str()
            .unwrap_or("")
            .trim_end_matches(" Inc.");
        if f["rule"] == "numeric.mismatch" && injected.contains(&subject) {
            found.insert(subject.to_string());
        } else {
            false_errors += 1;
        }
    }
    (found.len(), injected.len(), false_errors)
}
