//! Patterns built on the engine under `regex` (`regex_automata::meta`), for
//! the settings `regex::RegexBuilder` does not offer, and what a match of
//! one gives: its groups by number or name, as `regex::Captures` gives them.

use regex_automata::meta;
use regex_automata::util::captures::Captures;

/// Builds `pattern` as `regex::RegexBuilder` would (leftmost-first, UTF-8,
/// a 10 MiB compiled-size limit, a lazy DFA cache of `cache` bytes) but
/// with no prefilter when `prefilter` is false: the literals that open a
/// date or a figure include every digit, so a prefilter would stop at
/// every figure, and finding those literals was much of the build.
/// Matches are the same either way; only the search differs.
pub(crate) fn build(
    pattern: &str,
    cache: usize,
    prefilter: bool,
) -> Result<meta::Regex, Box<meta::BuildError>> {
    meta::Builder::new()
        .configure(
            meta::Config::new()
                .nfa_size_limit(Some(10 << 20))
                .hybrid_cache_capacity(cache)
                .match_kind(regex_automata::MatchKind::LeftmostFirst)
                .utf8_empty(true)
                .auto_prefilter(prefilter),
        )
        .syntax(regex_automata::util::syntax::Config::new().utf8(true))
        .build(pattern)
        .map_err(Box::new)
}

/// A group of a match: where it is, and its text.
#[derive(Clone, Copy)]
pub(crate) struct Group<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Group<'t> {
    pub(crate) fn start(&self) -> usize {
        self.start
    }
    pub(crate) fn end(&self) -> usize {
        self.end
    }
    pub(crate) fn as_str(&self) -> &'t str {
        self.text.get(self.start..self.end).unwrap_or("")
    }
}

/// The groups of a match in `text` (what `regex::Captures` gives).
pub(crate) struct Found<'t> {
    text: &'t str,
    caps: Captures,
}

impl<'t> Found<'t> {
    pub(crate) fn new(text: &'t str, caps: Captures) -> Self {
        Found { text, caps }
    }
    fn group(&self, span: Option<regex_automata::Span>) -> Option<Group<'t>> {
        span.map(|s| Group {
            text: self.text,
            start: s.start,
            end: s.end,
        })
    }
    /// Group `i` (0: the whole match), if it took part.
    pub(crate) fn get(&self, i: usize) -> Option<Group<'t>> {
        self.group(self.caps.get_group(i))
    }
    /// The group named `name`, if it took part.
    pub(crate) fn name(&self, name: &str) -> Option<Group<'t>> {
        self.group(self.caps.get_group_by_name(name))
    }
}
