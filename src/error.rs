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
    #[error("{path}: UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8")]
    Utf16 { path: PathBuf },
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
    /// Several inputs that cannot be read: each is reported, not only the first.
    #[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))]
    Inputs(Vec<Error>),
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// One error for all of `errors`: the error itself when there is one.
    pub(crate) fn all(mut errors: Vec<Error>) -> Option<Error> {
        match errors.len() {
            0 => None,
            1 => errors.pop(),
            _ => Some(Error::Inputs(errors)),
        }
    }

    /// Each problem on its own line, as the binary prints them.
    pub fn lines(&self) -> Vec<String> {
        match self {
            Error::Inputs(all) => all.iter().flat_map(Error::lines).collect(),
            other => vec![other.to_string()],
        }
    }
}

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
