//! Lemmas, learned from the treebank: a word's lemma is its exception-table
//! entry when the training data showed one, else the suffix rewrite most
//! often seen for words of its tag ending the same way ("-ied" → "-y" for
//! VERB), else the word itself. Proper nouns keep their case; other lemmas
//! are lower case.

use super::bytes::{Bytes, Reader, Writer};
use super::{GoldSentence, Upos};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// Strip this many characters, then append this.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Rewrite {
    strip: u8,
    append: String,
}

#[derive(Default, Clone)]
pub(crate) struct Lemmatizer {
    /// (tag, suffix) → rewrite, for suffixes of 1 to 5 characters; the
    /// value is the strip count (a byte), then the text to append.
    rules: Table,
    /// (tag, lower-case form) → lemma, where the rules would be wrong.
    exceptions: Table,
}

/// Words to what they map to, by tag: an open-addressing table held as the
/// model file writes it, read in place. Every word of a parsed sentence is
/// looked up (a form, then up to five of its suffixes).
///
/// `slots`: a power-of-two count of u32 (little-endian), each 0 for an
/// empty place or 1 + the offset of a record in `records`. A record: the
/// tag (a byte), the key's length (u32) and bytes, the value's length
/// (u32) and bytes. Lookups read within the arrays and probe at most every
/// place once, so a damaged table gives wrong lemmas, never a panic or a
/// hang.
#[derive(Default, Clone)]
struct Table {
    slots: Bytes,
    records: Bytes,
}

/// FNV-1a of the tag, then the key.
fn hash(tag: u8, key: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in std::iter::once(&tag).chain(key) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^ (h >> 32)
}

