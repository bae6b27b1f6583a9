//! Entity mentions in a sentence: names known from the rules, capitalised
//! runs ("Philadelphia Semiconductor Index", "S&P 500", "Meta Platforms Inc."),
//! acronyms defined in parentheses, people (kept apart: they attribute, they
//! are not subjects), and references such as "the tech giant".
//!
//! A capitalised word at the start of a sentence or in a headline is a name
//! only with evidence: the rules know it, it is an acronym or carries a
//! company suffix, or the corpus writes it capitalised mid-sentence.

mod evidence;
mod lists;
mod runs;

pub(crate) use evidence::Evidence;
pub(crate) use runs::NameRuns;

/// Whether a word (any case, a final period allowed) is a title or role
/// written before a name ("Detective", "Dr.", "spokesman").
pub(crate) fn is_title(word: &str) -> bool {
    titled(word.trim_end_matches('.'))
}

/// `TITLES` as a set.
static TITLE_SET: std::sync::LazyLock<crate::text::WordSet> =
    std::sync::LazyLock::new(|| TITLES.iter().map(|t| t.to_string()).collect());

/// Whether `w` lower-cased is one of `TITLES` (ASCII lower case, a test
/// says): a short ASCII word is lower-cased on the stack and looked up,
/// any other lower-cased into a new string first.
pub(crate) fn titled(w: &str) -> bool {
    let mut buf = [0u8; 24];
    match buf.get_mut(..w.len()) {
        Some(low) if w.is_ascii() => {
            low.copy_from_slice(w.as_bytes());
            low.make_ascii_lowercase();
            std::str::from_utf8(low).is_ok_and(|l| TITLE_SET.contains(l))
        }
        _ => TITLES.contains(&w.to_lowercase().as_str()),
    }
}

use super::lexicon::{Folded, Lexicon};
use crate::nlp::{Parse, Upos};
use crate::rules::EntityKind;
use crate::span::Span;
use crate::text::{Token, TokenKind, find_words, tokenize};
use lists::*;
use runs::*;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mention {
    /// Byte span in the document.
    pub span: Span,
    pub name: String,
    pub kind: Option<EntityKind>,
    /// For "the company": the kind it refers back to; resolved later.
    pub reference: Option<EntityKind>,
    /// Introduced by "in", "across" …: where something happens, never who.
    pub locative: bool,
    /// Followed by "'s": it qualifies another noun ("the FDA's approval").
    pub possessive: bool,
    /// Cited as a source ("according to X", "analysts at X"): the
    /// sentence's subject only when nothing else can be.
    pub cited: bool,
}

impl Mention {
    pub fn is_person(&self) -> bool {
        self.kind == Some(EntityKind::Person)
    }
}

/// Whether the name ending at `end` is followed by a possessive "'s".
fn possessive(prose: &str, end: usize) -> bool {
    prose
        .get(end..)
        .is_some_and(|rest| rest.starts_with("'s") || rest.starts_with("’s"))
}

