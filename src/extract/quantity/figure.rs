//! Figures written with digits: "4.35%", "$3.2 billion", "-6.4%", "20-45%",
//! "52,000 accelerator chips", with the qualifier words before them.

use super::noun::count_noun;
use super::wording::word_figures;
use super::*;
use std::sync::LazyLock;

pub(super) const NUM: &str = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?";

// reason: the pattern is built only from constants (NUM and literals), so it
// always compiles; every figure test exercises it.
#[allow(clippy::expect_used)]
pub(super) static FIGURE: LazyLock<regex_automata::meta::Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?x)
        (?P<sign>[-−–+])?
        (?P<cur>(?:US|C|A|HK|S|NZ)?\$|€|£|¥|(?-u:\b)(?:USD|EUR|GBP|JPY)\s?)?
        (?P<num>{NUM})
        (?P<scale1>\s?(?i:trillion|billion|million|thousand)(?-u:\b)|(?i:tn|bn|mn|b|m|k)(?-u:\b))?
        (?:\s?(?:-|–|to)\s?(?:(?:US)?\$|€|£)?(?P<num2>{NUM}))?
        (?P<scale>\s?(?i:trillion|billion|million|thousand)(?-u:\b)|(?i:tn|bn|mn|b|m|k)(?-u:\b))?
        (?P<unit>\s?(?:%|(?i:percentage\s+points?|basis\s+points?|bps|bp|per\s?cent|percent|pct)(?-u:\b)|(?i:euros?|dollars?|pounds?|yen)(?-u:\b)|(?i:x)(?-u:\b)|-fold(?-u:\b)))?
        "
    );
    // As `regex::RegexBuilder` with a 32 MiB DFA builds it, without a
    // prefilter (`pattern::build`): only sentences with a digit are
    // searched, and the literals were a third of the build.
    crate::text::pattern::build(&pattern, 32 << 20, false).expect("valid figure regex")
});

#[cfg(test)]
pub(crate) fn find(text: &str, lex: &Lexicon) -> Vec<(Span, Quantity)> {
    let lower = crate::text::fold_case(text);
    find_of(text, &lower, &lex.vague_set.find(&lower), lex)
}

