//! Compiled perceptron weights: an open-addressing table from feature key
//! to a run of (class, weight) entries, weights as 16-bit integers. Scores
//! are integer sums, so decoding needs no floating point and the model file
//! is a few MB.
//!
//! Decoding is bound by memory, not arithmetic: a slot holds its key and
//! where its entries are, and entries hold class and weight side by side,
//! so one feature costs two cache lines at most.

use super::bytes::{Reader, Writer};

/// Eight bytes: the high half of the feature key (its low bits chose the
/// slot), and the row's start in `entries` (low 24 bits) with its length
/// (high 8 bits).
#[derive(Clone, Copy, Default)]
struct Slot {
    /// 0 marks an empty slot.
    tag: u32,
    row: u32,
}

impl Slot {
    fn start(self) -> usize {
        (self.row & 0x00ff_ffff) as usize
    }
    /// 0 for a row held dense (then `start` is its index in `dense`).
    fn len(self) -> usize {
        (self.row >> 24) as usize
    }
}

/// A row with at least `classes / DENSE_SHARE` entries is also held as a
/// weight for every class, added without looking at classes: one pass over
/// the scores costs less than a lookup per entry.
const DENSE_SHARE: usize = 4;

/// Classes a dense row adds in one step: rows are padded to a multiple, so
/// adding one is whole vector additions with no tail.
const LANES: usize = 8;
type Lane = [i32; LANES];

/// Lanes of every dense row added in one pass over the rows (dense rows
/// are padded to whole groups): a group's sums fit in vector registers.
const GROUP: usize = 4;

/// Aligned as vector registers are (measured: fewer instructions to add a
/// group than with the lanes' own alignment).
#[derive(Clone, Copy)]
#[repr(C, align(16))]
struct Group([Lane; GROUP]);

/// A score for every class a table can have (classes are bytes, so a
/// class indexes it with no bounds check).
type Sums = [i32; 256];

/// The part of a key a slot keeps (never 0, which marks an empty slot).
fn tag_of(key: u64) -> u32 {
    ((key >> 32) as u32).max(1)
}

/// Puts `slot` in the first empty place from `key`'s home in a
/// power-of-two table (linear probing) and says which; `None` for a table
/// with no places. Tables have at least twice as many places as the rows
/// put in them (however many rows a model file claims; see `places`), so
/// an empty place is always found.
#[inline]
fn place(slots: &mut [Slot], key: u64, slot: Slot) -> Option<usize> {
    let mask = slots.len().wrapping_sub(1);
    let mut i = (key as usize) & mask;
    while let Some(s) = slots.get_mut(i) {
        if s.tag == 0 {
            *s = slot;
            return Some(i);
        }
        i = (i + 1) & mask;
    }
    None
}

/// Places in a table for `rows` rows: a power of two at least twice as
/// large, so at most half full. Every feature of a decision is looked up,
/// a quarter of them in vain, and a lookup in vain walks to the next empty
/// place: fuller tables cost a probe more per feature.
fn places(rows: usize) -> usize {
    (2 * rows).next_power_of_two().max(16)
}

#[derive(Clone, Copy)]
struct Entry {
    class: u8,
    value: i16,
}

pub(crate) struct Weights {
    classes: usize,
    /// Power-of-two table.
    slots: Vec<Slot>,
    entries: Vec<Entry>,
    /// Rows held dense, `classes` weights each padded with zeros to whole
    /// groups; their slots point here.
    dense: Vec<Group>,
    /// The `row` of each dense row's slot before it pointed to `dense`.
    dense_rows: Vec<u32>,
    /// The full keys in row order, for writing the model back out.
    keys: Vec<u64>,
}

