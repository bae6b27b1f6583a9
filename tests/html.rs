//! `check --format html`: the page holds what the JSON report of the same
//! run holds (findings by kind, every claim located, the draft's claims by
//! standing), its links land, it fetches nothing; and, with a headless
//! Chromium on PATH, the page as rendered after its script ran.

use assert_cmd::Command;
use regex::Regex;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The corpus case with a draft: error conflicts, so exit code 1.
const CASE: [&str; 3] = [
    "--draft",
    "corpus/drafts/meta-draft.md",
    "corpus/meta-compute",
];

fn crosscheck() -> Command {
    let mut c = Command::cargo_bin("crosscheck").unwrap();
    c.env_remove("COLUMNS").env("NO_COLOR", "1");
    c
}

fn json_report() -> serde_json::Value {
    let out = crosscheck()
        .args(["check", "--format", "json"])
        .args(CASE)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).expect("stdout is JSON")
}

/// Writes the HTML report to `path` and reads it back.
fn html_report(path: &Path) -> String {
    crosscheck()
        .args(["check", "--format", "html", "--output"])
        .arg(path)
        .args(CASE)
        .assert()
        .code(1)
        .stdout("");
    std::fs::read_to_string(path).unwrap()
}

fn findings(json: &serde_json::Value) -> &Vec<serde_json::Value> {
    json["findings"].as_array().expect("findings")
}

/// How many findings of `kind` the JSON report holds.
fn count(json: &serde_json::Value, kind: &str) -> usize {
    findings(json).iter().filter(|f| f["kind"] == kind).count()
}

/// The folder the case's files share: the page names it once and shows
/// every path relative to it, as the table does.
const ROOT: &str = "corpus/";

/// Where the page places a claim the JSON report holds: `path:line:col`,
/// the path relative to `ROOT`.
fn loc(claim: &serde_json::Value) -> String {
    let path = claim["path"].as_str().unwrap();
    format!(
        "{}:{}:{}",
        path.strip_prefix(ROOT)
            .expect("every file of the case is under ROOT"),
        claim["line"],
        claim["column"]
    )
}

/// The page's findings by kind equal the JSON report's.
fn assert_kinds(html: &str, json: &serde_json::Value) {
    for kind in ["conflict", "agreement", "unsupported"] {
        let head = format!("<section class=\"finding\" data-kind=\"{kind}\"");
        assert_eq!(html.matches(&head).count(), count(json, kind), "{kind}");
    }
}

/// The draft claim the JSON report reads as "6.5%", contradicted, marked
/// in the page's text.
fn assert_draft_figure_marked(html: &str, json: &serde_json::Value) {
    let draft = json["draft"].as_array().expect("draft mode");
    let figure = draft
        .iter()
        .find(|d| d["claim"]["text"] == "6.5%")
        .expect("6.5% in the draft");
    assert_eq!(figure["standing"], "contradicted");
    let mark = format!(
        r#"<mark class="claim" data-verdict="contradicted" id="c\d+" data-loc="{}"[^>]*>6\.5%</mark>"#,
        regex::escape(&loc(&figure["claim"]))
    );
    assert!(Regex::new(&mark).unwrap().is_match(html), "{mark}");
}

