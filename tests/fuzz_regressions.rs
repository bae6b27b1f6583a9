//! Every input that once crashed a fuzz target, replayed through the same
//! code the target runs (`fuzz/fuzz_targets/bodies.rs`). A new crash input
//! goes into `tests/fuzz-regressions/<target>/` as it is.

#[path = "../fuzz/fuzz_targets/bodies.rs"]
mod bodies;

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target);
    // A target that never crashed has no folder.
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return 0;
    };
    let mut files: Vec<_> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    for f in &files {
        let data = std::fs::read(f).unwrap();
        // A panic names the input it came from.
        let name = f.display().to_string();
        let result = std::panic::catch_unwind(|| run(&data));
        assert!(result.is_ok(), "{name} panics again");
    }
    files.len()
}

#[test]
fn rules_yaml_crash_inputs_are_rules_or_errors() {
    assert!(replay("rules_yaml", bodies::rules_yaml) >= 1);
}

#[test]
fn check_articles_crash_inputs_go_through_every_stage() {
    replay("check_articles", bodies::check_articles);
}