impl Weights {
    /// Quantises averaged rows (sorted by key) into a table. Entries that
    /// round to zero are dropped, and features left with none.
    pub fn quantise(classes: usize, rows: &[(u64, Vec<(u16, f32)>)]) -> Weights {
        let max = rows
            .iter()
            .flat_map(|(_, r)| r.iter().map(|e| e.1.abs()))
            .fold(0.0f32, f32::max);
        // The largest weight maps to 32,000; weights below 1/32,000 of it
        // round to zero and are dropped.
        let scale = if max > 0.0 { 32_000.0 / max } else { 1.0 };
        let kept: Vec<(u64, Vec<(u16, i16)>)> = rows
            .iter()
            .filter_map(|(k, r)| {
                let q: Vec<(u16, i16)> = r
                    .iter()
                    .map(|&(c, w)| (c, (w * scale).round().clamp(-32767.0, 32767.0) as i16))
                    .filter(|e| e.1 != 0)
                    .collect();
                (!q.is_empty()).then_some((*k, q))
            })
            .collect();
        Weights::from_rows(classes, kept)
    }

    /// A table of rows sorted by key. Rows past what a slot can address
    /// (16M entries, 255 classes a row) are never produced by training.
    fn from_rows(classes: usize, rows: Vec<(u64, Vec<(u16, i16)>)>) -> Weights {
        let cap = places(rows.len());
        let mut w = Weights {
            classes,
            slots: vec![Slot::default(); cap],
            entries: Vec::new(),
            dense: Vec::new(),
            dense_rows: Vec::new(),
            keys: Vec::with_capacity(rows.len()),
        };
        for (key, row) in rows {
            if w.entries.len() + row.len() >= 1 << 24 || row.len() > 255 {
                break;
            }
            let slot = Slot {
                tag: tag_of(key),
                row: w.entries.len() as u32 | (row.len() as u32) << 24,
            };
            if place(&mut w.slots, key, slot).is_none() {
                break;
            }
            w.keys.push(key);
            w.entries
                .extend(row.into_iter().map(|(class, value)| Entry {
                    class: class as u8,
                    value,
                }));
        }
        w.densify();
        w
    }

    /// Holds the rows with many entries dense as well.
    fn densify(&mut self) {
        let dense: Vec<usize> = (0..self.slots.len())
            .filter(|&i| self.slots.get(i).is_some_and(|&s| self.is_dense(s)))
            .collect();
        self.densify_at(&dense);
    }

    /// Whether a filled slot's row is to be held dense.
    fn is_dense(&self, s: Slot) -> bool {
        s.tag != 0 && s.len() * DENSE_SHARE >= self.classes
    }

    /// Holds the rows of the slots at `at` (rising places, each to be held
    /// dense) dense as well.
    fn densify_at(&mut self, at: &[usize]) {
        let groups = self.groups();
        self.dense.reserve(at.len() * groups);
        self.dense_rows.reserve(at.len());
        for &i in at {
            let Some(&s) = self.slots.get(i) else {
                continue;
            };
            let base = self.dense.len();
            self.dense
                .resize(base + groups, Group([[0i32; LANES]; GROUP]));
            let row = self
                .entries
                .get(s.start()..s.start() + s.len())
                .unwrap_or_default();
            for e in row {
                let c = usize::from(e.class);
                let group = self.dense.get_mut(base + c / (LANES * GROUP));
                if let Some(x) =
                    group.and_then(|g| g.0.as_flattened_mut().get_mut(c % (LANES * GROUP)))
                {
                    *x += i32::from(e.value);
                }
            }
            if let Some(slot) = self.slots.get_mut(i) {
                slot.row = self.dense_rows.len() as u32;
            }
            self.dense_rows.push(s.row);
        }
    }

    /// A slot as it was before its row was held dense.
    fn sparse(&self, s: Slot) -> Slot {
        match s.len() {
            0 => Slot {
                tag: s.tag,
                row: self.dense_rows.get(s.start()).copied().unwrap_or(0),
            },
            _ => s,
        }
    }

    /// Rows in key order (the order they were stored in) with their keys.
    fn rows(&self) -> Vec<(u64, &[Entry])> {
        let mut filled: Vec<Slot> = self
            .slots
            .iter()
            .filter(|s| s.tag != 0)
            .map(|&s| self.sparse(s))
            .collect();
        filled.sort_by_key(|s| s.start());
        self.keys
            .iter()
            .zip(filled)
            .map(|(k, s)| (*k, self.row(s)))
            .collect()
    }

    fn row(&self, s: Slot) -> &[Entry] {
        self.entries
            .get(s.start()..s.start() + s.len())
            .unwrap_or_default()
    }

