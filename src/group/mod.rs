//! Group: resolves the subjects of claims so that "Meta", "Meta Platforms
//! Inc.", "Meta's" and an alias from the rules land under one canonical name.
//!
//! In: claims with subjects as written, acronyms the articles define, the
//! rules' entities. Out: every claim's `group` set. Names join when the rules
//! say so, when one is an acronym defined for the other, when their
//! normalised forms are equal or one is a whole-word prefix of the other
//! ("Meta" / "Meta Platforms"), or when their Jaro-Winkler similarity reaches
//! `grouping.fuzzy_threshold`.

mod names;
mod reach;

pub use names::normalise;

/// Whether two written names denote one entity under the default fuzzy
/// threshold (the test the grouping stage applies).
pub fn same_name(a: &str, b: &str) -> bool {
    names::same_entity(&normalise(a), &normalise(b), 0.92)
}

use crate::extract::Claim;
use crate::rules::Rules;
use names::Link;
use std::collections::{BTreeMap, HashMap};

/// Up to this many distinct names every pair is compared (two million
/// pairs at most, well under a second). A story checked across its articles
/// names far fewer; an archive of stories in one run can name many more
/// (the generated 10,000-article benchmark: the same report either way).
const ALL_PAIRS_UP_TO: usize = 2_000;

/// Beyond that, a name is compared with the names that equal, begin or end
/// it word for word (all of them: the exact tests), and for near spellings
/// with this many neighbours in alphabetical order of the name and of the
/// name written backwards: linear in the names, and a misspelling is still
/// met unless it changes both ends of the name.
const NEIGHBOURS: usize = 24;

/// A surname that ends more full names than this is joined to none of them.
const PARTS_AT_MOST: usize = 32;

/// Sets `group` on every claim; returns the canonical names with their aliases.
pub fn resolve(
    claims: &mut [Claim],
    acronyms: &[(String, String)],
    mentioned: &[String],
    rules: &Rules,
) -> HashMap<String, Vec<String>> {
    let mut names: Vec<String> = Vec::new();
    let mut index = HashMap::new();
    let mut intern = |n: &str, names: &mut Vec<String>| -> usize {
        *index.entry(n.to_string()).or_insert_with(|| {
            names.push(n.to_string());
            names.len() - 1
        })
    };
    let mut uf = UnionFind::default();
    let mut canonical_of_rule: HashMap<usize, String> = HashMap::new();
    for e in &rules.entities {
        let head = intern(&e.name, &mut names);
        canonical_of_rule.insert(head, e.name.clone());
        for a in e.aliases.iter().chain(e.ticker.iter()) {
            let i = intern(a, &mut names);
            uf.union(head, i);
        }
    }
    for (short, long) in acronyms {
        let (a, b) = (intern(short, &mut names), intern(long, &mut names));
        uf.union(a, b);
    }
    for n in mentioned {
        intern(n, &mut names);
    }
    let claim_ids: Vec<usize> = claims
        .iter()
        .map(|c| intern(&c.subject, &mut names))
        .collect();
    uf.grow(names.len());
    let norm: Vec<String> = names.iter().map(|n| normalise(n)).collect();
    let threshold = rules.grouping.threshold();
    let pairs: Vec<(usize, usize)> = if norm.len() <= ALL_PAIRS_UP_TO {
        (0..norm.len())
            .flat_map(|i| (i + 1..norm.len()).map(move |j| (i, j)))
            .collect()
    } else {
        names::candidate_pairs(&norm, NEIGHBOURS)
    };
    // Names spelt alike are joined first; a part of a name (a surname, a
    // name without its middle name) then joins the full names it is part
    // of only if they are one person: "walker" joins "kayla walker" and
    // "jonathan walker" to neither.
    let mut parts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, j) in pairs {
        let (Some(a), Some(b)) = (norm.get(i), norm.get(j)) else {
            continue;
        };
        match names::link(a, b, threshold) {
            Some(Link::Same) => uf.union(i, j),
            Some(Link::Part) => {
                let (short, long) = if a.len() <= b.len() { (i, j) } else { (j, i) };
                parts.entry(short).or_default().push(long);
            }
            None => {}
        }
    }
    for (short, longs) in parts {
        // A surname of many names (checking them all would be quadratic)
        // names none of them for sure.
        let compatible = longs.len() <= PARTS_AT_MOST
            && longs.iter().enumerate().all(|(k, &x)| {
                longs.iter().skip(k + 1).all(|&y| {
                    uf.find(x) == uf.find(y)
                        || matches!((norm.get(x), norm.get(y)), (Some(a), Some(b))
                            if names::same_entity(a, b, threshold))
                })
            });
        if compatible {
            for long in longs {
                uf.union(short, long);
            }
        }
    }
    // Canonical name per set: a rules name if there is one, else the longest
    // written form that is not an acronym.
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..names.len() {
        members.entry(uf.find(i)).or_default().push(i);
    }
    let mut canonical: HashMap<usize, crate::text::Sym> = HashMap::new();
    let mut aliases = HashMap::new();
    for (root, ids) in &members {
        let name = ids
            .iter()
            .find_map(|i| canonical_of_rule.get(i).cloned())
            .unwrap_or_else(|| {
                ids.iter()
                    .filter_map(|&i| names.get(i))
                    .map(String::as_str)
                    .max_by_key(|n| (n.chars().any(char::is_lowercase), n.len()))
                    .unwrap_or_default()
                    .to_string()
            });
        let mut all: Vec<String> = ids.iter().filter_map(|&i| names.get(i)).cloned().collect();
        all.sort();
        aliases.insert(name.clone(), all);
        canonical.insert(*root, name.into());
    }
    // Every name is a member of its set, so its root has a canonical name.
    for (claim, id) in claims.iter_mut().zip(claim_ids) {
        claim.group = canonical
            .get(&uf.find(id))
            .cloned()
            .unwrap_or_else(|| claim.subject.clone());
    }
    aliases
}

#[derive(Default)]
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn grow(&mut self, n: usize) {
        while self.parent.len() < n {
            self.parent.push(self.parent.len());
        }
    }

    /// The parent of `i` (an element not yet grown to is its own).
    fn parent_of(&self, i: usize) -> usize {
        self.parent.get(i).copied().unwrap_or(i)
    }

    fn find(&mut self, i: usize) -> usize {
        self.grow(i + 1);
        let mut r = i;
        while self.parent_of(r) != r {
            r = self.parent_of(r);
        }
        let mut k = i;
        while k != r {
            let next = self.parent_of(k);
            if let Some(p) = self.parent.get_mut(k) {
                *p = r;
            }
            k = next;
        }
        r
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb
            && let Some(p) = self.parent.get_mut(rb.max(ra))
        {
            *p = rb.min(ra);
        }
    }
}
