//! Training and evaluation, for the `train-nlp` binary and its test. Never
//! on the run path.

use super::Upos;
use super::conllu::GoldSentence;
use super::lemma::Lemmatizer;
use super::model::Model;
use super::parser::Parser;
use super::tagger::Tagger;
use super::word::WordKey;
use std::collections::BTreeSet;

/// How long to train.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    pub seed: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            tagger_epochs: 8,
            parser_epochs: 12,
            seed: 7,
        }
    }
}

/// Trains every component. The parser learns on tags predicted by a
/// tagger trained on the other folds (jack-knifing), so at run time it sees
/// the kind of tags it was trained on.
pub fn train(data: &[GoldSentence], settings: Settings, log: &mut dyn FnMut(&str)) -> Model {
    let labels: Vec<String> = data
        .iter()
        .flat_map(|s| s.words.iter().map(|w| w.deprel.clone()))
        .chain(["root".to_string()])
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    log(&format!(
        "{} sentences, {} relations",
        data.len(),
        labels.len()
    ));
    let folds = 4;
    let mut tags: Vec<Vec<Upos>> = vec![Vec::new(); data.len()];
    for f in 0..folds {
        let rest: Vec<GoldSentence> = data
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != f)
            .map(|(_, s)| s.clone())
            .collect();
        let t = Tagger::train(&rest, settings.tagger_epochs, settings.seed + f as u64);
        for (_, (s, slot)) in data
            .iter()
            .zip(tags.iter_mut())
            .enumerate()
            .filter(|(i, _)| i % folds == f)
        {
            let keys: Vec<WordKey> = s.words.iter().map(|w| WordKey::new(&w.form)).collect();
            *slot = t.tag(&keys);
        }
        log(&format!("jack-knife tagger {}/{folds} trained", f + 1));
    }
    let tagger = Tagger::train(data, settings.tagger_epochs, settings.seed);
    log("tagger trained");
    let parser = Parser::train(data, &tags, &labels, settings.parser_epochs, settings.seed);
    log("parser trained");
    let lemmatizer = Lemmatizer::train(data);
    Model {
        tagger,
        parser,
        lemmatizer,
        labels,
    }
}

/// Accuracy on gold sentences, in percent. Punctuation counts, as in the
/// CoNLL 2018 evaluation of UD.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scores {
    pub words: usize,
    pub upos: f64,
    pub lemma: f64,
    pub uas: f64,
    pub las: f64,
}

pub fn evaluate(model: &Model, data: &[GoldSentence]) -> Scores {
    let (mut n, mut upos, mut lemma, mut uas, mut las) = (0usize, 0usize, 0usize, 0usize, 0usize);
    for s in data {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let a = model.analyse(&words);
        for (i, w) in s.words.iter().enumerate() {
            n += 1;
            // The analysis has a reading of every word; one without counts
            // as wrong.
            let (Some(&tag), Some(lem), Some(head), Some(&deprel)) = (
                a.upos.get(i),
                a.lemmas.get(i),
                a.heads.get(i),
                a.deprels.get(i),
            ) else {
                continue;
            };
            upos += usize::from(tag == w.upos);
            lemma += usize::from(
                *lem == w.lemma || (w.upos != Upos::Propn && *lem == w.lemma.to_lowercase()),
            );
            let head = head.map_or(0, |h| h + 1);
            if head == w.head {
                uas += 1;
                las += usize::from(model.label(deprel) == w.deprel);
            }
        }
    }
    let pct = |x: usize| 100.0 * x as f64 / n.max(1) as f64;
    Scores {
        words: n,
        upos: pct(upos),
        lemma: pct(lemma),
        uas: pct(uas),
        las: pct(las),
    }
}
