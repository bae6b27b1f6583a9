//! Name cards scraped into the prose: some pages follow a politician's
//! name with a pop-up card, and a scrape keeps its text inline, glued to
//! the name: "Sen. Lindsey Graham Lindsey Olin GrahamThe Hill's Morning
//! Report … Trump asserts his power over Republicans MORE (R-S.C.)
//! announced …". The card repeats the name in full, its last word glued to
//! the first headline, and ends at "MORE". Its headlines are other stories:
//! their names and figures are not the article's.
//!
//! In: a block of prose. Out: the cards blanked (offsets kept), the name
//! before each card left in place.

use super::blank;
use crate::span::Span;

/// The most bytes from a glued word to the "MORE" that closes its card.
const CARD_BYTES: usize = 600;

/// The most bytes from the name to the glued word: the name in full
/// ("Jeffrey (Jeff) Lane Flake").
const NAME_BYTES: usize = 60;

/// Blanks every name card in `span` of `prose`.
pub(crate) fn blank_name_cards(prose: &mut [u8], span: Span) {
    let cards = find(prose.get(span.start()..span.end()).unwrap_or_default());
    for card in cards {
        blank(
            prose,
            Span::new(span.start() + card.start(), span.start() + card.end()),
        );
    }
}

/// The cards of `text`: from just after the name to the end of "MORE".
fn find(text: &[u8]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for more in memchr::memmem::find_iter(text, b"MORE") {
        let end = more + 4;
        let alone = |i: Option<&u8>| i.is_none_or(|c| !c.is_ascii_alphanumeric());
        if !alone(more.checked_sub(1).and_then(|i| text.get(i))) || !alone(text.get(end)) {
            continue;
        }
        let from = more
            .saturating_sub(CARD_BYTES)
            .max(out.last().map_or(0, |c| c.end()));
        if let Some(start) = (from..more).find_map(|i| card_start(text, i)) {
            out.push(Span::new(start, end));
        }
    }
    out
}

/// Where a card starts if a glued word begins at byte `at`: a capitalised
/// word of three or more letters glued to a capital ("GrahamThe"), the same
/// word written alone just before it ("Lindsey Graham Lindsey Olin
/// Graham…"); the card starts after that earlier word.
fn card_start(text: &[u8], at: usize) -> Option<usize> {
    if at > 0 && text.get(at - 1).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    let word_len = text
        .get(at..)?
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let word = text.get(at..at + word_len)?;
    // The glue: a lower-case letter then a capital, three letters in.
    let glue = (3..word_len).find(|&i| {
        word.get(i - 1).is_some_and(u8::is_ascii_lowercase)
            && word.get(i).is_some_and(u8::is_ascii_uppercase)
    })?;
    let name = word.get(..glue)?;
    if !name.first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let before = text.get(at.saturating_sub(NAME_BYTES)..at)?;
    let found = memchr::memmem::rfind(before, name)?;
    let after = found + name.len();
    let edge = |i: Option<&u8>| i.is_none_or(|c| !c.is_ascii_alphanumeric());
    let whole = edge(found.checked_sub(1).and_then(|i| before.get(i))) && edge(before.get(after));
    whole.then_some(at - before.len() + after)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(text: &str) -> String {
        let mut bytes = text.as_bytes().to_vec();
        let span = Span::new(0, bytes.len());
        blank_name_cards(&mut bytes, span);
        String::from_utf8(bytes)
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_card_after_a_name_is_blanked() {
        assert_eq!(
            cleaned(
                "Chairman Lindsey Graham Lindsey Olin GrahamThe Hill's Morning Report - \
                 Trump tweets as tensions escalate Trump asserts his power over Republicans MORE \
                 (R-S.C.) announced a vote."
            ),
            "Chairman Lindsey Graham (R-S.C.) announced a vote."
        );
        assert_eq!(
            cleaned(
                "former Sens. Jeff Flake Jeffrey (Jeff) Lane FlakeTrump asserts his power \
                 over Republicans MORE (R-Ariz.) and Bob Corker Robert (Bob) Phillips \
                 CorkerTrump asserts his power Romney is only GOP senator MORE (R-Tenn.)"
            ),
            "former Sens. Jeff Flake (R-Ariz.) and Bob Corker (R-Tenn.)"
        );
    }

    #[test]
    fn names_written_in_one_word_are_kept() {
        for text in [
            "Mitch McConnell said MORE money was needed.",
            "The PlayStation Plus service costs MORE than before.",
            "Betsy DeVos spoke. DeVos said nothing MORE.",
        ] {
            assert_eq!(cleaned(text), text);
        }
    }
}
