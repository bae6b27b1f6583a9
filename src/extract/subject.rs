//! Subjects: which entity a claim is about. A figure belongs to the name
//! right before its parenthesis, else the nearest name before it in its
//! clause, else the first after it there, else the nearest earlier in the
//! sentence (places only from before the figure, never after "in"), else the
//! salient entity. References ("the union") resolve by head noun, then kind,
//! then salience. Takeover prices and premiums go to the company being
//! bought; inflation and growth figures to a country.

use super::*;
/// Attributes that describe a country's economy rather than a company.
pub(super) const MACRO: &[&str] = &[
    "inflation",
    "unemployment",
    "gdp growth",
    "wage growth",
    "house prices growth",
    "house price",
    "mortgage approvals",
];

/// Salience: the first organisation named by recent sentences, by kind.
#[derive(Default)]
pub(super) struct Salience {
    /// The last `RECENT` names, the most recent last.
    pub(super) recent: Vec<(String, Option<EntityKind>)>,
    /// Places named so far, in order, with how often: figures about a
    /// country go to the place the article names most (the first on a tie).
    pub(super) places: Vec<(String, Option<EntityKind>, usize)>,
    /// Where each place is in `places`.
    place_at: std::collections::HashMap<String, usize>,
    /// The index in `places` of the place named most (the first on a tie).
    main_place: Option<usize>,
    /// The person most recently named, for "he", "she" and "the striker".
    pub(super) person: Option<(String, Option<EntityKind>)>,
}

/// How many distinct recent names a reference ("the company") can reach
/// back to; an article names far fewer.
const RECENT: usize = 64;

