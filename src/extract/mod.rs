//! Extract: documents in, claims out. A claim says something checkable about
//! a subject: a figure (percentage, money, count), the date of an event, or an
//! announced action, with its modality, attribution and evidence span.
//!
//! Subjects are chosen in `subject` (see there and the README); attributes in
//! `attribute`.
//!
//! Never: reads furniture (ingest blanked it) or makes a claim without a subject.

mod action;
mod age;
mod attribute;
mod basis;
mod clause;
mod clock;
mod date;
mod entity;

mod frame;
mod lexicon;
mod quantity;
mod read;
mod spelling;
mod subject;
mod syntax;

pub use action::Action;
pub use age::{AGE, YEARS_OLD};
pub use attribute::is_crime_date;
pub use basis::{Basis, ENOUGH};
pub(crate) use date::find as find_dates;
pub use date::{DateValue, Period, weekday_name, weekday_of};
pub use frame::{ClaimFrame, Frame, FrameWords, KeyKind, read_frames};
pub use lexicon::Modality;
pub use quantity::{Direction, Qualifier, Quantity, UNIT_CHANGERS, Unit};
pub use spelling::{
    NAME, Spelling, capitals_styled, romanised, styled_alike, transliterated,
    variant as spelt_variant,
};

use crate::ingest::{BlockKind, Document};
use crate::nlp::Parse;
use crate::progress::{Progress, Stage};
use crate::rules::{EntityKind, Rules};
use crate::span::Span;
use crate::text::{Interner, Sentence, Sym, sentences};
use entity::{Evidence, Mention, NameRuns};
use lexicon::{Folded, Lexicon};
use rayon::prelude::*;
use serde::Serialize;
use std::cell::OnceCell;
use std::sync::{Arc, Mutex};
use subject::*;

/// Whether no organisation or thing in the sentence could be a figure's
/// subject (so it would come from salience).
fn no_actor(actors: &[Mention]) -> bool {
    !actors
        .iter()
        .any(|m| !m.is_person() && m.kind != Some(EntityKind::Place))
}

/// The digits of a figure (its number without qualifier or noun), or all of
/// it when it is written in words.
fn number_core(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let Some(first) = s.find(|c: char| c.is_ascii_digit()) else {
        return span;
    };
    let digits = s.get(first..).unwrap_or("");
    let len = digits
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(digits.len());
    Span::new(span.start() + first, span.start() + first + len)
}

/// Sentences longer than this (scraped pages with no punctuation) are read
/// by the rules alone: a tree over thousands of words says little.
const MAX_PARSED_BYTES: usize = 2_000;

/// Placeholder subject of a country figure whose article names no place.
const RUN_PLACE: &str = "\u{0}place";

/// The attribute of a date whose sentence names no event: compared only
/// with a date told in the same words, never counted as agreeing or
/// unsupported.
pub const TOLD_DATE: &str = "date as told";

/// The attribute of a clock time of no owned event (`read::clock_times`):
/// like `TOLD_DATE`, it meets only a time told in the same words.
pub const TOLD_TIME: &str = "time as told";

/// Whether an attribute is a date or time of no named event, compared only
/// where it is told in the same words (`TOLD_DATE`, `TOLD_TIME`).
pub fn is_told(attribute: &str) -> bool {
    attribute == TOLD_DATE || attribute == TOLD_TIME
}

/// Placeholder subject of a figure whose sentence and article name no one:
/// the entity the run names most (every draft figure gets a verdict, and a
/// headline's unnamed toll meets another outlet's).
const RUN_MAIN: &str = "\u{0}main";

/// What a claim asserts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Value {
    Quantity(Quantity),
    Date(DateValue),
    Action(Action),
    /// A name as written (`spelling`).
    Name(Spelling),
}

