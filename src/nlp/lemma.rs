//! Lemmas, learned from the treebank: a word's lemma is its exception-table
//! entry when the training data showed one, else the suffix rewrite most
//! often seen for words of its tag ending the same way ("-ied" → "-y" for
//! VERB), else the word itself. Proper nouns keep their case; other lemmas
//! are lower case.

use super::bytes::{Reader, Writer};
use super::{GoldSentence, Upos};
use std::collections::{BTreeMap, HashMap};

/// Strip this many characters, then append this.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Rewrite {
    strip: u8,
    append: String,
}

/// Words to what they map to, hashed: every word of a parsed sentence is
/// looked up (a form, then up to five of its suffixes), and a hash costs
/// less than a walk of string comparisons. Written out in key order.
type ByWord<V> = HashMap<String, V, std::hash::BuildHasherDefault<crate::text::WordHasher>>;

#[derive(Default, Clone)]
pub(crate) struct Lemmatizer {
    /// tag → suffix → rewrite, for suffixes of 1 to 5 characters (keyed
    /// by tag first so a lookup borrows the suffix, never builds a key).
    rules: BTreeMap<u8, ByWord<Rewrite>>,
    /// tag → lower-case form → lemma where the rules would be wrong.
    exceptions: BTreeMap<u8, ByWord<String>>,
}

/// A map's entries in key order.
fn sorted<V>(m: &ByWord<V>) -> Vec<(&String, &V)> {
    let mut v: Vec<(&String, &V)> = m.iter().collect();
    v.sort_unstable_by(|a, b| a.0.cmp(b.0));
    v
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

fn apply(form: &str, r: &Rewrite) -> Option<String> {
    let chars: Vec<char> = form.chars().collect();
    let keep = chars.len().checked_sub(usize::from(r.strip))?;
    if keep == 0 {
        return None;
    }
    Some(chars.iter().take(keep).collect::<String>() + &r.append)
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
        let lower = form.to_lowercase();
        let t = tag.index() as u8;
        if let Some(l) = self.exceptions.get(&t).and_then(|e| e.get(lower.as_str())) {
            return l.clone();
        }
        self.by_rule(&lower, t).unwrap_or(lower)
    }

    fn by_rule(&self, lower: &str, t: u8) -> Option<String> {
        (1..=LONGEST).rev().find_map(|n| {
            let s = suffix(lower, n)?;
            let r = self.rules.get(&t)?.get(s)?;
            apply(lower, r)
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
        let mut lem = Lemmatizer::default();
        for (key, rs) in votes {
            let total: usize = rs.values().sum();
            if let Some((r, c)) = rs
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                && c >= 3
                && c * 10 >= total * 7
                && (r.strip > 0 || !r.append.is_empty())
            {
                lem.rules.entry(key.0).or_default().insert(key.1, r);
            }
        }
        for ((t, f), l, _) in forms {
            if lem.by_rule(&f, t).unwrap_or_else(|| f.clone()) != l {
                lem.exceptions.entry(t).or_default().insert(f, l);
            }
        }
        lem
    }

    pub fn write(&self, w: &mut Writer) {
        w.u32(self.rules.values().map(HashMap::len).sum::<usize>() as u32);
        for (t, s, r) in self
            .rules
            .iter()
            .flat_map(|(t, m)| sorted(m).into_iter().map(move |(s, r)| (t, s, r)))
        {
            w.u16(u16::from(*t));
            w.str(s);
            w.u16(u16::from(r.strip));
            w.str(&r.append);
        }
        w.u32(self.exceptions.values().map(HashMap::len).sum::<usize>() as u32);
        for (t, f, l) in self
            .exceptions
            .iter()
            .flat_map(|(t, m)| sorted(m).into_iter().map(move |(f, l)| (t, f, l)))
        {
            w.u16(u16::from(*t));
            w.str(f);
            w.str(l);
        }
    }

    pub fn read(r: &mut Reader) -> Result<Lemmatizer, String> {
        let mut lem = Lemmatizer::default();
        for _ in 0..r.u32()? {
            let t = r.u16()? as u8;
            let s = r.str()?;
            let strip = r.u16()? as u8;
            let append = r.str()?;
            lem.rules
                .entry(t)
                .or_default()
                .insert(s, Rewrite { strip, append });
        }
        for _ in 0..r.u32()? {
            let t = r.u16()? as u8;
            let f = r.str()?;
            let l = r.str()?;
            lem.exceptions.entry(t).or_default().insert(f, l);
        }
        Ok(lem)
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
        assert_eq!(apply("worried", &r).as_deref(), Some("worry"));
        assert_eq!(apply("ied", &r), None);
    }
}
