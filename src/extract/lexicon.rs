//! The word lists of the rules, compiled once into lookups the extractors use.

use crate::rules::{EntityKind, Rules, UnitKind};
use crate::text::{PhraseGroup, PhraseHits, PhraseSet};

/// A claim's modality: how firmly its source states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Confirmed,
    Reported,
    Speculative,
    /// Stated under a condition ("if he took the throne, he would …",
    /// "unless you hear otherwise, he will …"): neither a plan nor doubt
    /// about one, so never set against another modality.
    Conditional,
}

pub(crate) struct Lexicon {
    /// (phrase, level), longest phrases first.
    pub modality: Vec<(Phrase, Modality)>,
    /// The modality phrases, searched for in one pass (by index in `modality`).
    pub modality_set: PhraseSet,
    pub up: crate::text::QuickSet<String>,
    pub down: crate::text::QuickSet<String>,
    /// (phrase words, qualifier), longest first.
    pub qualifiers: Vec<(Phrase, super::quantity::Qualifier)>,
    pub vague: Vec<Phrase>,
    /// The vague phrases, searched for in one pass (by index in `vague`).
    pub vague_set: PhraseSet,
    pub attributes: Vec<(String, Vec<Phrase>, Vec<UnitKind>)>,
    /// Every attribute's phrases, attribute by attribute, searched for in
    /// one pass; `attribute_of` holds where each is in `attributes`
    /// (attribute, phrase).
    pub attribute_set: PhraseSet,
    pub attribute_of: Vec<(usize, usize)>,
    pub synonyms: crate::text::QuickMap<String, String>,
    pub references: Vec<(Phrase, EntityKind)>,
    /// The reference phrases, searched for in one pass (by index in `references`).
    pub reference_set: PhraseSet,
    /// The words after "the" of each reference phrase that opens with it
    /// ("tech giant" of "the tech giant"), by index in `references`; their
    /// whole-word occurrences are where a reference with describing words
    /// inside may end ("the Dutch tech giant").
    pub reference_tails: PhraseSet,
    pub not_entities: crate::text::WordSet,
    /// Known names (aliases, tickers, canonical names) → entity kind.
    pub known: Vec<(String, Option<EntityKind>)>,
    /// The known names as written, searched for in one pass (by index in `known`).
    pub known_set: PhraseSet,
    /// The sets every sentence's folded text is searched for, one pass for
    /// them all: `reference_set`, `reference_tails`, `vague_set`, then the
    /// subordinators, the words of saying and the deal verbs (`Folded`).
    sentence_sets: PhraseGroup,
}

/// A sentence folded to lower case (`fold_case`), and where the phrases
/// that several readings of it look for occur in it: the sentence is
/// searched once for them all. Each field holds what its set's `find`
/// finds in `lower`.
pub(crate) struct Folded<'a> {
    pub lower: &'a str,
    /// `Lexicon::reference_set`.
    pub references: PhraseHits<'a>,
    /// `Lexicon::reference_tails`.
    pub reference_tails: PhraseHits<'a>,
    /// `Lexicon::vague_set`.
    pub vague: PhraseHits<'a>,
    /// `clause::SUBORDINATOR_SET`.
    pub subordinators: PhraseHits<'a>,
    /// `clause::SPEECH_SET`.
    pub speech: PhraseHits<'a>,
    /// `subject::DEAL_VERB_SET`.
    pub deal_verbs: PhraseHits<'a>,
}

impl<'a> Folded<'a> {
    /// The phrases of `lower` (a sentence in folded case).
    pub fn of(lower: &'a str, lex: &'a Lexicon) -> Folded<'a> {
        // By their places in `sentence_sets`.
        let mut hits = lex.sentence_sets.find(lower);
        Folded {
            lower,
            references: hits.of(0, &lex.reference_set),
            reference_tails: hits.of(1, &lex.reference_tails),
            vague: hits.of(2, &lex.vague_set),
            subordinators: hits.of(3, &super::clause::SUBORDINATOR_SET),
            speech: hits.of(4, &super::clause::SPEECH_SET),
            deal_verbs: hits.of(5, &super::subject::DEAL_VERB_SET),
        }
    }
}

/// A phrase of the rules in lower case: its words, and the words joined by
/// single spaces as searched for in text (joined once, not per sentence).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Phrase {
    pub words: Vec<String>,
    pub text: String,
}