#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    /// Index of the document in the run.
    #[serde(skip)]
    pub doc: usize,
    /// The subject as named (after resolving "the company").
    pub subject: Sym,
    #[serde(skip)]
    pub subject_kind: Option<EntityKind>,
    /// The canonical subject, set by the group stage.
    #[serde(skip)]
    pub group: Sym,
    pub attribute: Sym,
    /// The evidence as written in the original text.
    pub text: Sym,
    pub value: Value,
    pub modality: Modality,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Sym>,
    /// Whether the evidence stands inside a quotation (the speaker's words,
    /// not the outlet's).
    #[serde(skip)]
    pub quoted: bool,
    /// What a figure measures, by which predicate, when, in what scope
    /// (empty slots where the sentence does not say or was not parsed).
    pub frame: ClaimFrame,
    /// The evidence: the figure, date or action as written.
    #[serde(skip)]
    pub span: Span,
    #[serde(skip)]
    pub sentence: Span,
}

/// Claims of all documents, plus acronyms they define (for grouping).
pub struct Extraction {
    pub claims: Vec<Claim>,
    /// (short, long) acronym definitions, and names spelt two ways: pairs
    /// of names that are one entity.
    pub acronyms: Vec<(String, String)>,
    /// Every name the documents mention, subject of a claim or not, so the
    /// canonical name of a group can be its fullest written form.
    pub names: Vec<String>,
    /// The sentences parsed while reading subjects, by text, for the
    /// frames to reuse.
    pub parses: Parses,
}

/// Parsed sentences by text.
pub type Parses = std::collections::BTreeMap<String, Arc<Parse>>;

/// The sentences a run has parsed so far, by text: a parse depends on the
/// text alone, so a sentence that recurs (the same wire copy in several
/// outlets) is parsed once, whichever document reads it first.
#[derive(Default)]
struct ParseCache(Mutex<Parses>);

impl ParseCache {
    /// The parse of `text`, parsed unless it was before.
    fn parse(&self, model: &crate::nlp::Model, text: &str) -> Arc<Parse> {
        let known = self.0.lock().ok().and_then(|m| m.get(text).cloned());
        if let Some(p) = known {
            return p;
        }
        // Parsed outside the lock: documents read in parallel wait only
        // for each other's lookups.
        let p = Arc::new(Parse::of(model, text));
        if let Ok(mut m) = self.0.lock() {
            m.entry(text.to_string()).or_insert_with(|| p.clone());
        }
        p
    }

    fn into_parses(self) -> Parses {
        self.0.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

/// What reading each document shares with the others: the word lists, the
/// names learned from every document, the sentences parsed so far.
struct Shared<'a> {
    lex: &'a Lexicon,
    evidence: &'a Evidence,
    parses: &'a ParseCache,
}

/// What reading the documents one by one notes for the whole run.
#[derive(Default)]
struct RunNotes {
    /// Every name mentioned.
    names: std::collections::BTreeSet<String>,
    /// Names where each document writes them, outside headlines (for
    /// spellings).
    written: Vec<spelling::Written>,
    /// How often each place is named.
    places: std::collections::BTreeMap<String, usize>,
    /// How often each organisation or thing is named (not cited).
    actors: std::collections::BTreeMap<String, usize>,
}

impl RunNotes {
    /// Adds what one more document noted.
    fn merge(&mut self, other: RunNotes) {
        self.names.extend(other.names);
        self.written.extend(other.written);
        for (place, n) in other.places {
            *self.places.entry(place).or_default() += n;
        }
        for (actor, n) in other.actors {
            *self.actors.entry(actor).or_default() += n;
        }
    }
}

/// Extracts the claims of every document. Names are learned across all of
/// them first, so one article's "Meta" helps read another's headline.
/// `progress` is told of each document extracted (stage `Extracting`).
pub fn extract_all(docs: &[Document], rules: &Rules, progress: &dyn Progress) -> Extraction {
    extract_from(docs, rules, progress)
}

/// `extract_all`, releasing each document's text as read
/// (`Document::release_text`) once its claims are read: a long run need
/// not hold every file twice while the claims that follow are read. With
/// `Prose::Quoted`, each document's blanked copy is cut then to what its
/// claims and the names it writes quote (`Document::keep_quoted`): the
/// names spelt two ways become claims only once every document is read.
pub fn extract_all_releasing(
    docs: &mut [Document],
    rules: &Rules,
    progress: &dyn Progress,
    prose: crate::ingest::Prose,
) -> Extraction {
    extract_from(Releasing { docs, prose }, rules, progress)
}

/// Documents whose text is released, and their blanked copy cut as `prose`
/// says, once their claims are read.
struct Releasing<'a> {
    docs: &'a mut [Document],
    prose: crate::ingest::Prose,
}

