//! SARIF 2.1.0, the static-analysis interchange format that code-review
//! tools read: one result per conflict (error or warning) and per
//! unsupported claim (note). A result's first claim is its location, and the
//! claims it is compared with are related locations. Agreements need no
//! action and are left out. Columns count characters (`unicodeCodePoints`).

use crate::Run;
use crate::compare::FindingKind;
use crate::extract::Claim;
use crate::rules::{RULES, Severity};
use serde_json::{Value, json};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The SARIF log of a run, pretty-printed.
pub fn report_sarif(run: &Run) -> String {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.id.as_str(),
                "shortDescription": { "text": r.checks },
                "fullDescription": { "text": r.why },
                "help": { "text": format!("Example: {}", r.example) },
                "defaultConfiguration": { "level": level(r.severity) },
            })
        })
        .collect();
    let mut results = Vec::new();
    for (n, f) in run.findings.iter().enumerate() {
        if f.kind == FindingKind::Agreement {
            continue;
        }
        let mut claims = f.claims.iter().filter_map(|&c| run.claims.get(c));
        let Some(first) = claims.next() else {
            continue;
        };
        let related: Vec<Value> = claims
            .enumerate()
            .map(|(k, c)| {
                let mut loc = location(run, c);
                if let Some(fields) = loc.as_object_mut() {
                    fields.insert("id".into(), json!(k + 1));
                    fields.insert(
                        "message".into(),
                        json!({ "text": format!("\"{}\"", c.text) }),
                    );
                }
                loc
            })
            .collect();
        let rule_index = RULES.iter().position(|r| r.id == f.rule);
        let mut result = json!({
            "ruleId": f.rule.as_str(),
            "level": if f.kind == FindingKind::Unsupported { "note" } else { level(f.severity) },
            "kind": if f.kind == FindingKind::Unsupported { "review" } else { "fail" },
            "message": { "text": format!("F{}: {} · {}: {}", n + 1, f.subject, f.attribute, f.message) },
            "locations": [location(run, first)],
        });
        if let Some(fields) = result.as_object_mut() {
            if let Some(i) = rule_index {
                fields.insert("ruleIndex".into(), json!(i));
            }
            if !related.is_empty() {
                fields.insert("relatedLocations".into(), Value::Array(related));
            }
        }
        results.push(result);
    }
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "crosscheck",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/crosscheck/crosscheck",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).unwrap_or_default()
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A claim's physical location: its file and the region of the evidence.
fn location(run: &Run, claim: &Claim) -> Value {
    let Some(doc) = run.docs.get(claim.doc) else {
        return json!({});
    };
    let start = doc.line_col(claim.span.start());
    let end = doc.line_col(claim.span.end());
    json!({ "physicalLocation": {
        "artifactLocation": { "uri": uri(&doc.path) },
        "region": {
            "startLine": start.line,
            "startColumn": start.column,
            "endLine": end.line,
            "endColumn": end.column,
            "snippet": { "text": claim.text },
        },
    }})
}

/// A path as a URI reference: relative paths stay relative, with `/`
/// separators; absolute ones become `file://` URIs; anything but unreserved
/// characters and `/` is percent-encoded.
fn uri(path: &std::path::Path) -> String {
    let text = path.display().to_string().replace('\\', "/");
    let mut out = String::new();
    if path.is_absolute() {
        out.push_str("file://");
        if !text.starts_with('/') {
            out.push('/');
        }
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::uri;
    use std::path::Path;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri(Path::new("corpus/a b/wire.md")), "corpus/a%20b/wire.md");
        assert_eq!(uri(Path::new("/tmp/x.txt")), "file:///tmp/x.txt");
        assert_eq!(uri(Path::new("é.md")), "%C3%A9.md");
    }
}
