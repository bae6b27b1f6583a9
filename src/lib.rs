//! crosscheck: checks several articles about one story against each other.
//!
//! The pipeline, one module per stage: `ingest` (files → documents, furniture
//! removed) → `text` (sentences, tokens) → `extract` (claims) → `group`
//! (subject resolution) → `compare` (rules → findings) → `report` (table,
//! JSON). `rules` holds the YAML model they all read; `progress` tells a
//! caller how far a run has got.

// Library code never panics on input: no unwrap/expect/panic, no indexing or
// string slicing that can fail (tests may). A constant
// regex compiled once carries a scoped allow with its reason. The test build
// of the library (its #[cfg(test)] modules) is exempt.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::string_slice
    )
)]

pub mod compare;
pub mod error;
pub mod extract;
pub mod group;
pub mod ingest;
pub mod nlp;
pub mod pipeline;
pub mod progress;
pub mod report;
pub mod rules;
pub mod span;
pub mod text;

pub use ingest::Prose;
pub use pipeline::{FailOn, Inputs, Run, check, check_keeping, check_with};
pub use progress::{Progress, Stage};
