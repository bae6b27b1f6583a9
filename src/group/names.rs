//! Name normalisation and the similarity test that joins two names.

/// Suffixes that do not change which company is meant.
const SUFFIXES: &[&str] = &[
    "inc",
    "corp",
    "corporation",
    "co",
    "ltd",
    "limited",
    "plc",
    "llc",
    "platforms",
    "holdings",
    "group",
    "ag",
    "sa",
    "nv",
    "se",
    "company",
];

/// Lower case, no possessive, no punctuation, no leading "the", no corporate suffix.
pub fn normalise(name: &str) -> String {
    let lower = name.to_lowercase().replace(['’'], "'");
    let lower = lower.strip_suffix("'s").unwrap_or(&lower).to_string();
    let mut words: Vec<String> = lower
        .split(|c: char| c.is_whitespace())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&')
                .to_string()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.first().is_some_and(|w| w == "the") {
        words.remove(0);
    }
    while words.len() > 1 && words.last().is_some_and(|w| SUFFIXES.contains(&w.as_str())) {
        words.pop();
    }
    // A person's middle initial ("Damein K. Hamer") is not part of what
    // tells the name apart; initials that open a name ("J. P. Morgan") are.
    let full = |w: &String| w.chars().count() > 1;
    if words.len() >= 3 && words.first().is_some_and(full) && words.last().is_some_and(full) {
        let last = words.len() - 1;
        let mut k = 0;
        words.retain(|w| {
            k += 1;
            k == 1 || k - 1 == last || full(w)
        });
    }
    words.join(" ")
}

/// How two normalised names are one entity (`link`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Link {
    /// Equal, spelt alike ("broadcom" / "broadcomm"), or the shorter is
    /// the first words of the longer ("meta" / "meta platforms").
    Same,
    /// The shorter is part of a person's name: the surname ("moreau" /
    /// "luca moreau") or the name without a middle name ("joe robertson" /
    /// "joe dandrea robertson"). A part can stand for several people
    /// ("walker" for "kayla walker" and "jonathan walker"), so it joins
    /// only one.
    Part,
}

/// Whether two normalised names denote one entity.
pub(crate) fn same_entity(a: &str, b: &str, threshold: f64) -> bool {
    link(a, b, threshold).is_some()
}

/// How two normalised names denote one entity, if they do.
pub(crate) fn link(a: &str, b: &str, threshold: f64) -> Option<Link> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    if a == b {
        return Some(Link::Same);
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // "meta" / "meta platforms": a whole-word prefix of at least four
    // letters. A part, not a match: a first name alone ("joshua") is a
    // prefix of every full name it begins ("joshua haber", "joshua
    // williams") and must join none of them unless they are one.
    if short.len() >= 4
        && long
            .strip_prefix(short)
            .is_some_and(|rest| rest.starts_with(' '))
    {
        return Some(Link::Part);
    }
    // "joe robertson" / "joe dandrea robertson": one middle name more.
    // (Words counted and compared in place: this runs for every pair of
    // names tested.)
    let words = |s: &str| s.bytes().filter(|&b| b == b' ').count() + 1;
    let (short_words, long_words) = (words(short), words(long));
    fn first(s: &str) -> Option<&str> {
        s.split(' ').next()
    }
    fn last(s: &str) -> Option<&str> {
        s.rsplit(' ').next()
    }
    if short_words == 2
        && long_words == 3
        && first(short) == first(long)
        && last(short) == last(long)
        && long.split(' ').all(|w| w.chars().count() >= 2)
    {
        return Some(Link::Part);
    }
    // "moreau" / "luca moreau": a surname alone names the person.
    if short.len() >= 4
        && !short.contains(' ')
        && (2..=3).contains(&long_words)
        && last(long) == Some(short)
    {
        return Some(Link::Part);
    }
    (short.len() >= 5
        && similar_lengths(short, long, threshold)
        && super::reach::can_reach(a, b, threshold)
        && strsim::jaro_winkler(a, b) >= threshold
        && heads_alike(a, b, threshold))
    .then_some(Link::Same)
}

