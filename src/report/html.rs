//! The HTML report: one self-contained page (inline CSS and JS, nothing
//! fetched; a Content-Security-Policy forbids it) for an editor checking a
//! draft against its sources. The draft, or each source, is shown as its
//! prose with every claim marked by its verdict (`marks`), beside the
//! findings, which quote every claim as path:line:col and link to it.
//! Everything taken from the input goes through `escape`; with JavaScript
//! off the page is complete (the script adds filters and counts).

mod marks;

use super::{PathNames, collapse, draft_summary, run_summary};
use crate::Run;
use crate::compare::{DraftVerdict, Finding, FindingKind};
use crate::extract::{Claim, Modality, Value};
use crate::ingest::{Document, Role};
use crate::rules::Rules;
use std::collections::BTreeSet;

const PAGE: &str = include_str!("html/page.html");
const STYLE: &str = include_str!("html/style.css");
const SCRIPT: &str = include_str!("html/script.js");

/// Text made safe for HTML element content and quoted attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        push_escaped(&mut out, ch);
    }
    out
}

/// One character, escaped: `&`, `<`, `>`, `"` and `'` become references.
fn push_escaped(out: &mut String, ch: char) {
    match ch {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        c => out.push(c),
    }
}

/// A finding's id: its position in the report, from 1, as in JSON and the table.
fn fid(n: usize) -> String {
    format!("F{}", n + 1)
}

/// `path:line:col` of a claim, escaped, the path relative to the folder
/// all the files share (as in the table).
fn loc(claim: &Claim, docs: &[Document], paths: &PathNames) -> String {
    docs.get(claim.doc).map_or_else(String::new, |d| {
        let lc = d.line_col(claim.span.start());
        escape(&format!(
            "{}:{}:{}",
            paths.name(claim.doc),
            lc.line,
            lc.column
        ))
    })
}

fn role(doc: &Document) -> &'static str {
    match doc.role {
        Role::Draft => "draft",
        Role::Source => "source",
    }
}

/// The report as one HTML page; with `explain`, each finding says which
/// rule fired with which settings.
pub fn report_html(run: &Run, explain: Option<&Rules>) -> String {
    let draft_mode = run.docs.iter().any(|d| d.role == Role::Draft);
    let verdicts = run.draft_verdicts();
    let mut marks = marks::marks(run, &verdicts);
    let paths = PathNames::new(&run.docs);
    let mut rendered = BTreeSet::new();
    let mut texts = String::new();
    // The draft first and open; in draft mode the sources start collapsed.
    let mut order: Vec<usize> = (0..run.docs.len()).collect();
    order.sort_by_key(|&d| run.docs.get(d).is_none_or(|doc| doc.role != Role::Draft));
    for d in order {
        let (Some(doc), Some(list)) = (run.docs.get(d), marks.get_mut(d)) else {
            continue;
        };
        let open = !draft_mode || doc.role == Role::Draft;
        texts.push_str(&format!(
            "<details class=\"doc\" id=\"d{d}\" data-role=\"{0}\"{1}>\n<summary>{0}: {2} <span class=\"n\">{3} claims marked</span></summary>\n<div class=\"text\">{4}</div>\n</details>\n",
            role(doc),
            if open { " open" } else { "" },
            escape(paths.name(d)),
            list.len(),
            marks::marked_text(doc, list, run, &paths, &mut rendered),
        ));
    }
    let mut findings = String::new();
    for (n, f) in run.findings.iter().enumerate() {
        findings.push_str(&finding_html(run, n, f, explain, &paths, &rendered));
    }
    if run.findings.is_empty() {
        findings.push_str("<p class=\"none\">No findings.</p>\n");
    }
    // Claims per document in one pass over the claims.
    let mut per_doc = vec![0usize; run.docs.len()];
    for c in &run.claims {
        if let Some(n) = per_doc.get_mut(c.doc) {
            *n += 1;
        }
    }
    let mut files = String::new();
    for ((d, doc), claims) in run.docs.iter().enumerate().zip(per_doc) {
        files.push_str(&format!(
            "<li data-role=\"{0}\"><a href=\"#d{d}\">{1}</a> ({0} <b>{2}</b>, {3} claims)</li>\n",
            role(doc),
            escape(paths.name(d)),
            escape(&doc.id),
            claims,
        ));
    }
    // What the colours mean: draft standings, then source kinds.
    let keys: &[&str] = if draft_mode {
        &[
            "contradicted",
            "sources-disagree",
            "supported",
            "unsupported",
            "conflict",
            "agreement",
        ]
    } else {
        &["conflict", "agreement", "unsupported"]
    };
    let legend: Vec<String> = keys
        .iter()
        .map(|k| {
            format!(
                "<span class=\"key\" data-verdict=\"{k}\">{}</span>",
                k.replace('-', " ")
            )
        })
        .collect();
    let legend = format!("Marks: {}", legend.join(" "));
    let version = env!("CARGO_PKG_VERSION");
    let summary = summary_html(run, &verdicts);
    // Paths are shown relative to the folder all the files share, named once.
    let root = if paths.root.is_empty() {
        String::new()
    } else {
        format!("<p class=\"root\">files in {}</p>\n", escape(&paths.root))
    };
    let standing = if draft_mode { "" } else { " hidden" };
    fill(
        PAGE,
        &[
            ("version", version),
            ("style", STYLE),
            ("summary", &summary),
            ("root", &root),
            ("files", &files),
            ("legend", &legend),
            ("standing", standing),
            ("texts", &texts),
            ("findings", &findings),
            ("script", SCRIPT),
        ],
    )
}

