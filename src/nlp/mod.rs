//! NLP: the reading of a sentence. Tokens as the treebanks cut them, a
//! universal part-of-speech tag and a lemma for each, and a labelled
//! dependency tree, from weights trained on Universal Dependencies English
//! (see `models/NOTICE`).
//!
//! In: a sentence's text. Out: a `Parse` whose tokens carry byte spans into
//! that text. Never: downloads anything, or panics on any text (an
//! unusable model is an error the caller can fall back from).

mod bytes;
pub mod conllu;
mod hash;
mod lemma;
mod model;
mod parser;
mod perceptron;
mod tagger;
mod tags;
mod tokenize;
pub mod train;
mod weights;
mod word;

pub use conllu::{GoldSentence, GoldWord};
pub use model::{Analysis, Model};
pub use tags::{Deprel, Upos};
pub use tokenize::tokenize;

use crate::span::Span;

/// One token of a parsed sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// Byte span in the text that was parsed.
    pub span: Span,
    pub upos: Upos,
    pub lemma: String,
    /// Index of the head token; `None` for the root.
    pub head: Option<usize>,
    pub deprel: Deprel,
}

/// A sentence as the model read it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parse {
    pub words: Vec<Word>,
    parsed: bool,
    /// What the tagger saw of each word, kept for the parser.
    keys: Vec<word::WordKey>,
}

impl Parse {
    /// Tokenises, tags and parses `text`.
    pub fn of(model: &Model, text: &str) -> Parse {
        let mut p = Parse::tagged(model, text);
        p.parse_tree(model);
        p
    }

    /// Tokens, tags and lemmas only (no tree: every head is `None`). Cheap
    /// enough for every sentence.
    pub fn tagged(model: &Model, text: &str) -> Parse {
        let spans = tokenize(text);
        let keys: Vec<word::WordKey> = spans
            .iter()
            .map(|s| word::WordKey::new(s.slice(text)))
            .collect();
        let mut tags = model.tag_keys(&keys);
        plural_before_past(&mut tags, &spans, text);
        let words = spans
            .into_iter()
            .zip(tags)
            .map(|(span, upos)| Word {
                span,
                upos,
                lemma: model.lemma(span.slice(text), upos),
                head: None,
                deprel: Deprel(0),
            })
            .collect();
        Parse {
            words,
            parsed: false,
            keys,
        }
    }

    /// Adds the tree to a tagged sentence.
    pub fn parse_tree(&mut self, model: &Model) {
        if self.parsed {
            return;
        }
        let tags: Vec<Upos> = self.words.iter().map(|w| w.upos).collect();
        let (heads, deprels) = model.parse_keys(&self.keys, &tags);
        for ((w, h), d) in self.words.iter_mut().zip(heads).zip(deprels) {
            w.head = h;
            w.deprel = d;
        }
        self.parsed = true;
        // Only the parser reads the keys: a kept tree need not carry them.
        self.keys = Vec::new();
    }

    /// Whether the tree has been computed.
    pub fn is_parsed(&self) -> bool {
        self.parsed
    }

    /// Word `i` and every word below it, as one span.
    pub fn subtree_span(&self, i: usize) -> Span {
        let mut lo = i;
        let mut hi = i;
        for k in 0..self.words.len() {
            if self.dominates(i, k) {
                lo = lo.min(k);
                hi = hi.max(k);
            }
        }
        match (self.words.get(lo), self.words.get(hi)) {
            (Some(a), Some(b)) => Span::new(a.span.start(), b.span.end()),
            _ => Span::new(0, 0),
        }
    }

    /// Whether `a` is `b` or one of its ancestors.
    pub fn dominates(&self, a: usize, b: usize) -> bool {
        let mut cur = Some(b);
        // A tree has no cycles; the bound guards a malformed one.
        for _ in 0..=self.words.len() {
            match cur {
                Some(c) if c == a => return true,
                Some(c) => cur = self.words.get(c).and_then(|w| w.head),
                None => return false,
            }
        }
        false
    }

    /// The dependents of word `i`, in order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.words
            .iter()
            .enumerate()
            .filter(move |(_, w)| w.head == Some(i))
            .map(|(k, _)| k)
    }

    /// The token whose span contains byte `offset`.
    pub fn word_at(&self, offset: usize) -> Option<usize> {
        self.words
            .iter()
            .position(|w| w.span.start() <= offset && offset < w.span.end())
    }
}

/// Past forms that follow a plural subject in "Acme shares rose", which
/// the tagger can read as two verbs in a row.
const PAST: &[&str] = &[
    "rose", "fell", "grew", "sank", "slid", "shrank", "dipped", "slipped", "sprang", "hit", "led",
];

/// "Acme shares rose 3%", "Meta sales jumped": after a name, a word in -s
/// tagged as a verb and followed by a past-tense verb is a plural noun (two
/// finite verbs cannot follow each other); the tagger, trained on few such
/// headlines, reads it as "shares" the verb.
fn plural_before_past(tags: &mut [Upos], spans: &[crate::span::Span], text: &str) {
    for i in 1..tags.len() {
        let word = |k: usize| spans.get(k).map_or("", |s| s.slice(text));
        let (w, next) = (word(i), word(i + 1).to_ascii_lowercase());
        let past = next.ends_with("ed") || PAST.contains(&next.as_str());
        if tags.get(i - 1) == Some(&Upos::Propn)
            && tags.get(i) == Some(&Upos::Verb)
            && tags.get(i + 1) == Some(&Upos::Verb)
            && w.ends_with('s')
            && !w.ends_with("ss")
            && w.chars().next().is_some_and(char::is_lowercase)
            && past
            && let Some(t) = tags.get_mut(i)
        {
            *t = Upos::Noun;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plural_subject_before_a_past_verb_is_a_noun() {
        let model = Model::builtin().unwrap();
        let tags = |t: &str| -> Vec<Upos> {
            Parse::tagged(model, t)
                .words
                .iter()
                .map(|w| w.upos)
                .collect()
        };
        assert_eq!(tags("Acme shares rose 3%.").get(1), Some(&Upos::Noun));
        // A verb in -s stays a verb where a verb can stand.
        assert_eq!(tags("Acme says revenue rose 3%.").get(1), Some(&Upos::Verb));
    }
}
