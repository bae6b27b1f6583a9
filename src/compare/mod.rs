//! Compare: claims grouped by (subject, attribute) in, findings out.
//!
//! Within a group, claims with the same value form a cluster. A cluster
//! backed by two or more sources is an agreement; two clusters from different
//! sources are a conflict (numeric.mismatch, numeric.precision, date.mismatch)
//! or, for actions, a modality.mismatch when one states as fact what the other
//! reports. A cluster no other source backs is unsupported. In draft mode
//! only clusters that involve the draft are reported.

mod explain;
mod filter;
mod finding;
mod numeric;
mod verdict;

pub use explain::{Explanation, explain};
pub use filter::apply as filter_findings;

pub use finding::{Finding, FindingKind};
pub use verdict::{DraftVerdict, Standing, draft_verdicts};

use crate::extract::{Action, Basis, Claim, ENOUGH, Modality, Value};
use crate::ingest::Day;
use crate::rules::{NumericRules, RuleId, Rules};
use crate::text::Sym;
use numeric::Verdict;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// The most claims one document may give under one key and still be
/// compared on it (see `Ctx::self_evidence`); an article gives a handful.
const OWN_VALUES_AT_MOST: usize = 64;

/// How many claims of a value are weighed when it is aligned with another
/// (`Cluster::weighed`); a story checked across its articles has far fewer.
const WEIGHED_AT_MOST: usize = 64;

/// Units of what stays put while a story moves: lengths, distances and
/// heights ("55 miles west of Philadelphia", "a 44-story tower"), and a
/// person's age.
const FIXED: &[&str] = &[
    crate::extract::YEARS_OLD,
    "mile",
    "miles",
    "kilometer",
    "kilometers",
    "kilometre",
    "kilometres",
    "km",
    "meter",
    "meters",
    "metre",
    "metres",
    "m",
    "feet",
    "foot",
    "ft",
    "inch",
    "inches",
    "yard",
    "yards",
    "story",
    "stories",
    "storey",
    "storeys",
];

/// What comparison needs to know of each document (by claim's `doc`
/// index): whether it is a draft, and the day it was published.
pub struct Roles {
    pub draft: Vec<bool>,
    pub published: Vec<Option<Day>>,
    /// Whether any document is a draft (asked for every pair of values
    /// compared: found once).
    any_draft: bool,
}

impl Roles {
    /// The roles and publication days of `docs`.
    pub fn of(docs: &[crate::ingest::Document]) -> Roles {
        let draft: Vec<bool> = docs
            .iter()
            .map(|d| d.role == crate::ingest::Role::Draft)
            .collect();
        Roles {
            any_draft: draft.iter().any(|&d| d),
            draft,
            published: docs.iter().map(|d| d.published).collect(),
        }
    }

    /// Whether two documents say they were published on different days.
    fn different_days(&self, x: usize, y: usize) -> bool {
        match (self.published.get(x), self.published.get(y)) {
            (Some(Some(a)), Some(Some(b))) => a != b,
            _ => false,
        }
    }

    fn is_draft(&self, doc: usize) -> bool {
        self.draft.get(doc).copied().unwrap_or(false)
    }
    fn draft_mode(&self) -> bool {
        self.any_draft
    }
}

/// Applies the rules to every group of claims.
pub fn compare(claims: &[Claim], roles: &Roles, rules: &Rules) -> Vec<Finding> {
    let words = crate::extract::FrameWords::new(rules);
    // The actions each sentence announces, for dating them.
    let mut actions: BTreeMap<(usize, crate::span::Span), Vec<&Action>> = BTreeMap::new();
    for c in claims {
        if let Value::Action(act) = &c.value {
            actions.entry((c.doc, c.sentence)).or_default().push(act);
        }
    }
    let mut groups: BTreeMap<(&Sym, &Sym), Vec<Item>> = BTreeMap::new();
    for (id, claim) in claims.iter().enumerate() {
        groups
            .entry((&claim.group, &claim.attribute))
            .or_default()
            .push(Item { id, claim });
    }
    // Each key's claims are compared on their own, in parallel; the
    // findings are joined in the keys' order, as one loop would give them.
    let groups: Vec<((&Sym, &Sym), Vec<Item>)> = groups.into_iter().collect();
    let found: Vec<Vec<Finding>> = groups
        .par_iter()
        .map(|&((subject, attribute), ref items)| {
            let ctx = Ctx {
                roles,
                rules,
                numeric: rules.numeric_for(attribute),
                subject,
                attribute,
                words: &words,
                actions: &actions,
            };
            let mut out = Vec::new();
            ctx.group(items, &mut out);
            out
        })
        .collect();
    // The groups are done with before the findings are joined: at a
    // large run's peak, every byte counts.
    drop(groups);
    drop(actions);
    let mut out: Vec<Finding> = Vec::with_capacity(found.iter().map(Vec::len).sum());
    for f in found {
        out.extend(f.into_iter().filter(|f| rules.enabled(f.rule)));
    }
    // Sorted through their indices, stably: a sort of the findings
    // themselves took a scratch copy of half of them.
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by(|&a, &b| {
        let (Some(a), Some(b)) = (out.get(a), out.get(b)) else {
            return std::cmp::Ordering::Equal;
        };
        (
            a.kind,
            std::cmp::Reverse(a.severity),
            &a.subject,
            &a.attribute,
            &a.claims,
        )
            .cmp(&(
                b.kind,
                std::cmp::Reverse(b.severity),
                &b.subject,
                &b.attribute,
                &b.claims,
            ))
    });
    permute(&mut out, &mut order);
    out
}

