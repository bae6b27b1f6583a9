//! What goes on stderr besides errors: warnings, and on a terminal a
//! progress bar; `--quiet` silences both and changes nothing else. The bar
//! is looked for under a pseudo-terminal made by util-linux's `script`.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn crosscheck() -> Command {
    let mut c = Command::cargo_bin("crosscheck").unwrap();
    c.env_remove("COLUMNS").env("NO_COLOR", "1");
    c
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

/// Two sources that contradict each other (an error conflict: exit 1) and
/// an empty one (a warning).
fn conflict_and_empty(dir: &Path) -> (String, Vec<String>) {
    let files = vec![
        write(dir, "a.txt", "Nvidia shares fell 4.35% on Tuesday.\n"),
        write(dir, "b.txt", "Nvidia shares fell 9% on Tuesday.\n"),
        write(dir, "empty.txt", ""),
    ];
    let warning = format!("crosscheck: warning: {}: empty file\n", files[2]);
    (warning, files)
}

#[test]
fn quiet_silences_warnings_and_keeps_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let (warning, files) = conflict_and_empty(dir.path());
    let loud = crosscheck()
        .arg("check")
        .args(&files)
        .assert()
        .code(1)
        .stderr(warning)
        .get_output()
        .stdout
        .clone();
    for flag in ["--quiet", "-q"] {
        let quiet = crosscheck()
            .args(["check", flag])
            .args(&files)
            .assert()
            .code(1)
            .stderr("")
            .get_output()
            .stdout
            .clone();
        assert_eq!(quiet, loud, "{flag} changes only stderr");
    }
    // A lone source: a warning and exit 0, or nothing and exit 0.
    let lone = &files[0];
    crosscheck()
        .args(["check", lone])
        .assert()
        .code(0)
        .stderr(format!(
            "crosscheck: warning: {lone}: the only source: nothing to compare it against\n"
        ));
    crosscheck()
        .args(["check", "-q", lone])
        .assert()
        .code(0)
        .stderr("");
}

#[test]
fn quiet_keeps_errors() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.txt").display().to_string();
    crosscheck()
        .args(["check", "--quiet", &missing, "corpus/meta-compute"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::starts_with(format!(
            "crosscheck: error: {missing}: "
        )));
}

#[test]
fn quiet_is_in_the_help() {
    crosscheck()
        .args(["check", "--help"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("-q, --quiet"));
}

/// A folder of `n` short articles that agree but for a few figures.
fn many(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        write(
            dir.path(),
            &format!("s{i:02}.txt"),
            &format!(
                "Nvidia shares fell {}% on Tuesday, the company said.\n",
                4 + i % 3
            ),
        );
    }
    dir
}

#[test]
fn no_bar_when_stderr_is_not_a_terminal() {
    let dir = many(40);
    // assert_cmd pipes stderr: no bar, no escape sequence, nothing at all.
    crosscheck()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr("");
}

/// `script` from util-linux, if it runs. Required when CI is set.
fn script() -> Option<PathBuf> {
    let found = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set, but `script` (util-linux) is not on PATH"
        );
        println!("skipped: no `script` (util-linux) on PATH to make a terminal");
        return None;
    }
    Some(PathBuf::from("script"))
}

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// Runs crosscheck with `args` with stderr on a pseudo-terminal and stdout
/// into a file: what the terminal showed, and what stdout held.
fn on_terminal(script: &Path, args: &[&str]) -> (String, Vec<u8>) {
    let out = tempfile::NamedTempFile::new().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("crosscheck");
    let mut line = quote(&bin.display().to_string());
    for a in args {
        line.push(' ');
        line.push_str(&quote(a));
    }
    line.push_str(" > ");
    line.push_str(&quote(&out.path().display().to_string()));
    let shown = std::process::Command::new(script)
        .args(["-qfec", &line, "/dev/null"])
        .env("TERM", "xterm")
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(shown.status.code(), Some(1), "the run's exit code");
    let stdout = std::fs::read(out.path()).unwrap();
    (String::from_utf8_lossy(&shown.stdout).into_owned(), stdout)
}

#[test]
fn bar_on_a_terminal_only_over_twenty_files_and_not_when_quiet() {
    let Some(script) = script() else { return };
    let dir = many(40);
    let path = dir.path().display().to_string();
    let piped = crosscheck()
        .args(["check", "--format", "json", &path])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();

    let (shown, stdout) = on_terminal(&script, &["check", "--format", "json", &path]);
    assert!(
        shown.contains("crosscheck: reading    [") && shown.contains("/40 documents"),
        "a bar: {shown:?}"
    );
    // Cleared at the end: the last thing on the terminal erases its line.
    assert!(shown.ends_with("\r\x1b[2K"), "cleared: {shown:?}");
    assert_eq!(stdout, piped, "stdout is the same with the bar");

    let (shown, stdout) = on_terminal(&script, &["check", "-q", "--format", "json", &path]);
    assert_eq!(shown, "", "--quiet: no bar");
    assert_eq!(stdout, piped);

    // Twenty files or fewer: over before a bar would help.
    let few = many(20);
    let few = few.path().display().to_string();
    let (shown, _) = on_terminal(&script, &["check", "--format", "json", &few]);
    assert_eq!(shown, "", "no bar for 20 files");
}
