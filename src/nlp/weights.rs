//! Compiled perceptron weights: an open-addressing table from feature key
//! to a run of (class, weight) entries, weights as 16-bit integers. Scores
//! are integer sums, so decoding needs no floating point, and the model
//! file is 20 MB (12 MB of it slot tables at most half full).
//!
//! Decoding is bound by memory, not arithmetic: a slot holds its key and
//! where its entries are, and entries hold class and weight side by side,
//! so one feature costs two cache lines at most.
//!
//! The tables are held as the model file writes them: little-endian arrays
//! of fixed-width records, the slots already placed. Reading the compiled-in
//! model is a view over its bytes (no table is rebuilt at start-up, and a
//! run touches only the pages its features land on); values are read with
//! `from_le_bytes`, so no array needs any alignment.

use super::bytes::{Bytes, Reader, Writer};
use std::borrow::Cow;

/// Eight bytes: the high half of the feature key (its low bits chose the
/// slot), and the row's start in `entries` (low 24 bits) with its length
/// (high 8 bits). Held as one little-endian u64, tag in the low half.
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
    #[inline]
    fn of(b: [u8; SLOT]) -> Slot {
        let v = u64::from_le_bytes(b);
        Slot {
            tag: v as u32,
            row: (v >> 32) as u32,
        }
    }
    fn bytes(self) -> [u8; SLOT] {
        (u64::from(self.tag) | u64::from(self.row) << 32).to_le_bytes()
    }
}

/// Bytes of a slot, of an entry (class, then weight as i16), of a dense
/// group (`LANES * GROUP` weights as i32), of a dense row's former `row`
/// (u32) and of a key (u64).
const SLOT: usize = 8;
const ENTRY: usize = 3;
const GROUP_BYTES: usize = 4 * LANES * GROUP;
const DENSE_ROW: usize = 4;
const KEY: usize = 8;

/// A row with at least `classes / DENSE_SHARE` entries is also held as a
/// weight for every class, added without looking at classes: one pass over
/// the scores costs less than a lookup per entry.
const DENSE_SHARE: usize = 4;

/// Classes a dense row adds in one step: rows are padded to a multiple, so
/// adding one is whole vector additions with no tail.
const LANES: usize = 8;

/// Lanes of every dense row added in one pass over the rows (dense rows
/// are padded to whole groups): a group's sums fit in vector registers.
const GROUP: usize = 4;

/// A score for every class a table can have (classes are bytes, so a
/// class indexes it with no bounds check).
type Sums = [i32; 256];

/// The part of a key a slot keeps (never 0, which marks an empty slot).
fn tag_of(key: u64) -> u32 {
    ((key >> 32) as u32).max(1)
}

/// Puts `slot` in the first empty place from `key`'s home in a
/// power-of-two table (linear probing); false for a table with no places.
/// Tables have at least twice as many places as the rows put in them
/// (however many rows a model file claims; see `places`), so an empty
/// place is always found.
#[inline]
fn place(slots: &mut [Slot], key: u64, slot: Slot) -> bool {
    let mask = slots.len().wrapping_sub(1);
    let mut i = (key as usize) & mask;
    while let Some(s) = slots.get_mut(i) {
        if s.tag == 0 {
            *s = slot;
            return true;
        }
        i = (i + 1) & mask;
    }
    false
}

/// Places in a table for `rows` rows: a power of two at least twice as
/// large, so at most half full. Every feature of a decision is looked up,
/// a quarter of them in vain, and a lookup in vain walks to the next empty
/// place: fuller tables cost a probe more per feature.
fn places(rows: usize) -> usize {
    (2 * rows).next_power_of_two().max(16)
}

/// The class and weight of an entry.
#[inline]
fn entry(e: [u8; ENTRY]) -> (u8, i16) {
    let [class, lo, hi] = e;
    (class, i16::from_le_bytes([lo, hi]))
}

pub(crate) struct Weights {
    classes: usize,
    /// Power-of-two table of slots.
    slots: Bytes,
    /// Every row's entries, rows in key order.
    entries: Bytes,
    /// Rows held dense, `classes` weights each padded with zeros to whole
    /// groups; their slots point here.
    dense: Bytes,
    /// The `row` of each dense row's slot before it pointed to `dense`.
    dense_rows: Bytes,
    /// The full keys in row order, for writing the model back out.
    keys: Bytes,
}

