//! crosscheck: checks several articles about one story against each other.
//!
//! The pipeline, one module per stage: `ingest` (files → documents, furniture
//! removed) → `text` (sentences, tokens) → `extract` (claims) → `group`
//! (subject resolution) → `compare` (rules → findings) → `report` (table,
//! JSON). `rules` holds the YAML model they all read.

pub mod compare;
pub mod error;
pub mod extract;
pub mod group;
pub mod ingest;
pub mod nlp;
pub mod pipeline;
pub mod report;
pub mod rules;
pub mod span;
pub mod text;

pub use pipeline::{FailOn, Inputs, Run, check};