/// Puts `items` in `order` (`items[i]` becomes what was `items[order[i]]`)
/// in place, one cycle of the permutation at a time; `order` is left as
/// the identity.
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut at = start;
        while let Some(from) = order.get(at).copied() {
            if let Some(slot) = order.get_mut(at) {
                *slot = at;
            }
            if from == start || from == at {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

struct Ctx<'a> {
    roles: &'a Roles,
    rules: &'a Rules,
    /// Comparison settings for this group's attribute.
    numeric: NumericRules,
    subject: &'a Sym,
    attribute: &'a Sym,
    /// Direction verbs and synonyms, for telling frames apart.
    words: &'a crate::extract::FrameWords,
    /// The actions of action claims by (document, sentence).
    actions: &'a BTreeMap<(usize, crate::span::Span), Vec<&'a Action>>,
}

/// Two values found in conflict (`Ctx::group`), by cluster position.
struct Edge {
    sides: (usize, usize),
    kind: FindingKind,
    rule: RuleId,
    why: String,
    basis: Vec<Basis>,
}

/// A claim with its index in the run's claims (what findings cite).
#[derive(Clone, Copy)]
struct Item<'a> {
    id: usize,
    claim: &'a Claim,
}

/// What one key's sources teach by giving two values themselves
/// (`Ctx::self_evidence`).
#[derive(Default)]
struct SelfEvidence {
    /// Documents whose values under the key nothing tells apart.
    muddled: BTreeSet<usize>,
    /// Pairs of event verbs a document uses for two different values.
    verbs: BTreeSet<(String, String)>,
}

/// Whether some claim of `a` and some claim of `b`, from two documents,
/// stand in one sentence told word for word: one sentence with two figures is a
/// contradiction whatever else either source says (a copy that changed one
/// of the two places an article gives a figure).
fn told_alike(a: &Cluster, b: &Cluster) -> bool {
    a.weighed().any(|x| {
        b.weighed()
            .any(|y| x.claim.doc != y.claim.doc && x.claim.frame.verbatim(&y.claim.frame))
    })
}

/// Claims that state one value: the first one met, which stands for the
/// value, and the others.
struct Cluster<'a> {
    first: Item<'a>,
    rest: Vec<Item<'a>>,
    docs: BTreeSet<usize>,
}

impl<'a> Cluster<'a> {
    fn new(first: Item<'a>) -> Self {
        Cluster {
            first,
            rest: Vec::new(),
            docs: BTreeSet::from([first.claim.doc]),
        }
    }

    fn push(&mut self, item: Item<'a>) {
        self.rest.push(item);
        self.docs.insert(item.claim.doc);
    }

    /// Every claim of the cluster, the first one first.
    fn items(&self) -> impl Iterator<Item = Item<'a>> + '_ {
        std::iter::once(self.first).chain(self.rest.iter().copied())
    }

    /// The claims whose frames are weighed against another cluster's: the
    /// first `WEIGHED_AT_MOST`. A value ten thousand articles give is
    /// aligned on its first claims, not on every pair of claims (that was
    /// quadratic in the articles).
    fn weighed(&self) -> impl Iterator<Item = Item<'a>> + '_ {
        self.items().take(WEIGHED_AT_MOST)
    }
}

