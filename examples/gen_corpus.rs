//! A seeded generator of news-like articles for the end-to-end benchmark:
//! `cargo run --release --example gen_corpus -- --articles N --events M
//! --seed S --out DIR`.
//!
//! Each event is a made-up company that announces job cuts and sees its
//! shares move on a given weekday. Every outlet covering it words the story
//! its own way: the company named three ways, figures rounded or bounded
//! ("4.35%", "about 4.4%", "more than 4%"), hedged or attributed, page
//! furniture around the copy (share buttons, comments with emoji, a
//! disclaimer), as plain text, Markdown or HTML. In a known set of events
//! one outlet misprints the share move; `DIR/expected.json` lists those
//! injected conflicts so the benchmark can check the findings, not only the
//! time.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

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
const SECTORS: &[(&str, &str)] = &[
    ("Robotics", "the robot maker"),
    ("Logistics", "the freight group"),
    ("Pharma", "the drugmaker"),
    ("Energy", "the utility"),
    ("Software", "the software firm"),
    ("Motors", "the carmaker"),
];
const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const FILLER: &[&str] = &[
    "Analysts had expected a quieter quarter after a year of steady growth.",
    "The announcement came after weeks of speculation in the trade press.",
    "Executives told staff about the plan at a meeting earlier in the day.",
    "Rivals have made similar moves as demand cooled across the industry.",
    "Unions said they would seek talks with management about the plan.",
    "The chief executive said the company remained committed to its customers.",
    "Investors have pushed for lower costs since the spring.",
    "The group employs staff in a dozen countries and sells to many more.",
    "A spokesperson declined to comment beyond the statement.",
    "Local officials said they were disappointed by the decision.",
];
const FURNITURE: &[&str] = &[
    "Share this article",
    "Follow us on social media",
    "Sign up for our morning newsletter",
    "Comments (3)",
    "Great read, thanks! 👍😀",
    "Disclaimer: this article is for information only and is not investment advice.",
];

struct Event {
    name: String,
    full: String,
    nick: String,
    cuts: u32,
    /// Share move in hundredths of a percent.
    fall: u32,
    day: &'static str,
    misprinted: bool,
}

fn event(rng: &mut Rng, i: usize, misprinted: bool) -> Event {
    // The event's number spelt in syllables, lowest first, so that two
    // events' names differ from their first syllable (the tool may
    // rightly take near-identical names for one company), then one at random.
    let mut name = String::new();
    let mut k = i;
    loop {
        name.push_str(SYLLABLES[k % SYLLABLES.len()]);
        k /= SYLLABLES.len();
        if k == 0 {
            break;
        }
    }
    name.push_str(rng.pick(SYLLABLES));
    let mut chars = name.chars();
    let name = match chars.next() {
        Some(c) => format!("{}{}", c.to_ascii_uppercase(), chars.as_str()),
        None => name,
    };
    let (sector, nick) = SECTORS[rng.below(SECTORS.len())];
    Event {
        full: format!("{name} {sector} Inc."),
        name: format!("{name} {sector}"),
        nick: nick.to_string(),
        cuts: (2 + rng.below(40)) as u32 * 100,
        fall: 150 + rng.below(900) as u32,
        day: DAYS[rng.below(DAYS.len())],
        misprinted,
    }
}

fn percent(hundredths: u32) -> String {
    format!("{}.{:02}%", hundredths / 100, hundredths % 100)
}

/// The share-move sentence as one outlet words it.
fn move_sentence(rng: &mut Rng, e: &Event, value: u32, subject: &str) -> String {
    let exact = percent(value);
    let rounded = format!("about {:.1}%", f64::from(value) / 100.0);
    let bound = format!("more than {}%", value / 100);
    match rng.below(4) {
        0 => format!("{subject} shares fell {exact} on {}.", e.day),
        1 => format!("Shares of {subject} dropped {rounded} on {}.", e.day),
        2 => format!("{subject} stock slid {bound} on {}, traders said.", e.day),
        _ => format!("On {}, {subject} shares closed down {exact}.", e.day),
    }
}

fn cuts_sentence(rng: &mut Rng, e: &Event, subject: &str) -> String {
    let n = e.cuts;
    let figure = if n >= 1000 {
        format!("{},{:03}", n / 1000, n % 1000)
    } else {
        n.to_string()
    };
    match rng.below(4) {
        0 => format!("{subject} said it will cut {figure} jobs."),
        1 => format!("{subject} announced plans to eliminate {figure} jobs."),
        2 => format!("Reports suggest {subject} could cut as many as {figure} jobs."),
        _ => {
            format!("{subject} will cut {figure} jobs, according to people familiar with the plan.")
        }
    }
}