/// The documents extraction reads, and what it does with a batch of them
/// once their claims are read (`claims` and `written`: the batch's).
trait Source {
    fn all(&self) -> &[Document];
    fn read(
        &mut self,
        batch: std::ops::Range<usize>,
        claims: &[Claim],
        written: &[spelling::Written],
    );
}

impl Source for &[Document] {
    fn all(&self) -> &[Document] {
        self
    }
    fn read(&mut self, _: std::ops::Range<usize>, _: &[Claim], _: &[spelling::Written]) {}
}

impl Source for Releasing<'_> {
    fn all(&self) -> &[Document] {
        self.docs
    }
    fn read(
        &mut self,
        batch: std::ops::Range<usize>,
        claims: &[Claim],
        written: &[spelling::Written],
    ) {
        let first = batch.start;
        let mut quoted: Vec<Vec<Span>> = vec![Vec::new(); batch.len()];
        if self.prose == crate::ingest::Prose::Quoted {
            let spans = claims
                .iter()
                .map(|c| (c.doc, c.sentence, c.span))
                .chain(written.iter().map(|w| (w.doc, w.sentence, w.span)));
            for (doc, sentence, span) in spans {
                if let Some(of_doc) = doc.checked_sub(first).and_then(|k| quoted.get_mut(k)) {
                    of_doc.extend([sentence, span]);
                }
            }
        }
        let docs = self.docs.get_mut(batch).unwrap_or_default();
        for (doc, spans) in docs.iter_mut().zip(quoted) {
            doc.release_text();
            if self.prose == crate::ingest::Prose::Quoted {
                doc.keep_quoted(spans);
            }
        }
    }
}

