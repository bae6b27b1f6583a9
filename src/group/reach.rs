//! A cheap upper bound on the Jaro-Winkler similarity of two names, so that
//! pairs which cannot reach the threshold skip the quadratic comparison.
//!
//! Jaro is (m/|a| + m/|b| + (m - t)/m) / 3 for m matched characters and t
//! half-transpositions. Every match pairs two equal characters, so m is at
//! most the characters the names share (counted with repeats), and with
//! t = 0 that count bounds Jaro from above. Winkler's bonus (0.1 per common
//! leading character, at most four, for a Jaro above 0.7) grows with Jaro,
//! so it lifts the bound the same way.

/// Slack for rounding: the bound is computed in floating point as the
/// similarity is.
const SLACK: f64 = 1e-9;

/// Whether `strsim::jaro_winkler(a, b)` can be at least `threshold`.
pub(crate) fn can_reach(a: &str, b: &str, threshold: f64) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la == 0 || lb == 0 {
        return true;
    }
    let m = shared(a, b) as f64;
    let jaro = if m == 0.0 {
        0.0
    } else {
        (m / la as f64 + m / lb as f64 + 1.0) / 3.0
    };
    let prefix = a
        .chars()
        .take(4)
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .count() as f64;
    let bound = if jaro > 0.7 - SLACK {
        jaro + 0.1 * prefix * (1.0 - jaro)
    } else {
        jaro
    };
    bound + SLACK >= threshold
}

/// Characters of `a` that `b` has too, with repeats. Characters past ASCII
/// are not told apart: as many of them as both names have count as shared
/// (never fewer than truly are).
fn shared(a: &str, b: &str) -> usize {
    let mut counts = [0u32; 128];
    let mut wide = 0usize;
    for c in a.chars() {
        match counts.get_mut(c as usize) {
            Some(n) => *n += 1,
            None => wide += 1,
        }
    }
    let mut n = 0;
    for c in b.chars() {
        match counts.get_mut(c as usize) {
            Some(k) if *k > 0 => {
                *k -= 1;
                n += 1;
            }
            Some(_) => {}
            None if wide > 0 => {
                wide -= 1;
                n += 1;
            }
            None => {}
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bound_never_falls_below_the_similarity() {
        let names = [
            "meta",
            "meta platforms",
            "acme",
            "acme corp",
            "dalkalnor software",
            "drakalmon software",
            "luca moreau",
            "moreau",
            "müller",
            "mueller",
            "zürich insurance",
            "zurich insurance",
            "abcde",
            "edcba",
            "a",
            "ab",
        ];
        for a in names {
            for b in names {
                let jw = strsim::jaro_winkler(a, b);
                assert!(can_reach(a, b, jw), "{a} / {b}: {jw}");
            }
        }
        assert!(!can_reach("acme", "zyxw", 0.5));
    }
}