impl Weights {
    fn slots(&self) -> &[[u8; SLOT]] {
        self.slots.as_chunks().0
    }
    fn entries(&self) -> &[[u8; ENTRY]] {
        self.entries.as_chunks().0
    }
    fn dense(&self) -> &[[u8; GROUP_BYTES]] {
        self.dense.as_chunks().0
    }
    fn dense_rows(&self) -> &[[u8; DENSE_ROW]] {
        self.dense_rows.as_chunks().0
    }
    fn keys(&self) -> &[[u8; KEY]] {
        self.keys.as_chunks().0
    }

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
        let mut slots = vec![Slot::default(); places(rows.len())];
        let mut entries: Vec<u8> = Vec::new();
        let mut keys: Vec<u8> = Vec::with_capacity(KEY * rows.len());
        let mut n = 0usize;
        for (key, row) in rows {
            if n + row.len() >= 1 << 24 || row.len() > 255 {
                break;
            }
            let slot = Slot {
                tag: tag_of(key),
                row: n as u32 | (row.len() as u32) << 24,
            };
            if !place(&mut slots, key, slot) {
                break;
            }
            keys.extend_from_slice(&key.to_le_bytes());
            n += row.len();
            for (class, value) in row {
                entries.push(class as u8);
                entries.extend_from_slice(&value.to_le_bytes());
            }
        }
        let (dense, dense_rows) = densify(classes, &mut slots, entries.as_chunks().0);
        Weights {
            classes,
            slots: Cow::Owned(slots.iter().flat_map(|s| s.bytes()).collect()),
            entries: Cow::Owned(entries),
            dense: Cow::Owned(dense),
            dense_rows: Cow::Owned(dense_rows),
            keys: Cow::Owned(keys),
        }
    }

    /// A slot as it was before its row was held dense.
    fn sparse(&self, s: Slot) -> Slot {
        match s.len() {
            0 => Slot {
                tag: s.tag,
                row: self
                    .dense_rows()
                    .get(s.start())
                    .map_or(0, |b| u32::from_le_bytes(*b)),
            },
            _ => s,
        }
    }

    /// Rows in key order (the order they were stored in) with their keys.
    fn rows(&self) -> Vec<(u64, &[[u8; ENTRY]])> {
        let mut filled: Vec<Slot> = self
            .slots()
            .iter()
            .map(|&b| Slot::of(b))
            .filter(|s| s.tag != 0)
            .map(|s| self.sparse(s))
            .collect();
        filled.sort_by_key(|s| s.start());
        self.keys()
            .iter()
            .zip(filled)
            .map(|(k, s)| (u64::from_le_bytes(*k), self.row(s)))
            .collect()
    }

    fn row(&self, s: Slot) -> &[[u8; ENTRY]] {
        self.entries()
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
                    .map(|&e| entry(e))
                    .filter(|e| e.1.unsigned_abs() >= min.unsigned_abs())
                    .map(|(c, v)| (u16::from(c), v))
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
        let (slots, entries, dense_groups) = (self.slots(), self.entries(), self.dense());
        let mask = slots.len().wrapping_sub(1);
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
                while let Some(&b) = slots.get(i) {
                    let s = Slot::of(b);
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
                for &e in entries
                    .get(s.start()..s.start() + s.len())
                    .unwrap_or_default()
                {
                    let (class, value) = entry(e);
                    if let Some(x) = sums.get_mut(usize::from(class)) {
                        *x += i32::from(value);
                    }
                }
            }
            // Dense rows a group of lanes at a time: the group's sums stay
            // in registers across all the rows (integer sums, so the order
            // of the additions changes nothing).
            let outs = sums.as_chunks_mut::<{ LANES * GROUP }>().0;
            for (g, out) in outs.iter_mut().take(groups).enumerate() {
                let mut acc = [0i32; LANES * GROUP];
                for &at in dense.get(..nd).unwrap_or_default() {
                    let Some(ws) = dense_groups.get(at + g) else {
                        continue;
                    };
                    for (a, w) in acc.iter_mut().zip(ws.as_chunks::<4>().0) {
                        *a += i32::from_le_bytes(*w);
                    }
                }
                for (o, a) in out.iter_mut().zip(acc) {
                    *o += a;
                }
            }
        }
        for (x, s) in scores.iter_mut().zip(&sums) {
            *x += s;
        }
    }

    /// How many features and entries the table holds.
    pub fn size(&self) -> (usize, usize) {
        (self.keys().len(), self.entries().len())
    }

    /// The class count, the record counts of the arrays, then the arrays
    /// as they are held: slots, entries, dense groups, dense rows' former
    /// `row`s, keys.
    pub fn write(&self, w: &mut Writer) {
        w.u32(self.classes as u32);
        w.u32(self.slots().len() as u32);
        w.u32(self.entries().len() as u32);
        w.u32(self.dense_rows().len() as u32);
        w.u32(self.keys().len() as u32);
        for a in [
            &self.slots,
            &self.entries,
            &self.dense,
            &self.dense_rows,
            &self.keys,
        ] {
            w.bytes(a);
        }
    }

    /// Reads a table written by `write`; `keep` holds on to an array's
    /// bytes (a view of the compiled-in model, a copy of any other).
    /// Only the shape is checked (`check` reads every record): the
    /// counts, the array lengths, and that the table has an empty place,
    /// which ends every lookup. Whatever the records hold, a lookup reads
    /// within the arrays, so a damaged table gives wrong scores, never a
    /// panic or a hang.
    pub fn read<'a>(r: &mut Reader<'a>, keep: fn(&'a [u8]) -> Bytes) -> Result<Weights, String> {
        let classes = r.u32()? as usize;
        if classes == 0 || classes > 255 {
            return Err("bad class count".into());
        }
        let [slots, entries, dense_rows, keys] =
            [r.u32()?, r.u32()?, r.u32()?, r.u32()?].map(|n| n as usize);
        if keys > 1 << 26 || slots != places(keys) || entries >= 1 << 24 || dense_rows > keys {
            return Err("bad table size".into());
        }
        let groups = classes.div_ceil(LANES * GROUP);
        let mut array = |n: usize, width: usize| {
            let len = n.checked_mul(width).ok_or("bad table size")?;
            r.bytes(len).map(keep)
        };
        let w = Weights {
            classes,
            slots: array(slots, SLOT)?,
            entries: array(entries, ENTRY)?,
            dense: array(dense_rows * groups, GROUP_BYTES)?,
            dense_rows: array(dense_rows, DENSE_ROW)?,
            keys: array(keys, KEY)?,
        };
        // A table at most half full finds an empty place within a few.
        if !w.slots().iter().any(|&b| Slot::of(b).tag == 0) {
            return Err("model table is full".into());
        }
        Ok(w)
    }

    /// Every record of a table read from a file: each filled slot points
    /// to a row of entries (or to a dense row that does), every class is
    /// below the class count, and the keys, one per filled slot, are in
    /// increasing order.
    pub fn check(&self) -> Result<(), String> {
        let mut filled = 0;
        for &b in self.slots() {
            let s = Slot::of(b);
            if s.tag == 0 {
                continue;
            }
            filled += 1;
            let s = self.sparse(s);
            if s.len() == 0 || s.start() + s.len() > self.entries().len() {
                return Err("bad model row".into());
            }
            if self
                .row(s)
                .iter()
                .any(|&e| usize::from(entry(e).0) >= self.classes)
            {
                return Err("bad class".into());
            }
        }
        if filled != self.keys().len() {
            return Err("model keys do not match the table".into());
        }
        let keys = self.keys().iter().map(|&k| u64::from_le_bytes(k));
        if keys.clone().zip(keys.skip(1)).any(|(a, b)| a >= b) {
            return Err("model rows out of order".into());
        }
        Ok(())
    }

    /// Reads a table in the first model format (`XCKNLP01`: rows in key
    /// order, each its key, entry count and entries) and places its rows
    /// as training does. Only for converting an old model file.
    pub fn read_v1(r: &mut Reader) -> Result<Weights, String> {
        let classes = r.u32()? as usize;
        if classes == 0 || classes > 255 {
            return Err("bad class count".into());
        }
        let n = r.u32()? as usize;
        if n > 1 << 26 {
            return Err("bad table size".into());
        }
        let mut rows = Vec::new();
        let (mut last, mut total) = (0u64, 0usize);
        for _ in 0..n {
            let key = r.u64()?;
            if key <= last {
                return Err("model rows out of order".into());
            }
            last = key;
            let len = usize::from(r.u8()?);
            if len == 0 {
                return Err("empty model row".into());
            }
            total += len;
            if total >= 1 << 24 {
                return Err("model table too large".into());
            }
            let mut row = Vec::with_capacity(len);
            for &e in r.bytes(ENTRY * len)?.as_chunks::<ENTRY>().0 {
                let (class, value) = entry(e);
                if usize::from(class) >= classes {
                    return Err("bad class".into());
                }
                row.push((u16::from(class), value));
            }
            rows.push((key, row));
        }
        Ok(Weights::from_rows(classes, rows))
    }
}

