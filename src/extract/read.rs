//! Reading one sentence: its figures, the dates of its events and its
//! announced actions become claims. The names of the sentence (with
//! references already resolved), its clauses and the salience of the article
//! so far come in a `Reading`.

use super::syntax::Owner;
use super::*;

/// What the reading of one sentence needs.
#[derive(Clone, Copy)]
pub(super) struct Reading<'a> {
    pub doc_index: usize,
    pub doc: &'a Document,
    pub sentence: Span,
    pub text: &'a str,
    pub lower: &'a str,
    /// Where the vague phrases (`Lexicon::vague_set`) occur in `lower`.
    pub vague: &'a crate::text::PhraseHits<'a>,
    pub base: usize,
    pub mentions: &'a [Mention],
    pub clauses: &'a [Span],
    pub attribution: &'a Option<String>,
    pub dates: &'a [(Span, DateValue)],
    /// The sentence's parse with its tree, computed on first use.
    pub tree: &'a dyn Fn() -> Option<(&'a crate::nlp::Parse, &'a crate::nlp::Model)>,
    pub salience: &'a Salience,
    pub target: &'a Option<(String, Option<EntityKind>)>,
    pub lex: &'a Lexicon,
    pub evidence: &'a Evidence,
    /// Where the modality triggers occur in the sentence, found on first use.
    pub triggers: &'a std::cell::OnceCell<(crate::text::PhraseScan, bool)>,
}

impl Reading<'_> {
    /// How firmly the sentence states what is at `span`, in clause `scope`
    /// (`clause::modality_at`, the sentence searched for triggers once).
    fn modality_at(&self, scope: Span, span: Span) -> Modality {
        let (scan, conditional) = self.triggers.get_or_init(|| {
            (
                self.lex.modality_set.scan(self.lower),
                clause::conditional(self.lower),
            )
        });
        clause::modality_scanned(self.lower, scope, span, (scan, *conditional), self.lex)
    }

    /// A claim read from this sentence, its evidence at `span` (relative to
    /// the sentence).
    pub(super) fn claim(
        &self,
        span: Span,
        (subject, subject_kind): (String, Option<EntityKind>),
        attribute: String,
        value: Value,
        modality: Modality,
    ) -> Claim {
        let quoted = clause::quote_at(self.text, span.start()).is_some();
        let span = span.offset(self.base);
        Claim {
            doc: self.doc_index,
            subject: subject.into(),
            subject_kind,
            group: Default::default(),
            attribute: attribute.into(),
            text: self.doc.text_at(span).as_ref().into(),
            modality,
            value,
            attribution: self.attribution.as_deref().map(Into::into),
            quoted,
            frame: Default::default(),
            span,
            sentence: self.sentence,
        }
    }
}

