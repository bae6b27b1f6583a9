//! Extract: documents in, claims out. A claim says something checkable about
//! a subject: a figure (percentage, money, count), the date of an event, or an
//! announced action, with its modality, attribution and evidence span.
//!
//! Subjects: the nearest name before the figure in its clause (or the name a
//! parenthesised figure follows: "AMD (-6.4%)"), else the nearest in the
//! sentence, else the salient entity: the first organisation named in the
//! most recent sentence that named one. "The company" and its kin resolve to
//! the salient entity of their kind.
//!
//! Never: reads furniture (ingest blanked it) or makes a claim without a subject.

mod action;
mod attribute;
mod clause;
mod date;
mod entity;
mod lexicon;
mod quantity;

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
    for (i, (doc, ss)) in docs.iter().zip(&sents).enumerate() {
        claims.extend(extract_doc(i, doc, ss, &lex, &evidence, &mut names));
    }
    Extraction {
        claims,
        names: names.into_iter().collect(),
        acronyms: evidence.acronyms,
    }
}

/// Attributes that describe a country's economy rather than a company.
const MACRO: &[&str] = &["inflation", "unemployment", "gdp growth"];

/// Salience: the first organisation named by recent sentences, by kind.
#[derive(Default)]
struct Salience {
    recent: Vec<(String, Option<EntityKind>)>,
    /// The place most recently named, for figures about a country.
    place: Option<(String, Option<EntityKind>)>,
}

/// Whether a name of kind `k` can be what a reference to `wanted` means.
fn kind_fits(wanted: EntityKind, k: Option<EntityKind>) -> bool {
    match wanted {
        EntityKind::Company | EntityKind::Organisation => {
            matches!(
                k,
                None | Some(EntityKind::Company) | Some(EntityKind::Organisation)
            )
        }
        other => k == Some(other),
    }
}

/// Whether `name` carries the head noun of a reference ("the union" →
/// "Coastal Dockworkers Union", "the pipeline" → "Caspian Gulf Pipeline").
fn has_head(name: &str, head: &str) -> bool {
    name.split_whitespace()
        .any(|w| w.trim_end_matches(['.', ',']).eq_ignore_ascii_case(head))
}

impl Salience {
    /// The most recent name of the right kind, preferring one that carries
    /// the reference's head noun.
    fn resolve(&self, kind: EntityKind, head: &str) -> Option<(String, Option<EntityKind>)> {
        let recent = || self.recent.iter().rev();
        recent()
            .find(|(n, _)| has_head(n, head))
            .or_else(|| recent().find(|(_, k)| kind_fits(kind, *k)))
            .cloned()
    }

    fn last(&self) -> Option<(String, Option<EntityKind>)> {
        self.recent.last().cloned()
    }

    fn note(&mut self, mentions: &[Mention]) {
        // The first mention of each kind in the sentence is its subject.
        let mut seen: Vec<Option<EntityKind>> = Vec::new();
        let mut add = Vec::new();
        // People attribute and places locate; neither is what a later
        // "the company" or a bare figure is about.
        if let Some(p) = mentions.iter().find(|m| m.kind == Some(EntityKind::Place)) {
            self.place = Some((p.name.clone(), p.kind));
        }
        let actor = |m: &&Mention| !m.is_person() && m.kind != Some(EntityKind::Place);
        // A possessive ("the FDA's approval of Slimora") qualifies the noun
        // that is the subject; it counts only when nothing else is named.
        let plain: Vec<&Mention> = mentions
            .iter()
            .filter(actor)
            .filter(|m| !m.possessive)
            .collect();
        let chosen = if plain.is_empty() {
            mentions.iter().filter(actor).collect()
        } else {
            plain
        };
        for m in chosen {
            if !seen.contains(&m.kind) {
                seen.push(m.kind);
                add.push((m.name.clone(), m.kind));
            }
        }
        // Later entries win; the sentence's first subject must be the last pushed.
        for entry in add.into_iter().rev() {
            self.recent.retain(|(n, _)| *n != entry.0);
            self.recent.push(entry);
        }
    }
}