/// Whether the name at `start` follows "in", "across", "throughout" or "within".
pub(super) fn locative(prose: &str, start: usize) -> bool {
    let before = prose.get(..start).unwrap_or("").trim_end();
    let word_start = before
        .char_indices()
        .rfind(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let Some((earlier, word)) = before.split_at_checked(word_start) else {
        return false;
    };
    // Compared ignoring ASCII case, not folded: `fold_case` never turns a
    // character outside ASCII into one inside, so a folded word equals a
    // lower-case ASCII word exactly when this comparison holds.
    if !["in", "across", "throughout", "within"]
        .iter()
        .any(|x| word.eq_ignore_ascii_case(x))
    {
        return false;
    }
    // "shares in Tidewater", "a stake in DataRiver": ownership, not a place.
    // Only the word before is folded, not all the prose before it (that made
    // a long line quadratic).
    let owner = earlier
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    ![
        "shares",
        "stake",
        "stakes",
        "holding",
        "holdings",
        "investment",
        "invested",
        "invest",
        "interest",
        "stock",
        "role",
        "position",
    ]
    .iter()
    .any(|x| owner.eq_ignore_ascii_case(x))
}

/// Mentions in one sentence (the one `names` was found in, `folded` in
/// lower case), spans in document offsets.
pub(crate) fn mentions<'t>(
    prose: &str,
    folded: &Folded,
    heading: bool,
    lex: &Lexicon,
    evidence: &Evidence,
    names: &NameRuns,
    tags: &dyn Fn() -> Option<&'t Parse>,
) -> Vec<Mention> {
    let sentence = names.sentence;
    let lower = folded.lower;
    let text = sentence.slice(prose);
    let mut out: Vec<Mention> = Vec::new();
    // Names the rules know, longest first.
    let known = lex.known_set.find(text);
    // (In most sentences none: the list is then not walked.)
    let listed = if known.is_empty() {
        &[][..]
    } else {
        &lex.known[..]
    };
    for (i, (name, kind)) in listed.iter().enumerate() {
        for s in known.starts(i).iter() {
            let span = Span::new(s, s + name.len()).offset(sentence.start());
            if !out.iter().any(|m| m.span.overlaps(span)) {
                out.push(Mention {
                    span,
                    name: name.clone(),
                    kind: *kind,
                    reference: None,
                    locative: locative(prose, span.start()),
                    possessive: possessive(prose, span.end()),
                    cited: false,
                });
            }
        }
    }
    let toks = &names.toks;
    // A short label opening the sentence ("Expected close:") holds no name.
    let label_end = text
        .find(':')
        .filter(|&i| {
            text.get(..i)
                .is_some_and(|label| label.split_whitespace().count() <= 3)
        })
        .map_or(0, |i| sentence.start() + i);
    for r in &names.runs {
        let (run, run_start, raw) = (&r.run, r.span.start(), r.span.slice(prose));
        for part in &r.parts {
            // "Judge Helen Carrow", "Interior Minister Dana Kovač": a title
            // opening the run makes the rest a person's name.
            let (part, titled) = strip_title(part);
            let Some(rel) = raw.find(&part) else { continue };
            // "SUVs", "GPUs", "CEOs": plurals of acronyms are things, not names.
            if part.len() > 2
                && part
                    .strip_suffix('s')
                    .is_some_and(|stem| stem.chars().all(|c| c.is_ascii_uppercase()))
            {
                continue;
            }
            let initial = heading || (run.first_token == 0 && rel == 0);
            let span = Span::new(run_start + rel, run_start + rel + part.len());
            // "Price: $48", "Expected close: …": a label, not a name.
            if span.end() <= label_end {
                continue;
            }
            if out.iter().any(|m| m.span.overlaps(span)) {
                continue;
            }
            // "Two people died", "Dozens were hurt": a number word alone
            // is a count, never a name.
            if NUMBER_WORDS.contains(&part.as_str()) {
                continue;
            }
            // At the start of a body sentence a name of two or more words is
            // taken as it stands; one word needs evidence.
            let multiword = !heading && part.contains(' ');
            let known = evidence.names.contains(&part)
                || is_acronym(&part)
                || kind_of(&part).is_some()
                || multiword;
            // One capitalised word opening a body sentence is a name unless
            // the corpus also writes it in lower case ("Revenue", "Oil").
            // "Hackers", "Officials": a plural of people is not a name.
            let plural_people = ["ers", "ors", "ists", "ants", "ents", "ians"]
                .iter()
                .any(|s| part.ends_with(s));
            let lone_name = !heading
                && !part.contains(' ')
                && !part.contains('-')
                && !plural_people
                && !evidence.lowercase.contains(&part.to_lowercase())
                && !opens_measure(prose.get(span.start()..sentence.end()).unwrap_or(""), lex);
            let accepted = if initial && !known && !lone_name {
                // Fall back to the longest evidenced prefix ("Meta Eyes Cloud" → "Meta").
                longest_evidenced_prefix(&part, evidence)
            } else {
                Some(part.clone())
            };
            let Some(name) = accepted else { continue };
            let span = Span::new(span.start(), span.start() + name.len());
            // "Unlike Texas, …", "Imagine Medicare costs …", "Measuring
            // Medicaid enrollees' access …": a preposition or a verb opening
            // the sentence is not the first word of the name after it, unless
            // the corpus writes the whole name mid-sentence.
            let (name, span) = match initial
                .then(|| opener_len(&name, evidence, tags, span, sentence))
                .flatten()
            {
                Some(cut) => (
                    name.get(cut..).unwrap_or_default().to_string(),
                    Span::new(span.start() + cut, span.end()),
                ),
                None => (name, span),
            };
            if name.is_empty() {
                continue;
            }
            // Otherwise the tagger has the last word: "Any", "Rising", "Key"
            // opening a sentence are a determiner, a verb, an adjective.
            // Names the corpus or the rules vouch for stand whatever the tag
            // ("Brent crude", tagged as an adjective).
            let vouched = evidence.names.contains(&name) || kind_of(&name).is_some();
            // "YTD, the stock is down 12%": an unvouched acronym opening the
            // sentence before a comma is a sentence adverb, not a name.
            if initial
                && !vouched
                && is_acronym(&name)
                && prose.get(span.end()..).is_some_and(|r| r.starts_with(','))
            {
                continue;
            }
            if !vouched
                && let Some(p) = tags()
                && !super::syntax::may_be_name(
                    p,
                    Span::new(
                        span.start() - sentence.start(),
                        span.end() - sentence.start(),
                    ),
                    is_acronym(&name),
                )
            {
                continue;
            }
            // "sales in Europe", "trading in Amsterdam": a place, not an actor.
            let place = locative(prose, span.start());
            let known_place = evidence.places.contains(&name);
            // A person named in full elsewhere ("Luca Moreau"), or by surname ("Moreau").
            let known_person = evidence.persons.contains(&name)
                || (!name.contains(' ') && evidence.surnames.contains(&name));
            let kind = kind_of(&name)
                .or_else(|| (known_person || titled).then_some(EntityKind::Person))
                .or_else(|| person_kind(prose, toks, run, &name))
                .or((place || known_place).then_some(EntityKind::Place));
            out.push(Mention {
                span,
                name,
                kind,
                reference: None,
                locative: place,
                possessive: possessive(prose, span.end()),
                cited: false,
            });
        }
    }
    // References such as "the tech giant", every phrase found in one pass.
    let (hits, tails) = (&folded.references, &folded.reference_tails);
    // "the Dutch retailer", "the Premier League club": up to two describing
    // words may stand inside; where the first and second word after each
    // "the" start (only the next few words matter).
    let thes: Vec<(usize, Vec<usize>)> = if tails.is_empty() {
        Vec::new()
    } else {
        find_words(lower, "the")
            .into_iter()
            .filter_map(|s| {
                let rest = lower.get(s + 3..)?;
                let near = rest.char_indices().nth(48).map_or(rest.len(), |(i, _)| i);
                let next = crate::text::words(rest.get(..near).unwrap_or(rest))
                    .skip(1)
                    .take(2)
                    .map(|(pos, _)| s + 3 + pos)
                    .collect();
                Some((s, next))
            })
            .collect()
    };
    let listed = if hits.is_empty() && tails.is_empty() {
        &[][..]
    } else {
        &lex.references[..]
    };
    for (i, (phrase, kind)) in listed.iter().enumerate() {
        let needle = &phrase.text;
        let mut found: Vec<(usize, usize)> = hits
            .starts(i)
            .iter()
            .map(|s| (s, s + needle.len()))
            .collect();
        let tail = tails.starts(i);
        if !tail.is_empty() {
            let tail_len = needle.len().saturating_sub(4);
            for (s, next) in &thes {
                // The tail as whole words, one or two words after "the".
                if let Some(at) = next.iter().find(|at| tail.contains(**at))
                    && !found.iter().any(|(a, _)| a == s)
                {
                    found.push((*s, at + tail_len));
                }
            }
        }
        for (s, e) in found {
            let span = Span::new(s, e).offset(sentence.start());
            // "the UK operator": the place only describes the operator.
            out.retain(|m| !(m.kind == Some(EntityKind::Place) && span.contains(m.span)));
            if !out.iter().any(|m| m.span.overlaps(span)) {
                out.push(Mention {
                    span,
                    name: needle.clone(),
                    kind: None,
                    reference: Some(*kind),
                    locative: false,
                    possessive: possessive(prose, span.end()),
                    cited: false,
                });
            }
        }
    }
    for m in &mut out {
        m.cited = lower
            .get(..m.span.start() - sentence.start())
            .is_some_and(super::clause::cited);
    }
    out.sort_by_key(|m| m.span);
    out
}

