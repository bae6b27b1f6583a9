//! Names spelt two ways: "Damein K. Hamer" in one paragraph and "Damien
//! Hamer" in the next, "Josh DeVine" in one outlet and "Josh Devine" in
//! another. Local news gets names wrong more often than figures, and a
//! misspelt name is the first thing a reader complains about.
//!
//! Every name of two words or more is noted where it is first written in
//! each document (`Written`). Two names are one name spelt two ways
//! (`variant`) when they have the same words but one, and that one differs
//! only in its capitals, or by one or two letters in a word of five or more
//! (not by an ending: "Paul" / "Paula", "Chris" / "Christopher" are other
//! names, not misspellings). Names written in one sentence together are two
//! people, whatever their spelling. Each name of such a pair becomes a
//! claim under the attribute `NAME`; grouping decides whether the two are
//! one entity, and comparison reports them (`name.spelling`).

use super::{Claim, Modality, Value};
use crate::rules::EntityKind;
use crate::span::Span;
use crate::text::Sym;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// The attribute of a name's spelling.
pub const NAME: &str = "spelling";

/// Letters a word must have before a one- or two-letter difference is a
/// misspelling rather than another name ("Jon" / "Joe", "Mark" / "Mary").
const LETTERS_AT_LEAST: usize = 5;

/// The most words a name has ("International Consortium of Investigative
/// Journalists" has five).
const NAME_WORDS_AT_MOST: usize = 6;

/// How many neighbours each name of a large bucket is compared with
/// (`neighbours`).
const NEIGHBOURS: usize = 8;

/// Words that tell two names apart however alike they look: points of the
/// compass and ordinals ("North" / "South Carolina", "Fifth" / "Sixth
/// Amendment").
const CONTRASTS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northern",
    "southern",
    "eastern",
    "western",
    "upper",
    "lower",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
];

/// Whether the words in which two names differ tell them apart
/// (`CONTRASTS`, or two institutions' words: "New York State" / "New
/// York Senate").
fn contrast((x, y): (&str, &str)) -> bool {
    let listed = |w: &str| CONTRASTS.contains(&w.to_lowercase().as_str());
    let institutional = |w: &str| INSTITUTIONAL.contains(&w.to_lowercase().as_str());
    listed(x) || listed(y) || (institutional(x) && institutional(y))
}

/// Words that make a name an institution's or a place's, not a person's.
const INSTITUTIONAL: &[&str] = &[
    "agency",
    "agence",
    "county",
    "province",
    "state",
    "city",
    "street",
    "avenue",
    "road",
    "sheriff",
    "department",
    "hospital",
    "school",
    "center",
    "centre",
    "foods",
    "company",
    "party",
    "district",
    "island",
    "river",
    "lake",
    "mount",
    "valley",
    "park",
    "church",
    "court",
    "police",
    "university",
    "senate",
    "college",
    "airport",
    "station",
    "bay",
    "ras",
    "albanian",
    "albanians",
];

/// Whether a name reads as a person's: two or three capitalised words,
/// none of them `INSTITUTIONAL` or a compass point ("North Koreans").
fn personal(name: &str) -> bool {
    let ws = words(name);
    (2..=3).contains(&ws.len())
        && ws.iter().all(|w| is_cap(w))
        && !ws.iter().any(|w| {
            let w = w.to_lowercase();
            INSTITUTIONAL.contains(&w.as_str()) || CONTRASTS.contains(&w.as_str())
        })
}

/// How a name was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Spelling {
    pub written: String,
}

/// A name of two words or more as one document first writes it.
#[derive(Debug, Clone)]
pub struct Written {
    pub doc: usize,
    /// The name as written, shared with every other writing of it.
    pub name: Sym,
    pub span: Span,
    pub sentence: Span,
    pub kind: Option<EntityKind>,
    /// The spelling of whoever is quoted, kept as they wrote it, not the
    /// outlet's own: marked "(sic)" (`marked_sic`) or inside a quotation
    /// of writing (`quoted_writing`).
    pub writers: bool,
    /// Written inside quotation marks: a romanisation there is the
    /// speaker's or the document's ("President Yanukovich must …" quoted,
    /// "Yanukovych" in the outlet's words).
    pub quoted: bool,
    /// Written just after a preposition of place ("on Broadway", "in
    /// Tarvolo"), just after an initial ("Mark A. Milley") or a relative
    /// ("her son Casey"), or just before a name particle ("Osama bin Laden",
    /// the reader's name ending at "bin"): a word alone written so is no
    /// one's surname.
    pub placed: bool,
}

/// Ranks written before a name in police news, besides the titles the
/// entity reader knows ("Detective Marjoria Eloi").
const RANKS: &[&str] = &[
    "detective",
    "det",
    "deputy",
    "sgt",
    "cpl",
    "trooper",
    "sheriff",
    "lieutenant",
    "capt",
    "agent",
    "officers",
    "pastor",
    "rev",
    "reverend",
    "father",
    "sister",
];

/// The words of a name that carry its spelling: no title or rank before
/// it ("Detective"), no possessive, no initials ("K."), no generational
/// suffix ("Jr.").
fn words(name: &str) -> Vec<&str> {
    let rank = |w: &str| {
        super::entity::is_title(w)
            || RANKS.contains(&w.trim_end_matches('.').to_lowercase().as_str())
    };
    name.split_whitespace()
        .skip_while(|w| rank(w))
        .map(|w| {
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w);
            w.trim_matches(|c: char| !c.is_alphanumeric())
        })
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 1)
        .filter(|w| !matches!(*w, "Jr" | "Sr" | "II" | "III" | "IV"))
        .collect()
}

/// The two words in which `a` and `b` spell one name differently, if they
/// do (see the module's comment).
pub fn variant<'a>(a: &'a str, b: &'a str) -> Option<(&'a str, &'a str)> {
    let (wa, wb) = (words(a), words(b));
    if wa.len() == 1 {
        return surname(&wa, &wb);
    }
    if wb.len() == 1 {
        return surname(&wb, &wa).map(|(x, y)| (y, x));
    }
    // "CLOSE WHAT YOU NEED TO KNOW ABOUT ELON MUSK Tesla": a run of
    // capitalised words that long is a caption or a headline, not a name.
    if wa.len() < 2 || wa.len() != wb.len() || wa.len() > NAME_WORDS_AT_MOST {
        return None;
    }
    let mut differ = wa.iter().zip(&wb).enumerate().filter(|(_, (x, y))| x != y);
    let (at, (&x, &y)) = differ.next()?;
    if differ.next().is_some() {
        return None;
    }
    // Many people share a first name ("John Kelly" / "John Kerry"); one
    // surname with a first name spelt two ways is mostly one person
    // ("Stephen" / "Steven Bannon").
    let surname = at + 1 == wa.len();
    // A person's name is misspelt with common names as with any other
    // ("Steven" / "Stephen Bannon", "Russell Henderson" / "Anderson"), and
    // a title before one person's surname is as likely wrong ("Senate
    // Majority" / "Minority Leader Chuck Schumer"); other words in common
    // use are two words.
    let person = personal(a);
    let titled = !surname && wa.last().is_some_and(|w| !established_lower(w));
    (misspelt(x, y, surname) && (person || titled || !two_words(x, y, [a, b]))).then_some((x, y))
}

