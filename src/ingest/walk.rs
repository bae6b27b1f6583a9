//! Turns the paths on the command line into the list of article files:
//! folders are walked (sorted, hidden entries and non-article files skipped).

use super::format_of;
use crate::error::{Error, Result};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Expands files and folders into article files, in a stable order, and
/// the errors of the paths that cannot be walked (each one, not the first).
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Error>) {
    let mut out = Vec::new();
    let mut seen_dirs = BTreeSet::new();
    let mut errors = Vec::new();
    for path in paths {
        let found = match std::fs::metadata(path) {
            Err(e) => Err(Error::read(path, e)),
            Ok(meta) if meta.is_dir() => walk(path, &mut out, &mut seen_dirs),
            Ok(_) if format_of(path).is_some() => {
                out.push(path.clone());
                Ok(())
            }
            Ok(_) => Err(Error::UnsupportedType { path: path.clone() }),
        };
        errors.extend(found.err());
    }
    // The same file named twice, or reached twice through links, is read
    // once; the order of the arguments does not change the run.
    let mut seen_files = std::collections::HashSet::new();
    out.retain(|p| seen_files.insert(p.canonicalize().unwrap_or_else(|_| p.clone())));
    out.sort();
    (out, errors)
}

/// Walks `dir` for articles; a folder reached again through a link (a
/// symlink loop) is not walked twice.
fn walk(dir: &Path, out: &mut Vec<PathBuf>, seen: &mut BTreeSet<PathBuf>) -> Result<()> {
    if !seen.insert(dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf())) {
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::read(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out, seen)?;
        } else if format_of(&p).is_some() && !is_project_file(&p) {
            out.push(p);
        }
    }
    Ok(())
}

/// README and similar files in a case folder describe the case; they are not articles.
fn is_project_file(p: &Path) -> bool {
    p.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| s.eq_ignore_ascii_case("readme"))
}