/// `template` with each `{{slot}}` replaced; what is put in is never
/// searched again.
fn fill(template: &str, slots: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some((before, after)) = rest.split_once("{{") {
        out.push_str(before);
        match after.split_once("}}") {
            Some((name, tail)) => {
                match slots.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(&format!("{{{{{name}}}}}")),
                }
                rest = tail;
            }
            None => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The counts of the run, and in draft mode of the draft's claims.
fn summary_html(run: &Run, verdicts: &[DraftVerdict]) -> String {
    let mut out = format!("<p class=\"summary\">{}</p>\n", run_summary(run));
    if let Some(line) = draft_summary(verdicts) {
        out.push_str(&format!("<p class=\"summary draft\">{line}</p>\n"));
    }
    out
}

/// One finding: its id, severity, kind and rule, what it says, and every
/// claim quoted in its sentence, grouped by value for a conflict.
fn finding_html(
    run: &Run,
    n: usize,
    f: &Finding,
    explain: Option<&Rules>,
    paths: &PathNames,
    rendered: &BTreeSet<usize>,
) -> String {
    let mut out = format!(
        "<section class=\"finding\" data-kind=\"{0}\" data-severity=\"{1}\" id=\"{2}\" data-rule=\"{3}\">\n<h3><a class=\"fid\" href=\"#{2}\">{2}</a> <span class=\"sev\">{1}</span> {0} <code>{3}</code></h3>\n<p class=\"about\">{4} · {5}</p>\n<p class=\"message\">{6}</p>\n",
        f.kind.as_str(),
        f.severity,
        fid(n),
        f.rule.as_str(),
        escape(&f.subject),
        escape(&f.attribute),
        escape(&f.message),
    );
    if !f.same_fact.is_empty() {
        let same = escape(&f.same_fact.join(", "));
        out.push_str(&format!("<p class=\"same-fact\">same fact: {same}</p>\n"));
    }
    if let Some(r) = explain {
        let why = escape(&crate::compare::explain(f, r).line());
        out.push_str(&format!("<p class=\"explain\">{why}</p>\n"));
    }
    let mut groups: Vec<Vec<usize>> = match f.kind {
        FindingKind::Conflict => f.sides.clone(),
        _ => Vec::new(),
    };
    // Every claim is quoted once, whatever the sides hold.
    let sided: BTreeSet<usize> = groups.iter().flatten().copied().collect();
    let rest: Vec<usize> = f
        .claims
        .iter()
        .copied()
        .filter(|c| !sided.contains(c))
        .collect();
    groups.push(rest);
    for group in groups.iter().filter(|g| !g.is_empty()) {
        let claims: Vec<(usize, &Claim)> = group
            .iter()
            .filter_map(|&c| Some((c, run.claims.get(c)?)))
            .collect();
        if f.kind == FindingKind::Conflict
            && let Some((_, first)) = claims.first()
        {
            let sources: BTreeSet<usize> = claims.iter().map(|(_, c)| c.doc).collect();
            let label = match &first.value {
                Value::Action(a) => a.phrase.as_str(),
                _ => first.text.as_str(),
            };
            out.push_str(&format!(
                "<p class=\"side\">«{}» · {} source{}</p>\n",
                escape(&collapse(label)),
                sources.len(),
                if sources.len() == 1 { "" } else { "s" }
            ));
        }
        out.push_str("<ul class=\"quotes\">\n");
        for (i, claim) in claims {
            out.push_str(&quote_html(i, claim, &run.docs, paths, rendered));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
    out
}

/// A claim located (a link to its mark when the text shows it) and quoted
/// in its sentence, the evidence in bold.
fn quote_html(
    i: usize,
    claim: &Claim,
    docs: &[Document],
    paths: &PathNames,
    rendered: &BTreeSet<usize>,
) -> String {
    let at = loc(claim, docs, paths);
    let place = if rendered.contains(&i) {
        format!("<a class=\"loc\" href=\"#c{i}\">{at}</a>")
    } else {
        format!("<span class=\"loc\">{at}</span>")
    };
    let prose = docs.get(claim.doc).map_or("", |d| d.prose.as_str());
    let (s, e, sent) = (claim.span.start(), claim.span.end(), claim.sentence);
    let evidence = escape(collapse(prose.get(s..e).unwrap_or(&claim.text)).as_str());
    let quote = match (prose.get(sent.start()..s), prose.get(e..sent.end())) {
        (Some(before), Some(after)) if sent.start() <= s && e <= sent.end() => format!(
            "{}<b>{evidence}</b>{}",
            escape(squash(before).trim_start()),
            escape(squash(after).trim_end())
        ),
        _ => format!("<b>{evidence}</b>"),
    };
    let modality = match claim.modality {
        Modality::Confirmed => "",
        Modality::Reported => " <span class=\"modality\">(reported)</span>",
        Modality::Speculative => " <span class=\"modality\">(speculative)</span>",
        Modality::Conditional => " <span class=\"modality\">(conditional)</span>",
    };
    let source = docs
        .get(claim.doc)
        .map_or_else(String::new, |d| escape(&d.id));
    let by = claim.attribution.as_deref().map_or_else(String::new, |a| {
        format!(" <span class=\"attribution\">({})</span>", escape(a))
    });
    format!(
        "<li class=\"quote\" data-claim=\"{i}\" data-source=\"{source}\">{place} <q>{quote}</q>{modality}{by}</li>\n"
    )
}

/// Runs of white space as one space, keeping one at either end.
fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for ch in s.chars() {
        if ch.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(ch);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Standing;
    use crate::{Inputs, check};

    /// A check run over `sources` (name, text), with an optional draft.
    fn run_of(sources: &[(&str, &str)], draft: Option<&str>) -> (tempfile::TempDir, Run) {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("sources");
        std::fs::create_dir(&src).unwrap();
        for (name, text) in sources {
            std::fs::write(src.join(name), text).unwrap();
        }
        let draft = draft.map(|text| {
            let p = dir.path().join("draft.md");
            std::fs::write(&p, text).unwrap();
            p
        });
        let inputs = Inputs {
            sources: vec![src],
            draft,
        };
        let run = check(&inputs, &Rules::defaults()).unwrap();
        (dir, run)
    }

    #[test]
    fn escape_covers_the_five_characters() {
        assert_eq!(
            escape(r#"<a href="x" title='y'>&amp;</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"
        );
        assert_eq!(escape("6.5% · «ok»"), "6.5% · «ok»");
    }

    #[test]
    fn script_in_an_article_comes_out_inert() {
        let (_dir, run) = run_of(
            &[
                (
                    "it's&co.txt",
                    "Nvidia shares fell 4.35% on Tuesday. <script>alert('x')</script>\n",
                ),
                (
                    "b.md",
                    "<img src=x onerror=alert(1)> Nvidia shares fell 9% on Tuesday <script>alert(2)</script>.\n",
                ),
                (
                    "c.html",
                    "<p>Nvidia shares fell 9% on Tuesday.</p><script>alert(3)</script>",
                ),
            ],
            None,
        );
        assert!(run.count(FindingKind::Conflict) > 0);
        let html = report_html(&run, None);
        // The page's own script is the only one; no tag of the input survives.
        assert_eq!(html.matches("<script").count(), 1, "{html}");
        assert!(!html.contains("<img"));
        assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assert!(html.contains("it&#39;s&amp;co.txt:1:"));
        assert!(!html.contains("it's&co"));
    }

    #[test]
    fn structure_of_a_small_run() {
        let (run_dir, run) = run_of(
            &[
                ("a.txt", "Nvidia shares fell 4.35% on Tuesday.\n"),
                ("b.txt", "Nvidia shares fell 9% on Tuesday.\n"),
            ],
            None,
        );
        let html = report_html(&run, Some(&Rules::defaults()));
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(!html.contains("{{"), "every slot filled");
        assert!(!html.contains("http://") && !html.contains("https://"));
        assert!(html.contains(
            "<section class=\"finding\" data-kind=\"conflict\" data-severity=\"error\" id=\"F1\" data-rule=\"numeric.mismatch\">"
        ));
        assert!(html.contains("<p class=\"explain\">"));
        let mut quotes = 0;
        for (n, f) in run.findings.iter().enumerate() {
            let head = format!(
                "<section class=\"finding\" data-kind=\"{}\" data-severity=\"{}\" id=\"F{}\"",
                f.kind.as_str(),
                f.severity,
                n + 1
            );
            assert_eq!(html.matches(&head).count(), 1, "{head}");
            for &c in &f.claims {
                // Each claim is marked once in its text, and linked from the finding.
                assert_eq!(html.matches(&format!(" id=\"c{c}\"")).count(), 1);
                assert!(html.contains(&format!("href=\"#c{c}\"")));
            }
            quotes += f.claims.len();
        }
        assert_eq!(html.matches("<li class=\"quote\"").count(), quotes);
        assert!(
            html.contains("\">a.txt:1:20</a> <q>Nvidia shares fell <b>4.35%</b> on Tuesday.</q>")
        );
        // Paths relative to the folder the files share, which is named once.
        let root = format!("{}/", run_dir.path().join("sources").display());
        assert_eq!(html.matches(&root).count(), 1);
        assert!(html.contains(&format!("<p class=\"root\">files in {root}</p>")));
        assert!(html.contains("<a href=\"#d0\">a.txt</a> (source <b>a</b>, 2 claims)"));
        assert!(html.contains(">4.35%</mark><sup class=\"refs\"><a href=\"#F1\">F1</a>"));
        // Without a draft every source is open, and there is no standing filter.
        assert_eq!(html.matches("<details class=\"doc\"").count(), 2);
        assert_eq!(html.matches("data-role=\"source\" open>").count(), 2);
        assert!(html.contains("<fieldset hidden><legend>Draft claims"));
    }

    #[test]
    fn draft_claims_are_marked_by_standing_and_sources_start_collapsed() {
        let (_dir, run) = run_of(
            &[
                ("a.txt", "Nvidia shares fell 4.35% on Tuesday.\n"),
                ("b.txt", "Nvidia shares fell 4.35% on Tuesday.\n"),
            ],
            Some("# Chips\n\nNvidia shares fell 5% on Tuesday.\n"),
        );
        let html = report_html(&run, None);
        let verdicts = run.draft_verdicts();
        assert!(!verdicts.is_empty());
        let five = verdicts
            .iter()
            .find(|v| run.claims[v.claim].text == "5%")
            .unwrap();
        assert_eq!(five.standing, Standing::Contradicted);
        assert!(html.contains(&format!(
            "<mark class=\"claim\" data-verdict=\"contradicted\" id=\"c{}\"",
            five.claim
        )));
        assert!(html.contains(" data-loc=\"draft.md:3:20\" data-findings=\"F1\""));
        assert!(html.contains("<summary>source: sources/a.txt "));
        assert!(html.contains("<details class=\"doc\" id=\"d0\" data-role=\"draft\" open>"));
        assert_eq!(html.matches("data-role=\"source\">\n<summary>").count(), 2);
        assert!(html.contains("<fieldset><legend>Draft claims"));
        assert!(html.contains("2 draft claims: 1 supported, 1 contradicted"));
    }

    #[test]
    fn crossing_claims_stay_well_formed() {
        let (_dir, mut run) = run_of(
            &[
                ("a.txt", "Nvidia shares fell 4.35% on Tuesday.\n"),
                ("b.txt", "Nvidia shares fell 9% on Tuesday.\n"),
            ],
            None,
        );
        // A claim from inside "4.35%" to past its end crosses it.
        let first = run.findings[0].claims[0];
        let mut crossing = run.claims[first].clone();
        let (s, e) = (crossing.span.start(), crossing.span.end());
        crossing.span = crate::span::Span::new(s + 2, e + 3);
        run.claims.push(crossing);
        let k = run.claims.len() - 1;
        run.findings[0].claims.push(k);
        let html = report_html(&run, None);
        assert_eq!(
            html.matches("<mark").count(),
            html.matches("</mark>").count()
        );
        let mut depth = 0i32;
        for piece in html.split("mark") {
            if piece.ends_with('<') {
                depth += 1;
            } else if piece.ends_with("</") {
                depth -= 1;
            }
            assert!(depth >= 0);
        }
        assert_eq!(depth, 0);
        assert!(html.contains(&format!(
            "<mark class=\"claim cont\" data-verdict=\"conflict\" data-claim=\"{k}\">"
        )));
        assert_eq!(html.matches(&format!(" id=\"c{k}\"")).count(), 1);
    }

    #[test]
    fn fill_replaces_slots_once() {
        let out = fill("a{{x}}b{{y}}c{{", &[("x", "{{y}}"), ("y", "Y")]);
        assert_eq!(out, "a{{y}}bYc{{");
    }
}