/// Claims about figures.
pub(super) fn quantities(cx: &Reading) -> Vec<Claim> {
    let Reading {
        text,
        lower,
        base,
        mentions,
        clauses,
        dates,
        salience,
        target,
        lex,
        evidence,
        ..
    } = *cx;
    let mut out = Vec::new();
    // The figures first: most sentences have none, and then nothing below
    // need be made.
    let figures = quantity::find_of(text, lower, cx.vague, lex);
    if figures.is_empty() {
        return out;
    }
    // Every figure's attribute words are read from one search of the
    // sentence.
    let attribute_scan = lex.attribute_set.scan(lower);
    // A figure inside a date or a name ("S&P 500") is not a figure; a name
    // inside a figure's noun phrase ("3 million Brightwell customers") is fine.
    let taken = |sp: Span| {
        let core = number_core(text, sp);
        dates.iter().any(|(d, _)| d.overlaps(core))
            || mentions.iter().any(|m| m.span.overlaps(core.offset(base)))
    };
    // "He scored 31 goals": a personal pronoun points to the last person.
    let he = ["he ", "she "].iter().any(|p| lower.starts_with(p));
    // A name the sentence only cites ("economists at Capital Insight
    // expect …") is its subject only when nothing else could be.
    let uncited: Vec<Mention> = mentions.iter().filter(|m| !m.cited).cloned().collect();
    // Who the sentence is about, leaving out who it cites ("according to
    // the Nationwide Building Society") and who speaks ("…, Nationwide said").
    let actors: Vec<Mention> = uncited
        .iter()
        .filter(|m| !lower.get(m.span.end() - base..).is_some_and(clause::speaks))
        .cloned()
        .collect();
    let subject_of = |rel: usize, span: Span| -> Option<(String, Option<EntityKind>)> {
        // The grammar first: whose the governing clause makes the figure.
        // Except for a figure in parentheses after a name ("AMD (-6.4%)"),
        // which is that name's; and with no name to choose, nothing to
        // parse for.
        let at = number_core(text, span).start();
        let bracketed = text
            .get(..at)
            .unwrap_or("")
            .trim_end_matches(['-', '+', '\u{2212}', '$', '€', '£', ' '])
            .ends_with('(');
        // Parsing pays when there are names to choose between, or one name
        // that may only be speaking.
        let worth_parsing = !bracketed
            && (uncited.len() > 1 || (uncited.len() == 1 && super::syntax::speaks(lower)));
        // "Marco Rubio with 18 percent, Scott Walker with 14 percent", "Acme
        // at $40": a list's figure is the name right before its "with"/"at".
        let pre = text
            .get(..at)
            .unwrap_or("")
            .trim_end_matches(['$', '€', '£', ' ']);
        let rest = match quantity::qualifier_before(pre, pre.len(), lex) {
            Some((_, cut)) => pre.get(..cut).unwrap_or(pre).trim_end(),
            None => pre,
        };
        let listed = ["with", "at"].iter().find_map(|p| {
            let before = rest.strip_suffix(p)?;
            (before.ends_with(' ')).then_some(())?;
            let end = base + before.trim_end().len();
            uncited.iter().find(|m| m.span.end() == end)
        });
        if let Some(m) = listed {
            return Some((m.name.clone(), m.kind));
        }
        let owner = match cx.tree {
            tree if worth_parsing => tree().map_or(Owner::Unknown, |(p, m)| {
                super::syntax::governing_subject(p, m, at, base, &uncited)
            }),
            _ => Owner::Unknown,
        };
        let candidates: Vec<Mention> = match owner {
            Owner::Named(m) => return Some((m.name.clone(), m.kind)),
            // "The agency said 412 people were injured": not the agency's.
            Owner::NotTheSpeaker(speaker) => uncited
                .iter()
                .filter(|m| !speaker.contains(m.span))
                .cloned()
                .collect(),
            Owner::Unknown => uncited.clone(),
        };
        pick_subject(text, base, clauses, &candidates, rel, span)
            .map(|m| (m.name.clone(), m.kind))
            .or_else(|| he.then(|| salience.person.clone()).flatten())
            .or_else(|| salience.last())
            .or_else(|| {
                pick_subject(text, base, clauses, mentions, rel, span)
                    .map(|m| (m.name.clone(), m.kind))
            })
    };
    // The sentence's names, relative to it: never a business segment.
    let names: Vec<Span> = mentions
        .iter()
        .map(|m| Span::new(m.span.start() - base, m.span.end() - base))
        .collect();
    for (span, mut q) in figures {
        if taken(span) {
            continue;
        }
        // A country figure may name no entity at all ("The jobless rate
        // climbed to 3.9 percent"); its subject is settled below.
        let named_here = pick_subject(text, base, clauses, &actors, span.start(), span)
            .is_some_and(|m| m.kind != Some(EntityKind::Place) && !m.possessive);
        let found = subject_of(span.start(), span);
        let (mut subject, mut kind) = found.clone().unwrap_or_default();
        let cl = clause::clause_at(clauses, span.start());
        if q.direction.is_none() && matches!(q.unit, Unit::Percent | Unit::PercentagePoints) {
            q.direction = attribute::direction(lower, cl, span, lex);
        }
        let modality = cx.modality_at(cl, span);
        let mut attr =
            attribute::for_quantity(lower, text, cl, span, &q, (lex, &attribute_scan), &names);
        // "The index nosedived 3.4%": a percentage an eventive verb moves
        // is a change, though the word lists do not know the verb.
        if attr == "percentage"
            && matches!(q.unit, Unit::Percent)
            && let Some((p, m)) = (cx.tree)()
            && super::syntax::moving_verb(p, m, number_core(text, span).start()).is_some()
        {
            attr = "change".into();
        }
        // Inflation, unemployment and growth are a country's: the place
        // named in the sentence, else the last place named.
        // Unless the sentence names who it is about ("the union is
        // demanding a 12% pay rise").
        let measure = [" forecast", " (previous)", " estimate"]
            .iter()
            .fold(attr.as_str(), |m, suffix| trim_all_end(m, suffix));
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
            // A figure is read even when nothing names whose it is ("More
            // than 3 million people watched the stream", "Oil tanker leaks
            // 110,000 barrels"): it is taken to be about the story's main
            // entity, and the evidence its frame needs to meet another
            // (`compare`) keeps it from meeting every figure of the story.
            subject = RUN_MAIN.to_string();
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
            .any(|p| {
                lower
                    .get(span.end()..)
                    .is_some_and(|after| after.trim_start().starts_with(p))
            });
        if kind == Some(EntityKind::Person)
            && per_period
            && matches!(attr.as_str(), "deal value" | "amount")
        {
            attr = "wage".into();
        }
        // In a takeover, the price a share and the premium are the target's.
        let per_share = ["a share", "per share", "premium"]
            .iter()
            .any(|w| crate::text::has_word(cl.slice(lower), w));
        if let Some((name, k)) = &target
            && per_share
            && (attr == "premium" || attr == "price")
        {
            subject = name.clone();
            kind = *k;
        }
        // "tumbled as much as 12% before closing down 9.8%": the day's
        // extreme is not its close.
        let figure = span.slice(lower).to_string();
        if attr == "change" && figure.starts_with("as much as") {
            attr = "intraday change".into();
        }
        // "$3.1 billion including debt": another measure of the same thing.
        if let Some(extra) = lower
            .get(span.end()..cl.end().max(span.end()))
            .and_then(attribute::including)
        {
            attr.push_str(&format!(" including {extra}"));
        }
        // "Porto Azul paid €20m for him in 2023": a figure of a past year.
        if let Some(year) = attribute::past_year(lower, cl, span) {
            attr.push_str(&format!(" ({year})"));
        }
        // "down from an earlier range of …": an old value, not a rival one.
        if attribute::previous(lower, cl, span) {
            attr.push_str(" (previous)");
        }
        // A forecast ("could climb as much as 10%", or a figure under a
        // condition) is compared only with forecasts.
        if modality >= Modality::Speculative {
            attr.push_str(" forecast");
        }
        out.push(cx.claim(span, (subject, kind), attr, Value::Quantity(q), modality));
    }
    out
}