/// The pairs (i < j) of `norm` worth testing with `same_entity` when there
/// are too many names to test every pair: every pair the word tests can
/// join (equal names, a name that is the first words of another, a surname
/// that is the last word of a two- or three-word name), and each name with
/// its `window` next neighbours in alphabetical order, forwards and written
/// backwards, for near spellings. Each pair once, in order.
pub(crate) fn candidate_pairs(norm: &[String], window: usize) -> Vec<(usize, usize)> {
    use std::collections::HashMap;
    let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, n) in norm.iter().enumerate() {
        by_name.entry(n.as_str()).or_default().push(i);
    }
    let mut pairs = Vec::new();
    let mut pair = |a: usize, b: usize| {
        if a != b {
            pairs.push((a.min(b), a.max(b)));
        }
    };
    // Equal names: each joined to the first of them is enough.
    for ids in by_name.values() {
        if let Some((&first, rest)) = ids.split_first() {
            for &j in rest {
                pair(first, j);
            }
        }
    }
    for (i, n) in norm.iter().enumerate() {
        // "meta" / "meta platforms": every word-boundary prefix.
        for (at, _) in n.match_indices(' ') {
            if let Some(ids) = n.get(..at).and_then(|p| by_name.get(p))
                && let Some(&j) = ids.first()
            {
                pair(i, j);
            }
        }
        // "moreau" / "luca moreau".
        let words = n.split(' ').count();
        if (2..=3).contains(&words)
            && let Some(ids) = n.rsplit(' ').next().and_then(|w| by_name.get(w))
            && let Some(&j) = ids.first()
        {
            pair(i, j);
        }
    }
    // Near spellings: one name of each spelling, by its first index.
    let mut distinct: Vec<usize> = by_name
        .values()
        .filter_map(|ids| ids.first().copied())
        .collect();
    distinct.sort_unstable();
    let reversed: Vec<String> = norm.iter().map(|n| n.chars().rev().collect()).collect();
    for keys in [norm, reversed.as_slice()] {
        let mut order = distinct.clone();
        order.sort_by(|&a, &b| keys.get(a).cmp(&keys.get(b)).then(a.cmp(&b)));
        for (k, &i) in order.iter().enumerate() {
            for &j in order.iter().skip(k + 1).take(window) {
                pair(i, j);
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Names that end in the same words ("dalkalnor software", "drakalmon
/// software") are alike only if what comes before those words is: a shared
/// sector word must not carry two different companies over the threshold.
fn heads_alike(a: &str, b: &str, threshold: f64) -> bool {
    let (mut x, mut y): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let mut shared = false;
    while x.len() > 1 && y.len() > 1 && x.last() == y.last() {
        x.pop();
        y.pop();
        shared = true;
    }
    !shared || strsim::jaro_winkler(&x.join(" "), &y.join(" ")) >= threshold
}

/// Whether two names are close enough in length to reach `threshold` in
/// Jaro-Winkler similarity at all: the prefix bonus lifts a Jaro score j
/// to at most 0.4 + 0.6 j, and j is at most (2 + short/long) / 3. Pairs
/// that cannot reach it skip the quadratic comparison.
fn similar_lengths(short: &str, long: &str, threshold: f64) -> bool {
    // Names are ASCII all but never: their bytes are their characters.
    let count = |x: &str| {
        if x.is_ascii() {
            x.len()
        } else {
            x.chars().count()
        }
    };
    let (s, l) = (count(short) as f64, count(long) as f64);
    let jaro_needed = (threshold - 0.4) / 0.6;
    l == 0.0 || s / l >= 3.0 * jaro_needed - 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_suffixes_possessives_and_articles() {
        assert_eq!(normalise("Meta Platforms Inc."), "meta");
        assert_eq!(normalise("Meta's"), "meta");
        assert_eq!(
            normalise("The Philadelphia Semiconductor Index"),
            "philadelphia semiconductor index"
        );
        assert_eq!(normalise("Acme Holdings"), "acme");
    }

    #[test]
    fn candidates_hold_every_pair_the_full_test_joins() {
        // Filler names around pairs that join by each test: equal after
        // normalising, a prefix, a surname, misspelt in the middle, at the
        // start, at the end.
        // Random letters: filler names that do not resemble each other.
        let mut seed: u64 = 7;
        let mut letter = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            char::from(b'a' + ((seed >> 33) % 26) as u8)
        };
        let mut names: Vec<String> = (0..300)
            .map(|i| {
                let word: String = (0..7).map(|_| letter()).collect();
                format!("{word} {}", ["robotics", "pharma", "energy"][i % 3])
            })
            .collect();
        for n in [
            "acme",
            "acme",
            "acme logistics",
            "moreau",
            "luca moreau",
            "broadcom software",
            "broadcomm software",
            "vroadcom software",
            "broadcom softwarr",
            "orbital energy",
        ] {
            names.push(n.to_string());
        }
        let window = 2;
        let candidates = candidate_pairs(&names, window);
        // The sets the full test makes, and the sets the candidates make.
        fn root(parent: &mut [usize], i: usize) -> usize {
            let mut r = i;
            while parent[r] != r {
                r = parent[r];
            }
            parent[i] = r;
            r
        }
        let sets = |pairs: &mut dyn Iterator<Item = (usize, usize)>| -> Vec<usize> {
            let mut parent: Vec<usize> = (0..names.len()).collect();
            for (i, j) in pairs {
                if same_entity(&names[i], &names[j], 0.92) {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    parent[a.max(b)] = a.min(b);
                }
            }
            (0..names.len()).map(|i| root(&mut parent, i)).collect()
        };
        let n = names.len();
        let full = sets(&mut (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j))));
        let joined = full.iter().enumerate().filter(|&(i, &r)| r != i).count();
        assert!(joined >= 6, "{joined}");
        assert_eq!(sets(&mut candidates.iter().copied()), full);
        // Linear: at most the word pairs and two windows per name.
        assert!(candidates.len() <= names.len() * (2 * window + 3));
    }

    #[test]
    fn joins_prefixes_and_near_spellings_only() {
        assert!(same_entity("acme", "acme logistics", 0.92));
        assert!(same_entity("broadcom", "broadcomm", 0.92));
        assert!(!same_entity("amd", "amdocs", 0.92));
        assert!(!same_entity("nvidia", "nvent", 0.92));
        assert!(same_entity("moreau", "luca moreau", 0.92));
        assert_eq!(link("moreau", "luca moreau", 0.92), Some(Link::Part));
        assert_eq!(
            link("joe robertson", "joe dandrea robertson", 0.92),
            Some(Link::Part)
        );
        assert_eq!(link("joe robertson", "joe dandrea robinson", 0.92), None);
        assert_eq!(link("meta", "meta platforms", 0.92), Some(Link::Part));
        // A first name alone begins two people's names: a part, which
        // joins neither of two different people.
        assert_eq!(link("joshua", "joshua haber", 0.92), Some(Link::Part));
        assert_eq!(link("broadcom", "broadcomm", 0.92), Some(Link::Same));
        assert_eq!(link("john zawahri", "chris zawahri", 0.92), None);
        // A shared sector word does not make two companies one.
        assert!(!same_entity(
            "dalkalnor software",
            "drakalmon software",
            0.92
        ));
        assert!(same_entity("broadcomm software", "broadcom software", 0.92));
        // The length bound never turns away a pair the full test joins.
        for (a, b) in [
            ("broadcom", "broadcomm"),
            ("nvidia", "nvidia corp x"),
            ("orbital", "orbitally"),
        ] {
            let full = strsim::jaro_winkler(a, b) >= 0.92;
            assert!(!full || similar_lengths(a, b, 0.92), "{a} {b}");
        }
    }
}
