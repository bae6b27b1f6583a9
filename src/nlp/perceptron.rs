//! The averaged perceptron, as trained: sparse rows of (class, weight) per
//! feature, with the running totals that averaging needs. `average` turns it
//! into the compiled, quantised `Weights` that the tagger and parser run on.
//! Training code only: never on the run path.

use super::weights::Weights;
use std::collections::HashMap;

#[derive(Clone, Copy)]
struct Param {
    class: u16,
    weight: f32,
    total: f64,
    stamp: u64,
}

/// A perceptron being trained over `classes` classes.
pub(crate) struct Perceptron {
    classes: usize,
    rows: HashMap<u64, Vec<Param>>,
    instances: u64,
}

impl Perceptron {
    pub fn new(classes: usize) -> Self {
        Perceptron {
            classes,
            rows: HashMap::new(),
            instances: 0,
        }
    }

    /// Current (not averaged) scores of every class.
    pub fn score(&self, features: &[u64], scores: &mut Vec<f32>) {
        scores.clear();
        scores.resize(self.classes, 0.0);
        for f in features {
            if let Some(row) = self.rows.get(f) {
                for p in row {
                    if let Some(s) = scores.get_mut(usize::from(p.class)) {
                        *s += p.weight;
                    }
                }
            }
        }
    }

    /// One training instance: counts towards the average even when no
    /// weight changes.
    pub fn tick(&mut self) {
        self.instances += 1;
    }

    /// Moves weight from `guess` to `truth` on every feature.
    pub fn update(&mut self, truth: usize, guess: usize, features: &[u64]) {
        if truth == guess {
            return;
        }
        let now = self.instances;
        for f in features {
            let row = self.rows.entry(*f).or_default();
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                let class = class as u16;
                let i = match row.iter().position(|p| p.class == class) {
                    Some(i) => i,
                    None => {
                        row.push(Param {
                            class,
                            weight: 0.0,
                            total: 0.0,
                            stamp: now,
                        });
                        row.len() - 1
                    }
                };
                let Some(p) = row.get_mut(i) else { continue };
                p.total += f64::from(p.weight) * (now - p.stamp) as f64;
                p.stamp = now;
                p.weight += delta;
            }
        }
    }

    /// The averaged weights, quantised. Features are taken in key order, so
    /// the same training gives the same bytes.
    pub fn average(&self) -> Weights {
        let now = self.instances.max(1);
        let mut rows: Vec<(u64, &Vec<Param>)> = self.rows.iter().map(|(k, r)| (*k, r)).collect();
        rows.sort_unstable_by_key(|r| r.0);
        let rows: Vec<(u64, Vec<(u16, f32)>)> = rows
            .into_iter()
            .map(|(k, params)| {
                let mut row: Vec<(u16, f32)> = params
                    .iter()
                    .map(|p| {
                        let total = p.total + f64::from(p.weight) * (now - p.stamp) as f64;
                        (p.class, (total / now as f64) as f32)
                    })
                    .collect();
                row.sort_by_key(|e| e.0);
                (k, row)
            })
            .collect();
        Weights::quantise(self.classes, &rows)
    }
}

/// A small deterministic generator for shuffling training data.
pub(crate) struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }

    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}
