//! The trained model: tagger, parser, lemmatizer and the relation names,
//! in one versioned binary file. `Model::builtin()` is the file under
//! `models/`, compiled into the binary and decoded on first use.

use super::bytes::Bytes;
use super::bytes::{Reader, Writer};
use super::lemma::Lemmatizer;
use super::parser::Parser;
use super::tagger::Tagger;
use super::weights::Weights;
use super::word::WordKey;
use super::{Deprel, Upos};
use std::borrow::Cow;
use std::sync::OnceLock;

/// The format whose weight and lemma tables are held as written (see
/// `weights` and `lemma`).
const MAGIC: &[u8; 8] = b"XCKNLP02";
/// The first format, whose weight tables were rows to be placed on
/// reading: read only, to convert a model file (`train-nlp --from`).
const MAGIC_V1: &[u8; 8] = b"XCKNLP01";

pub struct Model {
    pub(crate) tagger: Tagger,
    pub(crate) parser: Parser,
    pub(crate) lemmatizer: Lemmatizer,
    pub(crate) labels: Vec<String>,
}

/// One word's analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub upos: Vec<Upos>,
    /// Head of each word (`None`: the root of the sentence).
    pub heads: Vec<Option<usize>>,
    pub deprels: Vec<Deprel>,
    pub lemmas: Vec<String>,
}

static BUILTIN: OnceLock<Result<Model, String>> = OnceLock::new();

impl Model {
    /// The model shipped in `models/en-ud.bin`.
    pub fn builtin() -> Result<&'static Model, &'static str> {
        BUILTIN
            .get_or_init(|| Model::view(include_bytes!("../../models/en-ud.bin")))
            .as_ref()
            .map_err(String::as_str)
    }

    /// Tags, heads, relations and lemmas of a sentence's words.
    pub fn analyse(&self, words: &[&str]) -> Analysis {
        let keys: Vec<WordKey> = words.iter().map(|w| WordKey::new(w)).collect();
        let upos = self.tagger.tag(&keys);
        let (heads, deprels) = self.parser.parse(&keys, &upos);
        let lemmas = words
            .iter()
            .zip(&upos)
            .map(|(w, t)| self.lemmatizer.lemma(w, *t))
            .collect();
        Analysis {
            upos,
            heads,
            deprels,
            lemmas,
        }
    }

    /// The lemma of a tagged word.
    pub fn lemma(&self, word: &str, tag: Upos) -> String {
        self.lemmatizer.lemma(word, tag)
    }

    /// Tags of words already keyed (see `Parse::tagged`).
    pub(crate) fn tag_keys(&self, keys: &[WordKey]) -> Vec<Upos> {
        self.tagger.tag(keys)
    }

    /// Heads and relations of keyed, tagged words (see `Parse::parse_tree`).
    pub(crate) fn parse_keys(
        &self,
        keys: &[WordKey],
        tags: &[Upos],
    ) -> (Vec<Option<usize>>, Vec<Deprel>) {
        self.parser.parse(keys, tags)
    }

    /// The name of a relation ("nsubj", "obl:tmod").
    pub fn label(&self, d: Deprel) -> &str {
        self.labels
            .get(usize::from(d.0))
            .map_or("dep", String::as_str)
    }

    /// The relation called `name`, if the model has it.
    pub fn deprel(&self, name: &str) -> Option<Deprel> {
        self.labels
            .iter()
            .position(|l| l == name)
            .map(|i| Deprel(i as u16))
    }

    /// Feature and weight counts of the tagger and the parser.
    pub fn size(&self) -> [(usize, usize); 2] {
        [self.tagger.weights.size(), self.parser.weights.size()]
    }

    /// The model without the weights smaller than the given magnitudes (in
    /// quantised units) for the tagger and the parser.
    pub fn pruned(&self, tagger: i16, parser: i16) -> Model {
        Model {
            tagger: Tagger {
                weights: self.tagger.weights.prune(tagger),
                dictionary: self.tagger.dictionary.clone(),
            },
            parser: Parser {
                weights: self.parser.weights.prune(parser),
                root: self.parser.root,
            },
            lemmatizer: self.lemmatizer.clone(),
            labels: self.labels.clone(),
        }
    }

    pub fn write(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.0.extend_from_slice(MAGIC);
        w.u32(self.labels.len() as u32);
        for l in &self.labels {
            w.str(l);
        }
        w.u32(self.tagger.dictionary.len() as u32);
        for (k, t) in &self.tagger.dictionary {
            w.u64(*k);
            w.u16(t.index() as u16);
        }
        self.tagger.weights.write(&mut w);
        w.u16(self.parser.root);
        self.parser.weights.write(&mut w);
        self.lemmatizer.write(&mut w);
        w.0
    }

    /// Reads a model file of either format. Its tables are copied, and
    /// every record is checked.
    pub fn read(bytes: &[u8]) -> Result<Model, String> {
        let model = Model::decode(bytes, |b| Cow::Owned(b.to_vec()))?;
        model.tagger.weights.check()?;
        model.parser.weights.check()?;
        model.lemmatizer.check()?;
        Ok(model)
    }

    /// The compiled-in model: its weight tables are views of `bytes`, used
    /// in place (the shape of each is checked, not every record; a test
    /// checks every record of the shipped file).
    fn view(bytes: &'static [u8]) -> Result<Model, String> {
        Model::decode(bytes, Cow::Borrowed)
    }

    fn decode<'a>(bytes: &'a [u8], keep: fn(&'a [u8]) -> Bytes) -> Result<Model, String> {
        let v1 = match bytes.get(..MAGIC.len()) {
            Some(m) if m == MAGIC => false,
            Some(m) if m == MAGIC_V1 => true,
            _ => return Err("not a crosscheck language model (bad magic)".into()),
        };
        let weights = |r: &mut Reader<'a>| match v1 {
            true => Weights::read_v1(r),
            false => Weights::read(r, keep),
        };
        let mut r = Reader::new(bytes.get(MAGIC.len()..).unwrap_or_default());
        let mut labels = Vec::new();
        for _ in 0..r.u32()? {
            labels.push(r.str()?);
        }
        let mut dictionary = std::collections::BTreeMap::new();
        for _ in 0..r.u32()? {
            let k = r.u64()?;
            dictionary.insert(k, Upos::from_index(usize::from(r.u16()?)));
        }
        let tagger = Tagger {
            weights: weights(&mut r)?,
            dictionary,
        };
        let root = r.u16()?;
        let parser = Parser {
            weights: weights(&mut r)?,
            root,
        };
        if parser.weights.classes() != 1 + 2 * labels.len() {
            return Err("parser classes do not match the labels".into());
        }
        let lemmatizer = match v1 {
            true => Lemmatizer::read_v1(&mut r)?,
            false => Lemmatizer::read(&mut r, keep)?,
        };
        if !r.done() {
            return Err("model file has trailing bytes".into());
        }
        Ok(Model {
            tagger,
            parser,
            lemmatizer,
            labels,
        })
    }
}
