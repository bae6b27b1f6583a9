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
            // The tail as a little-endian number, zero above it (as
            // `from_le_bytes` of it padded with zeros), without a copy.
            let last = rest
                .iter()
                .rev()
                .fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
            self.add(last);
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

    #[test]
    fn a_tail_hashes_as_its_bytes_padded_with_zeros() {
        for tail in ["a", "car", "electri", "é"] {
            let mut padded = [0u8; 8];
            padded[..tail.len()].copy_from_slice(tail.as_bytes());
            let (mut by_tail, mut by_padded) = (WordHasher::default(), WordHasher::default());
            by_tail.write(tail.as_bytes());
            by_padded.add(u64::from_le_bytes(padded));
            assert_eq!(by_tail.finish(), by_padded.finish(), "{tail:?}");
        }
    }
}