impl std::ops::Deref for Phrase {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.words
    }
}

pub(crate) fn words(phrase: &str) -> Phrase {
    let words: Vec<String> = phrase
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect();
    Phrase {
        text: words.join(" "),
        words,
    }
}

/// Each synonym of the rules with its group's head (the group's first
/// word), lower case, in the rules' order.
pub(crate) fn synonyms(rules: &Rules) -> impl Iterator<Item = (String, String)> + '_ {
    rules.synonyms.iter().flat_map(|group| {
        let head = group.first().map(|h| h.to_lowercase());
        group
            .iter()
            .filter_map(move |w| Some((w.to_lowercase(), head.clone()?)))
    })
}

impl Lexicon {
    pub fn new(rules: &Rules) -> Lexicon {
        use super::quantity::Qualifier;
        let mut modality = Vec::new();
        for (list, level) in [
            (&rules.modality.confirmed, Modality::Confirmed),
            (&rules.modality.reported, Modality::Reported),
            (&rules.modality.speculative, Modality::Speculative),
        ] {
            modality.extend(list.iter().map(|p| (words(p), level)));
        }
        modality.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let modality_set = PhraseSet::new(modality.iter().map(|(p, _)| p.text.as_str()));
        let mut qualifiers = Vec::new();
        let q = &rules.qualifiers;
        for (list, qual) in [
            (&q.approximately, Qualifier::About),
            (&q.nearly, Qualifier::Nearly),
            (&q.more_than, Qualifier::MoreThan),
            (&q.less_than, Qualifier::LessThan),
        ] {
            qualifiers.extend(list.iter().map(|p| (words(p), qual)));
        }
        qualifiers.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let synonyms = synonyms(rules).collect();
        let mut known = Vec::new();
        for e in &rules.entities {
            known.push((e.name.clone(), e.kind));
            known.extend(e.aliases.iter().map(|a| (a.clone(), e.kind)));
            known.extend(e.ticker.iter().map(|t| (t.clone(), e.kind)));
        }
        known.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        let known_set = PhraseSet::new(known.iter().map(|(n, _)| n.as_str()));
        let references: Vec<(Phrase, EntityKind)> = rules
            .references
            .iter()
            .map(|r| (words(&r.phrase), r.kind))
            .collect();
        let reference_set = PhraseSet::new(references.iter().map(|(p, _)| p.text.as_str()));
        let reference_tails = PhraseSet::new(references.iter().map(|(p, _)| match &p.words[..] {
            [article, rest @ ..] if !rest.is_empty() && article == "the" => rest.join(" "),
            _ => String::new(),
        }));
        let vague: Vec<Phrase> = q.vague.iter().map(|p| words(p)).collect();
        let vague_set = PhraseSet::new(vague.iter().map(|p| p.text.as_str()));
        let attributes: Vec<(String, Vec<Phrase>, Vec<UnitKind>)> = rules
            .attributes
            .iter()
            .map(|a| {
                (
                    a.name.clone(),
                    a.words.iter().map(|w| words(w)).collect(),
                    a.units.clone(),
                )
            })
            .collect();
        let attribute_set = PhraseSet::new(
            attributes
                .iter()
                .flat_map(|(_, phrases, _)| phrases.iter().map(|p| p.text.as_str())),
        );
        let attribute_of = attributes
            .iter()
            .enumerate()
            .flat_map(|(i, (_, phrases, _))| (0..phrases.len()).map(move |j| (i, j)))
            .collect();
        let sentence_sets = PhraseGroup::new(&[
            &reference_set,
            &reference_tails,
            &vague_set,
            &super::clause::SUBORDINATOR_SET,
            &super::clause::SPEECH_SET,
            &super::subject::DEAL_VERB_SET,
        ]);
        Lexicon {
            modality,
            modality_set,
            up: rules
                .directions
                .up
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            down: rules
                .directions
                .down
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            qualifiers,
            vague,
            vague_set,
            attributes,
            attribute_set,
            attribute_of,
            synonyms,
            references,
            reference_set,
            reference_tails,
            not_entities: rules.not_entities.iter().cloned().collect(),
            known,
            known_set,
            sentence_sets,
        }
    }
}