/// Whether `rest` opens with a measure of several words that the rules
/// know ("House prices rose …", "Home sales fell …"): its first word is then
/// a common noun, whatever its capital.
fn opens_measure(rest: &str, lex: &Lexicon) -> bool {
    let lower = crate::text::fold_case(rest);
    let words: Vec<&str> = crate::text::word_spans(&lower)
        .into_iter()
        .take(4)
        .map(|(_, w)| w)
        .collect();
    lex.attributes.iter().any(|(_, phrases, _)| {
        phrases.iter().any(|p| {
            p.len() > 1
                && words
                    .get(..p.len())
                    .is_some_and(|head| head == p.words.as_slice())
        })
    })
}

/// A name without the titles that open it, and whether there were any
/// ("Interior Minister Dana Kovač" → "Dana Kovač"). A title alone, or a
/// title before fewer than two words, stays as it is ("Chief Executive").
fn strip_title(part: &str) -> (String, bool) {
    let words: Vec<&str> = part.split(' ').collect();
    // (Lower-casing makes and takes no periods: trimming first is the same.)
    let is_title = |w: &&str| titled(w.trim_end_matches('.'));
    // The title is among the first three words ("Deputy Finance Minister").
    let last_title = words.iter().take(3).rposition(is_title);
    match last_title.and_then(|t| words.get(t + 1..)) {
        Some(name) if name.len() >= 2 => (name.join(" "), true),
        _ => (part.to_string(), false),
    }
}