/// Words a reference news corpus writes often, as written (capitalised or
/// in lower case), sorted by byte: made by `scripts/established-words.py`,
/// whose comment names the corpus.
const ESTABLISHED: &str = include_str!("established.txt");

/// `ESTABLISHED`'s words, in its (byte) order.
static ESTABLISHED_WORDS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    ESTABLISHED
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect()
});

/// Whether news writes `w` often, capitalised as here or in lower case.
fn established(w: &str) -> bool {
    ESTABLISHED_WORDS.binary_search(&w).is_ok() || established_lower(w)
}

/// Whether news often writes `w` in lower case: an ordinary word (the
/// list holds words as written, so the lower-cased form is found only
/// where it was written so).
fn established_lower(w: &str) -> bool {
    ESTABLISHED_WORDS
        .binary_search(&w.to_lowercase().as_str())
        .is_ok()
}

/// Whether two different spellings `x` / `y` of a word of `whole` are two
/// words: two letters or more apart, each one news writes often
/// ("Medicare" / "Medicaid", "Northwestern" / "Northeastern",
/// "Standard" / "Stanford"). A misspelling is rare where the word is
/// common ("Preibus" for "Priebus"); one letter apart, two common names
/// are as often one misspelt ("Kelley" / "Kelly", "Palace" / "Place").
/// Not two romanisations of one name ("Gaddafi" / "Gadhafi", both
/// common): within one article those are still one name spelt two ways.
fn two_words(x: &str, y: &str, whole: [&str; 2]) -> bool {
    strsim::osa_distance(&x.to_lowercase(), &y.to_lowercase()) >= 2
        && established(x)
        && established(y)
        && !transliterated(x, y)
        && !romanised(x, y, whole)
}

/// A surname alone against a full name of two or three words: "Meyers" /
/// "Kurt Myers". A word alone is any capitalised word ("Paris" / "Shimon
/// Peres"), so the test is closer than between full names: the same first
/// letter, and one letter changed (two in a word of eight or more).
fn surname<'a>(single: &[&'a str], full: &[&'a str]) -> Option<(&'a str, &'a str)> {
    let (&x, &y) = (single.first()?, full.last()?);
    // The word counts first: most pairs fail them, before any copy.
    if !(single.len() == 1 && (2..=3).contains(&full.len()) && x != y) {
        return None;
    }
    // A doctrine, a follower or a people is no one's surname
    // ("Communism", "Communist", "McCarthyite", "Canadians"), nor the last
    // word of a person's name ("Native Americans", "Texans"): a people is
    // a word in "-ans" whose singular news writes as often.
    let lx = x.to_lowercase();
    let ly = y.to_lowercase();
    let people = |w: &str, lower: &str| {
        lower.ends_with("ans") && w.strip_suffix('s').is_some_and(established) && established(w)
    };
    // A place and its people written alone ("Texans" / "Unlike Texas"):
    // the people's word is the place's with an "n" before the last "s".
    let of_place = |place: &str, people: &str| {
        place.ends_with("as")
            && people
                .strip_suffix("ns")
                .is_some_and(|stem| place.strip_suffix('s') == Some(stem))
    };
    if ["ism", "isms", "ist", "ists", "ite", "ites", "ians"]
        .iter()
        .any(|end| lx.ends_with(end))
        || people(x, &lx)
        || people(y, &ly)
        || of_place(&lx, &ly)
        || of_place(&ly, &lx)
    {
        return None;
    }
    let letters = lx.chars().count().min(ly.chars().count());
    let close = lx.chars().next() == ly.chars().next()
        && strsim::osa_distance(&lx, &ly) <= if letters >= 8 { 2 } else { 1 };
    (close && misspelt(x, y, true) && !two_words(x, y, [x, y])).then_some((x, y))
}

/// Whether two different words are one word misspelt; a `surname` of
/// fewer than `TWO_EDITS_AT_LEAST` letters by one edit only.
fn misspelt(x: &str, y: &str, surname: bool) -> bool {
    let capitals = |w: &str| w.chars().filter(|c| c.is_uppercase()).count();
    let shouted = |w: &str| capitals(w) == w.chars().count();
    let word = |w: &str| w.chars().all(char::is_alphabetic) && is_cap(w) && !shouted(w);
    // A headline in capitals ("MCCRAY") spells nothing differently, and a
    // small word's capital ("Star Families For Peace") is title case.
    if !word(x) || !word(y) {
        return false;
    }
    let (lx, ly) = (x.to_lowercase(), y.to_lowercase());
    if lx == ly {
        // "DeVine" / "Devine".
        return true;
    }
    let letters = lx.chars().count().min(ly.chars().count());
    // "Ending DACA" / "Undoing DACA": two verbs that open a sentence, not
    // one name ("Catherine" / "Katherine" is one).
    let gerunds =
        lx.ends_with("ing") && ly.ends_with("ing") && lx.chars().next() != ly.chars().next();
    letters >= LETTERS_AT_LEAST
        && !gerunds
        && !lx.starts_with(&ly)
        && !ly.starts_with(&lx)
        && !accents_only(&lx, &ly)
        && !another_form(&lx, &ly)
        && (surname || !familiar(&lx, &ly))
        && house_style(&lx) != house_style(&ly)
        && strsim::osa_distance(&lx, &ly)
            <= if surname && letters < TWO_EDITS_AT_LEAST {
                1
            } else {
                2
            }
}

/// The fewest letters a surname has for two edits to be one misspelling
/// of it. In a shorter one two edits are another person ("Kelly" /
/// "Kerry", "Wagner" / "Walker", "Chait" / "Haidt"): judged on real news,
/// most such pairs were two people; in longer words 20 of 30 were one
/// ("Papadopoulos" / "Papadopolous", "Tavvener" / "Tavenner").
const TWO_EDITS_AT_LEAST: usize = 7;

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// "Vendome" / "Vendôme": letters that differ only where one of them is
/// accented are one spelling typed two ways.
fn accents_only(x: &str, y: &str) -> bool {
    x.chars().count() == y.chars().count()
        && x.chars()
            .zip(y.chars())
            .all(|(a, b)| a == b || !a.is_ascii() || !b.is_ascii())
}

/// Another form of one word, not a misspelling: a plural or the people of a
/// place ("Serbs" / "Serbia", "Kurds" / "Kurdish", "Democrats" /
/// "Democratic": a stem, then "s" on one side only, within three letters
/// of the end), or a familiar first name ("Charlie" / "Charles").
fn another_form(x: &str, y: &str) -> bool {
    let stem = x.chars().zip(y.chars()).take_while(|(a, b)| a == b).count();
    let tail = |w: &str| w.chars().count() - stem;
    let plural = x.ends_with('s') != y.ends_with('s') && tail(x) <= 3 && tail(y) <= 3;
    let familiar = stem >= 4 && (x.ends_with("ie") || y.ends_with("ie"));
    plural || familiar || derived(x, y) || derived(y, x) || other_ending(x, y)
}

