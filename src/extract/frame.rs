//! Fact frames: what a figure measures, by which predicate, when and in
//! what scope, read from the dependency tree of its sentence. Two figures
//! are one fact only when their frames agree (`Frame::clash`): "killed 5"
//! and "injured 50" share a subject and a unit but not a predicate; "fell
//! 50% in 2008" and "fell 4% on Tuesday" not a time; "$1,199 for the
//! 13-inch model" and "$1,799 for the 15-inch model" not a qualifier.
//!
//! A slot the tree does not fill stays empty, and an empty slot never
//! clashes: frames only tell facts apart, they never join them.

use super::basis::Basis;
use crate::nlp::{Model, Parse, Upos};
use crate::span::Span;
use crate::text::Sym;
use rayon::prelude::*;
use serde::Serialize;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Frame {
    /// The noun the figure counts or whose measure it is, as a lemma
    /// ("people", "share", "vote").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure: Option<Sym>,
    /// Words that pick the measure out ("13-inch", "in cash"), lower case.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub qualifiers: Vec<Sym>,
    /// The lemma of the verb that governs the figure ("kill", "injure").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub predicate: Option<Sym>,
    /// The name that does the governing verb's action, when its subject is
    /// one ("the Nationals offered $160 million" → "nationals"): whose
    /// figure it is when several actors give one (offers for one player).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent: Option<Sym>,
    /// The lemma of the governing verb's object, when it is a common noun
    /// ("announced the recall" → "recall"): what an event of a light verb
    /// is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object: Option<Sym>,
    /// Time expressions of the figure's clause, lower case and without
    /// their preposition ("2008", "tuesday", "last season", "so far").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub time: Vec<Sym>,
    /// Where the figure's clause places it, when it names a place ("in
    /// Aceh" → "aceh", "around the Indian Ocean" → "indian ocean", "in the
    /// province" → "province"): two places, two facts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Sym>,
    /// What the figure is counted per, or that it is a part ("per share",
    /// "per week", "part").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Sym>,
    /// The words just around the figure in its sentence, lower case: up to
    /// four before it (nearest first) and four after. Two outlets that tell
    /// a figure in the same words (wire copy) state one fact whatever slots
    /// the tree filled.
    #[serde(skip)]
    pub context: Context,
}

/// A claim's frame, allocated only once one is read: frames are read only
/// where a comparison can use them, so most claims never have one, and an
/// empty frame inline in every claim was half of a claim's size. Shared:
/// claims of one sentence text at one place (wire copy in several
/// outlets) read one frame, kept once.
#[derive(Clone, Default, PartialEq)]
pub struct ClaimFrame(Option<std::sync::Arc<Frame>>);

/// The frame of a claim none was read for.
static EMPTY: Frame = Frame {
    measure: None,
    qualifiers: Vec::new(),
    predicate: None,
    agent: None,
    object: None,
    time: Vec::new(),
    place: None,
    scope: None,
    context: Context {
        words: Vec::new(),
        before: 0,
        after_named: 0,
        attributive: false,
    },
};

impl std::ops::Deref for ClaimFrame {
    type Target = Frame;
    fn deref(&self) -> &Frame {
        self.0.as_deref().unwrap_or(&EMPTY)
    }
}

impl From<Frame> for ClaimFrame {
    fn from(frame: Frame) -> ClaimFrame {
        ClaimFrame(Some(std::sync::Arc::new(frame)))
    }
}

impl std::fmt::Debug for ClaimFrame {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

impl Serialize for ClaimFrame {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(s)
    }
}

/// Up to four words on each side of a figure (`Frame::context`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    /// The words before the figure, nearest first, then the words after
    /// it, nearest first: one allocation of exactly their number (three
    /// vectors with spare capacity were most of a frame's size).
    words: Vec<Sym>,
    /// How many of `words` stand before the figure.
    before: u8,
    /// Bit `i`: word `i` after the figure is written as a name ("west of
    /// Philadelphia").
    after_named: u8,
    /// The figure is written as one hyphenated modifier ("an 86-yard
    /// run", "the 16-yard line"): it describes the noun after it.
    pub attributive: bool,
}

impl Context {
    /// The words before the figure, nearest first.
    pub fn before(&self) -> &[Sym] {
        self.words
            .get(..usize::from(self.before))
            .unwrap_or_default()
    }

    /// The words after the figure, nearest first.
    pub fn after(&self) -> &[Sym] {
        self.words
            .get(usize::from(self.before)..)
            .unwrap_or_default()
    }

    /// Whether word `i` after the figure is written as a name.
    pub fn after_named(&self, i: usize) -> bool {
        i < 8 && (self.after_named >> i) & 1 == 1
    }
}

/// What kind of key two frames are compared under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyKind {
    /// The rules did not name the measure (a fallback such as "amount", a
    /// count's own noun): measures and verbs tell facts apart.
    pub generic: bool,
    /// The key is a change ("shares fell 4%"): any direction verb names it,
    /// whatever the other side's verb.
    pub change: bool,
}

impl KeyKind {
    pub const NAMED: KeyKind = KeyKind {
        generic: false,
        change: false,
    };
    pub const GENERIC: KeyKind = KeyKind {
        generic: true,
        change: false,
    };

    /// Whether two verbs only give directions and so never tell facts
    /// apart: under a change either may ("nosedived" / "slid"); under any
    /// other key both must ("rose to $5bn" / "climbed to $5.2bn"), since
    /// "offered $160 million" / "dropping $15 million" are two events.
    pub fn directional(self, words: &FrameWords, a: &str, b: &str) -> bool {
        let (x, y) = (words.movement.contains(a), words.movement.contains(b));
        if self.change { x || y } else { x && y }
    }
}

/// What the rules say about words, for telling frames apart: verbs that
/// only give a change its direction, and words that are one word.
#[derive(Debug, Default)]
pub struct FrameWords {
    /// Lemmas and forms of the direction verbs ("rise", "rose", "slump").
    pub movement: std::collections::BTreeSet<String>,
    /// Word → the first word of its synonym group.
    pub synonyms: std::collections::BTreeMap<String, String>,
}

impl FrameWords {
    /// The rules' direction verbs, as written and as lemmas ("rose" →
    /// "rise"), and their synonym groups, as the extractors read them.
    pub fn new(rules: &crate::rules::Rules) -> FrameWords {
        // Read from the rules as the lexicon reads them (lower case; a
        // synonym group's first word its head), without building the
        // lexicon's phrase automata a second time.
        let d = &rules.directions;
        let mut movement: std::collections::BTreeSet<String> =
            d.up.iter()
                .chain(&d.down)
                .map(|w| w.to_lowercase())
                .collect();
        if let Ok(model) = Model::builtin() {
            let lemmas: Vec<String> = movement
                .iter()
                .map(|w| model.lemma(w, Upos::Verb))
                .collect();
            movement.extend(lemmas);
        }
        FrameWords {
            movement,
            synonyms: super::lexicon::synonyms(rules).collect(),
        }
    }

    /// Whether two words are one: equal, synonyms in the rules, or one
    /// stem (a lemma the lemmatizer missed: "recalling" / "recall").
    pub fn same(&self, a: &str, b: &str) -> bool {
        let head = |w: &str| {
            self.synonyms
                .get(w)
                .cloned()
                .unwrap_or_else(|| w.to_string())
        };
        // "recalling" / "recall": a lemma the lemmatizer missed.
        let stem = |w: &str| w.chars().take(5).collect::<String>();
        // (Words, not phrases: "passenger and crew" is not "passenger".)
        let word = |w: &str| w.len() > 5 && !w.contains(' ');
        a == b || head(a) == head(b) || (word(a) && word(b) && stem(a) == stem(b))
    }
}

