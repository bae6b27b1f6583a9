//! Turns the paths on the command line into the list of article files:
//! folders are walked (sorted, hidden entries and non-article files skipped).

use super::format_of;
use crate::error::{Error, Result};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Expands files and folders into article files, in a stable order, and
/// the errors of the paths that cannot be walked (each one, not the first).
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Error>) {
    let mut out: Vec<Found> = Vec::new();
    let mut seen_dirs = BTreeSet::new();
    let mut errors = Vec::new();
    for path in paths {
        let found = match std::fs::metadata(path) {
            Err(e) => Err(Error::read(path, e)),
            Ok(meta) if meta.is_dir() => walk(path, &mut out, &mut seen_dirs),
            Ok(_) if format_of(path).is_some() => {
                out.push((path.clone(), None));
                Ok(())
            }
            Ok(_) => Err(Error::UnsupportedType { path: path.clone() }),
        };
        errors.extend(found.err());
    }
    // The same file named twice, or reached twice through links, is read
    // once; the order of the arguments does not change the run.
    let mut seen_files = std::collections::HashSet::new();
    out.retain_mut(|(p, canonical)| {
        let canonical = canonical
            .take()
            .unwrap_or_else(|| p.canonicalize().unwrap_or_else(|_| p.clone()));
        seen_files.insert(canonical)
    });
    let mut out: Vec<PathBuf> = out.into_iter().map(|(p, _)| p).collect();
    out.sort();
    (out, errors)
}

/// An article file, with its canonical path when the walk knew it without
/// asking the file system (`None`: found by `canonicalize`).
type Found = (PathBuf, Option<PathBuf>);

/// Walks `dir` for articles; a folder reached again through a link (a
/// symlink loop) is not walked twice. An entry that is no link is a folder
/// or not as its directory entry says, and its canonical path is the
/// folder's with its name: a folder of a thousand articles costs no system
/// call per article beyond reading it (`canonicalize` asked one per
/// component of each path).
fn walk(dir: &Path, out: &mut Vec<Found>, seen: &mut BTreeSet<PathBuf>) -> Result<()> {
    let canonical = dir.canonicalize().ok();
    if !seen.insert(canonical.clone().unwrap_or_else(|| dir.to_path_buf())) {
        return Ok(());
    }
    let mut entries: Vec<(PathBuf, Option<std::fs::FileType>)> = std::fs::read_dir(dir)
        .map_err(|e| Error::read(dir, e))?
        .filter_map(|e| e.ok().map(|e| (e.path(), e.file_type().ok())))
        .filter(|(p, _)| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (p, kind) in entries {
        // A link is followed, as `is_dir` follows it.
        let plain = kind.filter(|k| !k.is_symlink());
        if plain.map_or_else(|| p.is_dir(), |k| k.is_dir()) {
            walk(&p, out, seen)?;
        } else if format_of(&p).is_some() && !is_project_file(&p) {
            let known = plain
                .and(canonical.as_ref())
                .zip(p.file_name())
                .map(|(c, name)| c.join(name));
            out.push((p, known));
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