/// Whether one first name is the other's familiar form in "-y": its first
/// four letters or more, then "y" where the full name goes on with two
/// letters or more that do not end in "y" ("Marty" / "Martin", "Hermy" /
/// "Herman"; "Sergey" / "Sergei" and "Brently" / "Brentley" are
/// spellings). Not asked of surnames: "Kelly" / "Kelley" is a misspelling.
fn familiar(x: &str, y: &str) -> bool {
    let (short, long) = if x.len() < y.len() { (x, y) } else { (y, x) };
    short.strip_suffix('y').is_some_and(|stem| {
        stem.chars().count() >= 4
            && long
                .strip_prefix(stem)
                .is_some_and(|rest| rest.chars().count() >= 2 && !rest.ends_with('y'))
    })
}

/// Endings that make another word of one stem: a rule and its follower
/// ("Democrat" / "Democracy", "Confederate" / "Confederacy"), a doctrine
/// and its believers ("Communism" / "Communist"). (Not the two genders of
/// a Spanish word: "Sao Paula" for "Sao Paulo" is a misspelling.)
const OTHER_ENDINGS: &[(&str, &str)] = &[
    ("t", "cy"),
    ("te", "cy"),
    ("ism", "ist"),
    ("ism", "ite"),
    ("ist", "ite"),
    ("ism", "ion"),
];

/// Whether two words are one stem of four letters or more with two of
/// `OTHER_ENDINGS`.
fn other_ending(x: &str, y: &str) -> bool {
    OTHER_ENDINGS.iter().any(|&(a, b)| {
        let stems = |u: &str, v: &str| {
            u.strip_suffix(a)
                .zip(v.strip_suffix(b))
                .is_some_and(|(p, q)| p == q && p.chars().count() >= 4)
        };
        stems(x, y) || stems(y, x)
    })
}

/// Whether `long` is `short` with a suffix that makes another word of it:
/// a people ("Carolina" / "Carolinian") or a person who does it ("Senate"
/// / "Senator"), plurals of both alike. ("Koreas" / "Koreans" and "Sandes"
/// / "Sanders" were judged misspellings: "-an", "-n" or "-er" are not
/// enough.)
fn derived(short: &str, long: &str) -> bool {
    let short = short.strip_suffix('s').unwrap_or(short);
    let long = long.strip_suffix('s').unwrap_or(long);
    let base = short
        .strip_suffix(['a', 'e', 'o'])
        .filter(|b| b.chars().count() >= 4)
        .unwrap_or(short);
    long.len() > short.len()
        && long
            .strip_prefix(base)
            .is_some_and(|suffix| matches!(suffix, "ian" | "or"))
}

/// A word with British spellings made American ("Organisation",
/// "Centre"): outlets' house styles, not misspellings.
fn house_style(w: &str) -> String {
    let w = w.replace("isation", "ization").replace("our", "or");
    match w.strip_suffix("tre") {
        Some(stem) => format!("{stem}ter"),
        None => w,
    }
}

/// Words that say a quotation was written, not said: a tweet, a post, a
/// note. A writer's spelling is reproduced as written; a speaker's words
/// are the outlet's transcription, and its spelling the outlet's.
const WRITTEN: &[&str] = &[
    "tweet",
    "tweets",
    "tweeted",
    "wrote",
    "writes",
    "posted",
    "handwritten",
    "note",
    "caption",
];

/// Whether a name `quoted` (inside a quotation: `clause::quote_at`) stands
/// in a quotation the sentence says was written ("… tweeted: \"Besty DeVos
/// …\"").
pub(crate) fn quoted_writing(sentence: &str, quoted: bool) -> bool {
    quoted && {
        let lower = sentence.to_lowercase();
        WRITTEN.iter().any(|w| crate::text::has_word(&lower, w))
    }
}

/// Whether a name at `start..end` of a sentence is marked "(sic)" or
/// "[sic]" just before or after it: its spelling is the source's, kept.
pub(crate) fn marked_sic(sentence: &str, start: usize, end: usize) -> bool {
    let sic = |w: &str| {
        let w = w.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | ',' | '.'));
        w.eq_ignore_ascii_case("sic")
    };
    let after = sentence.get(end..).unwrap_or("").split_whitespace().next();
    after.is_some_and(sic) || word_before(sentence, start).is_some_and(sic)
}

/// Whether the name at `start` of a sentence follows a preposition of
/// place ("on", "in", "at", "near").
pub(crate) fn after_place_preposition(sentence: &str, start: usize) -> bool {
    word_before(sentence, start)
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "on" | "in" | "at" | "near"))
}

/// Whether the name at `start..end` of a sentence is a state or country
/// abbreviated after its town ("Palo Alto, Calif.-based", "Ferguson,
/// Mo."): a comma just before, a period just after.
pub(crate) fn abbreviated_after_town(sentence: &str, start: usize, end: usize) -> bool {
    word_before(sentence, start).is_some_and(|w| w.ends_with(','))
        && sentence
            .get(end..)
            .is_some_and(|rest| rest.starts_with('.'))
}

/// The word written just before byte `start` of a sentence.
fn word_before(sentence: &str, start: usize) -> Option<&str> {
    sentence
        .get(..start)
        .unwrap_or("")
        .split_whitespace()
        .next_back()
}

/// Lower-case words that join the parts of one name ("Osama bin Laden",
/// "Ludwig van Beethoven"): a capitalised word just before one is the
/// start of a longer name, not a name alone.
const PARTICLES: &[&str] = &[
    "bin", "ibn", "bint", "ben", "al", "el", "van", "von", "der", "de", "da", "del", "di", "du",
    "la", "le",
];

/// Relatives named by their first name ("her son Casey").
const KIN: &[&str] = &[
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "mother",
    "father",
    "nephew",
    "niece",
    "cousin",
    "grandson",
    "granddaughter",
    "boyfriend",
    "girlfriend",
    "fiancé",
    "fiancee",
    "fiance",
    "stepson",
    "stepdaughter",
];

/// Whether the name starting at `start` of a sentence follows a word for a
/// relative ("after her son Casey was killed"): a first name, not a
/// surname alone.
pub(crate) fn after_kin(sentence: &str, start: usize) -> bool {
    word_before(sentence, start)
        .map(|w| w.trim_end_matches(',').to_lowercase())
        .is_some_and(|w| KIN.contains(&w.as_str()))
}

/// Whether the name starting at `start` of a sentence follows an initial
/// ("Mark A. Milley" read as "Milley"): it ends a longer name.
pub(crate) fn after_initial(sentence: &str, start: usize) -> bool {
    word_before(sentence, start)
        .is_some_and(|w| matches!(w.as_bytes(), [c, b'.'] if c.is_ascii_uppercase()))
}

/// Whether the name ending at `end` of a sentence is followed by a name
/// particle and a capitalised word ("Osama bin Laden"), or by a particle
/// joined to it ("Osama al-Nujeifi").
pub(crate) fn before_particle(sentence: &str, end: usize) -> bool {
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut next = sentence.get(end..).unwrap_or("").split_whitespace();
    match next.next() {
        Some(w) if PARTICLES.contains(&w) => next.next().is_some_and(capital),
        Some(w) => w
            .split_once('-')
            .is_some_and(|(particle, rest)| PARTICLES.contains(&particle) && capital(rest)),
        None => false,
    }
}