/// Reads the frames of the claims that can conflict: those whose (subject,
/// attribute) key two documents or more state with two values or more. Their
/// sentences are parsed once each; other claims keep an empty frame (their
/// sentences are never parsed: nothing would read the frame).
pub fn read_frames(
    docs: &[crate::ingest::Document],
    claims: &mut [super::Claim],
    parses: &mut super::Parses,
) {
    let Ok(model) = Model::builtin() else { return };
    // Per key: the documents that state it and the values they give. Only
    // a key two documents state with two different values can be a
    // conflict, and only conflicts read frames. The claims of a key are
    // found by sorting their indices (maps of every key's documents and
    // values were a large run's largest passing cost).
    let key = |i: usize| {
        claims
            .get(i)
            .map(|c| (c.group.as_str(), c.attribute.as_str()))
    };
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by(|&a, &b| key(a).cmp(&key(b)).then(a.cmp(&b)));
    let mut wanted = vec![false; claims.len()];
    for run in order.chunk_by(|&a, &b| key(a) == key(b)) {
        let of_run = || run.iter().filter_map(|&i| claims.get(i));
        let Some(first) = of_run().next() else {
            continue;
        };
        let two_docs = of_run().any(|c| c.doc != first.doc);
        // Only whether there are two values matters.
        let two_values = two_docs && {
            let value = format!("{:?}", first.value);
            of_run().any(|c| !debug_is(&c.value, &value))
        };
        if two_docs && two_values {
            for &i in run {
                if let (Some(w), Some(c)) = (wanted.get_mut(i), claims.get(i)) {
                    *w = !matches!(c.value, super::Value::Action(_));
                }
            }
        }
    }
    drop(order);
    // Sentences of the same text (the same wire copy in several outlets)
    // are parsed once: a parse depends on the text alone. Texts are read in
    // parallel, each parse dropped once its frames are read.
    let mut jobs: Vec<(&str, usize, Span, usize)> = claims
        .iter()
        .enumerate()
        .zip(&wanted)
        .filter(|(_, want)| **want)
        .filter_map(|((i, c), _)| {
            let text = docs.get(c.doc)?.quote(c.sentence);
            (text.len() <= super::MAX_PARSED_BYTES).then_some((text, c.doc, c.sentence, i))
        })
        .collect();
    drop(wanted);
    jobs.sort_unstable();
    // Only the sentences frames are read from are kept parsed: the others
    // are freed before the frames, the run's peak, are allocated.
    parses.retain(|text, _| jobs.binary_search_by(|j| j.0.cmp(text.as_str())).is_ok());
    let parses: &super::Parses = parses;
    let by_text: Vec<&[(&str, usize, Span, usize)]> = jobs.chunk_by(|a, b| a.0 == b.0).collect();
    let read: &[super::Claim] = claims;
    let words = std::sync::Mutex::new(crate::text::Interner::default());
    // Each frame is boxed where it is read: a vector of frames inline, for
    // every sentence at once, was the largest thing alive in a large run.
    let frames: Vec<Vec<(usize, ClaimFrame)>> = by_text
        .par_iter()
        .filter_map(|group| Some((group.first()?.0, *group)))
        .map(|(text, sentences)| {
            let fresh;
            let parse = match parses.get(text) {
                Some(p) => &**p,
                None => {
                    fresh = Parse::of(model, text);
                    &fresh
                }
            };
            let mut out: Vec<(usize, ClaimFrame)> = Vec::new();
            // A frame depends on the text and the figure's place in it
            // alone: claims of this text at one place share one.
            let mut read_at: Vec<(Span, ClaimFrame)> = Vec::new();
            for &(_, _, sentence, i) in sentences {
                let Some(c) = read.get(i) else {
                    continue;
                };
                let rel = Span::new(
                    c.span.start().saturating_sub(sentence.start()),
                    c.span.end().saturating_sub(sentence.start()),
                );
                if let Some((_, known)) = read_at.iter().find(|(at, _)| *at == rel) {
                    out.push((i, known.clone()));
                    continue;
                }
                if rel.end() <= text.len()
                    && text.is_char_boundary(rel.start())
                    && text.is_char_boundary(rel.end())
                {
                    let mut frame = Frame::read(parse, model, text, rel);
                    frame.context = context_words(text, rel);
                    // The words of frames repeat across the run: each
                    // distinct one is kept once.
                    if let Ok(mut shared) = words.lock() {
                        frame.share(&mut shared);
                    }
                    let frame = ClaimFrame::from(frame);
                    read_at.push((rel, frame.clone()));
                    out.push((i, frame));
                }
            }
            out
        })
        .collect();
    for (i, frame) in frames.into_iter().flatten() {
        if let Some(c) = claims.get_mut(i) {
            c.frame = frame;
        }
    }
}

/// Whether `x` prints (`{:?}`) as `text`, compared as it is printed: no
/// copy is made, and printing stops at the first difference.
fn debug_is(x: &impl std::fmt::Debug, text: &str) -> bool {
    struct Rest<'t>(&'t str);
    impl std::fmt::Write for Rest<'_> {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            match self.0.strip_prefix(s) {
                Some(rest) => {
                    self.0 = rest;
                    Ok(())
                }
                None => Err(std::fmt::Error),
            }
        }
    }
    let mut rest = Rest(text);
    std::fmt::write(&mut rest, format_args!("{x:?}")).is_ok() && rest.0.is_empty()
}

/// Owned words as shared strings.
fn syms(words: Vec<String>) -> Vec<Sym> {
    words.into_iter().map(Sym::from).collect()
}

/// Verbs that carry no event of their own ("revenue was $5bn", "the toll
/// stood at 12", "the company said …"): never a reason to tell facts apart.
const LIGHT: &[&str] = &[
    "be", "have", "say", "report", "reach", "total", "stand", "make", "get", "see", "show", "put",
    "give", "come", "hit", "bring", "take", "remain", "announce", "confirm", "add", "include",
    "estimate", "expect", "tell", "close", "end", "finish", "settle", "open", "trade",
];

/// Words inside a figure that place it before the story ("four prior
/// arrests", "his previous 12 games").
const EARLIER: &[&str] = &["prior", "previous", "former", "earlier", "past"];

/// Sentence openings that step back from the story to what came before it.
const STEPS_BACK: &[&str] = &[
    "prior to that",
    "before that",
    "previously,",
    "earlier in his career",
    "earlier in her career",
    "in the past,",
];

/// Verbs that put a figure on a noun ("a deal valued at $2.5 billion"):
/// the event is the verb the noun belongs to.
const VALUING: &[&str] = &["value", "price", "worth", "put", "peg"];

/// Words that make a phrase a time expression ("last season", "so far").
const TIME_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "last",
    "this",
    "next",
    "previous",
    "ago",
    "far",
    "since",
    "season",
    "quarter",
    "year",
    "month",
    "week",
    "day",
    "weekend",
    "morning",
    "evening",
    "night",
    "decade",
    "earlier",
    "later",
    "gmt",
    "utc",
    "a.m.",
    "p.m.",
];

/// Units: what a figure is written in, not what it measures ("83 percent
/// of the total weight" and "about 15 percent extra fuel" share only the
/// unit). One unit is never evidence that two figures are one fact.
const UNITS: &[&str] = &[
    "percent",
    "percentage",
    "pct",
    "cent",
    "point",
    "mile",
    "kilometer",
    "kilometre",
    "km",
    "meter",
    "metre",
    "foot",
    "feet",
    "inch",
    "yard",
    "ton",
    "tonne",
    "pound",
    "kilogram",
    "kg",
    "barrel",
    "degree",
    "hour",
    "minute",
    "second",
    "day",
    "week",
    "month",
    "year",
    "square",
    "acre",
    "hectare",
    "gallon",
    "liter",
    "litre",
];

/// Whether a measure is one thing counted, not only a unit (`UNITS`).
fn counted(measure: &str) -> bool {
    !UNITS.contains(&measure)
}

impl Frame {
    /// Replaces each word with the copy `words` keeps, and frees the
    /// lists' spare capacity (frames live until the report).
    fn share(&mut self, words: &mut crate::text::Interner) {
        let Frame {
            measure,
            qualifiers,
            predicate,
            agent,
            object,
            time,
            place,
            scope,
            context,
        } = self;
        for w in [measure, predicate, agent, object, place, scope]
            .into_iter()
            .flatten()
        {
            *w = words.intern(w);
        }
        for w in qualifiers
            .iter_mut()
            .chain(time.iter_mut())
            .chain(context.words.iter_mut())
        {
            *w = words.intern(w);
        }
        qualifiers.shrink_to_fit();
        time.shrink_to_fit();
    }

