//! Huge single files: `cargo run --release --example bench_huge -- [--shape
//! lines|line|nobreak] 1 2 4 8 …` (sizes in MB, default 1 2 4 8, every
//! shape unless one is named). For each size it writes one seeded news-like
//! file under `target/bench-huge/`:
//! - `lines`: paragraphs of short stories, one sentence a line, blank lines
//!   between paragraphs (an archive dump);
//! - `line`: the same sentences on one line (a scraped page with no
//!   newlines);
//! - `nobreak`: the same words on one line with no sentence punctuation at
//!   all (the worst case for sentence splitting);
//!
//! then runs `target/release/crosscheck check --format json` on it beside
//! one ordinary article and prints wall seconds, peak RSS, both per MB, the
//! claims found and the report size. Build first: `cargo build --release
//! --examples --bins`. Times are wall clock on whatever machine runs it; the
//! point is how they grow with the size.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// xorshift64*: small, seeded, the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SYLLABLES: &[&str] = &[
    "nor", "vex", "kal", "ter", "ion", "bra", "zen", "tor", "lum", "ica", "dra", "mon", "sel",
    "vas", "pol", "rix", "ath", "quo", "fen", "dal",
];
const SECTORS: &[&str] = &[
    "Robotics",
    "Logistics",
    "Pharma",
    "Energy",
    "Software",
    "Motors",
];
const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const CITIES: &[&str] = &["New York", "London", "Frankfurt", "Tokyo", "Toronto"];
const FILLER: &[&str] = &[
    "Analysts had expected a quieter quarter after a year of steady growth.",
    "The announcement came after weeks of speculation in the trade press.",
    "Unions said they would seek talks with management about the plan.",
    "A spokesperson declined to comment beyond the statement.",
    "Rivals have made similar moves as demand cooled across the industry.",
];

#[derive(Clone, Copy, PartialEq)]
enum Shape {
    Lines,
    Line,
    NoBreak,
}

impl Shape {
    fn name(self) -> &'static str {
        match self {
            Shape::Lines => "lines",
            Shape::Line => "line",
            Shape::NoBreak => "nobreak",
        }
    }
}

/// One story: a company, its job cuts, its share move, a filler sentence.
fn story(rng: &mut Rng) -> Vec<String> {
    let mut name = String::new();
    for _ in 0..2 + rng.below(2) {
        name.push_str(rng.pick(SYLLABLES));
    }
    let mut chars = name.chars();
    let name = match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect::<String>(),
        None => name,
    };
    let company = format!("{name} {}", rng.pick(SECTORS));
    let jobs = 100 * (1 + rng.below(90));
    let share = format!("{}.{}", 1 + rng.below(12), rng.below(10));
    let revenue = 10 * (1 + rng.below(500));
    vec![
        format!(
            "{company} said on {} it would cut {jobs} jobs, about {}% of its workforce.",
            rng.pick(DAYS),
            1 + rng.below(20)
        ),
        format!(
            "Shares of {company} fell {share}% in {} trading.",
            rng.pick(CITIES)
        ),
        format!(
            "The company reported revenue of ${revenue} million for the quarter, up {}% from a year earlier.",
            1 + rng.below(30)
        ),
        rng.pick(FILLER).to_string(),
    ]
}

/// Writes `bytes` (about) of `shape` to `path`.
fn generate(path: &Path, shape: Shape, bytes: usize) -> std::io::Result<()> {
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut written = 0;
    while written < bytes {
        let mut text = String::new();
        for sentence in story(&mut rng) {
            match shape {
                Shape::Lines => {
                    text.push_str(&sentence);
                    text.push('\n');
                }
                Shape::Line => {
                    text.push_str(&sentence);
                    text.push(' ');
                }
                Shape::NoBreak => {
                    text.push_str(&sentence.replace(['.', '!', '?'], ""));
                    text.push_str(" and ");
                }
            }
        }
        if shape == Shape::Lines {
            text.push('\n');
        }
        out.write_all(text.as_bytes())?;
        written += text.len();
    }
    if shape != Shape::Lines {
        out.write_all(b"\n")?;
    }
    out.flush()
}

const OTHER: &str = "Kalnor Robotics said on Monday it would cut 1,200 jobs, about 8% of its \
workforce.\n\nShares of Kalnor Robotics fell 4.5% in London trading.\n";