fn extract_from(mut source: impl Source, rules: &Rules, progress: &dyn Progress) -> Extraction {
    let docs = source.all();
    progress.stage(Stage::Extracting, docs.len());
    let lex = Lexicon::new(rules);
    // Documents are read in parallel; what they note for the run is merged
    // in document order, so the result does not depend on the threads.
    // The name evidence of the whole run is learned first, a batch of
    // documents at a time: the tokens and capitalised runs of every
    // document at once were most of a large run's memory, so each batch's
    // are dropped once learned and found again when its claims are read.
    // A run of at most `KEEP_RUNS_PROSE` bytes of prose keeps the runs it
    // learned from for its claims instead (it finds them once).
    let mut evidence = Evidence::default();
    let keep = docs.iter().map(|d| d.prose.len()).sum::<usize>() <= KEEP_RUNS_PROSE;
    let mut kept: Vec<Option<DocRuns>> = Vec::with_capacity(docs.len());
    for batch in docs.chunks(LEARN_BATCH) {
        let runs: Vec<DocRuns> = batch.par_iter().map(|doc| name_runs(doc, &lex)).collect();
        for (doc, (ss, runs)) in batch.iter().zip(&runs) {
            for (s, names) in ss.iter().zip(runs) {
                let heading = s.kind == BlockKind::Heading;
                evidence.learn(&doc.prose, s.span, heading, &lex, names);
            }
        }
        kept.extend(runs.into_iter().map(|r| keep.then_some(r)));
    }
    evidence.finish();
    let parses = ParseCache::default();
    let shared = Shared {
        lex: &lex,
        evidence: &evidence,
        parses: &parses,
    };
    // Each document's sentences, tokens and runs are dropped as soon as
    // its claims are read: the tokens of every document at once were most
    // of a large run's memory. Documents are read a batch at a time, each
    // batch's claims moved into the run's vector before the next is read,
    // so the claims are never held twice (per document and for the run).
    let mut claims: Vec<Claim> = Vec::new();
    let mut notes = RunNotes::default();
    // Subjects and attributes repeat across the run's claims: each distinct
    // one is kept once.
    let mut interner = Interner::default();
    let keep = |interner: &mut Interner, claims: &mut Vec<Claim>, mut c: Claim| {
        c.subject = interner.intern(&c.subject);
        c.attribute = interner.intern(&c.attribute);
        c.text = interner.intern(&c.text);
        if let Some(a) = &c.attribution {
            c.attribution = Some(interner.intern(a));
        }
        if let Value::Quantity(Quantity {
            unit: Unit::Count { noun },
            ..
        }) = &mut c.value
        {
            *noun = interner.intern(noun);
        }
        if let Value::Action(a) = &mut c.value {
            a.phrase = interner.intern(&a.phrase);
            for k in &mut a.keys {
                *k = interner.intern(k);
            }
        }
        claims.push(c);
    };
    let count = docs.len();
    for first in (0..count).step_by(EXTRACT_BATCH) {
        let range = first..count.min(first + EXTRACT_BATCH);
        let batch = source.all().get(range.clone()).unwrap_or_default();
        let kept = kept.get_mut(range.clone()).unwrap_or_default();
        let per_doc: Vec<(Vec<Claim>, RunNotes)> = batch
            .par_iter()
            .zip(kept.par_iter_mut())
            .enumerate()
            .map(|(k, (doc, kept))| {
                let mut notes = RunNotes::default();
                let (ss, runs) = kept.take().unwrap_or_else(|| name_runs(doc, &lex));
                let claims = extract_doc(first + k, doc, &ss, &runs, &shared, &mut notes);
                drop((ss, runs));
                progress.step();
                (claims, notes)
            })
            .collect();
        claims.reserve(per_doc.iter().map(|(c, _)| c.len()).sum());
        let (claims_before, written_before) = (claims.len(), notes.written.len());
        for (doc_claims, mut doc_notes) in per_doc {
            for c in doc_claims {
                keep(&mut interner, &mut claims, c);
            }
            // A name is written many times: each spelling is kept once.
            for w in &mut doc_notes.written {
                w.name = interner.intern(&w.name);
            }
            notes.merge(doc_notes);
        }
        source.read(
            range,
            claims.get(claims_before..).unwrap_or_default(),
            notes.written.get(written_before..).unwrap_or_default(),
        );
    }
    let docs = source.all();
    let RunNotes {
        names,
        written,
        places,
        actors,
    } = notes;
    // A name spelt two ways is one name: grouping joins the two as it
    // joins an acronym and what it stands for.
    let (spelt, variants) = spelling::claims(&written, &|w| evidence.written_lower(w));
    drop(written);
    claims.reserve_exact(spelt.len());
    for c in spelt {
        keep(&mut interner, &mut claims, c);
    }
    let mut acronyms = evidence.acronyms;
    acronyms.extend(variants);
    // Country figures with no place in their article: the place the run names most.
    let top = places
        .iter()
        .max_by_key(|(name, n)| (**n, std::cmp::Reverse((*name).clone())))
        .map(|(name, _)| interner.intern(name));
    let main = actors
        .iter()
        .max_by_key(|(name, n)| (**n, std::cmp::Reverse((*name).clone())))
        .map(|(name, _)| interner.intern(name));
    keep_told_twice(docs, &mut claims);
    claims.retain_mut(|c| {
        let (stand_in, kind) = match c.subject.as_str() {
            RUN_PLACE => (&top, Some(EntityKind::Place)),
            RUN_MAIN => (&main, None),
            _ => return true,
        };
        match stand_in {
            Some(p) => {
                c.subject = p.clone();
                c.subject_kind = kind;
                true
            }
            None => false,
        }
    });
    // The claims live until the report: the vector's spare capacity
    // (grown a batch at a time, up to as much again) is freed.
    claims.shrink_to_fit();
    Extraction {
        claims,
        names: names.into_iter().collect(),
        acronyms,
        parses: parses.into_parses(),
    }
}

/// Documents whose tokens and runs are alive at once while the name
/// evidence is learned.
const LEARN_BATCH: usize = 256;

/// Documents whose claims are read before they join the run's claims.
const EXTRACT_BATCH: usize = 256;

/// Bytes of prose up to which a run keeps every document's sentences and
/// runs, found for the name evidence, until its claims are read, rather
/// than finding them again. They take some eight times their prose (at
/// most 16 MiB more); a larger run's memory is left as it was.
const KEEP_RUNS_PROSE: usize = 2 << 20;

/// A document's sentences, and each one's tokens and capitalised runs.
type DocRuns = (Vec<Sentence>, Vec<NameRuns>);