impl Ctx<'_> {
    fn group(&self, items: &[Item], out: &mut Vec<Finding>) {
        let clusters = self.cluster(items);
        // Clusters (by position) that are a side of a conflict.
        let mut conflicted = BTreeSet::new();
        let evidence = self.self_evidence(&clusters);
        // Spellings of a name are compared, never counted as agreeing or
        // unsupported: a name is not a claim to back.
        let spelling = items
            .first()
            .is_some_and(|i| matches!(i.claim.value, Value::Name(_)));
        // Dates of no named event likewise: they only show where one
        // sentence was told with two days.
        let told = items
            .first()
            .is_some_and(|i| crate::extract::is_told(&i.claim.attribute));
        let mut edges: Vec<Edge> = Vec::new();
        // Mismatches not plausible on their own (`Ctx::plausible`).
        let mut far: Vec<Edge> = Vec::new();
        for (i, a) in clusters.iter().enumerate() {
            for (j, b) in clusters.iter().enumerate().skip(i + 1) {
                // A source that gives both values shows that both can be
                // right ("11 touchdowns this year, eight since Week 11";
                // "352 rushing yards and 507 yards of offense"): they are
                // two facts, whatever the other sources' frames say.
                // A name spelt two ways is a slip even within one source
                // ("Damein" in one paragraph, "Damien" in the next).
                let within = spelling && !self.roles.draft_mode();
                if !within
                    && (!self.counts(&a.docs, &b.docs)
                        || (!a.docs.is_disjoint(&b.docs) && !told_alike(a, b)))
                {
                    continue;
                }
                let Some((kind, rule, why)) = self.relate(a.first.claim, b.first.claim) else {
                    continue;
                };
                // "Sergei" in one outlet and "Sergey" in another are two
                // house styles of one transliteration ("BuzzFeed" /
                // "Buzzfeed", "Defence" / "Defense" two of one word); one
                // article writing both is still a name spelt two ways.
                if spelling && a.docs.is_disjoint(&b.docs) && self.house_styles(a, b) {
                    continue;
                }
                if rule == RuleId::NumericPrecision && self.far_apart(a.first.claim, b.first.claim)
                {
                    continue;
                }
                // One fact only if some claim of each side, from two
                // sources that do not contradict themselves here, has a
                // frame the other's does not clash with.
                let basis = if spelling {
                    vec![Basis::OneName]
                } else {
                    let Some(basis) = self.aligned(a, b, &evidence) else {
                        continue;
                    };
                    basis
                };
                let edge = Edge {
                    sides: (i, j),
                    kind,
                    rule,
                    why,
                    basis,
                };
                if rule == RuleId::NumericMismatch
                    && !self.plausible(a.first.claim, b.first.claim, &edge.basis)
                {
                    far.push(edge);
                    continue;
                }
                conflicted.insert(i);
                conflicted.insert(j);
                edges.push(edge);
            }
        }
        // Two figures too far apart to be one fact misstated still are when a
        // figure between them is in conflict with both ("5%", "7%" and "9%"
        // for one quarter's growth): the three values are one fact.
        let mut next: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
        for &Edge { sides: (x, y), .. } in
            edges.iter().filter(|e| e.rule == RuleId::NumericMismatch)
        {
            next.entry(x).or_default().insert(y);
            next.entry(y).or_default().insert(x);
        }
        let bridged = |&Edge { sides: (x, y), .. }: &Edge| {
            next.get(&x)
                .zip(next.get(&y))
                .is_some_and(|(p, q)| !p.is_disjoint(q))
        };
        edges.extend(far.into_iter().filter(bridged));
        self.conflicts(&clusters, edges, out);
        // One row per fact: a value in a conflict is shown there, with every
        // source that gives it (the conflict's side), not again as an
        // agreement.
        for (i, c) in clusters.iter().enumerate() {
            if !spelling
                && !told
                && !conflicted.contains(&i)
                && self.counts(&c.docs, &c.docs)
                && c.docs.len() >= 2
            {
                out.push(self.finding(
                    FindingKind::Agreement,
                    RuleId::Agreement,
                    format!("{} sources agree: {}", c.docs.len(), quote(c.first.claim)),
                    &[c],
                ));
            }
        }
        for (i, c) in clusters.iter().enumerate() {
            let draft_ok =
                !self.roles.draft_mode() || c.docs.iter().any(|&d| self.roles.is_draft(d));
            let policy = &self.rules.unsupported;
            let backed = c.docs.len() >= policy.min();
            let checked = policy.checks(self.attribute.trim_end_matches(" forecast"));
            if !conflicted.contains(&i)
                && !told
                && !backed
                && draft_ok
                && checked
                && checkable(c.first.claim)
            {
                let message = if c.docs.len() == 1 {
                    format!("only one source says {}", quote(c.first.claim))
                } else {
                    format!(
                        "only {} sources say {}; the rules ask for {}",
                        c.docs.len(),
                        quote(c.first.claim),
                        policy.min()
                    )
                };
                out.push(self.finding(
                    FindingKind::Unsupported,
                    RuleId::Unsupported,
                    message,
                    &[c],
                ));
            }
        }
    }

    /// One conflict per fact and rule: values in conflict under one rule,
    /// directly or through a value in conflict with both ("6%" against "9%"
    /// and "12%"), are one finding with a side per value, so that a value
    /// is shown once however many others it disagrees with in that way. A
    /// draft's "4.5%" against a source's "4.35%" (a mismatch) and another's
    /// "more than 4%" (a bound) stays two findings: the two sources agree.
    fn conflicts(&self, clusters: &[Cluster], edges: Vec<Edge>, out: &mut Vec<Finding>) {
        let mut by_rule: BTreeMap<RuleId, Vec<Edge>> = BTreeMap::new();
        for e in edges {
            by_rule.entry(e.rule).or_default().push(e);
        }
        for edges in by_rule.into_values() {
            self.facts(clusters, &edges, out);
        }
    }

    /// The findings of one rule's conflicts (`conflicts`).
    fn facts(&self, clusters: &[Cluster], edges: &[Edge], out: &mut Vec<Finding>) {
        let linked: BTreeSet<(usize, usize)> = edges.iter().map(|e| e.sides).collect();
        let pair = |x: usize, y: usize| linked.contains(&(x.min(y), x.max(y)));
        // Facts as sets of values, each pair of which is in conflict under
        // this rule: "at least 60" fits "65" and "60" through its bound, but
        // 65 and 60 do not fit each other, so those are two findings.
        let mut facts: Vec<(BTreeSet<usize>, Vec<&Edge>)> = Vec::new();
        for e in edges {
            let (i, j) = e.sides;
            let home = facts.iter_mut().find(|(members, _)| {
                let (has_i, has_j) = (members.contains(&i), members.contains(&j));
                (has_i && (has_j || members.iter().all(|&m| m == i || pair(m, j))))
                    || (has_j && members.iter().all(|&m| m == j || pair(m, i)))
            });
            match home {
                Some((members, fact)) => {
                    members.insert(i);
                    members.insert(j);
                    fact.push(e);
                }
                None => facts.push((BTreeSet::from([i, j]), vec![e])),
            }
        }
        for (members, fact) in &facts {
            // The first pair's reason speaks for the fact.
            let Some(lead) = fact.first() else {
                continue;
            };
            let sides: Vec<&Cluster> = members.iter().filter_map(|&i| clusters.get(i)).collect();
            let quotes: Vec<String> = sides.iter().map(|c| quote(c.first.claim)).collect();
            let message = format!("{}: {}", quotes.join(" vs "), lead.why);
            let mut f = self.finding(lead.kind, lead.rule, message, &sides);
            for e in fact {
                for b in &e.basis {
                    let b = b.to_string();
                    if !f.same_fact.contains(&b) {
                        f.same_fact.push(b);
                    }
                }
            }
            out.push(f);
        }
    }

    /// What the sources' own values under this key teach. A document that
    /// gives two incompatible values with nothing in their frames to tell
    /// them apart ("two prices in one sentence") is muddled: the key is
    /// under-specified there, so its values are not compared with other
    /// sources'. A document that gives them with two event verbs ("shot
    /// three co-workers, killing two") shows that those verbs name different
    /// facts under this key: figures of other sources told with them are
    /// not compared either.
    ///
    /// A document with more than `OWN_VALUES_AT_MOST` claims under the key
    /// is muddled outright and teaches no verbs: so many figures under one
    /// key are not one fact, and looking at every pair of them would make a
    /// long file quadratic.
    fn self_evidence(&self, clusters: &[Cluster]) -> SelfEvidence {
        let mut out = SelfEvidence::default();
        // Each document's claims under the key, with the cluster of each.
        let mut own: BTreeMap<usize, Vec<(usize, &Claim)>> = BTreeMap::new();
        for (i, c) in clusters.iter().enumerate() {
            for Item { claim, .. } in c.items() {
                own.entry(claim.doc).or_default().push((i, claim));
            }
        }
        for (doc, claims) in own {
            if claims.len() > OWN_VALUES_AT_MOST {
                out.muddled.insert(doc);
                continue;
            }
            // Every pair from two clusters, the earlier cluster's claim first.
            for &(i, cx) in &claims {
                for &(j, cy) in &claims {
                    if i >= j {
                        continue;
                    }
                    // Two values one source gives for one key that are
                    // not the same value, even if compatible through a
                    // bound ("as much as 79%" … "58%").
                    let mismatch = matches!(
                        self.relate(cx, cy),
                        Some((_, RuleId::NumericMismatch | RuleId::NumericPrecision, _))
                    );
                    if !mismatch {
                        continue;
                    }
                    if let Some(pair) = self.verb_pair(cx, cy) {
                        out.verbs.insert(pair);
                    }
                    if self.clash(cx, cy).is_none() {
                        out.muddled.insert(cx.doc);
                    }
                }
            }
        }
        out
    }

    /// The two event verbs of two claims, in order, when they are different
    /// words and neither only gives a direction ("rose", "fell").
    fn verb_pair(&self, x: &Claim, y: &Claim) -> Option<(String, String)> {
        let (a, b) = (x.frame.predicate.as_ref()?, y.frame.predicate.as_ref()?);
        let w = self.words;
        if w.same(a, b) || self.key(x).directional(w, a, b) {
            return None;
        }
        Some(if a <= b {
            (a.to_string(), b.to_string())
        } else {
            (b.to_string(), a.to_string())
        })
    }

    /// Whether two dated claims name the same event: both frames have a
    /// predicate (verbs of saying and other light verbs leave it empty) and
    /// the predicates are one word; or their verbs have one object ("the
    /// recall"); or their sentences announce one action.
    fn same_event(&self, a: &Claim, b: &Claim) -> bool {
        // A crime or court event's date is keyed by the event itself
        // ("date of shooting"), read from the word next to the date.
        // Unless the tree gives each day another verb ("was shot and
        // killed … on April 4" / "was charged with murder on Tuesday").
        if a.attribute == b.attribute && crate::extract::is_crime_date(&a.attribute) {
            return match (&a.frame.predicate, &b.frame.predicate) {
                (Some(x), Some(y)) => self.words.same(x, y),
                _ => true,
            };
        }
        // A date of no named event is one only with a date told in the
        // same words (wire copy, a sentence copied with one day changed).
        if a.attribute == crate::extract::TOLD_DATE || b.attribute == crate::extract::TOLD_DATE {
            return a.frame.same_context(&b.frame);
        }
        // One sentence told word for word is one event, a day of saying
        // too ("DOJ officials said Friday" / "… said Tuesday").
        if a.frame.same_context(&b.frame) {
            return true;
        }
        // "… Japan launched a new spy satellite on Friday" read as North
        // Korea's: a day whose verb has another named actor is that
        // actor's, not the subject's.
        if foreign_actor(a) || foreign_actor(b) {
            return false;
        }
        let (fa, fb) = (&a.frame, &b.frame);
        if let (Some(x), Some(y)) = (&fa.predicate, &fb.predicate) {
            // "approved the procedures Wednesday" / "approved legislation
            // Friday": one verb, two things done.
            let objects_differ = matches!((&fa.object, &fb.object),
                (Some(p), Some(q)) if !self.words.same(p, q));
            return self.words.same(x, y) && !objects_differ;
        }
        // "a court Friday jailed 13 fishermen" / "…, an official said
        // Thursday": the day of an event verb is not the day of telling.
        if fa.predicate.is_some() || fb.predicate.is_some() {
            return false;
        }
        // "announced the recall on Thursday" / "… on Tuesday".
        if let (Some(x), Some(y)) = (&fa.object, &fb.object)
            && self.words.same(x, y)
        {
            return true;
        }
        // "said on Thursday it would eliminate 12,000 positions" and
        // "announced on Wednesday that it will cut 1,200 jobs": dates of
        // saying are one event when what was said is one action.
        let actions = |c: &Claim| -> &[&Action] {
            self.actions
                .get(&(c.doc, c.sentence))
                .map_or(&[], Vec::as_slice)
        };
        // One action whose first key, what is done, is one: not two plans
        // that share a name or two ("spend $1.6 million against Kasich in
        // Indiana" / "Kasich quitting his efforts in Indiana").
        let (xs, ys) = (actions(a), actions(b));
        xs.iter()
            .any(|x| ys.iter().any(|y| x.same_as(y) && x.same_deed(y)))
    }

    /// Why two claims' frames make them different facts, if they do.
    fn clash(&self, x: &Claim, y: &Claim) -> Option<String> {
        if let Some(c) = [x, y].into_iter().find(|c| misplaced(c)) {
            return Some(format!(
                "\"{}\" is placed elsewhere than its subject",
                c.text
            ));
        }
        x.frame.clash(&y.frame, self.words, self.key(x))
    }

    /// Whether claim `x`'s figure needs its frame to name the same event as
    /// the other side's before they are compared: a fallback key's amount,
    /// percentage or count. A "change" is already one event, the movement its
    /// direction verb names ("shares closed down 9.8%" / "closed almost 10%
    /// lower").
    fn needs_anchor(&self, x: &Claim) -> bool {
        let key = self.key(x);
        key.generic && !key.change && matches!(x.value, Value::Quantity(_))
    }

    /// The kind of key claim `x` is compared under.
    fn key(&self, x: &Claim) -> crate::extract::KeyKind {
        crate::extract::KeyKind {
            generic: self.generic(x),
            change: self.attribute.starts_with("change"),
        }
    }

    /// Whether the key of claim `x` is a fallback: the rules did not name
    /// the measure (a count's attribute is its own noun).
    fn generic(&self, x: &Claim) -> bool {
        let base = self
            .attribute
            .split([' ', '('])
            .next()
            .unwrap_or(self.attribute.as_str());
        let counted = matches!(&x.value, Value::Quantity(q)
            if matches!(&q.unit, crate::extract::Unit::Count { noun } if *noun == base));
        counted || matches!(base, "change" | "amount" | "percentage")
    }

    /// The evidence (`Frame::shared`) of the best aligned pair of claims
    /// from two clusters (from different, reportable sources), or `None`
    /// when every such pair clashes, involves a muddled source, or has less
    /// evidence than its key needs (`Ctx::enough`): where the evidence is
    /// weak, stay silent.
    fn aligned(&self, a: &Cluster, b: &Cluster, evidence: &SelfEvidence) -> Option<Vec<Basis>> {
        let mut best: Option<Vec<Basis>> = None;
        // The claims of `b` each document of `a` may be set against, in
        // order: a long file's many claims in both clusters are never paired
        // with each other one by one (that was quadratic in the file).
        let mut partners: BTreeMap<usize, Vec<&Claim>> = BTreeMap::new();
        for Item { claim: cx, .. } in a.weighed() {
            partners.entry(cx.doc).or_insert_with(|| {
                b.weighed()
                    .map(|i| i.claim)
                    .filter(|cy| self.reportable(cx.doc, cy.doc))
                    .collect()
            });
        }
        for Item { claim: cx, .. } in a.weighed() {
            let Some(others) = partners.get(&cx.doc) else {
                continue;
            };
            for &cy in others {
                // Told in the same words, two figures are one fact even
                // where their sources give other values under the key.
                let worded_alike = cx.frame.same_context(&cy.frame);
                // A change is a movement: two figures neither of which is
                // told as one (a candidate's share of the vote, a poll) are
                // no change of anything. One direction word will do
                // ("nosedived 3.4%" / "slid more than 3%").
                let unmoved = self.key(cx).change
                    && matches!(cx.value, Value::Quantity(_))
                    && !(cx.frame.moves(self.words) || cy.frame.moves(self.words));
                if ((cx.attribute == crate::extract::TOLD_TIME || unmoved) && !worded_alike)
                    || self.moved_on(cx, cy)
                    || (!worded_alike
                        && (evidence.muddled.contains(&cx.doc)
                            || evidence.muddled.contains(&cy.doc)))
                    || self
                        .verb_pair(cx, cy)
                        .is_some_and(|p| evidence.verbs.contains(&p))
                    || self.clash(cx, cy).is_some()
                    || (self.needs_anchor(cx)
                        && !cx.frame.anchored(&cy.frame, self.words, self.key(cx)))
                {
                    continue;
                }
                let mut shared = cx.frame.shared(&cy.frame, self.words, self.key(cx));
                if self.attribute == crate::extract::AGE {
                    // Two full names in one group are one person only when
                    // they are spelt alike ("Wang Bingzhang" and "Wang
                    // Youcai" met through "Wang").
                    if !crate::group::same_name(&cx.subject, &cy.subject) {
                        continue;
                    }
                    shared.insert(0, Basis::OnePersonsAge);
                }
                let weight = Basis::total(&shared);
                if weight < self.enough(cx) {
                    continue;
                }
                if best.as_ref().is_none_or(|b| weight > Basis::total(b)) {
                    best = Some(shared);
                }
            }
        }
        best
    }

    /// Whether a mismatch between two aligned figures is one fact told two
    /// ways rather than two facts the frames could not tell apart. Told in
    /// the same words, tied to one named place ("35 miles west of
    /// Philadelphia" / "55 miles west of Philadelphia") or to one time
    /// both state ("fell 2.1% on Tuesday" / "dropped 7.1% on Tuesday"), it
    /// is (no far pair judged wrong on real news had a time in common). A rise
    /// against a fall needs one time as well, or the same figure ("fell
    /// 1.2%" / "rose 1.2%": a slip of the direction word): on real news
    /// such pairs were nearly always two days of a market or two measures.
    /// Otherwise the figures must be near enough, or one slip
    /// of the pen apart (`numeric::slip`), for the discrepancy to be an
    /// error; further apart, stay silent. (A clock time is keyed by its
    /// event, like a date, and weighed as one.)
    fn plausible(&self, x: &Claim, y: &Claim, basis: &[Basis]) -> bool {
        let (Value::Quantity(p), Value::Quantity(q)) = (&x.value, &y.value) else {
            return true;
        };
        let anchored = basis
            .iter()
            .any(|b| matches!(b, Basis::SameWords | Basis::FollowedBy { named: true, .. }));
        if anchored || p.unit == crate::extract::Unit::Clock {
            return true;
        }
        let one_time = basis.iter().any(|b| matches!(b, Basis::Time(_)));
        if numeric::opposed(p, q) {
            return one_time || numeric::same_magnitude(p, q, &self.numeric);
        }
        if one_time {
            return true;
        }
        numeric::slip(p, q)
    }

    /// What the evidence that claim `x` and another are one fact must
    /// weigh (`Basis`). A figure under a key the rules did not name (a
    /// count's own noun, a bare amount or percentage) needs `ENOUGH`: two
    /// slots of the frames agree, or the figures are told in the same words;
    /// one slot is what many figures of one story share ("12 people" still
    /// missing, "102 people" on board). A measure the rules named is itself
    /// one piece, so one slot more will do. A change is one movement of its
    /// subject whatever the words; dates and actions are aligned on their
    /// own terms (`Ctx::same_event`, `Action::firmly_same`). (A named
    /// person's age is one fact on the name alone: `Basis::OnePersonsAge`.)
    fn enough(&self, x: &Claim) -> u32 {
        let key = self.key(x);
        match &x.value {
            // A clock time is keyed by its event and person, like a date.
            Value::Quantity(q) if q.unit == crate::extract::Unit::Clock => 0,
            Value::Quantity(_) if key.change => 0,
            Value::Quantity(_) if key.generic => ENOUGH,
            Value::Quantity(_) => 1,
            Value::Date(_) | Value::Action(_) | Value::Name(_) => 0,
        }
    }

    /// Whether two figures are two moments of a story that moves: their
    /// articles were published on different days, nothing in their frames
    /// ties them to one time, and what they measure can change from one
    /// day to the next (a toll, a count, a share of votes counted; not a
    /// distance or a building's height).
    fn moved_on(&self, x: &Claim, y: &Claim) -> bool {
        let Value::Quantity(q) = &x.value else {
            return false;
        };
        // The time of day an event happened does not move either.
        let fixed = q.unit == crate::extract::Unit::Clock
            || matches!(&q.unit, crate::extract::Unit::Count { noun }
            if FIXED.contains(&noun.to_lowercase().as_str()));
        self.roles.different_days(x.doc, y.doc) && !fixed && !x.frame.same_moment(&y.frame)
    }

    /// Whether two clusters of a name's spellings differ only as outlets'
    /// house styles do, in the word where they differ: as transliterations
    /// (`extract::transliterated`), a brand's capitals
    /// (`extract::capitals_styled`) or British and American spellings
    /// (`extract::styled_alike`).
    fn house_styles(&self, a: &Cluster, b: &Cluster) -> bool {
        match (&a.first.claim.value, &b.first.claim.value) {
            (Value::Name(x), Value::Name(y)) => {
                crate::extract::spelt_variant(&x.written, &y.written).is_some_and(|(u, v)| {
                    let whole = [x.written.as_str(), y.written.as_str()];
                    crate::extract::transliterated(u, v)
                        || crate::extract::romanised(u, v, whole)
                        || crate::extract::capitals_styled(u, v, whole)
                        || crate::extract::styled_alike(u, v)
                })
            }
            _ => false,
        }
    }

    /// Whether a comparison between these document sets should be reported:
    /// different documents, and in draft mode a draft on one side and a source on the other.
    fn counts(&self, a: &BTreeSet<usize>, b: &BTreeSet<usize>) -> bool {
        // Outside draft mode any two different documents may be set
        // against each other: only one and the same document on both
        // sides (or none on one) is not reported.
        if !self.roles.draft_mode() {
            return match (a.len(), b.len()) {
                (0, _) | (_, 0) => false,
                (1, 1) => a.first() != b.first(),
                _ => true,
            };
        }
        a.iter().any(|&x| b.iter().any(|&y| self.reportable(x, y)))
    }

    /// Whether documents `x` and `y` may be set against each other.
    fn reportable(&self, x: usize, y: usize) -> bool {
        x != y && (!self.roles.draft_mode() || self.roles.is_draft(x) != self.roles.is_draft(y))
    }

    fn cluster<'c>(&self, items: &[Item<'c>]) -> Vec<Cluster<'c>> {
        let mut clusters: Vec<Cluster> = Vec::new();
        for &item in items {
            let home = clusters
                .iter_mut()
                .find(|c| self.same(c.first.claim, item.claim));
            match home {
                Some(c) => c.push(item),
                None => clusters.push(Cluster::new(item)),
            }
        }
        clusters
    }

    /// Whether two claims state the same value (and so agree).
    fn same(&self, ca: &Claim, cb: &Claim) -> bool {
        match (&ca.value, &cb.value) {
            (Value::Quantity(x), Value::Quantity(y)) => {
                if x.vague || y.vague {
                    return x.vague && y.vague && x == y;
                }
                numeric::comparable(x, y) && numeric::verdict(x, y, &self.numeric) == Verdict::Same
            }
            (Value::Date(x), Value::Date(y)) => x.agrees(y, None),
            (Value::Action(x), Value::Action(y)) => {
                x.same_as(y) && level(ca.modality) == level(cb.modality)
            }
            (Value::Name(x), Value::Name(y)) => {
                crate::extract::spelt_variant(&x.written, &y.written).is_none()
            }
            _ => false,
        }
    }

    /// Whether two figures are too far apart to be one figure told through a
    /// bound (`numeric::far_apart`).
    fn far_apart(&self, ca: &Claim, cb: &Claim) -> bool {
        matches!((&ca.value, &cb.value),
            (Value::Quantity(x), Value::Quantity(y)) if numeric::far_apart(x, y))
    }

    /// What two different values mean together.
    fn relate(&self, ca: &Claim, cb: &Claim) -> Option<(FindingKind, RuleId, String)> {
        match (&ca.value, &cb.value) {
            (Value::Name(x), Value::Name(y)) => {
                crate::extract::spelt_variant(&x.written, &y.written).map(|(u, v)| {
                    (
                        FindingKind::Conflict,
                        RuleId::NameSpelling,
                        format!("one name spelt two ways (\"{u}\" / \"{v}\")"),
                    )
                })
            }
            (Value::Quantity(x), Value::Quantity(y)) if numeric::comparable(x, y) => {
                match numeric::verdict(x, y, &self.numeric) {
                    Verdict::Same => None,
                    Verdict::Precision(why) => Some((
                        FindingKind::Conflict,
                        RuleId::NumericPrecision,
                        why.to_string(),
                    )),
                    Verdict::Mismatch(why) => {
                        Some((FindingKind::Conflict, RuleId::NumericMismatch, why))
                    }
                }
            }
            // Two dates are of one event only when the tree names the same
            // event for both ("opened on Monday" / "opened on Tuesday"); a
            // date of saying or of an unnamed event ("said Thursday") is
            // never set against another.
            // A date stated as a plan or expectation ("is expected to
            // approve it Thursday") is not set against the day it happened.
            (Value::Date(x), Value::Date(y))
                if self.same_event(ca, cb) && level(ca.modality) == level(cb.modality) =>
            {
                // "Late Saturday night" and "early Sunday" may be one moment.
                if (x.near_midnight || y.near_midnight) && x.next_to(y) {
                    return None;
                }
                // A story of several days tells of several shootings and
                // hearings, and a weekly line ("appeared in Saturday's
                // Times") names a new day each time: articles of different
                // days do not set such dates against each other.
                if (crate::extract::is_crime_date(&ca.attribute)
                    || ca.attribute == crate::extract::TOLD_DATE
                    || ca.frame.same_context(&cb.frame))
                    && self.roles.different_days(ca.doc, cb.doc)
                {
                    return None;
                }
                x.conflict(y, None)
                    .map(|why| (FindingKind::Conflict, RuleId::DateMismatch, why))
            }
            // Only the outlets' own voices can disagree on how firm a plan
            // is: a quotation is the speaker's wording, the same in every
            // outlet that quotes it.
            // And the plan must be unmistakably one: three key words in
            // common, or every key of both ("pay benefits" is not enough).
            // And a plan hedged one day and firm the next is a story that
            // moved, not two outlets that disagree. And a plan under a
            // condition ("if he took the throne") or told with "would" is
            // not weighed at all, nor one told in the same words twice.
            (Value::Action(x), Value::Action(y))
                if x.same_as(y)
                    && x.firmly_same(y)
                    && !ca.quoted
                    && !cb.quoted
                    && ca.modality != Modality::Conditional
                    && cb.modality != Modality::Conditional
                    && !ambiguous_modal(ca)
                    && !ambiguous_modal(cb)
                    && !ca.text.eq_ignore_ascii_case(&cb.text)
                    && !self.roles.different_days(ca.doc, cb.doc) =>
            {
                let (la, lb) = (level(ca.modality), level(cb.modality));
                (la != lb).then(|| {
                    (
                        FindingKind::Conflict,
                        RuleId::ModalityMismatch,
                        format!(
                            "stated as {} in one source, as {} in another",
                            describe(ca.modality),
                            describe(cb.modality)
                        ),
                    )
                })
            }
            _ => None,
        }
    }

    fn finding(
        &self,
        kind: FindingKind,
        rule: RuleId,
        message: String,
        clusters: &[&Cluster],
    ) -> Finding {
        let mut items: Vec<Item> = clusters.iter().flat_map(|c| c.items()).collect();
        items.sort_by_key(|i| (i.claim.doc, i.claim.span));
        Finding {
            kind,
            rule,
            severity: self.rules.severity_of(rule),
            subject: self.subject.clone(),
            attribute: self.attribute.clone(),
            message,
            claims: items.iter().map(|i| i.id).collect(),
            sides: clusters
                .iter()
                .map(|c| c.items().map(|i| i.id).collect())
                .collect(),
            same_fact: Vec::new(),
        }
    }
}

