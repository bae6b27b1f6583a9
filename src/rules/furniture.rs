//! The furniture lists made ready for matching, once per run rather than
//! once per block: patterns compiled, phrases and markers lower-cased, the
//! phrases in one automaton.

use super::model::{FurnitureRules, compile_pattern};
use crate::text::Automaton;
use std::sync::Arc;

/// `FurnitureRules` ready to match against a block's lower-cased text.
#[derive(Debug)]
pub struct FurnitureMatcher {
    /// The patterns that compile (validation has reported the others).
    pub patterns: Vec<regex::Regex>,
    /// The phrases, lower-cased, as substrings (`None`: no phrase).
    phrases: Automaton,
    /// Some phrase is empty once lower-cased: it is in every block.
    empty_phrase: bool,
    /// Lower-cased comment markers.
    pub comment_markers: Vec<String>,
    /// Lower-cased metadata prefixes.
    pub metadata_prefixes: Vec<String>,
    /// Widget words in ASCII lower case.
    widget_words: crate::text::QuickSet<String>,
}

impl FurnitureMatcher {
    fn new(rules: &FurnitureRules) -> FurnitureMatcher {
        let lower =
            |list: &[String]| -> Vec<String> { list.iter().map(|p| p.to_lowercase()).collect() };
        let phrases = lower(&rules.phrases);
        FurnitureMatcher {
            patterns: rules
                .patterns
                .iter()
                .filter_map(|p| compile_pattern(p).ok())
                .collect(),
            empty_phrase: phrases.iter().any(String::is_empty),
            phrases: Automaton::new(phrases, None),
            comment_markers: lower(&rules.comment_markers),
            metadata_prefixes: lower(&rules.metadata_prefixes),
            widget_words: rules
                .widget_words
                .iter()
                .map(|w| w.to_ascii_lowercase())
                .collect(),
        }
    }

    /// Whether a lower-cased text holds one of the phrases (lower-cased).
    pub fn has_phrase(&self, lower: &str) -> bool {
        self.empty_phrase || self.phrases.get().is_some_and(|ac| ac.is_match(lower))
    }

    /// Whether `word` is a widget word, ignoring ASCII case.
    pub fn is_widget_word(&self, word: &str) -> bool {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            self.widget_words.contains(&word.to_ascii_lowercase())
        } else {
            self.widget_words.contains(word)
        }
    }
}

/// The lists a matcher was built from.
type Source = [Vec<String>; 5];

fn source(rules: &FurnitureRules) -> Source {
    [
        rules.patterns.clone(),
        rules.phrases.clone(),
        rules.comment_markers.clone(),
        rules.metadata_prefixes.clone(),
        rules.widget_words.clone(),
    ]
}

/// A matcher cached with the lists it was built from (a merge may change them).
#[derive(Debug, Clone, Default)]
pub(super) struct Cache(std::sync::OnceLock<(Source, Arc<FurnitureMatcher>)>);

impl FurnitureRules {
    /// The lists ready for matching, built on first use.
    pub fn matcher(&self) -> Arc<FurnitureMatcher> {
        let (from, built) = self
            .cache
            .0
            .get_or_init(|| (source(self), Arc::new(FurnitureMatcher::new(self))));
        let same = from[0] == self.patterns
            && from[1] == self.phrases
            && from[2] == self.comment_markers
            && from[3] == self.metadata_prefixes
            && from[4] == self.widget_words;
        if same {
            Arc::clone(built)
        } else {
            Arc::new(FurnitureMatcher::new(self))
        }
    }
}
