//! People's ages: the figure news gives most about a person, and one that
//! outlets get wrong ("Jonathan Walker, 34" / "the 35-year-old Jonathan
//! Walker"). A person has one age at a time, so two outlets that give a
//! named person two ages disagree whatever else their sentences say.
//!
//! Read from the forms news uses, next to a full name (two words or more,
//! so that relatives sharing a surname are never taken for one person):
//! "Viola Warren, 62," / "Viola Warren (62)" / "Viola Warren, aged 62" /
//! "Viola Warren, a 62-year-old …" / "the 62-year-old grandmother, Viola
//! Warren" / "62-year-old Viola Warren".

use super::read::Reading;
use super::*;

/// The attribute of an age claim.
pub const AGE: &str = "age";

/// The unit of an age: years of life, not years of anything else (a
/// sentence, a tenure), and a figure that does not change from one day's
/// article to the next.
pub const YEARS_OLD: &str = "years old";

/// Claims about the ages of the people a sentence names.
pub(super) fn ages(cx: &Reading) -> Vec<Claim> {
    let mut out = Vec::new();
    for m in cx.mentions {
        if m.reference.is_some()
            || matches!(
                m.kind,
                Some(EntityKind::Place | EntityKind::Company | EntityKind::Index)
            )
        {
            continue;
        }
        let (Some(start), Some(end)) = (
            m.span.start().checked_sub(cx.base),
            m.span.end().checked_sub(cx.base),
        ) else {
            continue;
        };
        // "Joe “Duke” Robertson": the surname after a nickname in quotes
        // is the full name without the nickname.
        let name = if m.name.split_whitespace().count() >= 2 {
            m.name.clone()
        } else if let Some(name) = nicknamed(cx.text, start, &m.name) {
            name
        } else {
            continue;
        };
        let found = age_after(cx.text, end).or_else(|| age_before(cx.text, start));
        let Some((span, years)) = found else {
            continue;
        };
        let value = Value::Quantity(Quantity {
            unit: Unit::Count {
                noun: YEARS_OLD.into(),
            },
            value: f64::from(years),
            high: None,
            resolution: 1.0,
            qualifier: Qualifier::Exact,
            direction: None,
            vague: false,
        });
        out.push(cx.claim(
            span,
            (name, Some(EntityKind::Person)),
            AGE.to_string(),
            value,
            Modality::Confirmed,
        ));
    }
    out
}

/// An age written just after a name (`end`, sentence-relative): ", 62,",
/// " (62)", ", aged 62", ", a 62-year-old". The span is the figure's.
fn age_after(text: &str, end: usize) -> Option<(Span, u32)> {
    let rest = text.get(end..)?;
    let (skip, body) = if let Some(r) = rest.strip_prefix(", ") {
        (2, r)
    } else if let Some(r) = rest.strip_prefix(" (") {
        let (n, len) = leading_number(r)?;
        return tail(r, len)
            .starts_with(')')
            .then(|| (Span::new(end + 2, end + 2 + len), n));
    } else {
        return None;
    };
    let at = end + skip;
    for lead in ["aged ", "age "] {
        if let Some(r) = body.strip_prefix(lead) {
            let (n, len) = leading_number(r)?;
            return ends_figure(tail(r, len))
                .then(|| (Span::new(at + lead.len(), at + lead.len() + len), n));
        }
    }
    for lead in ["a ", "an "] {
        if let Some(r) = body.strip_prefix(lead) {
            let (n, len) = leading_number(r)?;
            return tail(r, len)
                .starts_with("-year-old")
                .then(|| (Span::new(at + lead.len(), at + lead.len() + len), n));
        }
    }
    let (n, len) = leading_number(body)?;
    ends_figure(tail(body, len)).then(|| (Span::new(at, at + len), n))
}

