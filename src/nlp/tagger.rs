//! Part-of-speech tagging: a greedy left-to-right averaged perceptron over
//! the word, its affixes and shape, its neighbours, and the two tags before
//! it (Collins 2002; the feature set follows Honnibal's well-known tagger).
//! Words seen often with one tag only are tagged from a dictionary.

use super::hash::feature;
use super::perceptron::{Perceptron, Rng};
use super::weights::Weights;
use super::word::WordKey;
use super::{GoldSentence, Upos};
use std::collections::{BTreeMap, HashMap};

pub(crate) struct Tagger {
    pub weights: Weights,
    /// Unambiguous frequent words (by normalised form hash) and their tag.
    pub dictionary: BTreeMap<u64, Upos>,
}

const START: u64 = 101;
const START2: u64 = 102;
const END: u64 = 103;
const END2: u64 = 104;
const NO_TAG: u64 = 17;
const NO_TAG2: u64 = 18;

fn at(keys: &[WordKey], i: isize) -> WordKey {
    match usize::try_from(i).ok().and_then(|i| keys.get(i)) {
        Some(k) => *k,
        None if i < 0 => WordKey::padding(if i == -1 { START } else { START2 }),
        None => WordKey::padding(if i == keys.len() as isize { END } else { END2 }),
    }
}

fn features(keys: &[WordKey], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    let i = i as isize;
    let (w, m1, m2, n1, n2) = (
        at(keys, i),
        at(keys, i - 1),
        at(keys, i - 2),
        at(keys, i + 1),
        at(keys, i + 2),
    );
    let first = u64::from(i == 0);
    out.extend([
        feature(0, 0, 0, 0),
        feature(1, w.norm, 0, 0),
        feature(2, w.exact, 0, 0),
        feature(3, w.suffix1, 0, 0),
        feature(4, w.suffix2, 0, 0),
        feature(5, w.suffix3, 0, 0),
        feature(6, w.suffix4, 0, 0),
        feature(7, w.prefix1, 0, 0),
        feature(8, w.shape, 0, 0),
        feature(9, p1, 0, 0),
        feature(10, p2, 0, 0),
        feature(11, p1, p2, 0),
        feature(12, p1, w.norm, 0),
        feature(13, m1.norm, 0, 0),
        feature(14, m1.suffix3, 0, 0),
        feature(15, m2.norm, 0, 0),
        feature(16, n1.norm, 0, 0),
        feature(17, n1.suffix3, 0, 0),
        feature(18, n2.norm, 0, 0),
        feature(19, m1.shape, w.shape, 0),
        feature(20, w.shape, n1.shape, 0),
        feature(21, first, w.shape, 0),
        feature(22, m1.norm, w.norm, 0),
        feature(23, w.norm, n1.norm, 0),
        feature(24, p1, n1.norm, 0),
        feature(25, n1.exact, 0, 0),
        feature(26, m1.exact, 0, 0),
        feature(27, p1, w.suffix3, 0),
        feature(28, first, w.norm, 0),
    ]);
}

/// Index of the first highest score (0 when there are none).
fn best<T: PartialOrd + Copy>(scores: &[T]) -> usize {
    let Some(&first) = scores.first() else {
        return 0;
    };
    let (mut b, mut top) = (0, first);
    for (i, &s) in scores.iter().enumerate() {
        if s > top {
            b = i;
            top = s;
        }
    }
    b
}

impl Tagger {
    /// Tags of a sentence's words.
    pub fn tag(&self, keys: &[WordKey]) -> Vec<Upos> {
        let mut out: Vec<Upos> = Vec::with_capacity(keys.len());
        let mut feats = Vec::with_capacity(32);
        let mut scores = vec![0i32; self.weights.classes()];
        for (i, key) in keys.iter().enumerate() {
            let tag = match self.dictionary.get(&key.norm) {
                Some(t) => *t,
                None => {
                    let (p1, p2) = previous(&out);
                    features(keys, i, p1, p2, &mut feats);
                    scores.iter_mut().for_each(|s| *s = 0);
                    self.weights.score(&feats, &mut scores);
                    Upos::from_index(best(&scores))
                }
            };
            out.push(tag);
        }
        out
    }

    /// Trains a tagger on gold sentences.
    pub fn train(data: &[GoldSentence], epochs: usize, seed: u64) -> Tagger {
        let dictionary = dictionary(data);
        let keyed: Vec<Vec<WordKey>> = data
            .iter()
            .map(|s| s.words.iter().map(|w| WordKey::new(&w.form)).collect())
            .collect();
        let mut model = Perceptron::new(Upos::ALL.len());
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = Rng::new(seed);
        let mut feats = Vec::with_capacity(32);
        let mut scores = Vec::new();
        for _ in 0..epochs {
            rng.shuffle(&mut order);
            for &k in &order {
                let (Some(sentence), Some(keys)) = (data.get(k), keyed.get(k)) else {
                    continue;
                };
                let mut tags: Vec<Upos> = Vec::with_capacity(keys.len());
                for (i, (w, key)) in sentence.words.iter().zip(keys).enumerate() {
                    let guess = match dictionary.get(&key.norm) {
                        Some(t) => *t,
                        None => {
                            let (p1, p2) = previous(&tags);
                            features(keys, i, p1, p2, &mut feats);
                            model.score(&feats, &mut scores);
                            let g = best(&scores);
                            model.tick();
                            model.update(w.upos.index(), g, &feats);
                            Upos::from_index(g)
                        }
                    };
                    tags.push(guess);
                }
            }
        }
        Tagger {
            weights: model.average(),
            dictionary,
        }
    }
}

fn previous(tags: &[Upos]) -> (u64, u64) {
    let n = tags.len();
    let t = |k: Option<usize>, none: u64| {
        k.and_then(|k| tags.get(k))
            .map_or(none, |t| t.index() as u64)
    };
    (t(n.checked_sub(1), NO_TAG), t(n.checked_sub(2), NO_TAG2))
}

/// Words seen at least 20 times, 99% of them with one tag.
fn dictionary(data: &[GoldSentence]) -> BTreeMap<u64, Upos> {
    let mut counts: HashMap<u64, BTreeMap<Upos, usize>> = HashMap::new();
    for s in data {
        for w in &s.words {
            *counts
                .entry(WordKey::new(&w.form).norm)
                .or_default()
                .entry(w.upos)
                .or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(k, tags)| {
            let n: usize = tags.values().sum();
            let (t, c) = tags
                .iter()
                .max_by_key(|(t, c)| (**c, std::cmp::Reverse(**t)))?;
            (n >= 20 && *c as f64 / n as f64 >= 0.99).then_some((k, *t))
        })
        .collect()
}
