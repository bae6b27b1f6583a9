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
    words.join(" ")
}

/// Whether two normalised names denote one entity.
pub(crate) fn same_entity(a: &str, b: &str, threshold: f64) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // "meta" / "meta platforms": a whole-word prefix of at least four letters.
    if short.len() >= 4
        && long
            .strip_prefix(short)
            .is_some_and(|rest| rest.starts_with(' '))
    {
        return true;
    }
    // "moreau" / "luca moreau": a surname alone names the person.
    let words: Vec<&str> = long.split(' ').collect();
    if short.len() >= 4
        && !short.contains(' ')
        && (2..=3).contains(&words.len())
        && words.last() == Some(&short)
    {
        return true;
    }
    short.len() >= 5
        && similar_lengths(short, long, threshold)
        && strsim::jaro_winkler(a, b) >= threshold
        && heads_alike(a, b, threshold)
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
    let (s, l) = (short.chars().count() as f64, long.chars().count() as f64);
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
    fn joins_prefixes_and_near_spellings_only() {
        assert!(same_entity("acme", "acme logistics", 0.92));
        assert!(same_entity("broadcom", "broadcomm", 0.92));
        assert!(!same_entity("amd", "amdocs", 0.92));
        assert!(!same_entity("nvidia", "nvent", 0.92));
        assert!(same_entity("moreau", "luca moreau", 0.92));
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