/// Whether two spellings of one word differ only as transliterations or
/// transcriptions do: a final "i" for "y", "iy" or "yy" ("Sergei" /
/// "Sergey", "Zelenskiy" / "Zelensky"), "ks" for "x" ("Maksim" / "Maxim"),
/// "tch" for "ch" ("Elovitch" / "Elovich"), or "ue" for "ü"
/// ("Sueddeutsche" / "Süddeutsche"). Between two
/// outlets these are house styles, not misspellings; within one article
/// they are still a name spelt two ways. A letter changed inside a word
/// ("Flynt" / "Flint") and capitals ("DeVine" / "Devine") stay misspellings.
pub fn transliterated(x: &str, y: &str) -> bool {
    let skeleton = |w: &str| -> String {
        let w = w
            .replace('ü', "ue")
            .replace('ö', "oe")
            .replace('ä', "ae")
            .replace('Ü', "Ue")
            .replace('Ö', "Oe")
            .replace('Ä', "Ae");
        // Slavic names in Latin letters: "ks" or "x", "tch" or "ch", a
        // final "iy", "yy", "y" or "i".
        let w = w.replace("ks", "x").replace("tch", "ch");
        let stem = ["iy", "yy", "y"]
            .iter()
            .find_map(|end| w.strip_suffix(end))
            .unwrap_or(&w);
        if stem.len() < w.len() {
            format!("{stem}i")
        } else {
            w.clone()
        }
    };
    x != y && skeleton(x) == skeleton(y)
}

/// Whether two spellings of a word are the British and the American one
/// of a title or a name's word ("Defence" / "Defense", "Licence" /
/// "License"), or the wire services' "adviser" and the common "advisor":
/// two outlets' house styles. Within one article still a word spelt two
/// ways.
pub fn styled_alike(x: &str, y: &str) -> bool {
    let style = |w: &str| {
        w.to_lowercase()
            .replace("fence", "fense")
            .replace("cence", "cense")
            .replace("advisor", "adviser")
    };
    x.to_lowercase() != y.to_lowercase() && style(x) == style(y)
}

/// Whether two spellings `x` / `y` of a word of two names (`whole`) differ
/// only in capitals inside a word that ends neither name: a brand's or a
/// place's house style ("BuzzFeed" / "Buzzfeed News", "PyeongChang" /
/// "Pyeongchang Olympics"). A surname's capitals are its spelling
/// ("Josh DeVine" / "Josh Devine").
pub fn capitals_styled(x: &str, y: &str, whole: [&str; 2]) -> bool {
    let ends = |name: &str, w: &str| words(name).last() == Some(&w);
    x != y && x.to_lowercase() == y.to_lowercase() && !ends(whole[0], x) && !ends(whole[1], y)
}

/// Whether two spellings `x` / `y` of one word of a name are two
/// romanisations of one name from another script (either `whole` spelling
/// of the name shows which). A name with the marks of Arabic or Persian in
/// Latin letters (`Script::Arabic`) is written with other vowels, a doubled
/// letter single, "w" for "u", "q" or a first "g" for "k", "dh" for "d"
/// ("Mohammed" / "Muhammad", "Qasem" / "Qassem", "Soleimani" /
/// "Suleimani", "Qaddafi" / "Gadhafi"); a Slavic name (`Script::Slavic`)
/// with "y" for "i" or a "y" before a vowel left out ("Danylov" /
/// "Danilov", "Griboyedova" / "Griboedova"). Outlets each keep a house
/// style for such names: not misspellings. A name without those marks
/// keeps every such difference ("Morell" / "Morrell", "Lindsay" /
/// "Lindsey"), a Slavic name its other vowels ("Starovoitova" /
/// "Staravoitova"), and a consonant dropped, added or moved always counts
/// ("Khozhugov" / "Khozhgov").
pub fn romanised(x: &str, y: &str, whole: [&str; 2]) -> bool {
    if x == y {
        return false;
    }
    let scripts: Vec<Script> = whole.iter().filter_map(|n| Script::of(n)).collect();
    let alike = |f: fn(&str) -> Option<String>| f(x).is_some_and(|a| f(y) == Some(a));
    (scripts.contains(&Script::Arabic) && alike(consonants))
        || (scripts.contains(&Script::Slavic) && alike(iotated))
}

/// The script a name was romanised from, as far as its letters show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    /// "q" before "a", "e" or "o" (not pinyin's "qi", "qu"), "kh" or "dh",
    /// an Arabic particle ("al", "bin", "abu", "abdul", "al-…"), or a form
    /// of Muhammad.
    Arabic,
    /// A Slavic ending: "-ov", "-ev", "-ova", "-eva", "-enko", "-vich",
    /// "-vych", "-iy", "-yy".
    Slavic,
}

impl Script {
    fn of(name: &str) -> Option<Script> {
        const ARABIC: &[&str] = &[
            "al", "el", "bin", "ibn", "bint", "abu", "abd", "abdel", "abdul",
        ];
        const SLAVIC: &[&str] = &["ov", "ev", "ova", "eva", "enko", "vich", "vych", "iy", "yy"];
        let words: Vec<String> = name
            .split_whitespace()
            .map(|w| {
                w.to_lowercase()
                    .trim_matches(|c: char| !c.is_alphabetic() && c != '-')
                    .to_string()
            })
            .collect();
        let arabic = |w: &str| {
            let b = w.as_bytes();
            b.windows(2)
                .any(|p| matches!(p, [b'q', b'a' | b'e' | b'o']))
                || w.contains("kh")
                || w.contains("dh")
                || ARABIC.contains(&w)
                || ARABIC.iter().any(|p| w.starts_with(&format!("{p}-")))
                || consonants(w).is_some_and(|c| c == "mahamad")
        };
        if words.iter().any(|w| arabic(w)) {
            Some(Script::Arabic)
        } else if words
            .iter()
            .any(|w| w.len() > 4 && SLAVIC.iter().any(|e| w.ends_with(e)))
        {
            Some(Script::Slavic)
        } else {
            None
        }
    }
}