/// An age written before a name (`start`, sentence-relative): "62-year-old
/// Viola Warren", or "the 62-year-old grandmother, Viola Warren": the
/// "-year-old" figure, then at most three lower-case words and a comma (so
/// that "the 7-year-old met Viola Warren" gives her no age).
fn age_before(text: &str, start: usize) -> Option<(Span, u32)> {
    let before = text.get(..start)?.trim_end();
    let (before, comma) = match before.strip_suffix(',') {
        Some(b) => (b, true),
        None => (before, false),
    };
    let mut head = before;
    for words in 0..=3 {
        if words > 0 && !comma {
            return None;
        }
        if let Some(stem) = head.strip_suffix("-year-old") {
            let digits = stem.len() - stem.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            let from = stem.len() - digits;
            let n: u32 = stem.get(from..)?.parse().ok()?;
            // "a 3-year-old" but not "a 2013-year-old".
            let word_start = from == 0 || stem.get(..from).unwrap_or("").ends_with([' ', '(']);
            return (word_start && plausible(n)).then(|| (Span::new(from, from + digits), n));
        }
        // Drop one lower-case word ("grandmother", "security guard").
        let cut = head.rfind(' ')?;
        let word = tail(head, cut + 1);
        if word.is_empty() || !word.chars().all(|c| c.is_lowercase() || c == '-') {
            return None;
        }
        head = head.get(..cut).unwrap_or("").trim_end();
    }
    None
}

/// The full name of a person written with a nickname in quotes before the
/// surname (`start`, sentence-relative): "Joe “Joe Duke” Robertson" and
/// "Joe Dandrea "Duke" Robertson" are "Joe Robertson" and "Joe Dandrea
/// Robertson". The nickname is capitalised words; before it, one to three
/// capitalised words.
fn nicknamed(text: &str, start: usize, surname: &str) -> Option<String> {
    let before = text.get(..start)?.trim_end();
    let inner = before
        .strip_suffix('\u{201d}')
        .or_else(|| before.strip_suffix('"'))?;
    let open = inner.rfind(['\u{201c}', '"'])?;
    let nickname = inner.get(open..)?.trim_start_matches(['\u{201c}', '"']);
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if nickname.is_empty() || nickname.len() > 30 || !nickname.split_whitespace().all(capitalised) {
        return None;
    }
    let given: Vec<&str> = inner
        .get(..open)?
        .split_whitespace()
        .rev()
        .take_while(|w| capitalised(w) && w.chars().all(|c| c.is_alphabetic() || c == '.'))
        .take(3)
        .collect();
    if given.is_empty() {
        return None;
    }
    let mut name: Vec<&str> = given.into_iter().rev().collect();
    name.push(surname);
    Some(name.join(" "))
}

/// The number a string starts with, and its length in bytes, when it is a
/// whole number of one to three digits that could be an age.
fn leading_number(s: &str) -> Option<(u32, usize)> {
    let len = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=3).contains(&len) {
        return None;
    }
    let n: u32 = s.get(..len)?.parse().ok()?;
    plausible(n).then_some((n, len))
}

/// Whether what follows a number ends it as an age: a comma, a full stop,
/// a closing bracket, the end, or "and"/"of"/"who"/"was"/"is" (not "62
/// percent", "3.5", "12,000", "1 p.m.").
fn ends_figure(after: &str) -> bool {
    if after.is_empty() {
        return true;
    }
    if let Some(r) = after.strip_prefix([',', '.', ';', ')']) {
        // "12,000" and "3.5" go on with a digit.
        return !r.starts_with(|c: char| c.is_ascii_digit());
    }
    let word = after.trim_start().split([' ', ',']).next().unwrap_or("");
    after.starts_with(' ')
        && matches!(
            word,
            "and" | "of" | "who" | "was" | "is" | "were" | "had" | "has"
        )
}

/// What follows byte `at` of `s` (nothing past its end).
fn tail(s: &str, at: usize) -> &str {
    s.get(at..).unwrap_or("")
}