/// Whether a name of kind `k` can be what a reference to `wanted` means.
pub(super) fn kind_fits(wanted: EntityKind, k: Option<EntityKind>) -> bool {
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
pub(super) fn has_head(name: &str, head: &str) -> bool {
    name.split_whitespace()
        .any(|w| w.trim_end_matches(['.', ',']).eq_ignore_ascii_case(head))
}

impl Salience {
    /// The most recent name of the right kind, preferring one that carries
    /// the reference's head noun.
    pub(super) fn resolve(
        &self,
        kind: EntityKind,
        head: &str,
    ) -> Option<(String, Option<EntityKind>)> {
        if kind == EntityKind::Person {
            return self.person.clone();
        }
        let recent = || self.recent.iter().rev();
        recent()
            .find(|(n, _)| has_head(n, head))
            .or_else(|| recent().find(|(_, k)| kind_fits(kind, *k)))
            .cloned()
    }

    pub(super) fn last(&self) -> Option<(String, Option<EntityKind>)> {
        self.recent.last().cloned()
    }

    /// The place the article has named most so far.
    pub(super) fn main_place(&self) -> Option<(String, Option<EntityKind>)> {
        self.main_place
            .and_then(|i| self.places.get(i))
            .map(|(name, kind, _)| (name.clone(), *kind))
    }

    pub(super) fn note(&mut self, mentions: &[Mention]) {
        // The first mention of each kind in the sentence is its subject.
        let mut seen: Vec<Option<EntityKind>> = Vec::new();
        let mut add = Vec::new();
        // People attribute and places locate; neither is what a later
        // "the company" or a bare figure is about.
        if let Some(p) = mentions
            .iter()
            .find(|m| m.is_person() && m.reference.is_none())
        {
            self.person = Some((p.name.clone(), p.kind));
        }
        for p in mentions
            .iter()
            .filter(|m| m.kind == Some(EntityKind::Place))
        {
            let at = match self.place_at.get(&p.name) {
                Some(&i) => i,
                None => {
                    self.places.push((p.name.clone(), p.kind, 0));
                    self.place_at.insert(p.name.clone(), self.places.len() - 1);
                    self.places.len() - 1
                }
            };
            let count = match self.places.get_mut(at) {
                Some(entry) => {
                    entry.2 += 1;
                    entry.2
                }
                None => continue,
            };
            let best = self
                .main_place
                .and_then(|i| self.places.get(i).map(|e| (i, e.2)));
            match best {
                Some((i, most)) if most > count || (most == count && i < at) => {}
                _ => self.main_place = Some(at),
            }
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
        // A reference reaches back this far at most: a long file full of
        // names must not make every sentence look through all of them.
        if self.recent.len() > RECENT {
            self.recent.drain(..self.recent.len() - RECENT);
        }
    }
}

/// Words that say a company is being bought.
const DEAL_VERBS: &[&str] = &[
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

/// `DEAL_VERBS`, searched for in one pass.
pub(super) static DEAL_VERB_SET: std::sync::LazyLock<crate::text::PhraseSet> =
    std::sync::LazyLock::new(|| crate::text::PhraseSet::new(DEAL_VERBS));

/// The company an article says is being bought ("agreed to acquire …
/// DataRiver"): per-share prices and premiums belong to it.
pub(super) fn deal_target(
    doc: &Document,
    sents: &[Sentence],
    folded: &[Folded],
    mentions_of: &[Vec<Mention>],
) -> Option<(String, Option<EntityKind>)> {
    for ((s, mentions), f) in sents.iter().zip(mentions_of).zip(folded) {
        for (i, at) in f.deal_verbs.in_list_order() {
            let verb = DEAL_VERBS.get(i).unwrap_or(&"");
            let after = at + verb.len() + s.span.start();
            let target = mentions.iter().find(|m| {
                m.span.start() >= after
                    && m.reference.is_none()
                    && !m.is_person()
                    && doc
                        .prose
                        .get(after..m.span.start())
                        .is_some_and(|gap| gap.split_whitespace().count() <= 3)
            });
            if let Some(m) = target {
                return Some((m.name.clone(), m.kind));
            }
        }
    }
    None
}

/// What a reference such as "the union" names: an earlier name in its
/// sentence carrying its head noun, else one of its kind, else the salient
/// entity (again preferring the head noun).
pub(super) fn resolve_reference(
    m: &Mention,
    speaks: bool,
    kind: EntityKind,
    named: &[(usize, String, Option<EntityKind>)],
    salience: &Salience,
) -> Option<(String, Option<EntityKind>)> {
    let head = m.name.rsplit(' ').next().unwrap_or("");
    let before = || named.iter().rev().filter(|(at, _, _)| *at < m.span.start());
    // "…, the Portuguese club said": a speaking reference at the end of a
    // sentence names the sentence's first actor.
    if speaks
        && let Some((_, n, k)) = named
            .iter()
            .find(|(at, _, k)| *at < m.span.start() && kind_fits(kind, *k))
    {
        return Some((n.clone(), *k));
    }
    before()
        .find(|(_, n, _)| has_head(n, head))
        .or_else(|| before().find(|(_, _, k)| kind_fits(kind, *k)))
        .map(|(_, n, k)| (n.clone(), *k))
        .or_else(|| salience.resolve(kind, head))
}

/// The mention a figure at `rel` (sentence-relative) belongs to.
pub(super) fn pick_subject<'m>(
    text: &str,
    base: usize,
    clauses: &[Span],
    mentions: &'m [Mention],
    rel: usize,
    span: Span,
) -> Option<&'m Mention> {
    // Places only when no organisation, person or thing fits. People are subjects too ("Moreau earns £300,000 a week"); as speakers
    // ("…, Jane Doe said") they are skipped like any other speaker.
    let all: Vec<&Mention> = mentions.iter().collect();
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
    pick_among(text, base, clauses, &things, rel, span, false)
        .or_else(|| pick_among(text, base, clauses, &places_before, rel, span, false))
        .or_else(|| pick_among(text, base, clauses, &things, rel, span, true))
}

pub(super) fn pick_among<'m>(
    text: &str,
    base: usize,
    clauses: &[Span],
    candidates: &[&'m Mention],
    rel: usize,
    span: Span,
    allow_speakers: bool,
) -> Option<&'m Mention> {
    let abs = rel + base;
    // "AMD (-6.4%)": the name right before the parenthesis.
    let before = text.get(..rel).unwrap_or("").trim_end();
    if let Some(open) = before.strip_suffix('(') {
        let open_at = open.trim_end().len() + base;
        if let Some(m) = candidates.iter().find(|m| m.span.end() == open_at) {
            return Some(m);
        }
    }
    let cl = clause::clause_at(clauses, rel);
    let in_clause =
        |m: &&&Mention| cl.contains(Span::new(m.span.start() - base, m.span.end() - base));
    // "…, the Labor Department said": who says so is not what it is about,
    // unless it is the only name there is.
    let speaker = |m: &&&Mention| {
        text.get(m.span.end() - base..)
            .is_some_and(|rest| clause::speaks(&crate::text::fold_case(rest)))
    };
    let pick = |skip_speakers: bool| {
        let ok = |m: &&&Mention| !(skip_speakers && speaker(m));
        candidates
            .iter()
            .filter(in_clause)
            .filter(ok)
            .rfind(|m| m.span.end() <= abs)
            .or_else(|| {
                candidates
                    .iter()
                    .filter(in_clause)
                    .filter(ok)
                    .find(|m| m.span.start() >= span.end() + base)
            })
            .or_else(|| candidates.iter().filter(ok).rfind(|m| m.span.end() <= abs))
    };
    pick(!allow_speakers).copied()
}