/// `find` in a sentence whose folded case (`fold_case`) is at hand.
/// `vague` is where the vague phrases (`Lexicon::vague_set`) occur in `lower`.
pub(crate) fn find_of(
    text: &str,
    lower: &str,
    vague: &PhraseHits,
    lex: &Lexicon,
) -> Vec<(Span, Quantity)> {
    let mut out = Vec::new();
    // Every figure the pattern reads has a digit (`NUM`): a sentence with
    // none is not searched.
    let figures = text.bytes().any(|b| b.is_ascii_digit()).then(|| {
        FIGURE
            .captures_iter(text)
            .map(|caps| crate::text::pattern::Found::new(text, caps))
    });
    for caps in figures.into_iter().flatten() {
        // The whole match and its number are always there.
        let (Some(whole), Some(num)) = (caps.get(0), caps.name("num")) else {
            continue;
        };
        let (mut start, end) = (whole.start(), whole.end());
        if !left_boundary_ok(text, start) || !right_boundary_ok(text, end) {
            continue;
        }
        let has_cur = caps.name("cur").is_some();
        let unit_word = caps.name("unit").map(|m| m.as_str().trim().to_lowercase());
        let scale1 = caps
            .name("scale1")
            .map(|m| m.as_str().trim().to_lowercase());
        if scale1.is_some() && caps.name("num2").is_none() && caps.name("scale").is_some() {
            continue; // "3 billion million": not a figure this grammar reads
        }
        // "€610m to €640m": each end has its scale; "€610-640 million": one for both.
        let scale_word = caps
            .name("scale")
            .map(|m| m.as_str().trim().to_lowercase())
            .or(scale1.clone());
        let Some(value) = parse_num(num.as_str()) else {
            continue;
        };
        // A sign counts only where it is not a hyphen joining words ("Q-3", "mid-4").
        let sign = caps.name("sign").filter(|s| {
            let before = text.get(..s.start()).and_then(|b| b.chars().next_back());
            before.is_none_or(|c| c.is_whitespace() || c == '(' || c == '[')
        });
        if caps.name("sign").is_some() && sign.is_none() {
            start = num
                .start()
                .min(caps.name("cur").map_or(usize::MAX, |c| c.start()));
        }
        let scale = scale_word.as_deref().map_or(1.0, scale_of);
        let low_scale = scale1.as_deref().map_or(scale, scale_of);
        let one_letter = |s: &Option<String>| s.as_deref().is_some_and(|s| s.len() == 1);
        if (one_letter(&scale_word) || one_letter(&scale1)) && !has_cur {
            continue; // "5 m" without a currency is too ambiguous
        }
        let mut count_end = end;
        let mut basis_points = false;
        let decimals = num.as_str().split('.').nth(1).map_or(0, str::len) as i32;
        let resolution = step(num.as_str(), decimals) * low_scale;
        let unit = match (&unit_word, has_cur) {
            (Some(u), _) if u == "%" || u.starts_with("per") || u == "pct" => {
                if u.starts_with("percentage") {
                    Unit::PercentagePoints
                } else {
                    Unit::Percent
                }
            }
            // "25 basis points" is a quarter of a percentage point.
            (Some(u), _) if u.starts_with("basis") || u == "bps" || u == "bp" => {
                basis_points = true;
                Unit::PercentagePoints
            }
            (Some(u), _) if u == "x" || u == "-fold" => Unit::Multiple,
            (Some(u), _) => Unit::Money {
                currency: currency_word(u),
            },
            (None, true) => Unit::Money {
                currency: currency_symbol(caps.name("cur").map_or("$", |m| m.as_str().trim())),
            },
            (None, false) => {
                if is_year_like(num.as_str(), scale_word.is_some()) || is_time(text, end) {
                    continue;
                }
                match text.get(end..).and_then(|rest| count_noun(rest, lex)) {
                    Some((noun, len)) => {
                        count_end = end + len;
                        Unit::Count { noun: noun.into() }
                    }
                    // "fewer than the 240,000 economists had forecast, and down
                    // from 315,000 in March": a bare figure counts what the last
                    // count of its sentence counted.
                    None => {
                        match out
                            .iter()
                            .rev()
                            .find_map(|(_, q): &(Span, Quantity)| match &q.unit {
                                Unit::Count { noun } if num.as_str().contains(',') => {
                                    Some(noun.clone())
                                }
                                _ => None,
                            }) {
                            Some(noun) => Unit::Count { noun },
                            // "Mortgage approvals climbed to 52,000": the counted
                            // noun stands before the verb.
                            None => match counted_before(text, start, lex) {
                                Some(noun) if num.as_str().contains(',') => {
                                    Unit::Count { noun: noun.into() }
                                }
                                _ => continue,
                            },
                        }
                    }
                }
            }
        };
        let bp = if basis_points { 0.01 } else { 1.0 };
        let mut q = Quantity {
            unit,
            value: value * low_scale * bp,
            // "$5.4 million to $200,000": a high end written out in full
            // takes no scale from the low end.
            high: caps.name("num2").and_then(|m| {
                let own = caps.name("scale").is_some() || !m.as_str().contains(',');
                parse_num(m.as_str()).map(|v| if own { v * scale } else { v })
            }),
            resolution: resolution * bp,
            qualifier: Qualifier::Exact,
            direction: None,
            vague: false,
        };
        if let Some(s) = sign {
            if matches!(s.as_str(), "-" | "−" | "–") {
                q.direction = Some(Direction::Down);
            } else {
                q.direction = Some(Direction::Up);
            }
        }
        let mut span = Span::new(start, end.max(count_end));
        // "from $5.4 million to $200,000" is a fall, not a range: two
        // figures, each its own number.
        let mut second = None;
        if let (Some(h), Some(n2)) = (q.high, caps.name("num2"))
            && h < q.value
        {
            q.high = None;
            let first_end = caps.name("scale1").map_or(num.end(), |m| m.end());
            span = Span::new(start, first_end);
            let symbol = text
                .get(..n2.start())
                .and_then(|b| b.char_indices().next_back())
                .filter(|(_, c)| matches!(c, '$' | '€' | '£'))
                .map_or(n2.start(), |(i, _)| i);
            let decimals = n2.as_str().split('.').nth(1).map_or(0, str::len) as i32;
            let own_scale = if h >= 1.0 && n2.as_str().contains(',') {
                1.0
            } else {
                scale
            };
            second = Some((
                Span::new(symbol, end.max(count_end)),
                Quantity {
                    value: h,
                    high: None,
                    resolution: step(n2.as_str(), decimals) * own_scale,
                    ..q.clone()
                },
            ));
        }
        if q.high.is_some() {
            q.qualifier = Qualifier::Range;
        }
        if let Some((qual, qstart)) = qualifier_before(text, span.start(), lex) {
            q.qualifier = qual;
            span = Span::new(qstart, span.end());
        }
        // Trim a trailing space the optional groups may have swallowed.
        let trimmed = span.slice(text).trim_end().len();
        out.push((Span::new(span.start(), span.start() + trimmed), q));
        if let Some((s2, q2)) = second {
            let trimmed = s2.slice(text).trim_end().len();
            out.push((Span::new(s2.start(), s2.start() + trimmed), q2));
        }
    }
    let mut out = join_between(text, out);
    // "45 of its 380 stores": a figure inside another's span is part of it.
    let spans: Vec<Span> = out.iter().map(|(s, _)| *s).collect();
    out.retain(|(s, _)| !spans.iter().any(|o| o != s && o.contains(*s)));
    out.extend(word_figures(text, lower, vague, &out, lex));
    out.sort_by_key(|(s, _)| *s);
    out
}