/// A word's consonants in order, each run of vowels one "a" and doubled
/// letters single, with the letters Arabic romanisations trade ("w" or "y"
/// for a vowel, "q" or a first "g" for "k", "dh" for "d", "gh" for "g",
/// "ch" for "kh");
/// `None` for a word with a letter outside a–z.
fn consonants(word: &str) -> Option<String> {
    let w = latin_lower(word)?
        .replace("dh", "d")
        .replace("gh", "g")
        .replace("kh", "x")
        .replace("ch", "x")
        .replace('q', "k");
    let w = match w.strip_prefix('g') {
        Some(rest) => format!("k{rest}"),
        None => w,
    };
    let mut out = String::new();
    for c in w.chars() {
        let c = match c {
            'e' | 'i' | 'o' | 'u' | 'y' => 'a',
            'w' if out.ends_with('a') => 'a',
            c => c,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    Some(out)
}

/// A word in lower case, if all its letters are a–z.
fn latin_lower(word: &str) -> Option<String> {
    let w = word.to_lowercase();
    w.bytes().all(|c| c.is_ascii_lowercase()).then_some(w)
}

/// A Slavic word with "y" before a vowel left out and any other "y" read
/// as "i" ("Griboyedova" / "Griboedova", "Yanukovych" / "Yanukovich");
/// `None` for a word with a letter outside a–z.
fn iotated(word: &str) -> Option<String> {
    let w = latin_lower(word)?;
    let b = w.as_bytes();
    let vowel = |c: Option<&u8>| matches!(c, Some(b'a' | b'e' | b'i' | b'o' | b'u'));
    let out = b
        .iter()
        .enumerate()
        .filter_map(|(i, &c)| match c {
            b'y' if vowel(b.get(i + 1)) => None,
            b'y' => Some('i'),
            c => Some(char::from(c)),
        })
        .collect();
    Some(out)
}

/// Names in one bucket (same words but one) that are paired: every pair of
/// a small bucket; in a large one ("X Corp" for every company X) each name
/// with its `NEIGHBOURS` next in the order of the word that differs, and of
/// that word written backwards. A misspelling keeps the start or the end of
/// a word, and the run stays linear in the names.
fn neighbours<'a>(bucket: &mut [(String, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut pairs = BTreeSet::new();
    let mut pair = |a: &'a str, b: &'a str| {
        if a != b {
            pairs.insert((a.min(b), a.max(b)));
        }
    };
    if bucket.len() <= 2 * NEIGHBOURS + 1 {
        for (k, (_, a)) in bucket.iter().enumerate() {
            for (_, b) in bucket.iter().skip(k + 1) {
                pair(a, b);
            }
        }
        return pairs.into_iter().collect();
    }
    let backwards = |w: &str| w.chars().rev().collect::<String>();
    for reverse in [false, true] {
        if reverse {
            bucket.sort_by_cached_key(|(w, n)| (backwards(w), *n));
        } else {
            bucket.sort();
        }
        for (k, (_, a)) in bucket.iter().enumerate() {
            for (_, b) in bucket.iter().skip(k + 1).take(NEIGHBOURS) {
                pair(a, b);
            }
        }
    }
    pairs.into_iter().collect()
}

/// Surnames written alone that a full name in the same article spells
/// another way ("Meyers remained at large" below "Kurt Myers"): the surname
/// a word the articles never write in lower case that ends no full name of
/// the run as written, the full name a person's (`personal`). Both go in
/// `varied`, the pair in `pairs` (one entity). Only within one article: a
/// word alone is too often another name altogether.
fn surnames<'a>(
    sentences: &HashMap<&'a str, BTreeSet<(usize, Span)>>,
    kinds: &HashMap<&'a str, Option<EntityKind>>,
    ordinary: &dyn Fn(&str) -> bool,
    as_person: &dyn Fn(&str) -> bool,
    varied: &mut BTreeSet<&'a str>,
    pairs: &mut BTreeSet<(&'a str, &'a str)>,
) {
    let person = |n: &str| {
        !matches!(
            kinds.get(n),
            Some(Some(
                EntityKind::Place | EntityKind::Company | EntityKind::Index
            ))
        )
    };
    let docs = |n: &str| -> BTreeSet<usize> {
        sentences
            .get(n)
            .map(|s| s.iter().map(|(d, _)| *d).collect())
            .unwrap_or_default()
    };
    // The last words of every name of two words or more, a person's or
    // not ("Agent in Charge Regina Lombardo" is where "Lombardo" comes from).
    let mut ends: HashSet<String> = HashSet::new();
    let mut entries: Vec<(String, &str)> = Vec::new();
    for &name in sentences.keys() {
        let ws = words(name);
        if ws.len() < 2 {
            continue;
        }
        // "Rep. Francis Rooney of Florida": the word before "of" ends a
        // name too.
        if let Some(k) = ws.iter().position(|w| *w == "of")
            && let Some(before) = k.checked_sub(1).and_then(|b| ws.get(b))
        {
            ends.insert(before.to_lowercase());
        }
        if let Some(last) = ws.last() {
            ends.insert(last.to_lowercase());
            // "Raising Medicare": a sentence opening with a verb is no
            // person's name.
            let verb_first = ws.first().is_some_and(|f| {
                let f = f.to_lowercase();
                f.ends_with("ing") && ordinary(&f)
            });
            if personal(name) && person(name) && !verb_first {
                entries.push((last.to_lowercase(), name));
            }
        }
    }
    for &name in sentences.keys() {
        if let [single] = words(name).as_slice() {
            let lower = single.to_lowercase();
            if !ends.contains(&lower) && !ordinary(&lower) && person(name) && as_person(name) {
                entries.push((lower, name));
            }
        }
    }
    for (a, b) in neighbours(&mut entries) {
        let one = |n: &str| words(n).len() == 1;
        let together = !docs(a).is_disjoint(&docs(b));
        if one(a) != one(b)
            && together
            && variant(a, b).is_some_and(|d| !contrast(d))
            && sentences
                .get(a)
                .zip(sentences.get(b))
                .is_some_and(|(x, y)| x.is_disjoint(y))
        {
            varied.insert(a);
            varied.insert(b);
            pairs.insert((a, b));
        }
    }
}

