//! Extract: documents in, claims out. A claim says something checkable about
//! a subject: a figure (percentage, money, count), the date of an event, or an
//! announced action, with its modality, attribution and evidence span.
//!
//! Subjects are chosen in `subject` (see there and the README); attributes in
//! `attribute`.
//!
//! Never: reads furniture (ingest blanked it) or makes a claim without a subject.

mod action;
mod attribute;
mod clause;
mod date;
mod entity;
mod lexicon;
mod quantity;
mod subject;

pub use action::Action;
pub use date::{DateValue, Period, weekday_name, weekday_of};
pub use lexicon::Modality;
pub use quantity::{Direction, Qualifier, Quantity, Unit};

use crate::ingest::{BlockKind, Document};
use crate::rules::{EntityKind, Rules};
use crate::span::Span;
use crate::text::{Sentence, sentences};
use entity::{Evidence, Mention};
use lexicon::Lexicon;
use serde::Serialize;
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
    let len = s[first..]
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(s.len() - first);
    Span::new(span.start() + first, span.start() + first + len)
}

/// Placeholder subject of a country figure whose article names no place.
const RUN_PLACE: &str = "\u{0}place";

/// What a claim asserts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Value {
    Quantity(Quantity),
    Date(DateValue),
    Action(Action),
}

#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    /// Index of the document in the run.
    #[serde(skip)]
    pub doc: usize,
    /// The subject as named (after resolving "the company").
    pub subject: String,
    #[serde(skip)]
    pub subject_kind: Option<EntityKind>,
    /// The canonical subject, set by the group stage.
    #[serde(skip)]
    pub group: String,
    pub attribute: String,
    /// The evidence as written in the original text.
    pub text: String,
    pub value: Value,
    pub modality: Modality,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// The evidence: the figure, date or action as written.
    #[serde(skip)]
    pub span: Span,
    #[serde(skip)]
    pub sentence: Span,
}

/// Claims of all documents, plus acronyms they define (for grouping).
pub struct Extraction {
    pub claims: Vec<Claim>,
    pub acronyms: Vec<(String, String)>,
    /// Every name the documents mention, subject of a claim or not, so the
    /// canonical name of a group can be its fullest written form.
    pub names: Vec<String>,
}

/// Extracts the claims of every document. Names are learned across all of
/// them first, so one article's "Meta" helps read another's headline.
pub fn extract_all(docs: &[Document], rules: &Rules) -> Extraction {
    let lex = Lexicon::new(rules);
    let sents: Vec<Vec<Sentence>> = docs.iter().map(sentences).collect();
    let mut evidence = Evidence::default();
    for (doc, ss) in docs.iter().zip(&sents) {
        for s in ss {
            evidence.learn(&doc.prose, s.span, s.kind == BlockKind::Heading, &lex);
        }
    }
    evidence.finish();
    let mut claims = Vec::new();
    let mut names = std::collections::BTreeSet::new();
    let mut places: std::collections::BTreeMap<String, usize> = Default::default();
    for (i, (doc, ss)) in docs.iter().zip(&sents).enumerate() {
        claims.extend(extract_doc(
            i,
            doc,
            ss,
            &lex,
            &evidence,
            &mut names,
            &mut places,
        ));
    }
    // Country figures with no place in their article: the place the run names most.
    let top = places
        .iter()
        .max_by_key(|(name, n)| (**n, std::cmp::Reverse((*name).clone())))
        .map(|(name, _)| name.clone());
    claims.retain_mut(|c| {
        if c.subject != RUN_PLACE {
            return true;
        }
        match &top {
            Some(p) => {
                c.subject = p.clone();
                c.subject_kind = Some(EntityKind::Place);
                true
            }
            None => false,
        }
    });
    Extraction {
        claims,
        names: names.into_iter().collect(),
        acronyms: evidence.acronyms,
    }
}