/// Claims about the dates of events.
pub(super) fn dates(cx: &Reading) -> Vec<Claim> {
    let Reading {
        text,
        lower,
        base,
        mentions,
        clauses,
        dates,
        salience,
        lex,
        ..
    } = *cx;
    let mut out = Vec::new();
    if dates.is_empty() {
        return out;
    }
    // A possessive ("The FDA's approval of Slimora on Friday") names whose
    // the event is not.
    let owners: Vec<Mention> = mentions
        .iter()
        .filter(|m| {
            !cx.doc
                .prose
                .get(m.span.end()..)
                .is_some_and(|after| after.starts_with(['\'', '’']))
        })
        .cloned()
        .collect();
    // Who said so on that day is the subject of the date ("Kestrel Pharma
    // said on Friday that …").
    let owner_refs: Vec<&Mention> = owners
        .iter()
        .filter(|m| !m.is_person() && m.kind != Some(EntityKind::Place))
        .collect();
    for (span, d) in dates {
        let cl = clause::clause_at(clauses, span.start());
        // "by 2030" is a target whatever the verb.
        let by_year = d.day.is_none()
            && lower
                .get(..span.start())
                .is_some_and(|before| before.trim_end().ends_with(" by"));
        // A shooting, a death, an arrest, a charge, an arraignment, a
        // sentencing or a plea: its date is read from the tree (the word
        // the date hangs from).
        let crime = (!by_year && attribute::mentions_crime(lower, cl))
            .then(|| (cx.tree)())
            .flatten()
            .and_then(|(p, _)| attribute::crime(p, *span));
        // Where no person owns it, it is still a date told: it meets one
        // told in the same words.
        if let Some(claim) = crime.and_then(|crime| crime_date(cx, crime, *span, d, cl)) {
            out.push(claim);
            continue;
        }
        let event = if by_year {
            Some("target")
        } else {
            attribute::event(lower, cl, *span, lex)
        };
        // A date of no event the words name ("On Tuesday, Mr. Perry
        // signaled …") is still a claim: it meets another only where the
        // two are told in the same words (`compare`).
        let attribute = event.map_or_else(|| TOLD_DATE.to_string(), |e| format!("date of {e}"));
        // The date of an event belongs to the name nearest before it; with
        // no name in the sentence at all, to the salient entity.
        let subject = pick_among(text, base, clauses, &owner_refs, span.start(), *span, true)
            .or_else(|| pick_subject(text, base, clauses, &owners, span.start(), *span))
            .or_else(|| pick_subject(text, base, clauses, mentions, span.start(), *span))
            .map(|m| (m.name.clone(), m.kind))
            .or_else(|| mentions.is_empty().then(|| salience.last()).flatten())
            // A date told in the same words elsewhere meets it whoever it
            // is about.
            .or_else(|| event.is_none().then(|| (RUN_MAIN.to_string(), None)));
        let Some((subject, kind)) = subject else {
            continue;
        };
        out.push(cx.claim(
            *span,
            (subject, kind),
            attribute,
            Value::Date(d.clone()),
            cx.modality_at(cl, *span),
        ));
    }
    out
}

