//! Any rules file is either rules or located errors, never a panic or a hang.
#![no_main]

use crosscheck::rules::Rules;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    if let Ok(src) = std::str::from_utf8(data) {
        let _ = Rules::from_yaml(src, Path::new("fuzz.yaml"));
    }
});
