//! The language model: the training command on a tiny treebank of our own
//! (deterministic, readable, evaluable), and the shipped model on sentences
//! of our own with the tags and heads a careful annotator gives them.

use assert_cmd::Command;
use crosscheck::nlp::{Model, Parse, Upos, conllu, train};

const TINY: &str = "tests/nlp/tiny.conllu";

fn train_tiny(out: &std::path::Path) -> String {
    let o = Command::cargo_bin("train-nlp")
        .unwrap()
        .args([
            "--train",
            TINY,
            "--test",
            TINY,
            "--tagger-epochs",
            "6",
            "--parser-epochs",
            "8",
        ])
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn training_is_deterministic_and_the_model_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.bin"), dir.path().join("b.bin"));
    let report = train_tiny(&a);
    train_tiny(&b);
    let (x, y) = (std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    assert_eq!(x, y, "the same inputs give the same bytes");
    assert!(
        report.starts_with("tests/nlp/tiny.conllu: 61 words, UPOS "),
        "{report}"
    );
    // The training sentences themselves are learned.
    let model = Model::read(&x).unwrap();
    let gold = conllu::parse(&std::fs::read_to_string(TINY).unwrap()).unwrap();
    let s = train::evaluate(&model, &gold);
    assert!(s.upos >= 95.0 && s.uas >= 80.0, "{s:?}");
}

#[test]
fn the_builtin_model_writes_back_the_bytes_it_was_read_from() {
    let file = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/models/en-ud.bin")).unwrap();
    assert!(Model::builtin().unwrap().write() == file);
    // The compiled-in model is used in place with only its shape checked:
    // reading the file checks every record.
    Model::read(&file).unwrap();
}

#[test]
fn a_corrupt_model_is_an_error_not_a_panic() {
    assert_eq!(
        Model::read(b"not a model").err().unwrap(),
        "not a crosscheck language model (bad magic)"
    );
    let model = Model::builtin().unwrap().write();
    for cut in [8, 100, model.len() / 2, model.len() - 1] {
        assert!(Model::read(&model[..cut]).is_err(), "cut at {cut}");
    }
}

fn read(text: &str) -> Vec<(String, Upos, Option<String>, String)> {
    let model = Model::builtin().unwrap();
    let p = Parse::of(model, text);
    p.words
        .iter()
        .map(|w| {
            (
                w.span.slice(text).to_string(),
                w.upos,
                w.head.map(|h| p.words[h].span.slice(text).to_string()),
                model.label(w.deprel).to_string(),
            )
        })
        .collect()
}

#[test]
fn the_shipped_model_reads_news_sentences() {
    use Upos::*;
    let got = read("Shares of Northwind Energy nosedived 6.3% on Tuesday.");
    let tags: Vec<Upos> = got.iter().map(|w| w.1).collect();
    assert_eq!(
        tags,
        [Noun, Adp, Propn, Propn, Verb, Num, Sym, Adp, Propn, Punct]
    );
    let arcs: Vec<(&str, Option<&str>, &str)> = got
        .iter()
        .map(|w| (w.0.as_str(), w.2.as_deref(), w.3.as_str()))
        .collect();
    assert_eq!(arcs[0], ("Shares", Some("nosedived"), "nsubj"));
    assert_eq!(arcs[4], ("nosedived", None, "root"));
    assert_eq!(arcs[8], ("Tuesday", Some("nosedived"), "obl"));
    // Capitalised words opening a sentence that are not names.
    assert_eq!(read("Rising costs hit margins by 2%.")[0].1, Verb);
    assert_eq!(read("Any buyer can wait for 3 days.")[0].1, Det);
}