/// One outlet's article about `e`; `misprint` swaps the share figure's digits.
fn article(rng: &mut Rng, e: &Event, misprint: bool) -> Vec<String> {
    let mut paras = Vec::new();
    let first = if rng.below(2) == 0 { &e.full } else { &e.name };
    paras.push(cuts_sentence(rng, e, first));
    let value = if misprint { e.fall + 500 } else { e.fall };
    let subject = if rng.below(3) == 0 { &e.nick } else { &e.name };
    let mut p = move_sentence(rng, e, value, subject);
    p.push(' ');
    p.push_str(rng.pick(FILLER));
    paras.push(p);
    for _ in 0..3 + rng.below(4) {
        let mut p = String::new();
        for k in 0..2 + rng.below(3) {
            if k > 0 {
                p.push(' ');
            }
            p.push_str(rng.pick(FILLER));
        }
        paras.push(p);
    }
    paras
}

fn write_article(dir: &Path, n: usize, title: &str, paras: &[String], rng: &mut Rng) {
    let furniture: Vec<&str> = (0..3).map(|_| rng.pick(FURNITURE)).collect();
    let (ext, text) = match rng.below(3) {
        0 => {
            let mut t = format!("{title}\n\n");
            for p in paras {
                let _ = write!(t, "{p}\n\n");
            }
            for f in &furniture {
                let _ = writeln!(t, "{f}");
            }
            ("txt", t)
        }
        1 => {
            let mut t = format!("# {title}\n\n");
            for p in paras {
                let _ = write!(t, "{p}\n\n");
            }
            for f in &furniture {
                let _ = writeln!(t, "- {f}");
            }
            ("md", t)
        }
        _ => {
            let mut t = format!(
                "<!doctype html><html><head><title>{title}</title></head><body>\
                 <nav class=\"share\"><a href=\"#\">Share</a> <a href=\"#\">Tweet</a></nav>\
                 <article><h1>{title}</h1>\n"
            );
            for p in paras {
                let _ = writeln!(t, "<p>{p}</p>");
            }
            t.push_str("</article><aside class=\"comments\">");
            for f in &furniture {
                let _ = write!(t, "<p>{f}</p>");
            }
            t.push_str("</aside></body></html>\n");
            ("html", t)
        }
    };
    let path = dir.join(format!("outlet-{n:03}.{ext}"));
    if let Err(e) = std::fs::write(&path, text) {
        eprintln!("gen_corpus: {}: {e}", path.display());
        std::process::exit(2);
    }
}

fn main() {
    let mut articles = 1000usize;
    let mut events = 0usize;
    let mut seed = 1u64;
    let mut out = PathBuf::from("target/bench-corpus");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let v = args.next().unwrap_or_default();
        match a.as_str() {
            "--articles" => articles = v.parse().unwrap_or(articles),
            "--events" => events = v.parse().unwrap_or(events),
            "--seed" => seed = v.parse().unwrap_or(seed),
            "--out" => out = PathBuf::from(v),
            _ => {
                eprintln!("usage: gen_corpus --articles N [--events M] [--seed S] [--out DIR]");
                std::process::exit(2);
            }
        }
    }
    // Ten outlets per story by default.
    let events = if events == 0 {
        articles.div_ceil(10)
    } else {
        events
    };
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let _ = std::fs::remove_dir_all(&out);
    let mut expected = Vec::new();
    let mut written = 0;
    for i in 0..events {
        // One story in five has a misprinted share move in one outlet.
        let e = event(&mut rng, i, i % 5 == 2);
        let outlets = articles / events + usize::from(i < articles % events);
        let dir = out.join(format!("story-{i:05}"));
        if std::fs::create_dir_all(&dir).is_err() {
            eprintln!("gen_corpus: cannot create {}", dir.display());
            std::process::exit(2);
        }
        let title = format!("{} to cut jobs", e.name);
        for n in 0..outlets {
            let misprint = e.misprinted && n == outlets / 2 && outlets > 2;
            let paras = article(&mut rng, &e, misprint);
            write_article(&dir, n, &title, &paras, &mut rng);
            written += 1;
        }
        if e.misprinted && outlets > 2 {
            expected.push(format!(
                "{{\"story\": \"story-{i:05}\", \"subject\": \"{}\", \"values\": [\"{}\", \"{}\"]}}",
                e.name,
                percent(e.fall),
                percent(e.fall + 500)
            ));
        }
    }
    let list = format!(
        "{{\"articles\": {written}, \"events\": {events}, \"seed\": {seed}, \"conflicts\": [\n  {}\n]}}\n",
        expected.join(",\n  ")
    );
    if let Err(e) = std::fs::write(out.join("expected.json"), list) {
        eprintln!("gen_corpus: {e}");
        std::process::exit(2);
    }
    println!(
        "{written} articles about {events} stories in {}",
        out.display()
    );
}