/// Bytes to cut from the start of a name of several words that opens its
/// sentence, up to its second word, when the tagger reads its first word
/// as a preposition, a subordinator, an adverb or a verb, one the corpus
/// also writes in lower case ("Unlike", "Imagine", "Measuring"). Not an auxiliary ("Will Smith"), not where the
/// corpus writes the whole name inside a sentence, and not where the rules
/// know it and not the rest of it.
fn opener_len<'t>(
    name: &str,
    evidence: &Evidence,
    tags: &dyn Fn() -> Option<&'t Parse>,
    span: Span,
    sentence: Span,
) -> Option<usize> {
    let second = name.find(' ')? + 1;
    let listed = |n: &str| kind_of(n).is_some();
    if evidence.inside.contains(name) || listed(name) && !listed(name.get(second..)?) {
        return None;
    }
    let first = Span::new(
        span.start() - sentence.start(),
        span.start() + second - 1 - sentence.start(),
    );
    // The word must be one the corpus writes in lower case too: the tagger
    // guesses at words it never saw ("Reince", "Sally", "Raymond" read as
    // a preposition, an adverb).
    if !name
        .get(..second - 1)
        .is_some_and(|w| evidence.written_lower(&w.to_lowercase()))
    {
        return None;
    }
    let opener = tags()?
        .words
        .iter()
        .find(|w| w.span.overlaps(first))
        .is_some_and(|w| matches!(w.upos, Upos::Adp | Upos::Sconj | Upos::Adv | Upos::Verb));
    opener.then_some(second)
}