/// "between €610 million and €640 million": two figures of one unit joined
/// into a range.
fn join_between(text: &str, figures: Vec<(Span, Quantity)>) -> Vec<(Span, Quantity)> {
    let mut out: Vec<(Span, Quantity)> = Vec::with_capacity(figures.len());
    for (span, q) in figures {
        if let Some((prev_span, prev)) = out.last_mut()
            && prev_span.end() <= span.start()
            && let Some(gap) = text.get(prev_span.end()..span.start())
            && let Some(before) = text.get(..prev_span.start())
        {
            let before = crate::text::fold_case(before.trim_end());
            if gap.trim() == "and"
                && before.ends_with("between")
                && prev.unit == q.unit
                && prev.high.is_none()
                && q.high.is_none()
            {
                prev.high = Some(q.value);
                prev.qualifier = Qualifier::Range;
                prev.resolution = prev.resolution.min(q.resolution);
                *prev_span = Span::new(prev_span.start(), span.end());
                continue;
            }
        }
        let mut q = q;
        // "less than 50 km (30 miles)": a conversion in brackets restates
        // the figure before it, bound and all, and is never more exact.
        if let Some((prev_span, prev)) = out.last()
            && prev_span.end() <= span.start()
            && text.get(prev_span.end()..span.start()).map(str::trim) == Some("(")
            && prev.unit != q.unit
            && q.qualifier == Qualifier::Exact
        {
            q.qualifier = match prev.qualifier {
                Qualifier::Exact | Qualifier::Range => Qualifier::About,
                other => other,
            };
        }
        out.push((span, q));
    }
    out
}

/// "doubled", "nearly double", "double-digit", "hundreds of millions", "three quarters".
pub(super) fn parse_num(s: &str) -> Option<f64> {
    s.replace(',', "").parse().ok()
}

pub(super) fn scale_of(s: &str) -> f64 {
    match s {
        "trillion" | "tn" => 1e12,
        "billion" | "bn" | "b" => 1e9,
        "million" | "mn" | "m" => 1e6,
        "thousand" | "k" => 1e3,
        _ => 1.0,
    }
}

pub(super) fn currency_symbol(s: &str) -> &'static str {
    match s {
        "€" | "EUR" => "EUR",
        "£" | "GBP" => "GBP",
        "¥" | "JPY" => "JPY",
        "C$" => "CAD",
        "A$" => "AUD",
        "HK$" => "HKD",
        "S$" => "SGD",
        "NZ$" => "NZD",
        _ => "USD",
    }
}

pub(super) fn currency_word(s: &str) -> &'static str {
    if s.starts_with("euro") {
        "EUR"
    } else if s.starts_with("pound") {
        "GBP"
    } else if s == "yen" {
        "JPY"
    } else {
        "USD"
    }
}

/// A number may not continue a word, a number or a version ("Q3", "A100", "4.35").
pub(super) fn left_boundary_ok(text: &str, start: usize) -> bool {
    let Some(before) = text.get(..start) else {
        return false;
    };
    match before.chars().next_back() {
        None => true,
        Some(c) => {
            !(c.is_alphanumeric() || c == '.' || c == ',' || c == '_' || c == '/' || c == ':')
        }
    }
}

