//! Trains the tagger, parser and lemmatizer on CoNLL-U treebanks and writes
//! the model file. Development only; see models/PROVENANCE.md for the
//! command that made the shipped model.
//!
//!   train-nlp --train F... [--test F...] [--out FILE] [--tagger-epochs N]
//!             [--parser-epochs N] [--seed N] [--prune-tagger N] [--prune-parser N]
//!   train-nlp --from MODEL [--test F...] [--prune-…] [--out FILE]   (prune or re-evaluate)

use anyhow::{Context, Result, bail};
use crosscheck::nlp::{Model, conllu, train};
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<()> {
    let mut trains: Vec<PathBuf> = Vec::new();
    let mut tests: Vec<PathBuf> = Vec::new();
    let mut out: Option<PathBuf> = None;
    let mut from: Option<PathBuf> = None;
    // Weights below these magnitudes (quantised units) are dropped: the
    // shipped model's sizes and scores are in models/PROVENANCE.md.
    let (mut prune_tagger, mut prune_parser) = (800i16, 800i16);
    let mut settings = train::Settings::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().with_context(|| format!("{a} needs a value"));
        match a.as_str() {
            "--train" => trains.push(value()?.into()),
            "--test" => tests.push(value()?.into()),
            "--out" => out = Some(value()?.into()),
            "--tagger-epochs" => settings.tagger_epochs = value()?.parse()?,
            "--parser-epochs" => settings.parser_epochs = value()?.parse()?,
            "--seed" => settings.seed = value()?.parse()?,
            "--from" => from = Some(value()?.into()),
            "--prune-tagger" => prune_tagger = value()?.parse()?,
            "--prune-parser" => prune_parser = value()?.parse()?,
            _ => bail!(
                "unknown argument {a}; usage: train-nlp --train F... [--test F...] [--out FILE]"
            ),
        }
    }
    if trains.is_empty() && from.is_none() {
        bail!("usage: train-nlp --train F... [--test F...] [--out FILE]");
    }
    let read = |p: &PathBuf| -> Result<Vec<conllu::GoldSentence>> {
        let text = std::fs::read_to_string(p).with_context(|| format!("{}", p.display()))?;
        conllu::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))
    };
    let mut data = Vec::new();
    for p in &trains {
        let s = read(p)?;
        eprintln!("{}: {} sentences", p.display(), s.len());
        data.extend(s);
    }
    let t0 = Instant::now();
    let model = match &from {
        // An earlier model, to prune or evaluate again.
        Some(p) => Model::read(&std::fs::read(p).with_context(|| format!("{}", p.display()))?)
            .map_err(anyhow::Error::msg)?,
        None => train::train(&data, settings, &mut |m| {
            eprintln!("[{:>6.1}s] {m}", t0.elapsed().as_secs_f64())
        }),
    };
    let bytes = model.pruned(prune_tagger, prune_parser).write();
    // Evaluate what will be shipped: the model as read back from its bytes.
    let model = Model::read(&bytes).map_err(anyhow::Error::msg)?;
    let [(tf, tw), (pf, pw)] = model.size();
    eprintln!(
        "model: {} bytes; tagger {tf} features / {tw} weights; parser {pf} features / {pw} weights",
        bytes.len()
    );
    for p in &tests {
        let gold = read(p)?;
        let t = Instant::now();
        let s = train::evaluate(&model, &gold);
        let secs = t.elapsed().as_secs_f64();
        println!(
            "{}: {} words, UPOS {:.2}, lemma {:.2}, UAS {:.2}, LAS {:.2} ({:.0} words/s tag+parse+lemma)",
            p.display(),
            s.words,
            s.upos,
            s.lemma,
            s.uas,
            s.las,
            s.words as f64 / secs
        );
    }
    if let Some(out) = out {
        std::fs::write(&out, &bytes).with_context(|| format!("{}", out.display()))?;
        eprintln!("wrote {}", out.display());
    }
    Ok(())
}
