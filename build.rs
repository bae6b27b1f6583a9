//! The bundled rules (`rules/default.yaml`) decoded at build time into JSON,
//! which `Rules::defaults()` reads at every start: serde_yaml took a fifth
//! of a run over five one-line files (6.5 M instructions) to decode them,
//! serde_json takes a tenth of that. A test checks that both decode to the
//! same rules.

fn main() {
    println!("cargo::rerun-if-changed=rules/default.yaml");
    link_position_dependent();
    let yaml = std::fs::read_to_string("rules/default.yaml").expect("rules/default.yaml");
    let value: serde_json::Value =
        serde_yaml::from_str(&yaml).expect("rules/default.yaml is YAML with string keys");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR"))
        .join("default-rules.json");
    std::fs::write(out, serde_json::to_string(&value).expect("JSON")).expect("OUT_DIR is writable");
}

/// The programs linked at a fixed address on Linux (`-no-pie`). A
/// position-independent executable is relocated at every start: some 25,000
/// relocations, read from 600 KB of the file, written over 440 KB of
/// pointer tables (vtables, string tables) that are then private copies,
/// page by page. The code is compiled position-independent as before (the
/// linker resolves its addresses); only the programs are linked this way,
/// not the library or the tests.
fn link_position_dependent() {
    let linux = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    if linux {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
}