    /// The frame of the figure at `figure` (sentence-relative span) in a
    /// parsed sentence `text`.
    pub(crate) fn read(parse: &Parse, model: &Model, text: &str, figure: Span) -> Frame {
        let mut f = Frame {
            scope: scope_after(text, figure).map(Sym::from),
            ..Frame::default()
        };
        if !parse.is_parsed() {
            return f;
        }
        // Word indices come from the tree itself; one that is not there
        // has no label, tag or lemma.
        let word = |i: usize| parse.words.get(i);
        let label = |i: usize| word(i).map_or("", |w| model.label(w.deprel));
        let upos = |i: usize| word(i).map(|w| w.upos);
        // Lemmas come lower-cased but for names: most are read as they are.
        let lemma = |i: usize| word(i).map(|w| folded(&w.lemma));
        let inside: Vec<usize> = parse
            .words
            .iter()
            .enumerate()
            .filter(|(_, w)| figure.contains(w.span))
            .map(|(i, _)| i)
            .collect();
        // The figure's top word: the one whose head lies outside it.
        let Some((top, w)) = inside.iter().find_map(|&i| {
            let w = word(i)?;
            w.head
                .is_none_or(|h| word(h).is_none_or(|hw| !figure.contains(hw.span)))
                .then_some((i, w))
        }) else {
            return f;
        };
        // "24 people", "38 container ships": the noun is in the figure.
        // "rose 4%", "$3.2 billion": it is the noun the figure quantifies,
        // or else the subject of its clause.
        let quantified = matches!(label(top), "nummod" | "amod" | "compound" | "nmod:npmod")
            .then_some(w.head)
            .flatten()
            .filter(|&h| upos(h) == Some(Upos::Noun));
        // "3 million people watched": a figure taken with its verb is
        // headed by the verb, and its noun is the verb's subject.
        let verb_inside = inside
            .iter()
            .copied()
            .find(|&i| upos(i) == Some(Upos::Verb));
        let noun = if w.upos == Upos::Noun {
            Some(top)
        } else if let Some(v) = verb_inside {
            parse.children(v).find(|&c| {
                inside.contains(&c) && label(c).starts_with("nsubj") && upos(c) == Some(Upos::Noun)
            })
        } else {
            quantified
        };
        let mut clause = verb_inside.or_else(|| governing_verb(parse, noun.unwrap_or(top)));
        // "buying DataRiver in a deal valued at $2.5 billion": a light verb
        // that only describes a noun ("valued", "worth") leaves the event to
        // the verb that noun belongs to.
        if let Some(v) = clause
            && label(v).starts_with("acl")
            && lemma(v).is_some_and(|l| LIGHT.contains(&&*l) || VALUING.contains(&&*l))
            && let Some(up) = governing_verb(parse, v)
        {
            clause = Some(up);
        }
        // "…, an official said Thursday": a day written just after a verb of
        // saying (or "said on") is the day of the saying, however the tree
        // attached it.
        let first = inside.first().copied().unwrap_or(top);
        let is_day = word(first)
            .is_some_and(|w| super::date::is_calendar_word(&w.span.slice(text).to_lowercase()));
        let before = |k: usize| k.checked_sub(1).filter(|&b| word(b).is_some());
        let saying = before(first)
            .and_then(|b| {
                if lemma(b).as_deref() == Some("on") {
                    before(b)
                } else {
                    Some(b)
                }
            })
            .filter(|&b| lemma(b).is_some_and(|l| SAYING.contains(&&*l)));
        if is_day && let Some(v) = saying {
            clause = Some(v);
        }
        // "Exxon's expenditures rose 8 percent" / "shares of Exxon rose 2.3
        // percent": a figure in a unit measures what its clause says moved,
        // the verb's subject, when that is a common noun with an owner or
        // without a determiner ("revenue rose"); "the company rose 2%" is the
        // claim's own subject, referred to.
        let owned_or_bare = |c: usize| {
            parse.children(c).all(|k| label(k) != "det")
                || parse.children(c).any(|k| label(k).starts_with("nmod"))
        };
        let mover = clause
            .filter(|_| noun.and_then(lemma).is_some_and(|l| !counted(&l)))
            .and_then(|v| {
                parse.children(v).find(|&c| {
                    !inside.contains(&c)
                        && label(c).starts_with("nsubj")
                        && upos(c) == Some(Upos::Noun)
                        && owned_or_bare(c)
                })
            });
        if let Some(n) = noun {
            f.measure = lemma(mover.unwrap_or(n)).map(|l| Sym::from(&*l));
            // "66 passengers, crew and security officers": a count of
            // several nouns joined, none with a figure of its own, counts
            // them all, which is none of them alone ("56 passengers and 10
            // crew members" is two counts).
            let joined: Vec<std::borrow::Cow<str>> = parse
                .children(n)
                .filter(|&c| c > n && label(c) == "conj" && upos(c) == Some(Upos::Noun))
                .filter(|&c| !parse.children(c).any(|k| label(k) == "nummod"))
                .filter_map(lemma)
                .collect();
            if mover.is_none()
                && !joined.is_empty()
                && let Some(head) = lemma(n)
            {
                f.measure = Some(format!("{head} and {}", joined.join(" and ")).into());
            }
            f.qualifiers = syms(qualifiers(parse, model, text, n, &inside));
        } else if w.upos == Upos::Propn
            && w.span
                .slice(text)
                .starts_with(|c: char| c.is_ascii_uppercase())
            && w.span.slice(text).ends_with('s')
        {
            // "120,000 electric SUVs": a capitalised plural the tagger took
            // for a name is still the noun the figure counts.
            f.measure = Some(
                model
                    .lemma(w.span.slice(text), Upos::Noun)
                    .to_lowercase()
                    .into(),
            );
            f.qualifiers = syms(qualifiers(parse, model, text, top, &inside));
        } else if let Some(v) = clause {
            f.measure = parse
                .children(v)
                .find(|&c| label(c).starts_with("nsubj") && upos(c) == Some(Upos::Noun))
                .and_then(lemma)
                .map(|l| Sym::from(&*l));
            f.qualifiers = syms(qualifiers(parse, model, text, top, &inside));
        }
        if let Some(v) = clause {
            f.object = parse
                .children(v)
                .find(|&c| label(c) == "obj" && upos(c) == Some(Upos::Noun) && !inside.contains(&c))
                .and_then(lemma)
                .map(|l| Sym::from(&*l));
            f.agent = agent(parse, model, text, v).map(Sym::from);
            if upos(v) == Some(Upos::Verb)
                && let Some(verb) = lemma(v)
                && !LIGHT.contains(&&*verb)
            {
                // "killed or wounded at least 100": the figure counts
                // either, which is neither verb's own count.
                let either = |a: usize, b: usize| -> Option<String> {
                    let or = parse.children(b).any(|c| {
                        label(c) == "cc"
                            && word(c)
                                .is_some_and(|w| w.span.slice(text).eq_ignore_ascii_case("or"))
                    });
                    (or && upos(a) == Some(Upos::Verb) && upos(b) == Some(Upos::Verb))
                        .then(|| Some(format!("{} or {}", lemma(a)?, lemma(b)?)))
                        .flatten()
                };
                let joined = parse
                    .children(v)
                    .find(|&c| label(c) == "conj" && c < top)
                    .and_then(|c| either(v, c))
                    .or_else(|| {
                        (label(v) == "conj")
                            .then_some(word(v)?.head?)
                            .and_then(|h| either(h, v))
                    });
                f.predicate = Some(match joined {
                    Some(j) => j.into(),
                    None => Sym::from(&*verb),
                });
            }
        }
        let mut holders = vec![top];
        holders.extend(noun);
        holders.extend(clause);
        for h in holders {
            for c in parse.children(h) {
                // Any dependent but a subject may be a time ("last season"
                // is often read as an object; "over the past month" read as
                // a subject has its preposition).
                let subject =
                    label(c).starts_with("nsubj") && !parse.children(c).any(|k| label(k) == "case");
                if inside.contains(&c) || subject {
                    continue;
                }
                // "…, the company said on Thursday": the day of the saying,
                // not of what was said.
                if label(c) == "parataxis" || lemma(c).is_some_and(|l| SAYING.contains(&&*l)) {
                    continue;
                }
                if let Some(t) = time_of(parse, text, c, &inside) {
                    f.time.push(t.into());
                } else if f.place.is_none() {
                    f.place = place_of(parse, model, text, c).map(Sym::from);
                }
            }
        }
        // "A quake struck off Aceh in 2004, sparking a tsunami that killed
        // 170,000 people": a clause with no time of its own happened when
        // the clause it hangs from did. Climbed through a few governing
        // verbs, never past a verb of saying (its day is the telling's).
        if f.time.is_empty()
            && let Some(v) = clause
        {
            f.time = inherited_time(parse, model, text, v, &inside)
                .into_iter()
                .map(Sym::from)
                .collect();
        }
        // "lost 4.9%, to 24,605" / "dropped 7.8%, to close at 23,851.02":
        // the level a move ended at is a qualifier, and two moves that end
        // at two levels are two moments of the day (`numbered` qualifiers
        // clash).
        if let Some(level) = end_level(text.get(figure.end()..).unwrap_or("")) {
            f.qualifiers.retain(|q| !q.starts_with("to "));
            f.qualifiers.push(format!("to {level}").into());
        }
        // "Walked away from a plan to invest $5 billion": a clause told as
        // what came before the story.
        let before_story = |v: usize| {
            parse.children(v).any(|c| {
                word(c).is_some_and(|w| {
                    matches!(
                        w.span.slice(text).to_lowercase().as_str(),
                        "previously" | "formerly"
                    )
                })
            })
        };
        // The clause, or a verb it hangs from ("previously walked away from
        // a plan to invest").
        if std::iter::successors(clause, |&at| governing_verb(parse, at))
            .take(TIME_CLIMB)
            .any(before_story)
        {
            f.time.push("earlier".into());
        }
        // "Cruz had 45 percent among evangelicals": a share of a part of
        // those asked.
        let share = {
            let t = figure.slice(text).to_lowercase();
            t.contains('%') || t.contains("percent") || t.contains("per cent")
        };
        if f.scope.is_none() && share {
            // A space first, so that "Among …" opening the sentence is met
            // too (offsets one byte on).
            let lower = format!(" {}", text.to_lowercase());
            let near = lower
                .match_indices(" among ")
                .min_by_key(|(at, _)| at.abs_diff(figure.start() + 1));
            if let Some((at, m)) = near
                && let Some(next) = lower.get(at + m.len()..).and_then(|r| {
                    r.split(|c: char| !c.is_alphanumeric())
                        .find(|w| !w.is_empty())
                })
            {
                f.scope = Some(format!("among {next}").into());
            }
        }
        // "four prior arrests", "his previous 12 games": the figure itself
        // says it counts what came before the story.
        if inside.iter().any(|&i| {
            word(i).is_some_and(|w| EARLIER.contains(&w.span.slice(text).to_lowercase().as_str()))
        }) {
            f.time.push("earlier".into());
        }
        // "Prior to that, DiLeo spent four seasons as …": a sentence that
        // opens by stepping back tells what came before the story.
        let opening = text.trim_start().to_lowercase();
        if STEPS_BACK.iter().any(|p| opening.starts_with(p)) {
            f.time.push("earlier".into());
        }
        f.time.sort();
        f.time.dedup();
        f
    }