/// The claim of a crime or court event's date (`attribute::crime`): the
/// person the sentence names nearest the date ("Kadeem Torres … was shot
/// and killed by police Thursday") is its owner. A story tells of other
/// shootings, attacks and arrests: a date with no person named (a place, an
/// army) gives no claim, nor does a dateline or, in a dated article, a day
/// outside the weeks before publication.
fn crime_date(cx: &Reading, crime: &str, span: Span, d: &DateValue, clause: Span) -> Option<Claim> {
    let (text, lower) = (cx.text, cx.lower);
    // "June 17, 2013 - Houston police are investigating …": a dateline
    // dates the page, not the event.
    let dateline = span.start() == 0
        && text
            .get(span.end()..)
            .is_some_and(|after| after.trim_start().starts_with(['-', '–', '—']));
    if dateline {
        return None;
    }
    let mut d = d.clone();
    d.near_midnight = attribute::near_midnight(lower, clause, span);
    if let Some(day) = cx.doc.published {
        d.assume_year(day.year, day.month);
        // An earlier date is another event (a shooting two years before,
        // a victim of another summer); a later one a plan ("whose birthday
        // would have been June 13").
        if !d.recent(day.year, day.month, day.day) {
            return None;
        }
    }
    let who = nearest_person(cx, span)?;
    Some(cx.claim(
        span,
        (who.name.clone(), who.kind),
        format!("date of {crime}"),
        Value::Date(d),
        cx.modality_at(clause, span),
    ))
}

/// The person named nearest to `span` (sentence-relative) in its sentence:
/// whose shooting, arrest or death a date or time is.
fn nearest_person<'m>(cx: &Reading<'m>, span: Span) -> Option<&'m Mention> {
    let at = cx.base + span.start();
    cx.mentions
        .iter()
        .filter(|m| m.is_person())
        .min_by_key(|m| {
            if m.span.end() <= at {
                at - m.span.end()
            } else {
                m.span.start().saturating_sub(at + span.len())
            }
        })
}

/// Words that name the story's own incident as the subject of its
/// happening: "The shooting happened around 1:54 a.m.", "The fatal
/// shooting occurred …", "Gunfire broke out at 3:50 a.m." ("another
/// shooting happened", "a man was shot at 4 a.m." name other events).
const INCIDENTS: &[&str] = &["shooting", "incident", "attack", "stabbing"];
const HAPPENED: &[&str] = &["happened", "occurred", "took place", "was reported"];
const BROKE_OUT: &[&str] = &["gunfire broke out", "gunfire erupted", "shots rang out"];

/// Whether clause `lower` says when the story's own incident happened
/// (`INCIDENTS`).
fn the_incident_happened(lower: &str) -> bool {
    if BROKE_OUT.iter().any(|p| lower.contains(p)) {
        return true;
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(k, w)| {
        if !INCIDENTS.contains(w) {
            return false;
        }
        // "the shooting", "the fatal shooting".
        let the = (1..=2).any(|back| {
            k.checked_sub(back)
                .and_then(|b| words.get(b))
                .is_some_and(|w| *w == "the")
        });
        let rest = words.get(k + 1..).unwrap_or(&[]).join(" ");
        the && HAPPENED.iter().any(|h| rest.starts_with(h))
    })
}

/// Claims about the clock time of a crime or court event ("shot around
/// 1:54 a.m."): the event read from the tree as for its date, the time the
/// nearest named person's (`nearest_person`), or, where the clause says
/// when the story's incident happened (`the_incident_happened`), the
/// story's. Any other time (another shooting of a city's weekend, the hour
/// the hunters stopped, a time of telling) is only a time told
/// (`TOLD_TIME`).
pub(super) fn clock_times(cx: &Reading) -> Vec<Claim> {
    let (text, lower) = (cx.text, cx.lower);
    let mut out = Vec::new();
    for (span, q) in super::clock::find(text) {
        let cl = clause::clause_at(cx.clauses, span.start());
        let crime = attribute::mentions_crime(lower, cl)
            .then(|| (cx.tree)())
            .flatten()
            .and_then(|(p, _)| attribute::crime(p, span));
        // Any other time is still a time told: it meets one told in the
        // same words (a wire sentence copied with another time).
        let owner = crime.and_then(|crime| match nearest_person(cx, span) {
            Some(m) => Some(((m.name.clone(), m.kind), format!("time of {crime}"))),
            None if the_incident_happened(cl.slice(lower)) => {
                Some(((RUN_MAIN.to_string(), None), format!("time of {crime}")))
            }
            None => None,
        });
        // A line with no verb ("AP Top News at 6 p.m. EST", a page's
        // "THURSDAY, APRIL 11, 2013, 9:53 PM") tells no event's time.
        let told = || {
            (cx.tree)()
                .is_some_and(|(p, _)| p.words.iter().any(|w| w.upos == crate::nlp::Upos::Verb))
        };
        let (who, attribute) = match owner {
            Some(owned) => owned,
            None if told() => ((RUN_MAIN.to_string(), None), TOLD_TIME.to_string()),
            None => continue,
        };
        out.push(cx.claim(
            span,
            who,
            attribute,
            Value::Quantity(q),
            cx.modality_at(cl, span),
        ));
    }
    out
}