#[test]
fn html_report_holds_what_the_json_report_holds() {
    let json = json_report();
    let dir = tempfile::tempdir().unwrap();
    let html = html_report(&dir.path().join("report.html"));
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains(&format!("<p class=\"root\">files in {ROOT}</p>")));
    assert_eq!(
        html.matches(ROOT).count(),
        1,
        "the shared folder is named once"
    );
    assert_kinds(&html, &json);
    assert_eq!(
        findings(&json).len(),
        count(&json, "conflict") + count(&json, "agreement") + count(&json, "unsupported")
    );
    // Each finding under its JSON id, with its rule, and every claim quoted
    // with its path:line:col.
    let sections: Vec<&str> = html.split("<section class=\"finding\"").skip(1).collect();
    assert_eq!(sections.len(), findings(&json).len());
    for (f, section) in findings(&json).iter().zip(&sections) {
        let head = format!(
            " data-kind=\"{}\" data-severity=\"{}\" id=\"{}\" data-rule=\"{}\">",
            f["kind"].as_str().unwrap(),
            f["severity"].as_str().unwrap(),
            f["id"].as_str().unwrap(),
            f["rule"].as_str().unwrap()
        );
        assert!(section.starts_with(&head), "{head}");
        let claims = f["claims"].as_array().unwrap();
        assert_eq!(section.matches("<li class=\"quote\"").count(), claims.len());
        for c in claims {
            assert!(
                section.contains(&format!("\">{}</a> <q>", loc(c))),
                "{}",
                loc(c)
            );
        }
    }
    // Every draft claim marked by its standing, with the findings that gave it.
    for d in json["draft"].as_array().unwrap() {
        let ids: Vec<&str> = d["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i.as_str().unwrap())
            .collect();
        let mark = format!(
            r#"<mark class="claim" data-verdict="{}" id="c\d+" data-loc="{}" data-findings="{}""#,
            d["standing"].as_str().unwrap().replace(' ', "-"),
            regex::escape(&loc(&d["claim"])),
            ids.join(" ")
        );
        assert!(Regex::new(&mark).unwrap().is_match(&html), "{mark}");
    }
    assert_draft_figure_marked(&html, &json);
    // Every link lands on an element of the page.
    let href = Regex::new(r##"href="#([^"]+)""##).unwrap();
    let mut links = 0;
    for cap in href.captures_iter(&html) {
        assert!(
            html.contains(&format!(" id=\"{}\"", &cap[1])),
            "#{}",
            &cap[1]
        );
        links += 1;
    }
    assert!(links > findings(&json).len());
    // Self-contained: nothing to fetch.
    let fetch =
        Regex::new(r#"(?i)<(link|img|iframe|object|embed)\b|\ssrc=|url\(|@import"#).unwrap();
    assert!(!fetch.is_match(&html), "{:?}", fetch.find(&html));
    assert_eq!(html.matches("<script").count(), 1);
}

/// `chromium` or `chromium-browser` on PATH.
fn browser() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
        .find(|p| p.is_file())
}

/// Runs headless Chromium on `url` with `args`, its standard output into a
/// file (no pipe to fill), killed after a minute; returns that output.
fn headless(chromium: &Path, profile: &Path, args: &[&str], url: &str) -> String {
    let out = profile.join("stdout");
    let mut child = std::process::Command::new(chromium)
        .args([
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
        ])
        .args([
            "--no-first-run",
            "--no-default-browser-check",
            "--virtual-time-budget=2000",
        ])
        .arg(format!(
            "--user-data-dir={}",
            profile.join("profile").display()
        ))
        .args(args)
        .arg(url)
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("chromium starts");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("chromium did not finish within 60 s: {args:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "chromium {args:?}: {status}");
    std::fs::read_to_string(out).unwrap()
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let from = tag.find(&key)? + key.len();
    tag.get(from..)?.split('"').next()
}

/// The rendered page, after its script ran, holds the JSON report's counts;
/// a filtered view hides what it should; a screenshot is kept. Skips when
/// no Chromium is on PATH, unless CROSSCHECK_BROWSER_TEST=require.
#[test]
fn html_report_renders_in_a_browser() {
    let required = std::env::var("CROSSCHECK_BROWSER_TEST").is_ok_and(|v| v == "require");
    let Some(chromium) = browser() else {
        assert!(
            !required,
            "CROSSCHECK_BROWSER_TEST=require, but no chromium or chromium-browser on PATH"
        );
        println!(
            "skipped: no chromium or chromium-browser on PATH (CROSSCHECK_BROWSER_TEST=require makes this a failure)"
        );
        return;
    };
    let json = json_report();
    let artifacts = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    let report = artifacts.join("html-report.html");
    html_report(&report);
    let url = format!("file://{}", report.display()).replace(' ', "%20");
    let profile = tempfile::tempdir().unwrap();

    let dom = headless(&chromium, profile.path(), &["--dump-dom"], &url);
    // The script ran: it marked the body ready, showed the filters, and
    // wrote the counts it found in the page.
    let body = Regex::new(r"<body[^>]*>")
        .unwrap()
        .find(&dom)
        .expect("body")
        .as_str();
    assert_eq!(attr(body, "data-ready"), Some("1"), "{body}");
    assert!(dom.contains("<form id=\"filters\">"), "filters shown");
    let summary = Regex::new(r#"<p id="js-summary"[^>]*>"#)
        .unwrap()
        .find(&dom)
        .expect("js summary")
        .as_str();
    for kind in ["conflict", "agreement", "unsupported"] {
        assert_eq!(
            attr(summary, &format!("data-{kind}")),
            Some(count(&json, kind).to_string().as_str()),
            "{kind}"
        );
    }
    let total = findings(&json).len();
    assert!(dom.contains(&format!(
        "<output id=\"shown\">{total} of {total} findings shown</output>"
    )));
    assert_kinds(&dom, &json);
    assert_draft_figure_marked(&dom, &json);

    // ?hide=agreement starts with agreements unchecked: they are hidden, the rest shown.
    let dom = headless(
        &chromium,
        profile.path(),
        &["--dump-dom"],
        &format!("{url}?hide=agreement"),
    );
    let hidden = Regex::new(r#"<section class="finding" data-kind="(\w+)"[^>]*>"#).unwrap();
    for cap in hidden.captures_iter(&dom) {
        let is_hidden = cap[0].contains(" hidden=");
        assert_eq!(is_hidden, &cap[1] == "agreement", "{}", &cap[0]);
    }
    let shown = total - count(&json, "agreement");
    assert!(dom.contains(&format!(
        "<output id=\"shown\">{shown} of {total} findings shown</output>"
    )));

    // A screenshot for people (CI keeps it as an artifact).
    let png = artifacts.join("html-report.png");
    let _ = std::fs::remove_file(&png);
    headless(
        &chromium,
        profile.path(),
        &[
            &format!("--screenshot={}", png.display()),
            "--window-size=1280,1600",
        ],
        &url,
    );
    let bytes = std::fs::read(&png).expect("screenshot written");
    assert!(bytes.starts_with(b"\x89PNG"), "a PNG");
    assert!(
        bytes.len() > 20_000,
        "a screenshot of a page, not a blank one: {} bytes",
        bytes.len()
    );
}

#[test]
fn html_is_for_check_only() {
    crosscheck()
        .args(["claims", "--format", "html", "corpus/meta-compute"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("crosscheck: error: --format html is for `check` only (claims: table or json)\n");
    // To stdout when no --output is given.
    crosscheck()
        .args(["check", "--format", "html", "corpus/northwind-results"])
        .assert()
        .code(0)
        .stdout(predicates::str::starts_with("<!DOCTYPE html>"));
}