/// A document's sentences, and each one's tokens and capitalised runs (for
/// the name evidence of the whole run and for the sentence's own mentions).
fn name_runs(doc: &Document, lex: &Lexicon) -> DocRuns {
    let ss = sentences(doc);
    let runs = ss
        .iter()
        .map(|s| NameRuns::of(&doc.prose, s.span, lex))
        .collect();
    (ss, runs)
}

/// Dates of no named event (`TOLD_DATE`) are kept only where another
/// document tells the same sentence with a date in the same place (wire
/// copy, or a copy with one day changed): elsewhere they could meet
/// nothing, and a run's claims are the ones that can be checked.
fn keep_told_twice(docs: &[Document], claims: &mut Vec<Claim>) {
    use std::collections::{HashMap, HashSet};
    let key = |c: &Claim| -> Option<String> {
        let doc = docs.get(c.doc)?;
        let (before, after) = (
            doc.prose_get(c.sentence.start()..c.span.start())?,
            doc.prose_get(c.span.end()..c.sentence.end())?,
        );
        Some(format!("{before}\u{0}{after}"))
    };
    // Each told date's key, made once, in claim order.
    let keys: Vec<Option<String>> = claims
        .iter()
        .map(|c| is_told(&c.attribute).then(|| key(c)).flatten())
        .collect();
    let mut seen: HashMap<&str, HashSet<usize>> = HashMap::new();
    for (c, k) in claims.iter().zip(&keys) {
        if let Some(k) = k {
            seen.entry(k).or_default().insert(c.doc);
        }
    }
    let mut keys = keys.iter();
    claims.retain(|c| {
        let k = keys.next().and_then(Option::as_deref);
        !is_told(&c.attribute) || k.is_some_and(|k| seen.get(k).is_some_and(|d| d.len() >= 2))
    });
}