fn extract_doc(
    doc_index: usize,
    doc: &Document,
    sents: &[Sentence],
    lex: &Lexicon,
    evidence: &Evidence,
    names: &mut std::collections::BTreeSet<String>,
    places: &mut std::collections::BTreeMap<String, usize>,
) -> Vec<Claim> {
    let mut out = Vec::new();
    let mut salience = Salience::default();
    // Names of every sentence, found once: the takeover target is looked
    // for across the article before its sentences are read in order.
    let mentions_of: Vec<Vec<Mention>> = sents
        .iter()
        .map(|s| {
            entity::mentions(
                &doc.prose,
                s.span,
                s.kind == BlockKind::Heading,
                lex,
                evidence,
            )
        })
        .collect();
    let target = deal_target(doc, sents, &mentions_of);
    for (s, found_names) in sents.iter().zip(mentions_of) {
        let text = s.span.slice(&doc.prose);
        let lower = crate::text::fold_case(text);
        let base = s.span.start();
        let mut mentions = found_names;
        // Resolve references against earlier names in this sentence, then
        // against the sentences before.
        let named: Vec<(usize, String, Option<EntityKind>)> = mentions
            .iter()
            .filter(|m| m.reference.is_none() && !m.is_person())
            .map(|m| (m.span.start(), m.name.clone(), m.kind))
            .collect();
        mentions.retain_mut(|m| match m.reference {
            None => true,
            Some(kind) => match resolve_reference(
                m,
                clause::speaks(&lower[m.span.end() - base..]),
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
        let clauses = clause::clauses(text);
        let attribution = clause::attribution(text);
        let dates = date::find(text);
        // A figure inside a date or a name ("S&P 500") is not a figure; a name
        // inside a figure's noun phrase ("3 million Brightwell customers") is fine.
        let taken = |sp: Span| {
            let core = number_core(text, sp);
            dates.iter().any(|(d, _)| d.overlaps(core))
                || mentions.iter().any(|m| m.span.overlaps(core.offset(base)))
        };
        // "He scored 31 goals": a personal pronoun points to the last person.
        let he = ["he ", "she "].iter().any(|p| lower.starts_with(p));
        let subject_of = |rel: usize, span: Span| -> Option<(String, Option<EntityKind>)> {
            pick_subject(text, base, &clauses, &mentions, rel, span)
                .map(|m| (m.name.clone(), m.kind))
                .or_else(|| he.then(|| salience.person.clone()).flatten())
                .or_else(|| salience.last())
        };
        for (span, mut q) in quantity::find(text, lex) {
            if taken(span) {
                continue;
            }
            // A country figure may name no entity at all ("The jobless rate
            // climbed to 3.9 percent"); its subject is settled below.
            // Who the sentence is about, leaving out who it cites ("according
            // to the Nationwide Building Society", "…, Nationwide said").
            let actors: Vec<Mention> = mentions
                .iter()
                .filter(|m| {
                    let before = lower[..m.span.start() - base].trim_end();
                    !(before.ends_with("according to")
                        || before.ends_with("according to the")
                        || clause::speaks(&lower[m.span.end() - base..]))
                })
                .cloned()
                .collect();
            let named_here = pick_subject(text, base, &clauses, &actors, span.start(), span)
                .is_some_and(|m| m.kind != Some(EntityKind::Place) && !m.possessive);
            let found = subject_of(span.start(), span);
            let (mut subject, mut kind) = found.clone().unwrap_or_default();
            let cl = clause::clause_at(&clauses, span.start());
            if q.direction.is_none() && matches!(q.unit, Unit::Percent | Unit::PercentagePoints) {
                q.direction = attribute::direction(&lower, cl, span, lex);
            }
            let modality = clause::modality(&lower, cl, lex);
            let mut attr = attribute::for_quantity(&lower, text, cl, span, &q, lex);
            // Inflation, unemployment and growth are a country's: the place
            // named in the sentence, else the last place named.
            // Unless the sentence names who it is about ("the union is
            // demanding a 12% pay rise").
            let measure = attr
                .trim_end_matches(" forecast")
                .trim_end_matches(" (previous)")
                .trim_end_matches(" estimate");
            if MACRO.contains(&measure) && !named_here {
                let place = mentions
                    .iter()
                    .filter(|m| m.kind == Some(EntityKind::Place))
                    .min_by_key(|m| m.span.start().abs_diff(span.start() + base))
                    .map(|m| (m.name.clone(), m.kind))
                    .or_else(|| salience.main_place())
                    // "Bank of Norland": the country a national body is named after.
                    .or_else(|| {
                        let long = evidence
                            .acronyms
                            .iter()
                            .find(|(short, _)| *short == subject)
                            .map_or(subject.as_str(), |(_, long)| long.as_str());
                        long.split_whitespace()
                            .find(|w| evidence.places.contains(*w))
                            .map(|w| (w.to_string(), Some(EntityKind::Place)))
                    });
                match place {
                    Some((name, k)) => {
                        subject = name;
                        kind = k;
                    }
                    // Left for the run: the place the articles name most.
                    None => subject = RUN_PLACE.to_string(),
                }
            } else if found.is_none() {
                continue;
            }
            // "Prices in London fell 1.2%": a move with no actor in its sentence
            // is the named place's.
            if attr == "change" && !named_here && no_actor(&actors) {
                let cl_span = cl;
                if let Some(p) = actors.iter().rfind(|m| {
                    m.kind == Some(EntityKind::Place)
                        && m.span.end() <= span.start() + base
                        && cl_span.contains(Span::new(m.span.start() - base, m.span.end() - base))
                }) {
                    subject = p.name.clone();
                    kind = p.kind;
                }
            }
            // "£300,000 a week" for a person is pay, whatever it is called.
            let per_period = ["a week", "per week", "a year", "per year", "a month"]
                .iter()
                .any(|p| lower[span.end()..].trim_start().starts_with(p));
            if kind == Some(EntityKind::Person)
                && per_period
                && matches!(attr.as_str(), "deal value" | "amount")
            {
                attr = "wage".into();
            }
            // In a takeover, the price a share and the premium are the target's.
            let per_share = ["a share", "per share", "premium"]
                .iter()
                .any(|w| !clause::find_words(cl.slice(&lower), w).is_empty());
            if let Some((name, k)) = &target
                && per_share
                && (attr == "premium" || attr == "price")
            {
                subject = name.clone();
                kind = *k;
            }
            // "tumbled as much as 12% before closing down 9.8%": the day's
            // extreme is not its close.
            let figure = lower[span.start()..span.end()].to_string();
            if attr == "change" && figure.starts_with("as much as") {
                attr = "intraday change".into();
            }
            // "$3.1 billion including debt": another measure of the same thing.
            if let Some(extra) = attribute::including(&lower[span.end()..cl.end().max(span.end())])
            {
                attr.push_str(&format!(" including {extra}"));
            }
            // "Porto Azul paid €20m for him in 2023": a figure of a past year.
            if let Some(year) = attribute::past_year(&lower, cl, span) {
                attr.push_str(&format!(" ({year})"));
            }
            // "down from an earlier range of …": an old value, not a rival one.
            if attribute::previous(&lower, cl, span) {
                attr.push_str(" (previous)");
            }
            // A forecast ("could climb as much as 10%") is compared only with forecasts.
            if modality == Modality::Speculative {
                attr.push_str(" forecast");
            }
            out.push(Claim {
                doc: doc_index,
                subject,
                subject_kind: kind,
                group: String::new(),
                attribute: attr,
                text: span.offset(base).slice(&doc.text).to_string(),
                modality,
                value: Value::Quantity(q),
                attribution: attribution.clone(),
                span: span.offset(base),
                sentence: s.span,
            });
        }
        for (span, d) in &dates {
            let cl = clause::clause_at(&clauses, span.start());
            // "by 2030" is a target whatever the verb.
            let by_year = d.day.is_none() && lower[..span.start()].trim_end().ends_with(" by");
            let event = if by_year {
                Some("target")
            } else {
                attribute::event(&lower, cl, *span, lex)
            };
            let Some(event) = event else {
                continue;
            };
            // The date of an event belongs to the name nearest before it; with
            // no name in the sentence at all, to the salient entity.
            // A possessive ("The FDA's approval of Slimora on Friday") names
            // whose the event is not.
            let owners: Vec<Mention> = mentions
                .iter()
                .filter(|m| !doc.prose[m.span.end()..].starts_with(['\'', '’']))
                .cloned()
                .collect();
            // Who said so on that day is the subject of the date ("Kestrel
            // Pharma said on Friday that …").
            let owner_refs: Vec<&Mention> = owners
                .iter()
                .filter(|m| !m.is_person() && m.kind != Some(EntityKind::Place))
                .collect();
            let subject = pick_among(text, base, &clauses, &owner_refs, span.start(), *span, true)
                .or_else(|| pick_subject(text, base, &clauses, &owners, span.start(), *span))
                .or_else(|| pick_subject(text, base, &clauses, &mentions, span.start(), *span))
                .map(|m| (m.name.clone(), m.kind))
                .or_else(|| mentions.is_empty().then(|| salience.last()).flatten());
            let Some((subject, kind)) = subject else {
                continue;
            };
            out.push(Claim {
                doc: doc_index,
                subject,
                subject_kind: kind,
                group: String::new(),
                attribute: format!("date of {event}"),
                text: span.offset(base).slice(&doc.text).to_string(),
                modality: clause::modality(&lower, cl, lex),
                value: Value::Date(d.clone()),
                attribution: attribution.clone(),
                span: span.offset(base),
                sentence: s.span,
            });
        }
        for cl in &clauses {
            let Some((span, mut act)) = action::find(&lower, *cl, lex) else {
                continue;
            };
            // The phrase as written (the search ran on folded case; offsets agree).
            act.phrase = act.phrase_span.slice(text).trim().to_string();
            // "It will close 45 stores": a pronoun points to the salient
            // entity; "Hackers may have stolen …" names no entity at all.
            let before = lower[cl.start()..span.start()].trim_end();
            let pronoun = ["it", "they", "he", "she", "we"]
                .iter()
                .any(|p| before == *p || before.ends_with(&format!(" {p}")));
            let before_cue: Vec<Mention> = mentions
                .iter()
                .filter(|m| m.span.start() < span.start() + base)
                .cloned()
                .collect();
            let subject = pick_subject(text, base, &clauses, &before_cue, span.start(), span)
                .map(|m| (m.name.clone(), m.kind))
                .or_else(|| pronoun.then(|| salience.last()).flatten());
            let Some((subject, kind)) = subject else {
                continue;
            };
            if kind == Some(EntityKind::Index) {
                continue;
            }
            out.push(Claim {
                doc: doc_index,
                subject,
                subject_kind: kind,
                group: String::new(),
                attribute: "action".into(),
                text: span.offset(base).slice(&doc.text).to_string(),
                modality: clause::modality(&lower, *cl, lex),
                value: Value::Action(act),
                attribution: attribution.clone(),
                span: span.offset(base),
                sentence: s.span,
            });
        }
        names.extend(
            mentions
                .iter()
                .filter(|m| m.reference.is_none())
                .map(|m| m.name.clone()),
        );
        for m in mentions
            .iter()
            .filter(|m| m.kind == Some(EntityKind::Place))
        {
            *places.entry(m.name.clone()).or_default() += 1;
        }
        salience.note(&mentions);
    }
    out
}