fn longest_evidenced_prefix(part: &str, evidence: &Evidence) -> Option<String> {
    let words: Vec<&str> = part.split_whitespace().collect();
    (1..=words.len())
        .rev()
        .filter_map(|n| words.get(..n))
        .map(|prefix| prefix.join(" "))
        .find(|cand| evidence.names.contains(cand))
}

/// A two- or three-word name introduced by a title or followed by "said" is a person.
fn person_kind(prose: &str, toks: &[Token], run: &Run, name: &str) -> Option<EntityKind> {
    let n = name.split_whitespace().count();
    if !(2..=3).contains(&n) || name.chars().any(|c| c.is_ascii_digit() || c == '&') {
        return None;
    }
    let after = toks
        .get(run.end)
        .map(|t| t.span.slice(prose).to_lowercase());
    let after2 = toks
        .get(run.end + 1)
        .map(|t| t.span.slice(prose).to_lowercase());
    // "Jane Doe said", "Jane Doe, an analyst at …", "Jane Doe, chief executive".
    let after3 = toks
        .get(run.end + 2)
        .map(|t| t.span.slice(prose).to_lowercase());
    let appositive = after.as_deref() == Some(",")
        && (after2.as_deref().is_some_and(|w| TITLES.contains(&w))
            || (after2
                .as_deref()
                .is_some_and(|w| matches!(w, "a" | "an" | "the"))
                && after3.as_deref().is_some_and(|w| TITLES.contains(&w))));
    // "X Y said" alone does not tell a person from "Kestrel Pharma said":
    // it counts only when the name does not end like an organisation.
    let org_word = name
        .split_whitespace()
        .last()
        .is_some_and(|w| ORG_WORDS.contains(&w.trim_end_matches('.')));
    let said = (after.as_deref().is_some_and(|w| SPEECH.contains(&w)) && !org_word) || appositive;
    let titled = run
        .before(toks, 3)
        .iter()
        .any(|t| titled(t.span.slice(prose).trim_end_matches('.')));
    (said || titled).then_some(EntityKind::Person)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rules;

    #[test]
    fn titles_are_ascii_lower_case() {
        // `titled` looks an ASCII word up lower-cased in ASCII only.
        for t in TITLES {
            assert!(
                t.bytes().all(|b| !b.is_ascii_uppercase() && b.is_ascii()),
                "{t}"
            );
        }
    }

    fn names(text: &str, heading: bool, evidence: &Evidence) -> Vec<(String, Option<EntityKind>)> {
        let lex = Lexicon::new(&Rules::defaults());
        let span = Span::new(0, text.len());
        mentions(
            text,
            &Folded::of(&crate::text::fold_case(text), &lex),
            heading,
            &lex,
            evidence,
            &NameRuns::of(text, span, &lex),
            &|| None,
        )
        .into_iter()
        .map(|m| (m.span.slice(text).to_string(), m.kind.or(m.reference)))
        .collect()
    }

    #[test]
    fn finds_names_indexes_and_references() {
        let ev = Evidence::default();
        let got = names(
            "The Philadelphia Semiconductor Index fell while Meta Platforms Inc. and the S&P 500 rose, and the tech giant's shares slid.",
            false,
            &ev,
        );
        assert_eq!(
            got,
            [
                (
                    "Philadelphia Semiconductor Index".into(),
                    Some(EntityKind::Index)
                ),
                ("Meta Platforms Inc.".into(), Some(EntityKind::Company)),
                ("S&P 500".into(), Some(EntityKind::Index)),
                ("the tech giant".into(), Some(EntityKind::Company)),
            ]
        );
    }

    #[test]
    fn headline_words_need_evidence() {
        let lex = Lexicon::new(&Rules::defaults());
        let mut ev = Evidence::default();
        let body = "Shares of Meta fell.";
        let span = Span::new(0, body.len());
        ev.learn(body, span, false, &lex, &NameRuns::of(body, span, &lex));
        let got = names("Chip Stocks Slide as Meta Eyes Cloud Business", true, &ev);
        assert_eq!(got, [("Meta".into(), None)]);
    }

    #[test]
    fn a_measure_opening_a_sentence_is_not_a_name() {
        let ev = Evidence::default();
        let got = names("House prices in Norland rose 4%.", false, &ev);
        assert_eq!(got, [("Norland".into(), Some(EntityKind::Place))]);
        // A lone capitalised word not opening a known measure still is one.
        let got = names("Brightwell prices its bonds.", false, &ev);
        assert_eq!(got, [("Brightwell".into(), None)]);
    }

    #[test]
    fn acronyms_defined_in_parentheses_are_learned() {
        let lex = Lexicon::new(&Rules::defaults());
        let mut ev = Evidence::default();
        let s = "The Dow Jones Transportation Average (DJT) and Nvidia (NASDAQ: NVDA) fell.";
        let span = Span::new(0, s.len());
        ev.learn(s, span, false, &lex, &NameRuns::of(s, span, &lex));
        assert_eq!(
            ev.acronyms,
            [
                (
                    "DJT".to_string(),
                    "Dow Jones Transportation Average".to_string()
                ),
                ("NVDA".to_string(), "Nvidia".to_string())
            ]
        );
    }

    #[test]
    fn locations_possessives_and_labels() {
        let lex = Lexicon::new(&Rules::defaults());
        let ev = Evidence::default();
        let t =
            "Sales in Norland and shares in Tidewater Retail rose, said Acme Logistics's chief.";
        let m = mentions(
            t,
            &Folded::of(&crate::text::fold_case(t), &lex),
            false,
            &lex,
            &ev,
            &NameRuns::of(t, Span::new(0, t.len()), &lex),
            &|| None,
        );
        let flags: Vec<(&str, bool, bool)> = m
            .iter()
            .map(|m| (m.span.slice(t), m.locative, m.possessive))
            .collect();
        assert_eq!(
            flags,
            [
                ("Norland", true, false),
                ("Tidewater Retail", false, false),
                ("Acme Logistics", false, true)
            ]
        );
        let label = "Expected close: first half of 2027";
        assert!(
            mentions(
                label,
                &Folded::of(&crate::text::fold_case(label), &lex),
                false,
                &lex,
                &ev,
                &NameRuns::of(label, Span::new(0, label.len()), &lex),
                &|| None
            )
            .is_empty()
        );
    }

    #[test]
    fn a_title_opening_a_name_makes_a_person() {
        let got = names(
            "Judge Helen Carrow fined it, and Interior Minister Dana Kovač agreed.",
            false,
            &Evidence::default(),
        );
        assert_eq!(got[0], ("Helen Carrow".into(), Some(EntityKind::Person)));
        assert_eq!(got[1], ("Dana Kovač".into(), Some(EntityKind::Person)));
        assert_eq!(
            strip_title("Chief Executive"),
            ("Chief Executive".into(), false)
        );
    }

    #[test]
    fn an_acronym_opening_a_sentence_before_a_comma_is_not_a_name() {
        let got = names("YTD, the stock is down 12%.", false, &Evidence::default());
        assert!(got.iter().all(|(n, _)| n != "YTD"), "{got:?}");
        let got = names("Shares of NVDA fell.", false, &Evidence::default());
        assert_eq!(got[0].0, "NVDA");
    }

    #[test]
    fn people_are_marked() {
        let got = names(
            "Analyst Jane Doe said Nvidia could fall.",
            false,
            &Evidence::default(),
        );
        assert_eq!(got[0], ("Jane Doe".into(), Some(EntityKind::Person)));
        assert_eq!(got[1], ("Nvidia".into(), None));
    }
}