/// Whether a claim's verb has a named actor (`Frame::agent`) that shares
/// no word with the claim's subject or its group: the event is another's.
fn foreign_actor(c: &Claim) -> bool {
    let Some(agent) = c.frame.agent.as_deref() else {
        return false;
    };
    let named = |n: &str| {
        n.split_whitespace()
            .any(|w| agent.split(' ').any(|a| a.eq_ignore_ascii_case(w)))
    };
    !named(&c.subject) && !named(&c.group)
}

/// Whether an action is told with "would", which says nothing of how firm
/// it is: a plan in reported speech ("said he would hold a summit" is "will
/// hold"), a hypothetical ("the deal would prevent an arms race"), or what
/// a bill would do. Such an action is never set against another's modality.
fn ambiguous_modal(c: &Claim) -> bool {
    c.text
        .split_whitespace()
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("would"))
}

/// Whether a claim's value is definite enough to ask other sources for.
fn checkable(c: &Claim) -> bool {
    match &c.value {
        Value::Quantity(q) => !q.vague,
        Value::Date(_) | Value::Action(_) => true,
        Value::Name(_) => false,
    }
}

/// Whether a place's figure names another place ("… in Egypt, and 60
/// per cent in India" read as Egypt's): the figure is not its subject's,
/// so it is compared with nothing.
fn misplaced(c: &Claim) -> bool {
    c.subject_kind == Some(crate::rules::EntityKind::Place)
        && c.frame.place.as_ref().is_some_and(|p| {
            let subject = c.subject.to_lowercase();
            !p.split(' ').any(|w| subject.split(' ').any(|s| s == w))
        })
}

