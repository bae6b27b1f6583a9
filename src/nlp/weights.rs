//! Compiled perceptron weights: an open-addressing table from feature key
//! to a run of (class, weight) entries, weights as 16-bit integers. Scores
//! are integer sums, so decoding needs no floating point and the model file
//! is a few MB.

use super::bytes::{Reader, Writer};

pub(crate) struct Weights {
    classes: usize,
    /// Power-of-two table; 0 is an empty slot.
    keys: Vec<u64>,
    /// For each slot, where its entries start in `entries` (and end at the
    /// next filled slot's start, kept in `ends`).
    starts: Vec<u32>,
    ends: Vec<u32>,
    classes_of: Vec<u16>,
    values: Vec<i16>,
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

    /// A table of rows sorted by key.
    fn from_rows(classes: usize, rows: Vec<(u64, Vec<(u16, i16)>)>) -> Weights {
        let cap = (rows.len() * 2).next_power_of_two().max(16);
        let mut w = Weights {
            classes,
            keys: vec![0; cap],
            starts: vec![0; cap],
            ends: vec![0; cap],
            classes_of: Vec::new(),
            values: Vec::new(),
        };
        for (k, q) in rows {
            let mut slot = (k as usize) & (cap - 1);
            while w.keys[slot] != 0 {
                slot = (slot + 1) & (cap - 1);
            }
            w.keys[slot] = k;
            w.starts[slot] = w.values.len() as u32;
            for (c, v) in q {
                w.classes_of.push(c);
                w.values.push(v);
            }
            w.ends[slot] = w.values.len() as u32;
        }
        w
    }

    /// Drops the entries whose magnitude is below `min` (in quantised
    /// units) and the features left with none; the rest keep their values.
    pub fn prune(&self, min: i16) -> Weights {
        let rows: Vec<(u64, Vec<(u16, i16)>)> = self
            .filled()
            .into_iter()
            .filter_map(|i| {
                let (s, e) = (self.starts[i] as usize, self.ends[i] as usize);
                let row: Vec<(u16, i16)> = (s..e)
                    .map(|j| (self.classes_of[j], self.values[j]))
                    .filter(|e| e.1.unsigned_abs() >= min.unsigned_abs())
                    .collect();
                (!row.is_empty()).then_some((self.keys[i], row))
            })
            .collect();
        Weights::from_rows(self.classes, rows)
    }

    /// Filled slots in key order (the order rows are stored in).
    fn filled(&self) -> Vec<usize> {
        let mut f: Vec<usize> = (0..self.keys.len())
            .filter(|&i| self.keys[i] != 0)
            .collect();
        f.sort_by_key(|&i| self.keys[i]);
        f
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Adds the weights of every feature to `scores` (one per class).
    pub fn score(&self, features: &[u64], scores: &mut [i32]) {
        let mask = self.keys.len().wrapping_sub(1);
        for &f in features {
            let mut slot = (f as usize) & mask;
            while let Some(&k) = self.keys.get(slot) {
                if k == f {
                    let (s, e) = (self.starts[slot] as usize, self.ends[slot] as usize);
                    let cs = self.classes_of.get(s..e).unwrap_or_default();
                    let vs = self.values.get(s..e).unwrap_or_default();
                    for (c, v) in cs.iter().zip(vs) {
                        if let Some(x) = scores.get_mut(usize::from(*c)) {
                            *x += i32::from(*v);
                        }
                    }
                    break;
                }
                if k == 0 {
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
    }

    /// How many features and entries the table holds.
    pub fn size(&self) -> (usize, usize) {
        (
            self.keys.iter().filter(|k| **k != 0).count(),
            self.values.len(),
        )
    }

    /// Rows in key order: key, entry count, then (class, weight) entries.
    /// Slots are not stored: reading inserts the rows in the same order,
    /// which rebuilds the same table.
    pub fn write(&self, w: &mut Writer) {
        w.u32(self.classes as u32);
        let filled = self.filled();
        w.u32(filled.len() as u32);
        for &i in &filled {
            w.u64(self.keys[i]);
            w.u8((self.ends[i] - self.starts[i]) as u8);
            for j in self.starts[i] as usize..self.ends[i] as usize {
                w.u8(self.classes_of[j] as u8);
                w.i16(self.values[j]);
            }
        }
    }

    pub fn read(r: &mut Reader) -> Result<Weights, String> {
        let classes = r.u32()? as usize;
        if classes == 0 || classes > 255 {
            return Err("bad class count".into());
        }
        let n = r.u32()? as usize;
        if n > 1 << 26 {
            return Err("bad table size".into());
        }
        let mut rows = Vec::with_capacity(n);
        let mut last = 0u64;
        for _ in 0..n {
            let key = r.u64()?;
            if key <= last {
                return Err("model rows out of order".into());
            }
            last = key;
            let len = r.u8()?;
            let mut row = Vec::with_capacity(usize::from(len));
            for _ in 0..len {
                let c = u16::from(r.u8()?);
                if usize::from(c) >= classes {
                    return Err("bad class".into());
                }
                row.push((c, r.i16()?));
            }
            rows.push((key, row));
        }
        Ok(Weights::from_rows(classes, rows))
    }
}