/// Claims for every name that some other name of the run spells another
/// way: one claim per document and spelling, at its first writing. Two
/// words that `ordinary` says the articles also write in lower case are two
/// words, not one misspelt ("Berrien County" / "Berrien Court", "New York
/// State" / "New York Senate").
pub fn claims(
    written: &[Written],
    ordinary: &dyn Fn(&str) -> bool,
) -> (Vec<Claim>, Vec<(String, String)>) {
    // The sentences each name is written in: names written together in one
    // sentence are two people.
    let mut sentences: HashMap<&str, BTreeSet<(usize, Span)>> = HashMap::new();
    for w in written {
        sentences
            .entry(&w.name)
            .or_default()
            .insert((w.doc, w.sentence));
    }
    let apart = |a: &str, b: &str| match (sentences.get(a), sentences.get(b)) {
        (Some(x), Some(y)) => x.is_disjoint(y),
        _ => true,
    };
    // Names that differ in one word share every other word in place: index
    // each name under its words with one left out, with the word left out,
    // so that only names that can be variants are ever paired.
    let mut by_rest: HashMap<(usize, String), Vec<(String, &str)>> = HashMap::new();
    for &name in sentences.keys() {
        let ws = words(name);
        if ws.len() < 2 {
            continue;
        }
        for (left_out, word) in ws.iter().enumerate() {
            let rest: Vec<&str> = ws
                .iter()
                .enumerate()
                .filter(|&(k, _)| k != left_out)
                .map(|(_, w)| *w)
                .collect();
            by_rest
                .entry((left_out, rest.join(" ")))
                .or_default()
                .push((word.to_lowercase(), name));
        }
    }
    let mut varied: BTreeSet<&str> = BTreeSet::new();
    let mut pairs: BTreeSet<(&str, &str)> = BTreeSet::new();
    let mut kinds: HashMap<&str, Option<EntityKind>> = HashMap::new();
    for w in written {
        kinds.entry(&w.name).or_insert(w.kind);
    }
    let joinable = |k: Option<EntityKind>| {
        !matches!(
            k,
            Some(EntityKind::Place | EntityKind::Company | EntityKind::Index)
        )
    };
    for bucket in by_rest.values_mut() {
        for (a, b) in neighbours(bucket) {
            let words = |(x, y): (&str, &str)| {
                !(ordinary(&x.to_lowercase()) && ordinary(&y.to_lowercase()))
            };
            let Some(differ) = variant(a, b).filter(|&d| words(d)) else {
                continue;
            };
            if contrast(differ) || !apart(a, b) {
                continue;
            }
            varied.insert(a);
            varied.insert(b);
            // Grouping may join what it did not: a person's name, never a
            // place's or a company's ("Brevard" / "Broward County").
            if [a, b]
                .iter()
                .all(|n| kinds.get(n).is_some_and(|k| joinable(*k)) && personal(n))
            {
                pairs.insert((a, b));
            }
        }
    }
    // A word alone is a person's only where some article writes it
    // other than after a preposition of place ("a revival on Broadway").
    let unplaced: HashSet<&str> = written
        .iter()
        .filter(|w| !w.placed)
        .map(|w| w.name.as_str())
        .collect();
    surnames(
        &sentences,
        &kinds,
        ordinary,
        &|n| unplaced.contains(n),
        &mut varied,
        &mut pairs,
    );
    // A spelling a document only ever marks "(sic)" or writes inside a
    // quotation of writing, where it spells the name the other way in its
    // own words, is the quoted writer's ("she wrote, 'pretty sure Brent
    // Lyster (sic)'"; a tweet reproduced word for word): the
    // outlet's own spelling is the other one. Not where another outlet
    // writes that spelling in its own words: then the quote may well be
    // right and the outlet's own words wrong ("Miyoko" quoted, "Mikyoko"
    // in the text).
    // So is a romanisation written only inside quotation marks where the
    // outlet's own words romanise the name another way: the quoted
    // statement keeps its own style ("Yanukovich" in a minister's
    // statement, "Yanukovych" in the article).
    let own_words: BTreeSet<(usize, &str)> = written
        .iter()
        .filter(|w| !w.writers && !w.quoted && varied.contains(w.name.as_str()))
        .map(|w| (w.doc, w.name.as_str()))
        .collect();
    let romanised_in_quote = |w: &Written| {
        w.quoted
            && own_words
                .range((w.doc, "")..(w.doc + 1, ""))
                .any(|&(_, name)| {
                    variant(name, &w.name).is_some_and(|(x, y)| {
                        transliterated(x, y) || romanised(x, y, [name, &w.name])
                    })
                })
    };
    let mut own: BTreeMap<(usize, &str), bool> = BTreeMap::new();
    for w in written.iter().filter(|w| varied.contains(w.name.as_str())) {
        *own.entry((w.doc, &w.name)).or_default() |= !w.writers && !romanised_in_quote(w);
    }
    let mut owned_by: HashMap<&str, BTreeSet<usize>> = HashMap::new();
    for (&(doc, name), _) in own.iter().filter(|(_, o)| **o) {
        owned_by.entry(name).or_default().insert(doc);
    }
    let marked_only = |w: &Written| {
        own.get(&(w.doc, w.name.as_str())) == Some(&false)
            && own
                .range((w.doc, "")..(w.doc + 1, ""))
                .any(|(&(_, name), &own_words)| {
                    own_words && name != w.name && variant(name, &w.name).is_some()
                })
            && !owned_by
                .get(w.name.as_str())
                .is_some_and(|docs| docs.iter().any(|&d| d != w.doc))
    };
    let mut first: BTreeMap<(usize, &str), &Written> = BTreeMap::new();
    for w in written
        .iter()
        .filter(|w| varied.contains(w.name.as_str()) && !marked_only(w))
    {
        first.entry((w.doc, &w.name)).or_insert(w);
    }
    let claims = first
        .into_values()
        .map(|w| Claim {
            doc: w.doc,
            subject: w.name.as_str().into(),
            subject_kind: w.kind,
            group: Default::default(),
            attribute: NAME.into(),
            text: w.name.as_str().into(),
            value: Value::Name(Spelling {
                written: w.name.to_string(),
            }),
            modality: Modality::Confirmed,
            attribution: None,
            quoted: false,
            frame: Default::default(),
            span: w.span,
            sentence: w.sentence,
        })
        .collect();
    let pairs = pairs
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    (claims, pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_and_particles() {
        assert!(transliterated("Sergei", "Sergey"));
        assert!(transliterated("Sueddeutsche", "Süddeutsche"));
        assert!(transliterated("Zelenskiy", "Zelensky"));
        assert!(transliterated("Yevgeniy", "Yevgeny"));
        assert!(transliterated("Maksim", "Maxim"));
        assert!(transliterated("Elovitch", "Elovich"));
        assert!(!transliterated("Flint", "Flynt"));
        assert!(!transliterated("DeVine", "Devine"));
        assert!(!transliterated("Sergei", "Sergei"));
        let s = "MPs approved Osama al-Nujeifi and Osama bin Laden, not Osama Smith.";
        let end = |k: usize| s.match_indices("Osama").nth(k).unwrap().0 + 5;
        assert!(before_particle(s, end(0)));
        assert!(before_particle(s, end(1)));
        assert!(!before_particle(s, end(2)));
    }

    #[test]
    fn a_name_in_a_quoted_tweet_is_the_writer_s() {
        let at = |s: &str, at: usize| {
            quoted_writing(s, crate::extract::clause::quote_at(s, at).is_some())
        };
        let s = "Reagan tweeted: \"John Hinkley should never be free.\"";
        assert!(at(s, s.find("John").unwrap()));
        // Said, not written: the outlet transcribed it.
        let s = "Schumer said: \"Justice Ginsberg was a giant.\"";
        assert!(!at(s, s.find("Justice").unwrap()));
        // Written, but outside the quotation.
        let s = "John Hinkley, Reagan tweeted, \"should never be free.\"";
        assert!(!at(s, 0));
    }

    #[test]
    fn names_romanised_from_another_script_have_several_spellings() {
        let r = |x: &str, y: &str, a: &str, b: &str| romanised(x, y, [a, b]);
        assert!(r(
            "Mohammed",
            "Muhammad",
            "Prophet Mohammed",
            "Prophet Muhammad"
        ));
        assert!(r("Mohamed", "Mohammad", "Mohamed Morsi", "Mohammad Morsi"));
        assert!(r("Qasem", "Qassem", "Qasem Soleimani", "Qassem Soleimani"));
        assert!(r(
            "Soleimani",
            "Suleimani",
            "Qassem Soleimani",
            "Qassem Suleimani"
        ));
        assert!(r(
            "Danylov",
            "Danilov",
            "Oleksiy Danylov",
            "Oleksiy Danilov"
        ));
        assert!(r(
            "Qaddafi",
            "Gadhafi",
            "Muammar Qaddafi",
            "Muammar Gadhafi"
        ));
        assert!(r("Shabab", "Shabaab", "Al Shabab", "Al Shabaab"));
        assert!(r(
            "Griboyedova",
            "Griboedova",
            "Griboyedova Canal",
            "Griboedova Canal"
        ));
        assert!(r(
            "Yanukovych",
            "Yanukovich",
            "Viktor Yanukovych",
            "Viktor Yanukovich"
        ));
        // A Slavic name keeps its other vowels; pinyin has one spelling.
        assert!(!r(
            "Starovoitova",
            "Staravoitova",
            "Galina Starovoitova",
            "Galina Staravoitova"
        ));
        assert!(!r("Qinguo", "Qingguo", "Qin Qinguo", "Qin Qingguo"));
        assert!(!r("Wakeman", "Waakeman", "Dave Wakeman", "Dave Waakeman"));
        // Without the marks of another script, a vowel or a doubled letter
        // is a misspelling.
        assert!(!r("Morell", "Morrell", "Michael Morell", "Michael Morrell"));
        assert!(!r("Lindsay", "Lindsey", "Lindsay Graham", "Lindsey Graham"));
        assert!(!r("Flint", "Flynt", "Larry Flint", "Larry Flynt"));
        // A consonant dropped or moved is a misspelling whatever the name.
        assert!(!r(
            "Khozhugov",
            "Khozhgov",
            "Elmirza Khozhugov",
            "Elmirza Khozhgov"
        ));
        assert!(!r(
            "ElBardei",
            "ElBaradei",
            "Mohamed ElBardei",
            "Mohamed ElBaradei"
        ));
        assert!(!r("Mohammed", "Mahmoud", "Mohammed Abbas", "Mahmoud Abbas"));
        // Captions and sentence-opening verbs are no names.
        assert_eq!(
            variant(
                "CLOSE WHAT YOU NEED TO KNOW ABOUT ELON MUSK Telsa",
                "CLOSE WHAT YOU NEED TO KNOW ABOUT ELON MUSK Tesla"
            ),
            None
        );
        assert_eq!(variant("Ending DACA", "Undoing DACA"), None);
        // Another word made of the name: a people, an agent.
        assert_eq!(variant("South Carolina", "South Carolinian"), None);
        assert_eq!(variant("Democratic Senate", "Democratic Senator"), None);
        assert_eq!(
            variant("Bernie Sanders", "Bernie Sandes"),
            Some(("Sanders", "Sandes"))
        );
        assert_eq!(
            variant("Michelle Obama", "Michele Obama"),
            Some(("Michelle", "Michele"))
        );
        assert_eq!(
            variant("Catherine Gomes", "Katherine Gomes"),
            Some(("Catherine", "Katherine"))
        );
        let t = "forces killed Osama bin Laden in 2011";
        let end = t.find(" bin").unwrap();
        assert!(before_particle(t, end));
        let t = "announced that Gen. Mark A. Milley will succeed him";
        assert!(after_initial(t, t.find("Milley").unwrap()));
        assert!(!after_initial(t, t.find("Mark").unwrap()));
        let t = "after her son Casey was killed in combat";
        assert!(after_kin(t, t.find("Casey").unwrap()));
        let t = "Obama said bin collections";
        assert!(!before_particle(t, t.find(" bin").unwrap()));
    }

    #[test]
    fn one_word_misspelt_is_a_variant() {
        assert_eq!(
            variant("Damein K. Hamer", "Damien Hamer"),
            Some(("Damein", "Damien"))
        );
        assert_eq!(
            variant("Josh DeVine", "Josh Devine"),
            Some(("DeVine", "Devine"))
        );
        assert_eq!(
            variant("Jonathan Walker's", "Jonathon Walker"),
            Some(("Jonathan", "Jonathon"))
        );
    }

    #[test]
    fn other_names_are_not_variants() {
        // Another name, not a misspelling.
        assert_eq!(variant("Paul Smith", "Paula Smith"), None);
        assert_eq!(variant("Chris Moreau", "Christopher Moreau"), None);
        assert_eq!(variant("Joe Walker", "Jon Walker"), None);
        // A middle name more, or two words different.
        assert_eq!(variant("Joe Robertson", "Joe Dandrea Robertson"), None);
        assert_eq!(variant("Damien Hamer", "Damein Hamor"), None);
        // A surname alone, a headline in capitals, three letters changed.
        assert_eq!(variant("Hamer", "Hamor"), None);
        assert_eq!(variant("Endicott MCCRAY", "Endicott McCray"), None);
        assert_eq!(variant("Maria Lopez", "Maria Lopez"), None);
        assert_eq!(variant("Stephens Hall", "Stevenson Hall"), None);
        // Title case, accents, other forms of a word, house styles.
        assert_eq!(
            variant("Star Families For Peace", "Star Families for Peace"),
            None
        );
        assert_eq!(variant("Place Vendome", "Place Vendôme"), None);
        assert_eq!(variant("Orthodox Serbs", "Orthodox Serbia"), None);
        assert_eq!(variant("House Democrats", "House Democratic"), None);
        assert_eq!(variant("Charles Gibson", "Charlie Gibson"), None);
        assert_eq!(
            variant("World Health Organisation", "World Health Organization"),
            None
        );
        assert_eq!(variant("Research Centre", "Research Center"), None);
        // Still misspelt: a letter doubled, two letters swapped.
        assert_eq!(
            variant("Fenimore Ave", "Fennimore Ave"),
            Some(("Fenimore", "Fennimore"))
        );
        assert_eq!(
            variant("Betty Friedan", "Betty Freidan"),
            Some(("Friedan", "Freidan"))
        );
    }

    fn written(doc: usize, name: &str, at: usize, sentence: usize) -> Written {
        Written {
            doc,
            name: name.into(),
            span: Span::new(at, at + name.len()),
            sentence: Span::new(sentence, sentence + 100),
            kind: Some(EntityKind::Person),
            writers: false,
            quoted: false,
            placed: false,
        }
    }

    #[test]
    fn a_spelling_marked_sic_is_the_quoted_writer_s() {
        let sentence = "She wrote: \"pretty sure Brent Lyster (sic) did it\".";
        let at = sentence.find("Brent Lyster").unwrap();
        assert!(marked_sic(sentence, at, at + "Brent Lyster".len()));
        assert!(!marked_sic(sentence, 0, 3));
        let sic = |mut w: Written| {
            w.writers = true;
            w
        };
        let seen = [
            written(0, "Brent Luyster", 10, 0),
            sic(written(0, "Brent Lyster", 150, 100)),
            written(1, "Brent Luyster", 5, 0),
        ];
        let spelt = |seen: &[Written]| -> Vec<String> {
            claims(seen, &|_| false)
                .0
                .into_iter()
                .map(|c| c.text.to_string())
                .collect()
        };
        assert_eq!(spelt(&seen), ["Brent Luyster", "Brent Luyster"]);
        // Marked in a document that never spells it otherwise, it is
        // still that document's only spelling.
        let seen = [
            sic(written(0, "Brent Lyster", 150, 100)),
            written(1, "Brent Luyster", 5, 0),
        ];
        assert_eq!(spelt(&seen), ["Brent Lyster", "Brent Luyster"]);
    }

    #[test]
    fn institutions_places_and_other_names_endings_are_not_misspellings() {
        let none = |seen: &[Written]| claims(seen, &|_| false).0.is_empty();
        // Two institutions' words.
        assert!(none(&[
            written(0, "New York State", 0, 0),
            written(1, "New York Senate", 0, 0),
        ]));
        assert!(!none(&[
            written(0, "Lehigh Valley Hospital", 0, 0),
            written(1, "Lehigh Vally Hospital", 0, 0),
        ]));
        // A word alone after a preposition of place is no one's surname.
        let placed = |mut w: Written| {
            w.placed = true;
            w
        };
        assert!(none(&[
            placed(written(0, "Broadway", 10, 0)),
            written(0, "Lisa Brockway", 300, 200),
        ]));
        assert!(!none(&[
            written(0, "Broadway", 10, 0),
            written(0, "Lisa Brockway", 300, 200),
        ]));
        // A surname another name of the article ends with is that name's.
        assert!(none(&[
            written(0, "Agent in Charge Regina Lombardo", 10, 0),
            written(0, "Lombardo", 150, 100),
            written(0, "Federico Lombardi", 300, 200),
        ]));
    }

    #[test]
    fn each_spelling_is_claimed_once_per_document() {
        let seen = [
            written(0, "Damein Hamer", 10, 0),
            written(0, "Damein Hamer", 150, 100),
            written(0, "Josh Devine", 210, 200),
            written(1, "Damien Hamer", 5, 0),
            written(1, "Ann Lee", 40, 0),
        ];
        let got: Vec<(usize, String, usize)> = claims(&seen, &|_| false)
            .0
            .into_iter()
            .map(|c| (c.doc, c.text.into(), c.span.start()))
            .collect();
        assert_eq!(
            got,
            [
                (0, "Damein Hamer".into(), 10),
                (1, "Damien Hamer".into(), 5)
            ]
        );
    }

    #[test]
    fn a_brand_s_capitals_are_a_house_style_a_surname_s_its_spelling() {
        let both = ["BuzzFeed News", "Buzzfeed News"];
        assert!(capitals_styled("BuzzFeed", "Buzzfeed", both));
        assert!(!capitals_styled(
            "DeVine",
            "Devine",
            ["Josh DeVine", "Josh Devine"]
        ));
        assert!(!capitals_styled("Buzzfeed", "Buzzfeeds", both));
    }

    #[test]
    fn british_and_american_spellings_are_styled_alike() {
        assert!(styled_alike("Defence", "Defense"));
        assert!(styled_alike("Advisor", "Adviser"));
        assert!(!styled_alike("Adviser", "Advisers"));
        assert!(!styled_alike("Fence", "Fence"));
        assert!(!styled_alike("DeVine", "Devine"));
    }

    #[test]
    fn a_state_abbreviated_after_its_town_is_a_place() {
        let s = "The breakup is one that Palo Alto, Calif.-based H-P has long contemplated.";
        let at = s.find("Calif").unwrap();
        assert!(abbreviated_after_town(s, at, at + 5));
        let s = "Michael Calia contributed to this article.";
        assert!(!abbreviated_after_town(s, 8, 13));
    }

    #[test]
    fn a_familiar_first_name_is_not_a_misspelling() {
        assert_eq!(variant("Marty Baron", "Martin Baron"), None);
        assert_eq!(variant("Hermy Talmadge", "Herman Talmadge"), None);
        assert_eq!(
            variant("Brently Vinson", "Brentley Vinson"),
            Some(("Brently", "Brentley"))
        );
        assert_eq!(
            variant("Angela Kelly", "Angela Kelley"),
            Some(("Kelly", "Kelley"))
        );
    }

    #[test]
    fn two_words_news_uses_often_are_two_words() {
        assert!(established("Medicare") && established("Noble") && !established("Preibus"));
        assert_eq!(
            variant("Northwestern University", "Northeastern University"),
            None
        );
        assert_eq!(variant("Medicaid", "New Medicare"), None);
        // A people is no one's surname.
        assert_eq!(variant("Americas", "Native Americans"), None);
        assert_eq!(variant("Texans", "Unlike Texas"), None);
        assert_eq!(variant("Texas", "Breitbart Texans"), None);
        // One letter apart, common names are often one misspelt.
        assert_eq!(
            variant("Cathy Rodgers", "Cathy Rogers"),
            Some(("Rodgers", "Rogers"))
        );
        // A person's name, and a title before one person, are still misspelt.
        assert_eq!(
            variant("Russell Henderson", "Russell Anderson"),
            Some(("Henderson", "Anderson"))
        );
        assert_eq!(
            variant(
                "Senate Majority Leader Chuck Schumer",
                "Senate Minority Leader Chuck Schumer"
            ),
            Some(("Majority", "Minority"))
        );
        // Two romanisations of one name, both common, stay one name.
        assert_eq!(
            variant("Moammar Gaddafi", "Moammar Gadhafi"),
            Some(("Gaddafi", "Gadhafi"))
        );
    }

    #[test]
    fn words_of_one_stem_with_other_endings_are_two_words() {
        assert_eq!(variant("Designing Democracy", "Designing Democrat"), None);
        assert_eq!(variant("Sao Paulo", "Sao Paula"), Some(("Paulo", "Paula")));
        assert_eq!(variant("The Confederacy", "The Confederate"), None);
        assert_eq!(
            variant("Jeff Merkley", "Jeff Merkely"),
            Some(("Merkley", "Merkely"))
        );
    }

    #[test]
    fn a_doctrine_or_a_follower_is_no_one_s_surname() {
        assert_eq!(variant("Communism", "Holy Communion"), None);
        assert_eq!(variant("McCarthyite", "Clintonite McCarthyism"), None);
        assert_eq!(variant("Kaisch", "John Kasich"), Some(("Kaisch", "Kasich")));
    }

    #[test]
    fn a_short_surname_two_edits_apart_is_another_person() {
        assert_eq!(variant("John Kelly", "John Kerry"), None);
        assert_eq!(variant("Scott Wagner", "Scott Walker"), None);
        assert_eq!(
            variant("Michael Morell", "Michael Morrell"),
            Some(("Morell", "Morrell"))
        );
        // A long surname, or a first name, may be two edits off.
        assert_eq!(
            variant("George Papadopoulos", "George Papadopolous"),
            Some(("Papadopoulos", "Papadopolous"))
        );
        assert_eq!(
            variant("Stephen Bannon", "Steven Bannon"),
            Some(("Stephen", "Steven"))
        );
    }

    #[test]
    fn two_ordinary_words_are_not_one_misspelt() {
        let seen = [
            written(0, "Berrien Hills", 0, 0),
            written(1, "Berrien Halls", 0, 0),
        ];
        assert_eq!(claims(&seen, &|_| false).0.len(), 2);
        let ordinary = |w: &str| w == "hills" || w == "halls";
        assert!(claims(&seen, &ordinary).0.is_empty());
    }

    #[test]
    fn names_written_together_are_two_people() {
        let seen = [
            written(0, "Christina Marsh", 0, 0),
            written(0, "Christine Marsh", 30, 0),
            written(1, "Christine Marsh", 0, 0),
        ];
        assert!(claims(&seen, &|_| false).0.is_empty());
    }
}