    /// Why two frames cannot be one fact, if they cannot. Only where the
    /// rules did not name the measure (`generic`: the attribute is a
    /// fallback such as "change", "amount" or a count's own noun) do
    /// measures and predicates tell facts apart ("killed 5" / "injured 50");
    /// a named measure is already one fact however it is worded ("412,000
    /// vehicles delivered" / "410,000 cars handed over"). Direction verbs
    /// and synonyms never clash. Times clash when both sides name an
    /// absolute time (a year, month, weekday, numbered quarter) and share
    /// none, or, with no absolute time, both name relative ones ("last
    /// season" / "this season") and share none.
    pub fn clash(&self, other: &Frame, words: &FrameWords, key: KeyKind) -> Option<String> {
        let generic = key.generic;
        if generic
            && let (Some(a), Some(b)) = (&self.predicate, &other.predicate)
            && !words.same(a, b)
            && !key.directional(words, a, b)
        {
            return Some(format!("different events (\"{a}\" vs \"{b}\")"));
        }
        // "boosting family income by 3 percent" / "reduce employment by 0.3
        // percent": what a verb moves is its object; two objects, two facts.
        if generic
            && let (Some(a), Some(b)) = (&self.object, &other.object)
            && !words.same(a, b)
        {
            return Some(format!("different objects (\"{a}\" vs \"{b}\")"));
        }
        // A unit ("percent", "feet") names no measure: it is unknown.
        if generic
            && let (Some(a), Some(b)) = (&self.measure, &other.measure)
            && counted(a)
            && counted(b)
            && !words.same(a, b)
        {
            return Some(format!("different measures (\"{a}\" vs \"{b}\")"));
        }
        let (abs_a, rel_a) = kinds_of_time(&self.time);
        let (abs_b, rel_b) = kinds_of_time(&other.time);
        let disjoint = |x: &[String], y: &[String]| {
            !x.is_empty() && !y.is_empty() && !x.iter().any(|t| y.contains(t))
        };
        // A figure of what came before the story against one with no time
        // at all: the story's own.
        let earlier =
            |f: &Frame, g: &Frame| f.time.iter().any(|t| t == "earlier") && g.time.is_empty();
        // "killed 230,000 people in 2004" (or "last year") against "killed
        // at least three":
        // a figure dated by a year, where the other has no time at all, is
        // a background fact, not the story's own.
        let dated =
            |f: &Frame, g: &Frame| f.time.iter().any(|t| names_year(t)) && g.time.is_empty();
        // "killed 10 people Monday" / "1,101 killed since the conflict
        // began": a day against a running total ("since", "so far", "over
        // the past month") shares nothing either, nor a year's budget
        // against ten years' ("over the next decade"); "last quarter" may
        // be "between July and September".
        let cumulative = |x: &[String]| {
            x.iter().any(|t| {
                let w: Vec<&str> = t.split(' ').collect();
                w.iter()
                    .any(|w| matches!(*w, "since" | "past" | "decade" | "decades"))
                    || w.windows(2).any(|p| {
                        matches!(p, ["so" | "thus", "far"] | ["to", "date"] | ["in", "total"])
                    })
            })
        };
        let mixed = |abs: &[String], rel: &[String], abs_o: &[String], rel_o: &[String]| {
            (!abs.is_empty() || !rel.is_empty())
                && !cumulative(rel)
                && abs_o.is_empty()
                && cumulative(rel_o)
        };
        if disjoint(&abs_a, &abs_b)
            || (abs_a.is_empty() && abs_b.is_empty() && disjoint(&rel_a, &rel_b))
            || mixed(&abs_a, &rel_a, &abs_b, &rel_b)
            || mixed(&abs_b, &rel_b, &abs_a, &rel_a)
            || earlier(self, other)
            || earlier(other, self)
            || dated(self, other)
            || dated(other, self)
        {
            return Some(format!(
                "different times (\"{}\" vs \"{}\")",
                self.time.join(", "),
                other.time.join(", ")
            ));
        }
        if let (Some(a), Some(b)) = (&self.place, &other.place)
            && !a.split(' ').any(|w| b.split(' ').any(|v| v == w))
        {
            return Some(format!("different places (\"{a}\" vs \"{b}\")"));
        }
        if self.scope != other.scope
            && (matches!(self.scope.as_deref(), Some("part" | "whole" | "gap"))
                || matches!(other.scope.as_deref(), Some("part" | "whole" | "gap"))
                || [&self.scope, &other.scope]
                    .iter()
                    .any(|x| x.as_deref().is_some_and(|x| x.starts_with("among ")))
                || (self.scope.is_some() && other.scope.is_some()))
        {
            return Some("different scopes".to_string());
        }
        // "the Nationals offered $160 million" / "the Red Sox offered $200
        // million": two actors' figures.
        if let (Some(a), Some(b)) = (&self.agent, &other.agent)
            && !a.split(' ').any(|w| b.split(' ').any(|v| v == w))
        {
            return Some(format!("different actors (\"{a}\" vs \"{b}\")"));
        }
        // "an 86-yard touchdown run" / "the 16-yard line": two figures
        // that each describe a noun describe two things when the nouns
        // differ.
        if self.context.attributive
            && other.context.attributive
            && self.context.after().first() != other.context.after().first()
        {
            return Some("different things described".to_string());
        }
        // "13-inch" vs "15-inch": qualifiers that both name a variant.
        fn numbered(q: &[Sym]) -> Vec<&Sym> {
            q.iter()
                .filter(|x| x.chars().any(|c| c.is_ascii_digit()))
                .collect()
        }
        let (na, nb) = (numbered(&self.qualifiers), numbered(&other.qualifiers));
        if !na.is_empty() && !nb.is_empty() && !na.iter().any(|q| nb.contains(q)) {
            return Some("different variants".to_string());
        }
        None
    }

    /// Whether two frames positively name one event, as a key the rules did
    /// not name needs before its figures are compared: both have an event
    /// verb and the verbs are one ("killed" / "killed", a synonym, or a
    /// direction verb on either side: "nosedived" / "slid"), or neither has
    /// one (a light verb: "the toll stood at 12" / "the toll was 14") and
    /// both count or measure one thing. A verb on one side only ("won 18 of
    /// their next 23 games" / "two games behind") is not enough.
    pub fn anchored(&self, other: &Frame, words: &FrameWords, key: KeyKind) -> bool {
        if self.same_context(other) || self.followed_alike(other).is_some() {
            return true;
        }
        match (&self.predicate, &other.predicate) {
            (Some(a), Some(b)) => words.same(a, b) || key.directional(words, a, b),
            (None, None) => {
                matches!((&self.measure, &other.measure), (Some(a), Some(b)) if words.same(a, b) && counted(a))
            }
            _ => false,
        }
    }

    /// Whether the figure is told as a movement: its verb, or a word just
    /// before or after it, is a direction word of the rules ("shares fell
    /// 4%", "Trump up by 13%", "a 96 percent drop"). "Commands 13 percent
    /// of votes" or "dominant with about 48 percent" is a share, not a
    /// change, whatever key it was filed under.
    pub fn moves(&self, words: &FrameWords) -> bool {
        self.predicate
            .as_deref()
            .is_some_and(|p| words.movement.contains(p))
            || self
                .context
                .before()
                .iter()
                .take(3)
                .chain(self.context.after().iter().take(1))
                .any(|w| words.movement.contains(w.as_ref()))
    }

    /// Whether two frames name one absolute time (a year, month, weekday or
    /// numbered quarter): the figures are of one moment, whenever their
    /// articles were written.
    pub fn same_moment(&self, other: &Frame) -> bool {
        let (a, _) = kinds_of_time(&self.time);
        let (b, _) = kinds_of_time(&other.time);
        a.iter().any(|t| b.contains(t))
    }

    /// The words two figures are both followed by, when they pick out what
    /// is measured: "35 miles west of Philadelphia" / "55 miles west of
    /// Philadelphia" (a unit names nothing, the words after it do). Two or
    /// three words, one of them at least four letters long.
    pub fn followed_alike(&self, other: &Frame) -> Option<String> {
        self.followed(other).map(|(words, _)| words)
    }

    /// The words two figures are both followed by (`followed_alike`), and
    /// whether one of them is a name on both sides: a distance or a count
    /// tied to a named place or thing ("55 miles west of Philadelphia").
    fn followed(&self, other: &Frame) -> Option<(String, bool)> {
        let (x, y) = (self.context.after(), other.context.after());
        let n = x.len().min(y.len()).min(3);
        if n < 2 || x.get(..n) != y.get(..n) || !x.iter().take(n).any(|w| w.chars().count() >= 4) {
            return None;
        }
        let named = (0..n).any(|i| self.context.after_named(i) && other.context.after_named(i));
        Some((
            x.iter().take(n).cloned().collect::<Vec<_>>().join(" "),
            named,
        ))
    }