/// A claim's value as its source wrote it, in quotes.
fn quote(c: &Claim) -> String {
    match &c.value {
        Value::Action(a) => format!("\"{}\"", a.phrase),
        _ => format!("\"{}\"", c.text),
    }
}

/// Firm against possible: only a hedge ("may", "could", "is considering")
/// makes an action less than a plan. Attribution alone ("according to
/// Bloomberg", "reportedly") is how an outlet sources a fact, not a doubt
/// about it: on real news, outlets that cite an agency for an announcement
/// the others report plainly state the same plan.
fn level(m: Modality) -> bool {
    m < Modality::Speculative
}

fn describe(m: Modality) -> &'static str {
    match m {
        Modality::Confirmed => "fact",
        Modality::Reported => "a report",
        Modality::Speculative => "a possibility",
        Modality::Conditional => "a condition",
    }
}

#[cfg(test)]
mod permute_tests {
    use super::permute;

    #[test]
    fn permute_puts_each_item_where_the_order_says() {
        let mut items = vec!['a', 'b', 'c', 'd', 'e', 'f'];
        // Two cycles (0 2 4) and (1 5) and a fixed point (3).
        let mut order = vec![2, 5, 4, 3, 0, 1];
        let want: Vec<char> = order.iter().map(|&i| items[i]).collect();
        permute(&mut items, &mut order);
        assert_eq!(items, want);
        assert_eq!(order, vec![0, 1, 2, 3, 4, 5]);
    }
}