fn extract_doc(
    doc_index: usize,
    doc: &Document,
    sents: &[Sentence],
    runs: &[NameRuns],
    shared: &Shared,
    run: &mut RunNotes,
) -> Vec<Claim> {
    let RunNotes {
        names,
        written,
        places,
        actors,
    } = run;
    let Shared {
        lex,
        evidence,
        parses,
    } = *shared;
    let mut out = Vec::new();
    let mut salience = Salience::default();
    // Sentences are tagged only when a name needs the tagger's word, and
    // parsed only when a figure needs its owner. Without a usable model the
    // rules read alone.
    let model = crate::nlp::Model::builtin().ok();
    let tagged: Vec<OnceCell<Option<Parse>>> = sents.iter().map(|_| OnceCell::new()).collect();
    let tags_of = |k: usize| -> Option<&Parse> {
        let s = sents.get(k)?;
        let cell = tagged.get(k)?;
        cell.get_or_init(|| {
            let text = s.span.slice(&doc.prose);
            model
                .filter(|_| text.len() <= MAX_PARSED_BYTES)
                .map(|m| Parse::tagged(m, text))
        })
        .as_ref()
    };
    // Names of every sentence, found once: the takeover target is looked
    // for across the article before its sentences are read in order.
    // Each sentence folded once, for every reading of it that ignores case.
    let lowers: Vec<String> = sents
        .iter()
        .map(|s| crate::text::fold_case(s.span.slice(&doc.prose)))
        .collect();
    let folded: Vec<Folded> = lowers.iter().map(|l| Folded::of(l, lex)).collect();
    let mentions_of: Vec<Vec<Mention>> = sents
        .iter()
        .zip(&folded)
        .zip(runs)
        .enumerate()
        .map(|(k, ((s, folded), names))| {
            entity::mentions(
                &doc.prose,
                folded,
                s.kind == BlockKind::Heading,
                lex,
                evidence,
                names,
                &|| tags_of(k),
            )
        })
        .collect();
    // The tags served the names; they are not kept for the figures (a long
    // file's tags of every sentence at once were most of its memory): a
    // sentence whose figure needs a tree is tagged again and parsed.
    drop(tagged);
    let target = deal_target(doc, sents, &folded, &mentions_of);
    for ((s, found_names), folded) in sents.iter().zip(mentions_of).zip(&folded) {
        let lower = folded.lower;
        let text = s.span.slice(&doc.prose);
        let base = s.span.start();
        let mut mentions = found_names;
        // Resolve references against earlier names in this sentence, then
        // against the sentences before.
        // (Made only in a sentence with a reference to resolve.)
        let named: Vec<(usize, String, Option<EntityKind>)> =
            if mentions.iter().any(|m| m.reference.is_some()) {
                mentions
                    .iter()
                    .filter(|m| m.reference.is_none() && !m.is_person() && !m.cited)
                    .map(|m| (m.span.start(), m.name.clone(), m.kind))
                    .collect()
            } else {
                Vec::new()
            };
        mentions.retain_mut(|m| match m.reference {
            None => true,
            Some(kind) => match resolve_reference(
                m,
                clause::speaks(lower.get(m.span.end() - base..).unwrap_or("")),
                kind,
                &named,
                &salience,
            ) {
                Some((name, k)) => {
                    m.name = name;
                    m.kind = k.or(Some(kind));
                    true
                }
                None => false,
            },
        });
        let clauses = clause::clauses_of(text, lower, &folded.subordinators);
        let attribution = clause::attribution_of(text, lower, &folded.speech);
        let dates = date::find(text);
        let tree: OnceCell<Option<Arc<Parse>>> = OnceCell::new();
        let tree_of = || -> Option<(&Parse, &crate::nlp::Model)> {
            let m = model?;
            let p = tree
                .get_or_init(|| (text.len() <= MAX_PARSED_BYTES).then(|| parses.parse(m, text)))
                .as_deref()?;
            Some((p, m))
        };
        let triggers = OnceCell::new();
        let cx = read::Reading {
            doc_index,
            doc,
            sentence: s.span,
            text,
            lower,
            vague: &folded.vague,
            base,
            mentions: &mentions,
            clauses: &clauses,
            attribution: &attribution,
            dates: &dates,
            tree: &tree_of,
            salience: &salience,
            target: &target,
            lex,
            evidence,
            triggers: &triggers,
        };
        // A question asserts nothing ("Will Acme cut 500 jobs?").
        let question = text
            .trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ' '])
            .ends_with('?');
        if !question {
            out.extend(read::quantities(&cx));
            out.extend(read::dates(&cx));
            out.extend(read::clock_times(&cx));
            out.extend(read::actions(&cx));
            out.extend(age::ages(&cx));
        }
        // Names are copied only the first time (most recur).
        for m in mentions.iter().filter(|m| m.reference.is_none()) {
            if !names.contains(&m.name) {
                names.insert(m.name.clone());
            }
        }
        if s.kind != BlockKind::Heading {
            written.extend(
                mentions
                    .iter()
                    .filter(|m| m.reference.is_none() && m.kind != Some(EntityKind::Index))
                    .map(|m| {
                        let quoted = clause::quote_at(text, m.span.start() - base).is_some();
                        spelling::Written {
                            doc: doc_index,
                            name: m.name.as_str().into(),
                            span: m.span,
                            sentence: s.span,
                            kind: m.kind,
                            writers: spelling::marked_sic(
                                text,
                                m.span.start() - base,
                                m.span.end() - base,
                            ) || spelling::quoted_writing(text, quoted),
                            quoted,
                            placed: spelling::after_place_preposition(text, m.span.start() - base)
                                || spelling::before_particle(text, m.span.end() - base)
                                || spelling::after_initial(text, m.span.start() - base)
                                || spelling::after_kin(text, m.span.start() - base)
                                || spelling::abbreviated_after_town(
                                    text,
                                    m.span.start() - base,
                                    m.span.end() - base,
                                ),
                        }
                    }),
            );
        }
        let count =
            |counts: &mut std::collections::BTreeMap<String, usize>, name: &String| match counts
                .get_mut(name)
            {
                Some(n) => *n += 1,
                None => {
                    counts.insert(name.clone(), 1);
                }
            };
        for m in mentions
            .iter()
            .filter(|m| m.kind == Some(EntityKind::Place))
        {
            count(places, &m.name);
        }
        for m in mentions.iter().filter(|m| {
            m.reference.is_none() && !m.cited && !m.is_person() && m.kind != Some(EntityKind::Place)
        }) {
            count(actors, &m.name);
        }
        salience.note(&mentions);
    }
    out
}
