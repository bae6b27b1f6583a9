//! Turns the paths on the command line into the list of article files:
//! folders are walked (sorted, hidden entries and non-article files skipped).

use super::format_of;
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// Expands files and folders into article files, in a stable order.
pub fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| Error::read(path, e))?;
        if meta.is_dir() {
            walk(path, &mut out)?;
        } else if format_of(path).is_some() {
            out.push(path.clone());
        } else {
            return Err(Error::UnsupportedType { path: path.clone() });
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
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
            walk(&p, out)?;
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