pub(super) fn right_boundary_ok(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..) else {
        return false;
    };
    let mut chars = rest.chars();
    match chars.next() {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '_' => false,
        Some(':') => !chars.as_str().starts_with(|c: char| c.is_ascii_digit()),
        Some('.' | ',') => !chars.as_str().starts_with(|c: char| c.is_ascii_digit()),
        Some(_) => true,
    }
}

pub(super) fn is_year_like(num: &str, scaled: bool) -> bool {
    !scaled && num.len() == 4 && num.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

pub(super) fn is_time(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("").trim_start().to_lowercase();
    rest.starts_with("a.m")
        || rest.starts_with("p.m")
        || rest.starts_with("am ")
        || rest.starts_with("pm ")
}

/// A count attribute's word among the six words before `at` ("approvals
/// climbed to 52,000" → approvals).
fn counted_before(text: &str, at: usize, lex: &Lexicon) -> Option<String> {
    let before = crate::text::fold_case(text.get(..at)?);
    let words: Vec<&str> = crate::text::word_spans(&before)
        .into_iter()
        .map(|(_, w)| w)
        .collect();
    words
        .iter()
        .rev()
        .take(6)
        .find(|w| {
            lex.attributes.iter().any(|(_, phrases, units)| {
                units.contains(&crate::rules::UnitKind::Count)
                    && phrases
                        .iter()
                        .any(|p| matches!(p.words.as_slice(), [only] if *only == **w))
            })
        })
        .map(|w| w.to_string())
}

/// Verbs after which "up to" is a movement ("ticks up to 3.9%").
const MOVE_VERBS: &[&str] = &[
    "tick", "ticks", "ticked", "edge", "edges", "edged", "inch", "inches", "inched", "move",
    "moves", "moved", "creep", "creeps", "crept", "go", "goes", "went", "shot", "shoots", "bumped",
    "bumps", "pushed", "pushes",
];

/// A qualifier phrase ending right before `at`: returns it and where it starts.
pub(crate) fn qualifier_before(text: &str, at: usize, lex: &Lexicon) -> Option<(Qualifier, usize)> {
    let before = text.get(..at)?.trim_end();
    let lower = crate::text::fold_case(before);
    for (phrase, qual) in &lex.qualifiers {
        let needle = &phrase.text;
        if let Some(stripped) = lower.strip_suffix(needle.as_str())
            && stripped
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        {
            // "ticked up to 3.9%", "edged up to": a move, not a bound.
            let verb = stripped.trim_end().rsplit(' ').next().unwrap_or("");
            let moved =
                needle.starts_with("up ") && (lex.up.contains(verb) || MOVE_VERBS.contains(&verb));
            if moved {
                continue;
            }
            return Some((*qual, stripped.len()));
        }
    }
    None
}

/// The smallest step a number written in `digits` (with `decimals` after
/// the point) expresses: a hundredth for "6.27", and for a whole number of
/// five digits or more ending in zeros, the place of its last digit that is
/// not a zero, to two significant digits at most: "220,000" is rounded to
/// the ten thousand (it may stand for 222,000), "222,000" to the thousand,
/// "2,500,000" to the hundred thousand, as "$2.5 million" is.
fn step(digits: &str, decimals: i32) -> f64 {
    if decimals > 0 {
        return 10f64.powi(-decimals);
    }
    let whole: Vec<u8> = digits.bytes().filter(u8::is_ascii_digit).collect();
    let zeros = whole.iter().rev().take_while(|&&d| d == b'0').count();
    if whole.len() < 5 || zeros == whole.len() {
        return 1.0;
    }
    let places = zeros.min(whole.len() - 2);
    10f64.powi(i32::try_from(places).unwrap_or(0))
}

#[cfg(test)]
mod step_tests {
    use super::step;

    #[test]
    fn a_round_number_is_as_precise_as_its_last_digit_that_is_not_zero() {
        assert_eq!(step("6.27", 2), 0.01);
        assert_eq!(step("220,000", 0), 10_000.0);
        assert_eq!(step("222,000", 0), 1_000.0);
        assert_eq!(step("2,500,000", 0), 100_000.0);
        // Two significant digits at most: "200,000" is not "150,000".
        assert_eq!(step("200,000", 0), 10_000.0);
        // Below five digits a number is as written ("1,000 troops").
        assert_eq!(step("1,000", 0), 1.0);
        assert_eq!(step("24", 0), 1.0);
    }
}