fn main() {
    let mut shapes = vec![Shape::Lines, Shape::Line, Shape::NoBreak];
    let mut sizes: Vec<usize> = Vec::new();
    let mut keep = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--keep" {
            keep = true;
        } else if a == "--shape" {
            shapes = match args.next().as_deref() {
                Some("lines") => vec![Shape::Lines],
                Some("line") => vec![Shape::Line],
                Some("nobreak") => vec![Shape::NoBreak],
                other => {
                    eprintln!("bench_huge: --shape lines|line|nobreak, not {other:?}");
                    std::process::exit(2);
                }
            };
        } else if let Ok(n) = a.parse() {
            sizes.push(n);
        } else {
            eprintln!("bench_huge: not a size in MB: {a}");
            std::process::exit(2);
        }
    }
    if sizes.is_empty() {
        sizes = vec![1, 2, 4, 8];
    }
    let bin = PathBuf::from("target/release/crosscheck");
    if !bin.exists() {
        eprintln!(
            "bench_huge: {} missing: run `cargo build --release --bins`",
            bin.display()
        );
        std::process::exit(2);
    }
    let dir = PathBuf::from("target/bench-huge");
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("bench_huge: {}: {e}", dir.display());
        std::process::exit(2);
    }
    let other = dir.join("other.txt");
    if let Err(e) = std::fs::write(&other, OTHER) {
        eprintln!("bench_huge: {}: {e}", other.display());
        std::process::exit(2);
    }
    println!("| shape | MB | lines | s | s/MB | peak RSS MiB | RSS MiB/MB | claims | report MB |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for &shape in &shapes {
        for &mb in &sizes {
            let input = dir.join(format!("{}-{mb}MB.txt", shape.name()));
            if let Err(e) = generate(&input, shape, mb * 1_000_000) {
                eprintln!("bench_huge: {}: {e}", input.display());
                std::process::exit(2);
            }
            let text = std::fs::read(&input).unwrap_or_default();
            let bytes = text.len() as f64 / 1e6;
            let lines = text.iter().filter(|&&b| b == b'\n').count();
            drop(text);
            let report = dir.join("report.json");
            let (secs, rss_kib) = run(Command::new(&bin)
                .args([
                    "check",
                    "--format",
                    "json",
                    "--fail-on",
                    "never",
                    "--output",
                ])
                .arg(&report)
                .arg(&input)
                .arg(&other));
            let (claims, report_mb) = claims_in(&report);
            let rss = rss_kib as f64 / 1024.0;
            println!(
                "| {} | {bytes:.1} | {lines} | {secs:.2} | {:.2} | {rss:.0} | {:.1} | {claims} | {report_mb:.1} |",
                shape.name(),
                secs / bytes,
                rss / bytes,
            );
            if !keep {
                let _ = std::fs::remove_file(&input);
            }
        }
    }
}

/// Wall seconds of `cmd` and its peak RSS (KiB), measured alone: the child
/// is waited for with wait4, so the figure is its own, not the largest of
/// every child so far.
fn run(cmd: &mut Command) -> (f64, i64) {
    let start = Instant::now();
    let child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("bench_huge: {cmd:?}: {e}");
            std::process::exit(2);
        }
    };
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: wait4 writes the status and the usage into what we pass; the
    // child is ours and not waited for elsewhere.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::wait4(pid, &mut status, 0, &mut usage);
        usage
    };
    let secs = start.elapsed().as_secs_f64();
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        eprintln!("bench_huge: {cmd:?} failed (status {status})");
        std::process::exit(2);
    }
    (secs, usage.ru_maxrss)
}

/// Claims listed in the report (the counts in its `sources`, which come
/// first, so only the head is read) and its size in MB.
fn claims_in(report: &Path) -> (usize, f64) {
    use std::io::Read;
    let size = std::fs::metadata(report).map_or(0, |m| m.len()) as f64 / 1e6;
    let mut head = Vec::new();
    if let Ok(f) = std::fs::File::open(report) {
        let _ = f.take(1 << 16).read_to_end(&mut head);
    }
    let head = String::from_utf8_lossy(&head);
    let sources = head.split("\"findings\"").next().unwrap_or("");
    let claims = sources
        .split("\"claims\": ")
        .skip(1)
        .filter_map(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<usize>().ok()
        })
        .sum();
    (claims, size)
}
