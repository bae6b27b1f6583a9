//! Any rules file is either rules or located errors, never a panic or a
//! hang (see `bodies.rs`).
#![no_main]

mod bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| bodies::rules_yaml(data));