    /// Whether two figures are told in the same words (wire copy, a quote):
    /// of the four words on each side of each, six in the same places, or
    /// at least four and all there are ("… the budget was $640 million.").
    pub fn same_context(&self, other: &Frame) -> bool {
        let (matched, compared) = self.context_matches(other);
        matched >= 6 || (matched >= 4 && matched == compared)
    }

    /// Whether two figures stand in one sentence told word for word: six of
    /// the eight words around them in the same places, not only a short
    /// sentence's few ("Thomas has 11 touchdowns this season").
    pub fn verbatim(&self, other: &Frame) -> bool {
        self.context_matches(other).0 >= 6
    }

    /// Of the words around two figures, how many are the same in the same
    /// places, and how many places both have.
    fn context_matches(&self, other: &Frame) -> (usize, usize) {
        let (a, b) = (&self.context, &other.context);
        let same = |x: &[Sym], y: &[Sym]| x.iter().zip(y).filter(|(p, q)| p == q).count();
        let matched = same(a.before(), b.before()) + same(a.after(), b.after());
        let compared =
            a.before().len().min(b.before().len()) + a.after().len().min(b.after().len());
        (matched, compared)
    }

    /// The evidence that two frames are one fact, for saying why claims
    /// met: the slots they share (one measure, one verb or synonyms, two
    /// direction verbs, one time) and being told in the same words. Empty
    /// when nothing but the key joins them; one actor is not evidence, as
    /// the actor is mostly the key's own subject.
    pub fn shared(&self, other: &Frame, words: &FrameWords, key: KeyKind) -> Vec<Basis> {
        let mut out = Vec::new();
        let same_words = self.same_context(other);
        if same_words {
            out.push(Basis::SameWords);
        }
        if let (Some(a), Some(b)) = (&self.measure, &other.measure)
            && words.same(a, b)
            && counted(a)
        {
            out.push(Basis::Measure(a.to_string()));
        }
        if let Some((after, named)) = self.followed(other)
            && !same_words
        {
            out.push(Basis::FollowedBy {
                words: after,
                named,
            });
        }
        if let (Some(a), Some(b)) = (&self.predicate, &other.predicate) {
            if words.same(a, b) {
                out.push(Basis::Predicate(a.to_string()));
            } else if key.directional(words, a, b) {
                out.push(Basis::Directions(a.to_string(), b.to_string()));
            }
        }
        if let Some(t) = self.time.iter().find(|t| other.time.contains(t)) {
            out.push(Basis::Time(t.to_string()));
        }
        out
    }
}

/// Whether a time expression names a year ("2004", "december 2003",
/// "1999-2003") or a period reaching back from the story ("past year").
fn names_year(t: &str) -> bool {
    t.split(|c: char| !c.is_ascii_digit())
        .any(|w| w.len() == 4 && w.starts_with(['1', '2']))
        // "in October last year", "a year ago": a year before the story's.
        || t.ends_with("last year")
        || t.ends_with("year ago")
        || t.ends_with("years ago")
        // "in the past year", "over the past decade": a period before the
        // story's day.
        || t.starts_with("past ")
}