/// The company an article says is being bought ("agreed to acquire …
/// DataRiver"): per-share prices and premiums belong to it.
fn deal_target(
    doc: &Document,
    sents: &[Sentence],
    lex: &Lexicon,
    evidence: &Evidence,
) -> Option<(String, Option<EntityKind>)> {
    const VERBS: &[&str] = &[
        "acquire",
        "acquiring",
        "buy",
        "buying",
        "purchase",
        "takeover of",
        "bid for",
        "acquisition of",
        "to take over",
    ];
    for s in sents {
        let text = s.span.slice(&doc.prose);
        let lower = crate::text::fold_case(text);
        let mentions = entity::mentions(
            &doc.prose,
            s.span,
            s.kind == BlockKind::Heading,
            lex,
            evidence,
        );
        for verb in VERBS {
            for at in clause::find_words(&lower, verb) {
                let after = at + verb.len() + s.span.start();
                let target = mentions.iter().find(|m| {
                    m.span.start() >= after
                        && m.reference.is_none()
                        && !m.is_person()
                        && doc.prose[after..m.span.start()].split_whitespace().count() <= 3
                });
                if let Some(m) = target {
                    return Some((m.name.clone(), m.kind));
                }
            }
        }
    }
    None
}

fn extract_doc(
    doc_index: usize,
    doc: &Document,
    sents: &[Sentence],
    lex: &Lexicon,
    evidence: &Evidence,
    names: &mut std::collections::BTreeSet<String>,
) -> Vec<Claim> {
    let mut out = Vec::new();
    let mut salience = Salience::default();
    let target = deal_target(doc, sents, lex, evidence);
    for s in sents {
        let text = s.span.slice(&doc.prose);
        let lower = crate::text::fold_case(text);
        let base = s.span.start();
        let mut mentions = entity::mentions(
            &doc.prose,
            s.span,
            s.kind == BlockKind::Heading,
            lex,
            evidence,
        );
        // Resolve references against earlier names in this sentence, then
        // against the sentences before.
        let named: Vec<(usize, String, Option<EntityKind>)> = mentions
            .iter()
            .filter(|m| m.reference.is_none() && !m.is_person())
            .map(|m| (m.span.start(), m.name.clone(), m.kind))
            .collect();
        mentions.retain_mut(|m| match m.reference {
            None => true,
            Some(kind) => match resolve_reference(m, kind, &named, &salience) {
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
        let taken = |sp: Span| {
            dates.iter().any(|(d, _)| d.overlaps(sp))
                || mentions
                    .iter()
                    .any(|m| m.span.offset(0).overlaps(sp.offset(base)))
        };
        let subject_of = |rel: usize, span: Span| -> Option<(String, Option<EntityKind>)> {
            pick_subject(text, base, &clauses, &mentions, rel, span)
                .map(|m| (m.name.clone(), m.kind))
                .or_else(|| salience.last())
        };
        for (span, mut q) in quantity::find(text, lex) {
            if taken(span) {
                continue;
            }
            let Some((mut subject, mut kind)) = subject_of(span.start(), span) else {
                continue;
            };
            let cl = clause::clause_at(&clauses, span.start());
            if q.direction.is_none() && matches!(q.unit, Unit::Percent | Unit::PercentagePoints) {
                q.direction = attribute::direction(&lower, cl, span, lex);
            }
            let modality = clause::modality(&lower, cl, lex);
            let mut attr = attribute::for_quantity(&lower, cl, span, &q, lex);
            // Inflation, unemployment and growth are a country's: the place
            // named in the sentence, else the last place named.
            if MACRO.contains(&attr.as_str()) {
                let place = mentions
                    .iter()
                    .filter(|m| m.kind == Some(EntityKind::Place))
                    .min_by_key(|m| m.span.start().abs_diff(span.start() + base))
                    .map(|m| (m.name.clone(), m.kind))
                    .or_else(|| salience.place.clone())
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
                if let Some((name, k)) = place {
                    subject = name;
                    kind = k;
                }
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
            if attribute::including_debt(&lower[span.end()..cl.end().max(span.end())]) {
                attr.push_str(" including debt");
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
                attribute::event(&lower, cl, lex)
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
            let subject = pick_subject(text, base, &clauses, &owners, span.start(), *span)
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
            let subject = pick_subject(text, base, &clauses, &mentions, span.start(), span)
                .filter(|m| m.span.start() < span.start() + base)
                .map(|m| (m.name.clone(), m.kind))
                .or_else(|| salience.last());
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
                .filter(|m| m.reference.is_none() && !m.is_person())
                .map(|m| m.name.clone()),
        );
        salience.note(&mentions);
    }
    out
}

/// What a reference such as "the union" names: an earlier name in its
/// sentence carrying its head noun, else one of its kind, else the salient
/// entity (again preferring the head noun).
fn resolve_reference(
    m: &Mention,
    kind: EntityKind,
    named: &[(usize, String, Option<EntityKind>)],
    salience: &Salience,
) -> Option<(String, Option<EntityKind>)> {
    let head = m.name.rsplit(' ').next().unwrap_or("");
    let before = || named.iter().rev().filter(|(at, _, _)| *at < m.span.start());
    before()
        .find(|(_, n, _)| has_head(n, head))
        .or_else(|| before().find(|(_, _, k)| kind_fits(kind, *k)))
        .map(|(_, n, k)| (n.clone(), *k))
        .or_else(|| salience.resolve(kind, head))
}

/// The mention a figure at `rel` (sentence-relative) belongs to.
fn pick_subject<'m>(
    text: &str,
    base: usize,
    clauses: &[Span],
    mentions: &'m [Mention],
    rel: usize,
    span: Span,
) -> Option<&'m Mention> {
    // People are never subjects; places only when no organisation or thing fits.
    let all: Vec<&Mention> = mentions.iter().filter(|m| !m.is_person()).collect();
    let things: Vec<&Mention> = all
        .iter()
        .copied()
        .filter(|m| m.kind != Some(EntityKind::Place))
        .collect();
    // A place named after the figure ("close 45 stores in Germany") says
    // where, not who: it can be the subject only from before the figure.
    let places_before: Vec<&Mention> = all
        .iter()
        .copied()
        .filter(|m| m.span.end() <= rel + base && !m.locative)
        .collect();
    pick_among(text, base, clauses, &things, rel, span)
        .or_else(|| pick_among(text, base, clauses, &places_before, rel, span))
}

fn pick_among<'m>(
    text: &str,
    base: usize,
    clauses: &[Span],
    candidates: &[&'m Mention],
    rel: usize,
    span: Span,
) -> Option<&'m Mention> {
    let abs = rel + base;
    // "AMD (-6.4%)": the name right before the parenthesis.
    let before = text[..rel].trim_end();
    if let Some(open) = before.strip_suffix('(') {
        let open_at = open.trim_end().len() + base;
        if let Some(m) = candidates.iter().find(|m| m.span.end() == open_at) {
            return Some(m);
        }
    }
    let cl = clause::clause_at(clauses, rel);
    let in_clause =
        |m: &&&Mention| cl.contains(Span::new(m.span.start() - base, m.span.end() - base));
    candidates
        .iter()
        .filter(in_clause)
        .rfind(|m| m.span.end() <= abs)
        .or_else(|| {
            candidates
                .iter()
                .filter(in_clause)
                .find(|m| m.span.start() >= span.end() + base)
        })
        .or_else(|| candidates.iter().rfind(|m| m.span.end() <= abs))
        .copied()
}