/// Holds the rows with many entries dense as well: their weights for
/// every class go to the dense groups (returned with the rows' former
/// `row`s), and their slots point there.
fn densify(classes: usize, slots: &mut [Slot], entries: &[[u8; ENTRY]]) -> (Vec<u8>, Vec<u8>) {
    let width = classes.div_ceil(LANES * GROUP) * LANES * GROUP;
    let (mut dense, mut dense_rows) = (Vec::new(), Vec::new());
    let mut count = 0u32;
    for slot in slots.iter_mut() {
        let s = *slot;
        if s.tag == 0 || s.len() * DENSE_SHARE < classes {
            continue;
        }
        let mut weights = vec![0i32; width];
        for &e in entries
            .get(s.start()..s.start() + s.len())
            .unwrap_or_default()
        {
            let (class, value) = entry(e);
            if let Some(x) = weights.get_mut(usize::from(class)) {
                *x += i32::from(value);
            }
        }
        slot.row = count;
        count += 1;
        dense_rows.extend_from_slice(&s.row.to_le_bytes());
        dense.extend(weights.iter().flat_map(|w| w.to_le_bytes()));
    }
    (dense, dense_rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(b: &[u8]) -> Bytes {
        Cow::Owned(b.to_vec())
    }

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
        assert!(!w.dense_rows().is_empty());
        w.check().unwrap();
        let features: Vec<u64> = rows.iter().map(|r| r.0).chain([12345]).collect();
        let mut scores = vec![0i32; classes];
        w.score(&features, &mut scores);
        let mut naive = vec![0i32; classes];
        for (_, row) in w.rows() {
            for &e in row {
                let (c, v) = entry(e);
                naive[usize::from(c)] += i32::from(v);
            }
        }
        assert_eq!(scores, naive);
        let mut out = Writer::default();
        w.write(&mut out);
        let again = Weights::read(&mut Reader::new(&out.0), owned).unwrap();
        again.check().unwrap();
        let mut out2 = Writer::default();
        again.write(&mut out2);
        assert_eq!(out.0, out2.0);

        // The first format (rows in key order) reads into the same table.
        let mut v1 = Writer::default();
        v1.u32(classes as u32);
        let rows = w.rows();
        v1.u32(rows.len() as u32);
        for (key, row) in rows {
            v1.u64(key);
            v1.bytes(&[row.len() as u8]);
            for e in row {
                v1.bytes(e);
            }
        }
        let old = Weights::read_v1(&mut Reader::new(&v1.0)).unwrap();
        let mut out3 = Writer::default();
        old.write(&mut out3);
        assert_eq!(out.0, out3.0);
    }

    #[test]
    fn a_damaged_table_is_an_error() {
        let rows = vec![
            (5u64 << 40, vec![(1u16, 7i16)]),
            (9u64 << 40, vec![(0, -3)]),
        ];
        let w = Weights::from_rows(2, rows);
        let mut out = Writer::default();
        w.write(&mut out);
        // Every slot filled: a lookup would never end.
        let mut full = out.0.clone();
        for b in &mut full[20..20 + 16 * SLOT] {
            *b = 1;
        }
        assert!(Weights::read(&mut Reader::new(&full), owned).is_err());
        // A class past the class count.
        let mut bad = out.0.clone();
        let at = 20 + 16 * SLOT;
        bad[at] = 9;
        let w = Weights::read(&mut Reader::new(&bad), owned).unwrap();
        assert_eq!(w.check(), Err("bad class".to_string()));
    }
}
