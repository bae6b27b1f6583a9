//! Any bytes, cut into two articles, read as text, Markdown and HTML, go
//! through every stage and every report without a panic, and every claim's
//! span quotes its own text (see `bodies.rs`).
#![no_main]

mod bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| bodies::check_articles(data));