/// Claims about announced actions.
pub(super) fn actions(cx: &Reading) -> Vec<Claim> {
    let Reading {
        text,
        lower,
        base,
        mentions,
        clauses,
        salience,
        lex,
        ..
    } = *cx;
    let mut out = Vec::new();
    for cl in clauses {
        let Some((span, mut act)) = action::find(lower, *cl, lex) else {
            continue;
        };
        // The phrase as written (the search ran on folded case; offsets agree).
        act.phrase = act.phrase_span.slice(text).trim().into();
        // "It will close 45 stores": a pronoun points to the salient
        // entity; "Hackers may have stolen …" names no entity at all.
        let before = lower.get(cl.start()..span.start()).unwrap_or("").trim_end();
        let pronoun = ["it", "they", "he", "she", "we"].iter().any(|p| {
            before == *p
                || before
                    .strip_suffix(p)
                    .is_some_and(|rest| rest.ends_with(' '))
        });
        // The mentions are in text order: those before the cue are a prefix.
        let before_cue = mentions
            .get(..mentions.partition_point(|m| m.span.start() < span.start() + base))
            .unwrap_or_default();
        let subject = pick_subject(text, base, clauses, before_cue, span.start(), span)
            .map(|m| (m.name.clone(), m.kind))
            .or_else(|| pronoun.then(|| salience.last()).flatten());
        let Some((subject, kind)) = subject else {
            continue;
        };
        if kind == Some(EntityKind::Index) {
            continue;
        }
        out.push(cx.claim(
            span,
            (subject, kind),
            "action".into(),
            Value::Action(act),
            cx.modality_at(*cl, span),
        ));
    }
    out
}

/// `s.trim_end_matches(suffix)` for a text suffix, without building a
/// substring searcher (this runs for every figure read).
fn trim_all_end<'a>(mut s: &'a str, suffix: &str) -> &'a str {
    while let Some(rest) = s.strip_suffix(suffix) {
        s = rest;
    }
    s
}

#[cfg(test)]
mod tests {
    use crate::ingest::{Document, Format, Role};
    use crate::rules::Rules;

    fn subjects(text: &str) -> Vec<(String, String)> {
        let rules = Rules::defaults();
        let doc = Document::from_text("t.txt", text.into(), Format::Text, Role::Source, &rules)
            .expect("ingest");
        crate::pipeline::claims(&[doc], &rules)
            .into_iter()
            .map(|c| (c.text.into(), c.subject.into()))
            .collect()
    }

    #[test]
    fn a_list_gives_each_figure_to_the_name_before_it() {
        let got = subjects(
            "Acme Corp. leads the poll. Behind it are Florida Sen. Marco Rubio with 18 percent, \
             Wisconsin Gov. Scott Walker with about 14 percent and Rand Paul at 11 percent.",
        );
        assert_eq!(
            got,
            [
                ("18 percent".to_string(), "Marco Rubio".to_string()),
                ("about 14 percent".to_string(), "Scott Walker".to_string()),
                ("11 percent".to_string(), "Rand Paul".to_string())
            ]
        );
    }

    #[test]
    fn a_cited_source_is_not_the_subject() {
        let got = subjects(
            "Shares of Acme Corp. rose 4% on Monday. \
             Analysts at Brightwell Bank expect the stock to climb 10% next year.",
        );
        assert_eq!(
            got,
            [
                ("4%".to_string(), "Acme Corp.".to_string()),
                ("Monday".to_string(), "Acme Corp.".to_string()),
                ("10%".to_string(), "Acme Corp.".to_string())
            ]
        );
        // With nothing else named, the cited name is all there is.
        let got = subjects("Analysts at Brightwell Bank expect sales to rise 10% next year.");
        assert_eq!(got, [("10%".to_string(), "Brightwell Bank".to_string())]);
    }
}