/// A frame's times split into absolute ones (with a year, month, weekday
/// or numbered quarter or half), kept to their calendar words ("sunday, a
/// record" → "sunday"), and relative ones ("last season", "so far"); a bare
/// "year" or "day" is neither.
fn kinds_of_time(times: &[Sym]) -> (Vec<String>, Vec<String>) {
    // Month and weekday names, ordinals of quarters and halves.
    let named = |w: &str| {
        super::date::is_calendar_word(w)
            || matches!(
                w,
                "first" | "second" | "third" | "fourth" | "q1" | "q2" | "q3" | "q4"
            )
    };
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    // The words kept of an absolute time: names and any number ("june 8").
    let calendar = |w: &str| named(w) || digits(w);
    // A time is absolute when it has a name or a year.
    let absolute = |t: &Sym| {
        t.split(' ')
            .any(|w| named(w) || (w.len() == 4 && digits(w)))
    };
    let relative = |t: &Sym| {
        t.split(' ').any(|w| {
            matches!(
                w,
                "last"
                    | "this"
                    | "next"
                    | "previous"
                    | "past"
                    | "ago"
                    | "far"
                    | "since"
                    | "yesterday"
                    | "today"
                    | "tomorrow"
                    | "tonight"
            )
        })
    };
    let mut abs: Vec<String> = times
        .iter()
        .filter(|t| absolute(t))
        .map(|t| {
            t.split(' ')
                .filter(|w| calendar(w))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    abs.dedup();
    (
        abs,
        times
            .iter()
            .filter(|t| !absolute(t) && relative(t))
            .map(|t| t.to_string())
            .collect(),
    )
}

/// The name heading the subject of verb `v` ("the Washington Nationals"
/// → "washington nationals"), lower case, without its determiner; `None`
/// when the subject is not a name (a pronoun, a common noun).
fn agent(parse: &Parse, model: &Model, text: &str, v: usize) -> Option<String> {
    let word = |i: usize| parse.words.get(i);
    let subject = parse
        .children(v)
        .find(|&c| word(c).is_some_and(|w| model.label(w.deprel) == "nsubj"))?;
    if word(subject)?.upos != Upos::Propn {
        return None;
    }
    Some(name_words(
        parse,
        model,
        text,
        subject,
        &["flat", "compound"],
    ))
}

/// The name headed by word `head`: it and its name words attached by one
/// of `labels` ("the Washington Nationals" → "washington nationals"), lower
/// case, in sentence order.
fn name_words(parse: &Parse, model: &Model, text: &str, head: usize, labels: &[&str]) -> String {
    let word = |i: usize| parse.words.get(i);
    let mut name: Vec<usize> = parse
        .children(head)
        .filter(|&c| {
            word(c)
                .is_some_and(|w| labels.contains(&model.label(w.deprel)) && w.upos == Upos::Propn)
        })
        .collect();
    name.push(head);
    name.sort();
    let words: Vec<String> = name
        .iter()
        .filter_map(|&k| word(k))
        .map(|w| w.span.slice(text).to_lowercase())
        .collect();
    words.join(" ")
}

/// The verb a word's phrase belongs to: its nearest verb ancestor, not
/// crossing into another clause.
/// The level a move ended at, written just after its figure: ", to
/// 24,605", "to close at $46.64", "to finish at 7,950.68" (the number as
/// written, without a currency sign or trailing punctuation).
fn end_level(after: &str) -> Option<&str> {
    let rest = after.trim_start_matches([',', ' ']).strip_prefix("to ")?;
    let rest = [
        "close at ",
        "finish at ",
        "end at ",
        "settle at ",
        "a close of ",
    ]
    .iter()
    .find_map(|p| rest.strip_prefix(p))
    .unwrap_or(rest)
    .trim_start_matches(['$', '£', '€']);
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(rest.len());
    let level = rest.get(..end)?.trim_end_matches([',', '.']);
    level
        .starts_with(|c: char| c.is_ascii_digit())
        .then_some(level)
}

/// How many governing verbs `inherited_time` climbs.
const TIME_CLIMB: usize = 3;

/// The times of a verb joined to verb `from` with no subject of its own,
/// or else of the verbs that govern `from` (`Frame::read`): the first
/// governing verb with a time among its dependents, other than the branch
/// that leads to `from`, its subject and what it says.
fn inherited_time(
    parse: &Parse,
    model: &Model,
    text: &str,
    from: usize,
    figure: &[usize],
) -> Vec<String> {
    let label = |i: usize| parse.words.get(i).map_or("", |w| model.label(w.deprel));
    let saying = |i: usize| {
        parse
            .words
            .get(i)
            .is_some_and(|w| SAYING.contains(&w.lemma.to_lowercase().as_str()))
    };
    // "1,101 people have been killed and more than 6,500 wounded in Gaza
    // since the conflict began": a time after two joined verbs is both's,
    // whichever the tree hung it on.
    let shared: Vec<String> = parse
        .children(from)
        .filter(|&c| c > from && label(c) == "conj" && !saying(c))
        .filter(|&c| !parse.children(c).any(|k| label(k).starts_with("nsubj")))
        .flat_map(|c| parse.children(c).collect::<Vec<_>>())
        .filter(|&k| !label(k).starts_with("nsubj") && !saying(k))
        .filter_map(|k| time_of(parse, text, k, figure))
        .collect();
    if !shared.is_empty() {
        return shared;
    }
    let mut cur = from;
    for _ in 0..TIME_CLIMB {
        if saying(cur) || matches!(label(cur), "parataxis" | "ccomp" | "root") {
            break;
        }
        let Some(up) = governing_verb(parse, cur) else {
            break;
        };
        if saying(up) {
            break;
        }
        // The words from `cur` up to (not including) `up`: the branch.
        let mut path = vec![cur];
        let mut at = cur;
        while let Some(h) = parse.words.get(at).and_then(|w| w.head) {
            if h == up {
                break;
            }
            path.push(h);
            at = h;
        }
        let times: Vec<String> = parse
            .children(up)
            .filter(|&c| {
                !path.contains(&c)
                    && !label(c).starts_with("nsubj")
                    && label(c) != "parataxis"
                    && !saying(c)
            })
            .filter_map(|c| time_of(parse, text, c, figure))
            .collect();
        if !times.is_empty() {
            return times;
        }
        cur = up;
    }
    Vec::new()
}

fn governing_verb(parse: &Parse, from: usize) -> Option<usize> {
    let mut cur = from;
    for _ in 0..parse.words.len() {
        let w = parse.words.get(cur)?;
        if matches!(w.upos, Upos::Verb) && cur != from {
            return Some(cur);
        }
        cur = w.head?;
    }
    None
}

/// Modifiers of word `head` that pick out what is measured ("13-inch",
/// "in cash", "base"), leaving out names (they are the subject's), the
/// figure itself and time expressions.
fn qualifiers(
    parse: &Parse,
    model: &Model,
    text: &str,
    head: usize,
    figure: &[usize],
) -> Vec<String> {
    let mut out = Vec::new();
    for c in parse.children(head) {
        let Some(child) = parse.words.get(c) else {
            continue;
        };
        let l = model.label(child.deprel);
        if figure.contains(&c) || !matches!(l, "amod" | "compound" | "nmod") {
            continue;
        }
        let span = phrase_span(parse, model, c);
        if parse
            .words
            .iter()
            .enumerate()
            .any(|(k, w)| span.contains(w.span) && (w.upos == Upos::Propn || figure.contains(&k)))
        {
            continue;
        }
        if time_of(parse, text, c, figure).is_some() {
            continue;
        }
        out.push(span.slice(text).to_lowercase());
    }
    out.sort();
    out
}

/// Word `i`'s phrase without the phrases coordinated with it ("for the
/// 13-inch model" in "… for the 13-inch model and $1,799 for the 15-inch
/// model").
fn phrase_span(parse: &Parse, model: &Model, i: usize) -> Span {
    let mut lo = i;
    let mut hi = i;
    let mut stack = vec![i];
    while let Some(w) = stack.pop() {
        lo = lo.min(w);
        hi = hi.max(w);
        for c in parse.children(w) {
            let Some(child) = parse.words.get(c) else {
                continue;
            };
            let l = model.label(child.deprel);
            if !matches!(l, "conj" | "cc" | "punct" | "parataxis") {
                stack.push(c);
            }
        }
    }
    match (parse.words.get(lo), parse.words.get(hi)) {
        (Some(a), Some(b)) => Span::new(a.span.start(), b.span.end()),
        _ => Span::new(0, 0),
    }
}

/// The time expression headed by word `i`, if it is one: lower case,
/// without its preposition ("in 2008" → "2008").
fn time_of(parse: &Parse, text: &str, i: usize, figure: &[usize]) -> Option<String> {
    let span = parse.subtree_span(i);
    // A misattached figure ("fell 5% on Monday" read with the 5% under
    // "Monday") is never part of its own time.
    let mut words: Vec<(usize, Upos, String)> = parse
        .words
        .iter()
        .enumerate()
        .filter(|(k, w)| span.contains(w.span) && !figure.contains(k))
        .map(|(k, w)| (k, w.upos, w.span.slice(text).to_lowercase()))
        .collect();
    // "over the past month, Hamas and other militants had fired": a time
    // phrase the tree hung more words on ends at its own head word.
    if words.len() > 5 {
        words.retain(|(k, _, _)| *k <= i);
    }
    if words.len() > 5 {
        return None;
    }
    let words: Vec<(Upos, String)> = words.into_iter().map(|(_, u, w)| (u, w)).collect();
    let timely = words.iter().any(|(_, w)| {
        super::date::is_calendar_word(w)
            || TIME_WORDS.contains(&w.as_str())
            || (w.len() == 4 && w.starts_with(['1', '2']) && w.bytes().all(|b| b.is_ascii_digit()))
    });
    if !timely {
        return None;
    }
    // "a 2011 Nissan Altima": a year before a name is a model's, not a time.
    let is_year = |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
    let model_year = words.windows(2).any(|pair| {
        matches!(pair, [(_, year), (Upos::Propn, name)]
            if is_year(year) && !super::date::is_calendar_word(name))
    });
    if model_year {
        return None;
    }
    let kept: Vec<&str> = words
        .iter()
        .filter(|(tag, w)| {
            // "in 2008" → "2008", "the day" → "day", but "this season" and
            // "since the conflict began" (a running total) keep their word.
            words.len() == 1
                || w == "since"
                || !(matches!(tag, Upos::Adp | Upos::Punct)
                    || (*tag == Upos::Det && !TIME_WORDS.contains(&w.as_str())))
        })
        .map(|(_, w)| w.as_str())
        .collect();
    (!kept.is_empty()).then(|| kept.join(" "))
}

/// Prepositions that put a figure's event in a place ("in", "across").
const IN_PLACE: &[&str] = &["in", "across", "around", "throughout", "outside", "inside"];

/// Common nouns that name a place ("in the province").
const PLACE_NOUNS: &[&str] = &[
    "province",
    "state",
    "country",
    "city",
    "town",
    "village",
    "county",
    "district",
    "region",
    "capital",
    "island",
    "continent",
    "territory",
    "neighborhood",
    "neighbourhood",
    "suburb",
];

/// The place headed by word `i`, if it is one: a phrase of `IN_PLACE`
/// ("in Aceh", "around the Indian Ocean", "in the province") whose head
/// is a name (not a month or weekday) or a `PLACE_NOUNS` noun; the head's
/// name words, lower case.
fn place_of(parse: &Parse, model: &Model, text: &str, i: usize) -> Option<String> {
    let word = |k: usize| parse.words.get(k);
    let head = word(i)?;
    if !model.label(head.deprel).starts_with("obl") && !model.label(head.deprel).starts_with("nmod")
    {
        return None;
    }
    let placed = parse.children(i).any(|c| {
        word(c).is_some_and(|w| {
            model.label(w.deprel) == "case"
                && IN_PLACE.contains(&w.span.slice(text).to_lowercase().as_str())
        })
    });
    let lower = head.span.slice(text).to_lowercase();
    let named = head.upos == Upos::Propn && !super::date::is_calendar_word(&lower);
    let noun = head.upos == Upos::Noun && PLACE_NOUNS.contains(&head.lemma.to_lowercase().as_str());
    if !placed || !(named || noun) {
        return None;
    }
    Some(name_words(
        parse,
        model,
        text,
        i,
        &["flat", "compound", "amod"],
    ))
}

/// Verbs of saying, as lemmas: a time in their clause dates the saying,
/// not the figure said (crime dates use them too: `attribute::event`).
pub(crate) const SAYING: &[&str] = &[
    "say", "tell", "announce", "report", "add", "state", "confirm",
];

/// Up to four words on each side of the figure at `figure` in sentence
/// `text`, lower case, nearest first.
fn context_words(text: &str, figure: Span) -> Context {
    // Only the four words kept on each side are folded and stored (all the
    // sentence's words, kept as spare capacity, were most of a frame's size).
    fn words(part: &str) -> impl DoubleEndedIterator<Item = &str> {
        part.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
    }
    let before: Vec<Sym> = words(text.get(..figure.start()).unwrap_or(""))
        .rev()
        .take(4)
        .map(|w| w.to_lowercase().into())
        .collect();
    // "about 35 miles (55 kilometers) west of Philadelphia": the words
    // after a figure are those after its bracketed conversion.
    let rest = text.get(figure.end()..).unwrap_or("");
    let rest = rest
        .trim_start()
        .strip_prefix('(')
        .and_then(|r| r.split_once(')'))
        .map_or(rest, |(_, r)| r);
    let after: Vec<Sym> = words(rest)
        .take(4)
        .map(|w| w.to_lowercase().into())
        .collect();
    let after_named = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(after.len())
        .enumerate()
        .filter(|(_, w)| w.starts_with(|c: char| c.is_uppercase()))
        .fold(0u8, |bits, (i, _)| bits | 1 << i);
    // At most four on each side (`take(4)`), so the counts fit a byte.
    let mut words = Vec::with_capacity(before.len() + after.len());
    let before_len = u8::try_from(before.len()).unwrap_or(u8::MAX);
    words.extend(before);
    words.extend(after);
    let attributive = figure
        .slice(text)
        .rsplit_once('-')
        .is_some_and(|(n, unit)| !n.is_empty() && unit.chars().all(char::is_alphabetic));
    Context {
        words,
        before: before_len,
        after_named,
        attributive,
    }
}

/// "a share", "per week", "each": what the figure is counted per; "of
/// which …" before it, or "28 of his 68 punches" as the figure: a part of
/// a whole; "178 of" before it ("178 of 369 punches"): the whole a part is
/// taken from.
fn scope_after(text: &str, figure: Span) -> Option<String> {
    let before = text
        .get(..figure.start())
        .unwrap_or("")
        .trim_end()
        .to_lowercase();
    if before.ends_with("of which") || before.ends_with("including") {
        return Some("part".into());
    }
    let numeral = |w: &str| {
        !w.is_empty()
            && (w
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
                || super::quantity::number_word(w).is_some())
    };
    let own: Vec<String> = figure
        .slice(text)
        .to_lowercase()
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .collect();
    if let Some(of) = own.iter().position(|w| w == "of")
        && own
            .get(..of)
            .is_some_and(|ws| ws.iter().any(|w| numeral(w)))
        && own
            .get(of + 1..)
            .is_some_and(|ws| ws.iter().any(|w| numeral(w)))
    {
        return Some("part".into());
    }
    // "seven of eight", "seven of the last eight": the whole.
    let of_what = [
        "",
        " the last",
        " the past",
        " the first",
        " the next",
        " the previous",
    ]
    .iter()
    .find_map(|mid| before.strip_suffix(&format!(" of{mid}")));
    if let Some(rest) = of_what
        && rest
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .is_some_and(numeral)
    {
        return Some("whole".into());
    }
    let after = text.get(figure.end()..).unwrap_or("").to_lowercase();

    let words: Vec<&str> = after
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(3)
        .collect();
    match words.as_slice() {
        ["each" | "apiece", ..] => Some("each".into()),
        // "19% below last month's record": a distance from a mark, not a
        // movement.
        ["below" | "above" | "off" | "from", ..]
            if after
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .take(6)
                .any(|w| {
                    matches!(
                        w,
                        "record" | "records" | "high" | "highs" | "peak" | "low" | "lows" | "level"
                    )
                }) =>
        {
            Some("gap".into())
        }
        // "50 percent higher than the share price before the bid": a gap
        // between two values, not a movement of either ("4.1 percent higher
        // than a year earlier" is one).
        [
            "higher" | "lower" | "more" | "less" | "above" | "below" | "bigger" | "smaller",
            "than",
            ..,
        ] if !after
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .skip(2)
            .take(4)
            .any(|w| {
                matches!(
                    w,
                    "year"
                        | "years"
                        | "month"
                        | "months"
                        | "quarter"
                        | "week"
                        | "weeks"
                        | "day"
                        | "earlier"
                        | "ago"
                        | "last"
                        | "previous"
                        | "prior"
                )
            }) =>
        {
            Some("gap".into())
        }
        // "a week", but not "a week ago" or "a day after".
        [
            "a" | "an" | "per",
            _,
            "ago" | "after" | "before" | "earlier" | "later",
            ..,
        ] => None,
        ["a" | "an" | "per", unit, ..] => Some(format!("per {unit}")),
        _ => None,
    }
}

/// `s.to_lowercase()`, borrowed where folding changes nothing (ASCII with
/// no capital: most lemmas).
fn folded(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_compared_with_its_printed_form_as_printed() {
        assert!(debug_is(&1.5f64, "1.5"));
        assert!(!debug_is(&1.5f64, "1.50"));
        assert!(!debug_is(&1.5f64, "1."));
        assert!(debug_is(&Some("a"), "Some(\"a\")"));
    }

    fn frame(text: &str, figure: &str) -> Frame {
        let model = Model::builtin().unwrap();
        let p = Parse::of(model, text);
        let s = text.find(figure).unwrap();
        let at = Span::new(s, s + figure.len());
        let mut f = Frame::read(&p, model, text, at);
        f.context = context_words(text, at);
        f
    }

    fn words() -> FrameWords {
        FrameWords::default()
    }

    #[test]
    fn predicates_measures_and_times() {
        let a = frame("The blast killed 5 people in the capital.", "5 people");
        let b = frame("The blast injured 50 people in the capital.", "50 people");
        assert_eq!(a.measure.as_deref(), Some("people"));
        assert_eq!(a.predicate.as_deref(), Some("kill"));
        assert_eq!(
            a.clash(&b, &words(), KeyKind::GENERIC).as_deref(),
            Some("different events (\"kill\" vs \"injure\")")
        );
        let a = frame("The index fell 50% in 2008.", "50%");
        let b = frame("The index fell 4% on Tuesday.", "4%");
        assert_eq!(a.time, ["2008"]);
        assert_eq!(b.time, ["tuesday"]);
        assert!(
            a.clash(&b, &words(), KeyKind::GENERIC)
                .unwrap()
                .starts_with("different times")
        );
        // The day something was said is not the day of what was said.
        let d = frame(
            "Voltaris Motors is recalling more than 100,000 electric SUVs, the company said on Thursday.",
            "100,000 electric SUVs",
        );
        assert!(d.time.is_empty(), "{d:?}");
        // The same fact told twice meets.
        let c = frame("On Tuesday the index fell 4.2%.", "4.2%");
        assert_eq!(b.clash(&c, &words(), KeyKind::GENERIC), None);
        // Relative times clash only with relative ones.
        let a = frame("He scored 31 goals last season.", "31 goals");
        let b = frame("He has scored 12 goals this season.", "12 goals");
        let why = a.clash(&b, &words(), KeyKind::GENERIC);
        assert!(
            why.as_deref()
                .is_some_and(|w| w.starts_with("different times")),
            "{a:?} {b:?} {why:?}"
        );
        // A figure of what came before the story is not the story's own.
        let prior = frame("Gray had four prior arrests.", "four prior arrests");
        let now = frame("Police made over 50 arrests.", "over 50 arrests");
        assert_eq!(prior.time, ["earlier"]);
        assert!(
            prior
                .clash(&now, &words(), KeyKind::GENERIC)
                .is_some_and(|w| w.starts_with("different times")),
            "{prior:?} {now:?}"
        );
        // Nor is a figure of last year's.
        let before = frame(
            "In October last year, an explosion killed six people in Ludhiana.",
            "six people",
        );
        let story = frame("Police said 60 people were killed.", "60 people");
        assert!(
            before
                .clash(&story, &words(), KeyKind::GENERIC)
                .is_some_and(|w| w.starts_with("different times")),
            "{before:?} {story:?}"
        );
        // A measure the rules named is one fact however it is worded.
        let a = frame("Elara delivered 412,000 vehicles.", "412,000 vehicles");
        let b = frame("Elara handed over 410,000 cars.", "410,000 cars");
        assert_eq!(a.clash(&b, &words(), KeyKind::NAMED), None);
    }

    #[test]
    fn events_are_anchored_by_verbs_or_by_one_measure_without_them() {
        let won = frame("The Sixers won 18 of their next 23 games.", "23 games");
        let behind = frame("The Sixers are two games behind.", "two games");
        assert_eq!(won.predicate.as_deref(), Some("win"));
        assert_eq!(behind.predicate, None);
        assert!(!won.anchored(&behind, &words(), KeyKind::GENERIC));
        let killed = frame("The quake killed 10 people.", "10 people");
        let more = frame("The quake killed at least 12 people.", "at least 12 people");
        assert!(killed.anchored(&more, &words(), KeyKind::GENERIC));
        let a = frame("The toll was 12 deaths.", "12 deaths");
        let b = frame("The toll stood at 14 deaths.", "14 deaths");
        assert!(a.anchored(&b, &words(), KeyKind::GENERIC), "{a:?} {b:?}");
    }

    #[test]
    fn figures_told_in_the_same_words_share_their_context() {
        let read = |text: &str, figure: &str| {
            let at = text.find(figure).unwrap();
            Frame {
                context: context_words(text, Span::new(at, at + figure.len())),
                ..Frame::default()
            }
        };
        let a = read(
            "For that year, the budget was $640 million.",
            "$640 million",
        );
        let b = read(
            "For that year, the budget was $896 million.",
            "$896 million",
        );
        assert_eq!(a.context.before(), ["was", "budget", "the", "year"]);
        assert!(a.context.after().is_empty());
        assert!(a.same_context(&b));
        let c = read(
            "He proposed $800 million for aid and $805 million for drug detection.",
            "$800 million",
        );
        let d = read(
            "He proposed $800 million for aid and $805 million for drug detection.",
            "$805 million",
        );
        assert!(!c.same_context(&d));
    }

    #[test]
    fn actors_of_one_verb_tell_figures_apart() {
        let a = frame(
            "The Washington Nationals offered Teixeira $160 million.",
            "$160 million",
        );
        let b = frame("The Orioles offered Teixeira $150 million.", "$150 million");
        assert_eq!(a.agent.as_deref(), Some("washington nationals"));
        assert_eq!(
            a.clash(&b, &words(), KeyKind::NAMED).as_deref(),
            Some("different actors (\"washington nationals\" vs \"orioles\")")
        );
        let c = frame(
            "The Nationals offered Teixeira $184 million.",
            "$184 million",
        );
        assert_eq!(a.clash(&c, &words(), KeyKind::NAMED), None);
    }

    #[test]
    fn variants_scopes_and_parts() {
        let a = frame("It costs $1,199 for the 13-inch model.", "$1,199");
        let b = frame("It costs $1,799 for the 15-inch model.", "$1,799");
        assert!(
            a.clash(&b, &words(), KeyKind::GENERIC).is_some(),
            "{a:?} {b:?}"
        );
        let a = frame(
            "The deal is worth $334 million, of which $281 million in cash.",
            "$281 million",
        );
        assert_eq!(a.scope.as_deref(), Some("part"));
        // "28 of his 68 punches" is a part; the 369 of "178 of 369" a whole.
        let part = frame(
            "Klitschko landed 28 of his 68 punches.",
            "28 of his 68 punches",
        );
        let whole = frame("Klitschko landed 178 of 369 punches.", "369 punches");
        assert_eq!(part.scope.as_deref(), Some("part"));
        assert_eq!(whole.scope.as_deref(), Some("whole"));
        assert_eq!(
            part.clash(&whole, &words(), KeyKind::GENERIC).as_deref(),
            Some("different scopes")
        );
        let w = frame("He earns £300,000 a week.", "£300,000");
        assert_eq!(w.scope.as_deref(), Some("per week"));
        // The whole of "28 of 41 passes" is not the 28 others count.
        let all = frame("Garrard completed 28 of 41 passes.", "41 passes");
        let done = frame("Garrard completed 28 passes.", "28 passes");
        assert_eq!(
            all.clash(&done, &words(), KeyKind::GENERIC).as_deref(),
            Some("different scopes")
        );
    }

    #[test]
    fn a_running_total_is_told_apart_from_a_moment() {
        let total = frame(
            "He said that over the past month, Hamas and other Gaza militants had fired some 3,300 rockets at Israel.",
            "some 3,300 rockets",
        );
        assert_eq!(total.time, ["past month"]);
        let day = frame(
            "Militants fired about 20 rockets on Tuesday.",
            "about 20 rockets",
        );
        let dawn = frame(
            "Militants fired about 20 rockets this morning.",
            "about 20 rockets",
        );
        let bare = frame("Militants fired about 20 rockets.", "about 20 rockets");
        assert!(total.clash(&day, &words(), KeyKind::GENERIC).is_some());
        assert!(dawn.clash(&total, &words(), KeyKind::GENERIC).is_some());
        // With no time at all a figure may be the same running total (a
        // past period is one before the story's day: `names_year`).
        let so_far = frame(
            "Militants have fired some 3,300 rockets so far.",
            "some 3,300 rockets",
        );
        assert!(so_far.clash(&day, &words(), KeyKind::GENERIC).is_some());
        assert_eq!(so_far.clash(&bare, &words(), KeyKind::GENERIC), None);
        // Ten years' spending against one year's (or one day's) budget.
        let decade = frame(
            "The budget will include $5 trillion in new spending over the next decade.",
            "$5 trillion",
        );
        assert_eq!(decade.time, ["next decade"]);
        let year = frame(
            "The government would spend $6 trillion in the 2022 fiscal year.",
            "$6 trillion",
        );
        assert!(decade.clash(&year, &words(), KeyKind::GENERIC).is_some());
    }

    #[test]
    fn the_whole_after_of_the_last() {
        let whole = frame(
            "Sanders has won seven of the last eight state contests.",
            "eight state contests",
        );
        assert_eq!(whole.scope.as_deref(), Some("whole"));
        let streak = frame("Sanders has won the past seven contests.", "seven contests");
        assert_eq!(streak.scope, None);
        assert_eq!(
            whole.clash(&streak, &words(), KeyKind::GENERIC).as_deref(),
            Some("different scopes")
        );
    }

    #[test]
    fn subgroups_earlier_plans_and_marks_tell_figures_apart() {
        let all = frame("Cruz is up 31% among likely caucus-goers.", "31%");
        let some = frame(
            "Among evangelicals, most preferred Cruz (45%) to Trump.",
            "45%",
        );
        let bare = frame("Cruz has 20 percent of the vote.", "20 percent");
        assert_eq!(all.scope.as_deref(), Some("among likely"));
        assert_eq!(some.scope.as_deref(), Some("among evangelicals"));
        assert!(all.clash(&some, &words(), KeyKind::GENERIC).is_some());
        assert!(bare.clash(&some, &words(), KeyKind::GENERIC).is_some());
        let before = frame(
            "Foxconn previously walked away from a plan to invest $5 billion in India.",
            "$5 billion",
        );
        assert_eq!(before.time, ["earlier"]);
        let below = frame(
            "The drop put the index 19% below last month's record.",
            "19%",
        );
        assert_eq!(below.scope.as_deref(), Some("gap"));
    }

    #[test]
    fn moves_that_end_at_two_levels_are_two_moments() {
        let noon = frame(
            "The Dow lost 1,255 points, or 4.9%, to 24,605 after briefly being down more.",
            "4.9%",
        );
        let close = frame(
            "The Dow dropped 2,013.76 points, or 7.8%, to close at 23,851.02 on Monday.",
            "7.8%",
        );
        assert!(noon.qualifiers.iter().any(|q| &**q == "to 24,605"));
        assert!(close.qualifiers.iter().any(|q| &**q == "to 23,851.02"));
        assert_eq!(
            noon.clash(&close, &words(), KeyKind::NAMED).as_deref(),
            Some("different variants")
        );
        assert_eq!(
            end_level(", to close at $46.64 as investors fretted"),
            Some("46.64")
        );
        assert_eq!(end_level(" to buy back shares"), None);
    }

    #[test]
    fn a_count_of_joined_nouns_counts_them_all() {
        let all = frame(
            "The flight carried 66 passengers, crew and security officers.",
            "66 passengers",
        );
        let some = frame(
            "The plane was carrying 56 passengers and 10 crew members.",
            "56 passengers",
        );
        assert_eq!(
            all.measure.as_deref(),
            Some("passenger and crew and officer")
        );
        assert_eq!(some.measure.as_deref(), Some("passenger"));
        assert!(all.clash(&some, &words(), KeyKind::GENERIC).is_some());
    }

    #[test]
    fn objects_of_a_moving_verb_tell_figures_apart() {
        let change = KeyKind {
            generic: true,
            change: true,
        };
        let prices = frame("Acme raised prices by 5 percent.", "5 percent");
        let forecast = frame("Acme raised its forecast by 3 percent.", "3 percent");
        assert_eq!(prices.object.as_deref(), Some("price"));
        assert_eq!(forecast.object.as_deref(), Some("forecast"));
        assert_eq!(
            prices.clash(&forecast, &words(), change).as_deref(),
            Some("different objects (\"price\" vs \"forecast\")")
        );
        let again = frame("Acme raised its prices by 4 percent.", "4 percent");
        assert_eq!(prices.clash(&again, &words(), change), None);
    }

    #[test]
    fn places_movers_and_periods_tell_figures_apart() {
        let change = KeyKind {
            generic: true,
            change: true,
        };
        // Two places, two tolls; one place named two ways is one.
        let town = frame("The storm destroyed 40 homes in Leyte.", "40 homes");
        let all = frame(
            "The storm destroyed 400 homes across the Philippines.",
            "400 homes",
        );
        assert_eq!(town.place.as_deref(), Some("leyte"));
        assert_eq!(all.place.as_deref(), Some("philippines"));
        assert_eq!(
            town.clash(&all, &words(), KeyKind::GENERIC).as_deref(),
            Some("different places (\"leyte\" vs \"philippines\")")
        );
        let again = frame(
            "Officials said 45 homes were destroyed in Leyte.",
            "45 homes",
        );
        assert_eq!(again.place.as_deref(), Some("leyte"));
        assert_eq!(town.clash(&again, &words(), KeyKind::GENERIC), None);
        // A month is a time, not a place.
        let month = frame("The storm destroyed 40 homes in March.", "40 homes");
        assert_eq!(month.place, None);
        // What moved: the subject of the verb a percentage hangs from.
        let spending = frame("The firm's research spending rose 8 percent.", "8 percent");
        let shares = frame("The firm's shares rose 3 percent.", "3 percent");
        // "the firm" refers to the claim's subject: no measure of its own.
        let bare = frame("The firm rose 3 percent.", "3 percent");
        assert_eq!(spending.measure.as_deref(), Some("spending"));
        assert_eq!(shares.measure.as_deref(), Some("share"));
        assert_eq!(bare.measure.as_deref(), Some("percent"));
        assert_eq!(
            spending.clash(&shares, &words(), change).as_deref(),
            Some("different measures (\"spending\" vs \"share\")")
        );
        // A unit names no measure: the bare move may be the shares'.
        assert_eq!(bare.clash(&shares, &words(), change), None);
        // A period reaching back is not the day's move.
        let year = frame(
            "The stock has fallen 30 percent over the past year.",
            "30 percent",
        );
        let day = frame("The stock fell 4 percent.", "4 percent");
        assert_eq!(year.time, ["past year"]);
        assert!(
            year.clash(&day, &words(), change)
                .is_some_and(|why| why.starts_with("different times")),
            "{year:?} {day:?}"
        );
    }

    #[test]
    fn a_sentence_that_steps_back_tells_what_came_before() {
        let before = frame(
            "Prior to that, DiLeo spent four seasons as director.",
            "four seasons",
        );
        let now = frame("DiLeo has spent 19 seasons with the 76ers.", "19 seasons");
        assert_eq!(before.time, ["earlier"]);
        assert!(before.clash(&now, &words(), KeyKind::GENERIC).is_some());
    }

    #[test]
    fn figures_that_describe_different_nouns_are_different_things() {
        let run = frame("Charles broke an 86-yard touchdown run.", "86-yard");
        let line = frame("Charles fumbled at the 16-yard line.", "16-yard");
        let again = frame("Charles had a 90-yard touchdown run.", "90-yard");
        assert!(run.context.attributive && line.context.attributive);
        assert_eq!(
            run.clash(&line, &words(), KeyKind::NAMED).as_deref(),
            Some("different things described")
        );
        assert_eq!(run.clash(&again, &words(), KeyKind::NAMED), None);
    }
}