/// Whether a number can be a person's age.
fn plausible(n: u32) -> bool {
    (1..=119).contains(&n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(text: &str, name: &str) -> Option<(String, u32)> {
        let end = text.find(name)? + name.len();
        age_after(text, end).map(|(s, n)| (s.slice(text).to_string(), n))
    }

    fn before(text: &str, name: &str) -> Option<(String, u32)> {
        let start = text.find(name)?;
        age_before(text, start).map(|(s, n)| (s.slice(text).to_string(), n))
    }

    #[test]
    fn ages_after_a_name() {
        let t = "Hale's mother, Viola Warren, 62, died at the scene.";
        assert_eq!(after(t, "Viola Warren"), Some(("62".into(), 62)));
        let t = "The victim was Viola Warren, 62.";
        assert_eq!(after(t, "Viola Warren"), Some(("62".into(), 62)));
        let t = "Viola Warren (62) died.";
        assert_eq!(after(t, "Viola Warren"), Some(("62".into(), 62)));
        let t = "Viola Warren, aged 62, died.";
        assert_eq!(after(t, "Viola Warren"), Some(("62".into(), 62)));
        let t = "Jonathan Walker, a 34-year-old security guard, fled.";
        assert_eq!(after(t, "Jonathan Walker"), Some(("34".into(), 34)));
        let t = "Jonathan Walker, 34 and unemployed, fled.";
        assert_eq!(after(t, "Jonathan Walker"), Some(("34".into(), 34)));
    }

    #[test]
    fn a_nickname_in_quotes_is_not_part_of_the_name() {
        let at = |t: &str| t.find("Robertson").unwrap();
        let t = "his father, Joe \u{201c}Joe Duke\u{201d} Robertson, 38, on Naylor Road";
        assert_eq!(
            nicknamed(t, at(t), "Robertson").as_deref(),
            Some("Joe Robertson")
        );
        let t = "his father, Joe Dandrea \"Duke\" Robertson, 37, were found";
        assert_eq!(
            nicknamed(t, at(t), "Robertson").as_deref(),
            Some("Joe Dandrea Robertson")
        );
        // A quotation before a name is not a nickname.
        let t = "\"we are heartbroken\" Robertson said";
        assert_eq!(nicknamed(t, at(t), "Robertson"), None);
        let t = "his father \"Duke\" Robertson, 38";
        assert_eq!(nicknamed(t, at(t), "Robertson"), None);
    }

    #[test]
    fn figures_after_a_name_that_are_not_ages() {
        for t in [
            "Acme Logistics, 12,000 workers strong, grew.",
            "Acme Logistics, 62 percent owned by Bex, grew.",
            "Acme Logistics, 3.5 times larger, grew.",
            "Oak Street, 2015, was quiet.",
            "Viola Warren, 200, was quiet.",
            "Viola Warren (2015) was quiet.",
        ] {
            let name = if t.starts_with("Acme") {
                "Acme Logistics"
            } else if t.starts_with("Oak") {
                "Oak Street"
            } else {
                "Viola Warren"
            };
            assert_eq!(after(t, name), None, "{t}");
        }
    }

    #[test]
    fn ages_before_a_name() {
        let t = "He killed his 7-year-old daughter, Kayla Walker, at home.";
        assert_eq!(before(t, "Kayla Walker"), Some(("7".into(), 7)));
        let t = "Police named 34-year-old Jonathan Walker.";
        assert_eq!(before(t, "Jonathan Walker"), Some(("34".into(), 34)));
        let t = "The 31-year-old nursing home aide, Shantai Hale, was shot.";
        assert_eq!(before(t, "Shantai Hale"), Some(("31".into(), 31)));
        let t = "The 31-year-old nursing home aide Shantai Hale was shot.";
        assert_eq!(before(t, "Shantai Hale"), None);
        // Too far, or something other than plain words between.
        let t = "A 7-year-old girl was found near the home of Kayla Walker.";
        assert_eq!(before(t, "Kayla Walker"), None);
        let t = "The 7-year-old met Kayla Walker.";
        assert_eq!(before(t, "Kayla Walker"), None);
    }
}
