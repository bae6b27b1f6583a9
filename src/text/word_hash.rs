//! A quick hash for sets of words looked up several times per sentence.
//! std's SipHash guards a long-running service against keys chosen to
//! collide; a run over files on disk has no such caller, and SipHash cost
//! more than the lookups it served. Iteration order is never relied on
//! (std's order differs from run to run already).

use std::hash::{BuildHasherDefault, Hasher};

/// An odd multiplier with well-spread bits (as FxHash uses).
const K: u64 = 0x517c_c1b7_2722_0a95;

/// Folds eight bytes at a time into the state with one multiplication.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let (chunks, rest) = bytes.as_chunks::<8>();
        for c in chunks {
            self.add(u64::from_le_bytes(*c));
        }
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            for (d, s) in last.iter_mut().zip(rest) {
                *d = *s;
            }
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A set of words hashed with `WordHasher`.
pub type WordSet = std::collections::HashSet<String, BuildHasherDefault<WordHasher>>;

/// A set hashed with `WordHasher` (keys read from the run's own files).
pub type QuickSet<T> = std::collections::HashSet<T, BuildHasherDefault<WordHasher>>;

/// A map hashed with `WordHasher` (keys read from the run's own files).
pub type QuickMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<WordHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_that_differ_in_their_tail_hash_apart() {
        let set: WordSet = ["electric", "electrics", "car", "cars", ""]
            .iter()
            .map(|w| w.to_string())
            .collect();
        assert_eq!(set.len(), 5);
        assert!(set.contains("cars") && !set.contains("ca"));
    }
}
