//! The README's "Checking a draft in five minutes" runs as written: each
//! command of its `console` blocks is run by `sh` in a folder holding a copy
//! of the corpus case, and every line pasted under the commands must come,
//! in order, from what they printed. A block without commands is an
//! excerpt of the output before it.

use std::path::Path;

const SECTION: &str = "## Checking a draft in five minutes";

/// The `console` blocks of the walkthrough.
fn blocks() -> Vec<Vec<String>> {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme.find(SECTION).expect("the walkthrough in the README");
    let rest = &readme[start + SECTION.len()..];
    let section = &rest[..rest.find("\n## ").unwrap_or(rest.len())];
    let mut out = Vec::new();
    let mut block: Option<Vec<String>> = None;
    for line in section.lines() {
        match (&mut block, line) {
            (None, "```console") => block = Some(Vec::new()),
            (Some(_), "```") => out.extend(block.take()),
            (Some(b), l) => b.push(l.to_string()),
            (None, _) => {}
        }
    }
    out
}

/// A block's commands (continuation lines joined) and the lines it shows.
fn split(block: &[String]) -> (Vec<String>, Vec<String>) {
    let (mut commands, mut shown) = (Vec::new(), Vec::new());
    let mut open = false;
    for line in block {
        if let Some(cmd) = line.strip_prefix("$ ") {
            commands.push(cmd.to_string());
        } else if open {
            let last = commands.last_mut().unwrap();
            last.push_str(line);
        } else if line != "…" {
            shown.push(line.clone());
        }
        open = line.ends_with('\\');
        if open {
            let last = commands.last_mut().unwrap();
            last.pop();
        }
    }
    (commands, shown)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

#[test]
fn the_draft_walkthrough_runs_as_written() {
    let dir = tempfile::tempdir().unwrap();
    for case in ["drafts", "meta-compute"] {
        copy_dir(
            &Path::new("corpus").join(case),
            &dir.path().join("corpus").join(case),
        );
    }
    let bin = assert_cmd::cargo::cargo_bin("crosscheck");
    let path = std::env::join_paths(
        std::iter::once(bin.parent().unwrap().to_path_buf())
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let blocks = blocks();
    assert_eq!(blocks.len(), 4, "the walkthrough's console blocks");
    let mut output = String::new();
    for block in &blocks {
        let (commands, shown) = split(block);
        if !commands.is_empty() {
            output.clear();
        }
        for cmd in &commands {
            let run = std::process::Command::new("sh")
                .args(["-c", cmd])
                .current_dir(dir.path())
                .env("PATH", &path)
                .env("COLUMNS", "100")
                .env("NO_COLOR", "1")
                .output()
                .unwrap();
            assert!(run.status.success(), "{cmd}: {run:?}");
            output.push_str(&String::from_utf8(run.stdout).unwrap());
        }
        // Every line shown, in order, is a line of the output.
        let mut lines = output.lines();
        for want in &shown {
            assert!(
                lines.any(|l| l == want),
                "not in the output (or out of order): {want:?}\n{output}"
            );
        }
    }
    // The edit fixed the draft: it ran, and the last run said so.
    let story = std::fs::read_to_string(dir.path().join("story.md")).unwrap();
    assert!(story.contains("dropped 6.27%") && story.contains("$72 billion"));
}