    /// Drops the entries whose magnitude is below `min` (in quantised
    /// units) and the features left with none; the rest keep their values.
    pub fn prune(&self, min: i16) -> Weights {
        let rows: Vec<(u64, Vec<(u16, i16)>)> = self
            .rows()
            .into_iter()
            .filter_map(|(key, row)| {
                let row: Vec<(u16, i16)> = row
                    .iter()
                    .filter(|e| e.value.unsigned_abs() >= min.unsigned_abs())
                    .map(|e| (u16::from(e.class), e.value))
                    .collect();
                (!row.is_empty()).then_some((key, row))
            })
            .collect();
        Weights::from_rows(self.classes, rows)
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Groups of a dense row.
    fn groups(&self) -> usize {
        self.classes.div_ceil(LANES * GROUP)
    }

    /// Adds the weights of every feature to `scores` (one per class).
    pub fn score(&self, features: &[u64], scores: &mut [i32]) {
        // Find every feature's row first, then add them up: the table is
        // far larger than the caches, and lookups that do not wait on the
        // additions overlap their memory loads.
        let mask = self.slots.len().wrapping_sub(1);
        let groups = self.groups();
        let mut sums: Sums = [0; 256];
        // Where each dense row starts in `dense`, and the sparse rows.
        let mut dense = [0usize; 128];
        let mut sparse = [Slot::default(); 128];
        for chunk in features.chunks(dense.len()) {
            let (mut nd, mut ns) = (0, 0);
            for &f in chunk {
                let tag = tag_of(f);
                let mut i = (f as usize) & mask;
                while let Some(&s) = self.slots.get(i) {
                    if s.tag == tag {
                        if s.len() == 0 {
                            if let Some(d) = dense.get_mut(nd) {
                                *d = s.start() * groups;
                                nd += 1;
                            }
                        } else if let Some(r) = sparse.get_mut(ns) {
                            *r = s;
                            ns += 1;
                        }
                        break;
                    }
                    if s.tag == 0 {
                        break;
                    }
                    i = (i + 1) & mask;
                }
            }
            for &s in sparse.iter().take(ns) {
                for e in self.row(s) {
                    if let Some(x) = sums.get_mut(usize::from(e.class)) {
                        *x += i32::from(e.value);
                    }
                }
            }
            // Dense rows a group of lanes at a time: the group's sums stay
            // in registers across all the rows (integer sums, so the order
            // of the additions changes nothing).
            let outs = sums.as_chunks_mut::<LANES>().0.as_chunks_mut::<GROUP>().0;
            for (g, out) in outs.iter_mut().take(groups).enumerate() {
                let mut acc = [[0i32; LANES]; GROUP];
                for &at in dense.get(..nd).unwrap_or_default() {
                    let Some(ws) = self.dense.get(at + g) else {
                        continue;
                    };
                    for (a, w) in acc.iter_mut().zip(&ws.0) {
                        for (a, w) in a.iter_mut().zip(w) {
                            *a += w;
                        }
                    }
                }
                for (o, a) in out.iter_mut().zip(acc) {
                    for (o, a) in o.iter_mut().zip(a) {
                        *o += a;
                    }
                }
            }
        }
        for (x, s) in scores.iter_mut().zip(&sums) {
            *x += s;
        }
    }

    /// How many features and entries the table holds.
    pub fn size(&self) -> (usize, usize) {
        (self.keys.len(), self.entries.len())
    }

    /// Rows in key order: key, entry count, then (class, weight) entries.
    /// Slots are not stored: reading inserts the rows in the same order,
    /// which rebuilds the same table.
    pub fn write(&self, w: &mut Writer) {
        w.u32(self.classes as u32);
        let rows = self.rows();
        w.u32(rows.len() as u32);
        for (key, row) in rows {
            w.u64(key);
            w.u8(row.len() as u8);
            for e in row {
                w.u8(e.class);
                w.i16(e.value);
            }
        }
    }

    pub fn read(r: &mut Reader) -> Result<Weights, String> {
        const TRUNCATED: &str = "model file is truncated";
        let classes = r.u32()? as usize;
        if classes == 0 || classes > 255 {
            return Err("bad class count".into());
        }
        let n = r.u32()? as usize;
        if n > 1 << 26 {
            return Err("bad table size".into());
        }
        // Rows are read from the bytes in place (key, entry count, then
        // class and weight of each entry), straight into the table: decoding
        // is the start-up cost of every run that reads a sentence.
        let bytes = r.rest();
        // The entries of the rows the file holds, for one allocation.
        let (mut total, mut at) = (0usize, 0usize);
        for _ in 0..n {
            let Some(&len) = bytes.get(at + 8) else {
                break;
            };
            total += usize::from(len);
            at += 9 + 3 * usize::from(len);
        }
        let cap = places(n);
        let mut w = Weights {
            classes,
            slots: vec![Slot::default(); cap],
            entries: Vec::with_capacity(total.min(1 << 24)),
            dense: Vec::new(),
            dense_rows: Vec::new(),
            keys: Vec::with_capacity(n),
        };
        // The places of the rows to hold dense.
        let mut dense = Vec::new();
        let mut last = 0u64;
        let mut at = 0usize;
        for _ in 0..n {
            let key = bytes
                .get(at..)
                .and_then(|b| b.first_chunk::<8>())
                .map(|k| u64::from_le_bytes(*k))
                .ok_or(TRUNCATED)?;
            if key <= last {
                return Err("model rows out of order".into());
            }
            last = key;
            let len = usize::from(*bytes.get(at + 8).ok_or(TRUNCATED)?);
            // Training drops features left with no weight; a slot of no
            // entries marks a row held dense.
            if len == 0 {
                return Err("empty model row".into());
            }
            let start = w.entries.len();
            if start + len >= 1 << 24 {
                return Err("model table too large".into());
            }
            let row = bytes.get(at + 9..at + 9 + 3 * len).ok_or(TRUNCATED)?;
            // A row's entries: class byte, then weight.
            let (row, _) = row.as_chunks::<3>();
            if row
                .iter()
                .any(|&[class, _, _]| usize::from(class) >= classes)
            {
                return Err("bad class".into());
            }
            w.entries.extend(row.iter().map(|&[class, lo, hi]| Entry {
                class,
                value: i16::from_le_bytes([lo, hi]),
            }));
            let slot = Slot {
                tag: tag_of(key),
                row: start as u32 | (len as u32) << 24,
            };
            let Some(i) = place(&mut w.slots, key, slot) else {
                return Err("model table is full".into());
            };
            if w.is_dense(slot) {
                dense.push(i);
            }
            w.keys.push(key);
            at += 9 + 3 * len;
        }
        r.skip(at);
        // In the order of their places, as `densify` holds them.
        dense.sort_unstable();
        w.densify_at(&dense);
        Ok(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dense_and_sparse_rows_score_alike_and_write_back_the_same() {
        let classes = 8;
        // Row lengths 1 to 8: the longer ones are held dense.
        let rows: Vec<(u64, Vec<(u16, f32)>)> = (1..=8u64)
            .map(|k| {
                let key = k.wrapping_mul(0x9e37_79b9_7f4a_7c15);
                let row = (0..k as u16)
                    .map(|c| ((c * 3) % 8, f32::from(c) - 2.5))
                    .collect();
                (key, row)
            })
            .collect();
        let mut sorted = rows.clone();
        sorted.sort_by_key(|r| r.0);
        let w = Weights::quantise(classes, &sorted);
        assert!(!w.dense_rows.is_empty());
        let features: Vec<u64> = rows.iter().map(|r| r.0).chain([12345]).collect();
        let mut scores = vec![0i32; classes];
        w.score(&features, &mut scores);
        let mut naive = vec![0i32; classes];
        for (_, row) in w.rows() {
            for e in row {
                naive[usize::from(e.class)] += i32::from(e.value);
            }
        }
        assert_eq!(scores, naive);
        let mut out = Writer::default();
        w.write(&mut out);
        let again = Weights::read(&mut Reader::new(&out.0)).unwrap();
        let mut out2 = Writer::default();
        again.write(&mut out2);
        assert_eq!(out.0, out2.0);
    }
}