impl Table {
    /// A table of entries (tag, key, value) with distinct (tag, key), placed
    /// in the order given: sorted, the same entries give the same bytes.
    fn build<'a>(entries: impl ExactSizeIterator<Item = (u8, &'a str, Vec<u8>)>) -> Table {
        let mut slots = vec![0u32; (2 * entries.len()).next_power_of_two().max(16)];
        let mask = slots.len() - 1;
        let mut records: Vec<u8> = Vec::new();
        for (tag, key, value) in entries {
            let at = records.len() as u32 + 1;
            records.push(tag);
            records.extend_from_slice(&(key.len() as u32).to_le_bytes());
            records.extend_from_slice(key.as_bytes());
            records.extend_from_slice(&(value.len() as u32).to_le_bytes());
            records.extend_from_slice(&value);
            // At most half full: an empty place is always found.
            let mut i = hash(tag, key.as_bytes()) as usize & mask;
            while let Some(s) = slots.get_mut(i) {
                if *s == 0 {
                    *s = at;
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        Table {
            slots: Cow::Owned(slots.iter().flat_map(|s| s.to_le_bytes()).collect()),
            records: Cow::Owned(records),
        }
    }

    fn slots(&self) -> &[[u8; 4]] {
        self.slots.as_chunks().0
    }

    /// The record at `at`: tag, key, value.
    fn record(&self, at: usize) -> Option<(u8, &[u8], &[u8])> {
        let (&tag, r) = self.records.get(at..)?.split_first()?;
        let (len, r) = r.split_first_chunk::<4>()?;
        let (key, r) = r.split_at_checked(u32::from_le_bytes(*len) as usize)?;
        let (len, r) = r.split_first_chunk::<4>()?;
        let value = r.get(..u32::from_le_bytes(*len) as usize)?;
        Some((tag, key, value))
    }

    fn get(&self, tag: u8, key: &str) -> Option<&[u8]> {
        let slots = self.slots();
        let mask = slots.len().wrapping_sub(1);
        let mut i = hash(tag, key.as_bytes()) as usize & mask;
        for _ in 0..slots.len() {
            let at = u32::from_le_bytes(*slots.get(i)?) as usize;
            let (t, k, v) = self.record(at.checked_sub(1)?)?;
            if t == tag && k == key.as_bytes() {
                return Some(v);
            }
            i = (i + 1) & mask;
        }
        None
    }

    /// A value as text.
    fn text(&self, tag: u8, key: &str) -> Option<&str> {
        std::str::from_utf8(self.get(tag, key)?).ok()
    }

    fn write(&self, w: &mut Writer) {
        w.u32(self.slots().len() as u32);
        w.u32(self.records.len() as u32);
        w.bytes(&self.slots);
        w.bytes(&self.records);
    }

    /// Reads a table written by `write`; `keep` holds on to its bytes (see
    /// `Weights::read`). Only the shape is checked; `check` reads every
    /// record.
    fn read<'a>(r: &mut Reader<'a>, keep: fn(&'a [u8]) -> Bytes) -> Result<Table, String> {
        let slots = r.u32()? as usize;
        let records = r.u32()? as usize;
        if !slots.is_power_of_two() {
            return Err("bad lemma table size".into());
        }
        Ok(Table {
            slots: r
                .bytes(slots.checked_mul(4).ok_or("bad lemma table size")?)
                .map(keep)?,
            records: r.bytes(records).map(keep)?,
        })
    }

    /// Every filled place holds a record of text, found from its key.
    fn check(&self) -> Result<(), String> {
        for &s in self.slots() {
            let Some(at) = (u32::from_le_bytes(s) as usize).checked_sub(1) else {
                continue;
            };
            let (tag, key, value) = self.record(at).ok_or("bad lemma record")?;
            let key = std::str::from_utf8(key).map_err(|_| "bad lemma record")?;
            if std::str::from_utf8(value).is_err() || self.get(tag, key) != Some(value) {
                return Err("bad lemma record".into());
            }
        }
        Ok(())
    }
}

/// A rule's value: the strip count, then the text to append.
fn rule_value(r: &Rewrite) -> Vec<u8> {
    std::iter::once(r.strip).chain(r.append.bytes()).collect()
}

const LONGEST: usize = 5;

fn rewrite_of(form: &str, lemma: &str) -> Rewrite {
    let f: Vec<char> = form.chars().collect();
    let l: Vec<char> = lemma.chars().collect();
    let common = f.iter().zip(&l).take_while(|(a, b)| a == b).count();
    Rewrite {
        strip: (f.len() - common).min(255) as u8,
        append: l.iter().skip(common).collect(),
    }
}

fn apply(form: &str, strip: u8, append: &str) -> Option<String> {
    let keep = form.chars().count().checked_sub(usize::from(strip))?;
    if keep == 0 {
        return None;
    }
    // The first `keep` characters, cut where the next one starts.
    let at = form.char_indices().nth(keep).map_or(form.len(), |(i, _)| i);
    let mut out = String::with_capacity(at + append.len());
    out.push_str(form.get(..at)?);
    out.push_str(append);
    Some(out)
}

/// The last `n` characters of `form`, if it has more than `n`.
fn suffix(form: &str, n: usize) -> Option<&str> {
    let (at, _) = form.char_indices().rev().nth(n.checked_sub(1)?)?;
    (at > 0).then(|| form.get(at..)).flatten()
}

impl Lemmatizer {
    pub fn lemma(&self, form: &str, tag: Upos) -> String {
        if tag == Upos::Propn {
            return form.to_string();
        }
        let mut lower = form.to_lowercase();
        let t = tag.index() as u8;
        if let Some(l) = self.exceptions.text(t, &lower) {
            // The lemma written over the folded form (no second string).
            lower.clear();
            lower.push_str(l);
            return lower;
        }
        self.by_rule(&lower, t).unwrap_or(lower)
    }

    fn by_rule(&self, lower: &str, t: u8) -> Option<String> {
        (1..=LONGEST).rev().find_map(|n| {
            let s = suffix(lower, n)?;
            let (&strip, append) = self.rules.get(t, s)?.split_first()?;
            apply(lower, strip, std::str::from_utf8(append).ok()?)
        })
    }

    pub fn train(data: &[GoldSentence]) -> Lemmatizer {
        let mut seen: HashMap<(u8, String), HashMap<String, usize>> = HashMap::new();
        for s in data {
            for w in &s.words {
                if w.upos == Upos::Propn || w.lemma == "_" {
                    continue;
                }
                *seen
                    .entry((w.upos.index() as u8, w.form.to_lowercase()))
                    .or_default()
                    .entry(w.lemma.to_lowercase())
                    .or_default() += 1;
            }
        }
        let mut forms: Vec<((u8, String), String, usize)> = seen
            .into_iter()
            .filter_map(|(k, lemmas)| {
                let n = lemmas.values().sum();
                let (l, _) = lemmas
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
                Some((k, l, n))
            })
            .collect();
        forms.sort();
        // Rules: for each tag and suffix, the rewrite most forms agree on
        // (counted by distinct forms, so one frequent irregular word does
        // not make a rule).
        let mut votes: BTreeMap<(u8, String), BTreeMap<Rewrite, usize>> = BTreeMap::new();
        for ((t, f), l, _) in &forms {
            let r = rewrite_of(f, l);
            for n in 1..=LONGEST {
                if let Some(s) = suffix(f, n) {
                    *votes
                        .entry((*t, s.to_string()))
                        .or_default()
                        .entry(r.clone())
                        .or_default() += 1;
                }
            }
        }
        let mut rules: BTreeMap<(u8, String), Rewrite> = BTreeMap::new();
        for (key, rs) in votes {
            let total: usize = rs.values().sum();
            if let Some((r, c)) = rs
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                && c >= 3
                && c * 10 >= total * 7
                && (r.strip > 0 || !r.append.is_empty())
            {
                rules.insert(key, r);
            }
        }
        let mut lem = Lemmatizer {
            rules: Table::build(
                rules
                    .iter()
                    .map(|((t, s), r)| (*t, s.as_str(), rule_value(r))),
            ),
            exceptions: Table::default(),
        };
        let mut exceptions: BTreeMap<(u8, String), String> = BTreeMap::new();
        for ((t, f), l, _) in forms {
            if lem.by_rule(&f, t).unwrap_or_else(|| f.clone()) != l {
                exceptions.insert((t, f), l);
            }
        }
        lem.exceptions = Table::build(
            exceptions
                .iter()
                .map(|((t, f), l)| (*t, f.as_str(), l.clone().into_bytes())),
        );
        lem
    }

    /// The rules' table, then the exceptions'.
    pub fn write(&self, w: &mut Writer) {
        self.rules.write(w);
        self.exceptions.write(w);
    }

    /// Reads tables written by `write`; `keep` holds on to their bytes.
    pub fn read<'a>(r: &mut Reader<'a>, keep: fn(&'a [u8]) -> Bytes) -> Result<Lemmatizer, String> {
        Ok(Lemmatizer {
            rules: Table::read(r, keep)?,
            exceptions: Table::read(r, keep)?,
        })
    }

    /// Every record of both tables (see `Table::check`).
    pub fn check(&self) -> Result<(), String> {
        self.rules.check()?;
        self.exceptions.check()
    }

    /// Reads the first model format (`XCKNLP01`: rules then exceptions as
    /// lists sorted by tag and word) into tables. Only for converting an
    /// old model file.
    pub fn read_v1(r: &mut Reader) -> Result<Lemmatizer, String> {
        let mut rules: BTreeMap<(u8, String), Rewrite> = BTreeMap::new();
        for _ in 0..r.u32()? {
            let t = r.u16()? as u8;
            let s = r.str()?;
            let strip = r.u16()? as u8;
            let append = r.str()?;
            rules.insert((t, s), Rewrite { strip, append });
        }
        let mut exceptions: BTreeMap<(u8, String), String> = BTreeMap::new();
        for _ in 0..r.u32()? {
            let t = r.u16()? as u8;
            let f = r.str()?;
            let l = r.str()?;
            exceptions.insert((t, f), l);
        }
        Ok(Lemmatizer {
            rules: Table::build(
                rules
                    .iter()
                    .map(|((t, s), r)| (*t, s.as_str(), rule_value(r))),
            ),
            exceptions: Table::build(
                exceptions
                    .iter()
                    .map(|((t, f), l)| (*t, f.as_str(), l.clone().into_bytes())),
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites() {
        let r = rewrite_of("studied", "study");
        assert_eq!(
            r,
            Rewrite {
                strip: 3,
                append: "y".into()
            }
        );
        assert_eq!(
            apply("worried", r.strip, &r.append).as_deref(),
            Some("worry")
        );
        assert_eq!(apply("ied", r.strip, &r.append), None);
    }

    #[test]
    fn the_first_format_reads_into_tables_that_write_back_the_same() {
        let verb = Upos::Verb.index() as u16;
        let mut v1 = Writer::default();
        v1.u32(2);
        for (suffix, strip, append) in [("ied", 3, "y"), ("s", 1, "")] {
            v1.u16(verb);
            v1.str(suffix);
            v1.u16(strip);
            v1.str(append);
        }
        v1.u32(1);
        v1.u16(verb);
        v1.str("went");
        v1.str("go");
        let lem = Lemmatizer::read_v1(&mut Reader::new(&v1.0)).unwrap();
        lem.check().unwrap();
        assert_eq!(lem.lemma("Studied", Upos::Verb), "study");
        assert_eq!(lem.lemma("runs", Upos::Verb), "run");
        assert_eq!(lem.lemma("went", Upos::Verb), "go");
        assert_eq!(lem.lemma("went", Upos::Noun), "went");
        let mut out = Writer::default();
        lem.write(&mut out);
        let again = Lemmatizer::read(&mut Reader::new(&out.0), |b| Cow::Owned(b.to_vec())).unwrap();
        let mut out2 = Writer::default();
        again.write(&mut out2);
        assert_eq!(out.0, out2.0);
        assert_eq!(again.lemma("worried", Upos::Verb), "worry");
    }
}
