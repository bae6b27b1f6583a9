//! The library's error type: every variant names the file it is about and,
//! where there is one, the line and column. The binary prints `Display` as one
//! line and exits with code 2.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: cannot read: {message}")]
    Read { path: PathBuf, message: String },
    #[error("{path}: not valid UTF-8 (invalid byte at offset {offset})")]
    InvalidUtf8 { path: PathBuf, offset: usize },
    #[error("{path}: binary data, not text (NUL byte at offset {offset})")]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}: unsupported file type (expected .txt, .md, .markdown, .html or .htm)")]
    UnsupportedType { path: PathBuf },
    #[error("{path}:{line}:{column}: {message}")]
    Rules {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}", .0.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n"))]
    InvalidRules(Vec<crate::rules::Diagnostic>),
    #[error("no articles to check: {0}")]
    NoInputs(String),
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub(crate) fn read(path: impl Into<PathBuf>, err: std::io::Error) -> Self {
        let message = match err.kind() {
            std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => err.to_string(),
        };
        Error::Read {
            path: path.into(),
            message,
        }
    }
}
