//! Word-level search over sentence text: whole-word occurrences of a phrase
//! and the words of a stretch with their offsets.

/// Byte offsets of every whole-word occurrence of `needle` in `hay` (a word
/// boundary is any character that is not a letter or digit).
pub fn find_words(hay: &str, needle: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = next_word(hay, needle, from) {
        out.push(at);
        from = at + 1;
    }
    out
}

/// The first of `find_words(hay, needle)`, without finding the others.
pub fn find_word(hay: &str, needle: &str) -> Option<usize> {
    next_word(hay, needle, 0)
}

/// Whether `needle` occurs in `hay` as whole words.
pub fn has_word(hay: &str, needle: &str) -> bool {
    next_word(hay, needle, 0).is_some()
}

/// The first whole-word occurrence of `needle` in `hay` at or after byte
/// `from`. Haystacks are sentences and needles a few words, so a searcher
/// built per call (as `str::find` builds) costs more than it saves; a SIMD
/// scan for the needle's first byte finds the candidates. That byte starts
/// a character, so a match never begins inside one.
fn next_word(hay: &str, needle: &str, mut from: usize) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let &first = n.first()?;
    while let Some(k) = h.get(from..).and_then(|rest| memchr::memchr(first, rest)) {
        let at = from + k;
        let end = at + n.len();
        if h.get(at..end)? == n {
            let before = hay.get(..at).and_then(|b| b.chars().next_back());
            let after = hay.get(end..).and_then(|a| a.chars().next());
            if before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
            {
                return Some(at);
            }
        }
        from = at + 1;
    }
    None
}

/// Whether `hay[at..end]` stands as whole words: no letter or digit touches
/// it on either side.
fn bounded(hay: &str, at: usize, end: usize) -> bool {
    let before = hay.get(..at).and_then(|b| b.chars().next_back());
    let after = hay.get(end..).and_then(|a| a.chars().next());
    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
}

/// Searches an `Automaton` serves from its quick-to-build form before it
/// builds the one asked for.
const SEARCHES_BEFORE_FINAL: usize = 256;

/// An Aho-Corasick automaton over fixed phrases, built on first use and in
/// two steps. The first searches use a noncontiguous NFA, built in a
/// fraction of the time of a DFA (and two thirds of a contiguous one's); past `SEARCHES_BEFORE_FINAL` searches the kind
/// asked for is built (a DFA, searching faster: a long run repays its
/// build many times over, a short one never pays it). Every kind finds the
/// same matches. (Building the DFAs was a quarter of a run over five
/// one-line files.)
#[derive(Debug)]
pub(crate) struct Automaton {
    patterns: Vec<String>,
    /// The kind wanted in the end (`None`: the crate's choice).
    kind: Option<aho_corasick::AhoCorasickKind>,
    /// The crate chooses a contiguous NFA past a hundred patterns: then
    /// the quick automaton is the final one.
    quick_is_final: bool,
    quick: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>>,
    last: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>>,
    searches: std::sync::atomic::AtomicUsize,
}

impl Automaton {
    pub(crate) fn new(patterns: Vec<String>, kind: Option<aho_corasick::AhoCorasickKind>) -> Self {
        Automaton {
            quick_is_final: kind.is_none() && patterns.len() > 100,
            patterns,
            kind,
            quick: std::sync::OnceLock::new(),
            last: std::sync::OnceLock::new(),
            searches: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// The automaton for one search; `None` when there are no patterns or
    /// it cannot be built (as `AhoCorasick::new` would fail).
    pub(crate) fn get(&self) -> Option<&aho_corasick::AhoCorasick> {
        if let Some(last) = self.last.get() {
            return last.as_ref();
        }
        if self.patterns.is_empty() {
            return None;
        }
        if !self.quick_is_final
            && self
                .searches
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
                >= SEARCHES_BEFORE_FINAL
        {
            return self
                .last
                .get_or_init(|| {
                    self.build(self.kind)
                        .or_else(|| self.quick.get().cloned().flatten())
                })
                .as_ref();
        }
        // The first searches, from a noncontiguous NFA (the first step of
        // building any kind), unless it is a contiguous one that serves
        // to the end.
        let quick = if self.quick_is_final {
            aho_corasick::AhoCorasickKind::ContiguousNFA
        } else {
            aho_corasick::AhoCorasickKind::NoncontiguousNFA
        };
        self.quick
            .get_or_init(|| self.build(Some(quick)).or_else(|| self.build(self.kind)))
            .as_ref()
    }

    fn build(
        &self,
        kind: Option<aho_corasick::AhoCorasickKind>,
    ) -> Option<aho_corasick::AhoCorasick> {
        aho_corasick::AhoCorasick::builder()
            .kind(kind)
            .build(&self.patterns)
            .ok()
    }
}

/// A list of phrases searched for in one pass: one Aho-Corasick automaton,
/// built once, finds every whole-word occurrence of every phrase (the same
/// occurrences `find_words` finds for each phrase alone, overlapping ones
/// included). Phrases are addressed by their index in the list given.
pub struct PhraseSet {
    /// The automaton over the distinct non-empty phrases; `None` when there
    /// are none, or the automaton could not be built (then each phrase is
    /// searched for on its own). Built on the first search: a set searched
    /// only through a `PhraseGroup` costs none.
    automaton: Automaton,
    /// The distinct phrases, by pattern id.
    patterns: Vec<String>,
    /// Pattern id of each phrase given (`None`: empty, never found).
    ids: Vec<Option<usize>>,
    /// The index of each pattern's phrase, when no phrase is given twice
    /// (then pattern ids rise with the index: hits in pattern order are in
    /// list order).
    phrase_of: Option<Vec<usize>>,
    /// The indices of each pattern's phrases, rising (several when a
    /// phrase is given more than once).
    phrases_of: Vec<Vec<usize>>,
}

/// Every whole-word occurrence of a `PhraseSet`'s phrases in one text.
pub struct PhraseHits<'s> {
    set: &'s PhraseSet,
    /// (pattern id, start) of each occurrence, sorted: by pattern, then
    /// where it begins.
    hits: Vec<(usize, usize)>,
}

/// Where one phrase occurs (`PhraseHits::starts`), in text order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Starts<'h>(&'h [(usize, usize)]);

impl<'h> Starts<'h> {
    /// The starts, in order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + use<'h> {
        self.0.iter().map(|&(_, at)| at)
    }
    pub fn first(&self) -> Option<usize> {
        self.0.first().map(|&(_, at)| at)
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// Whether the phrase starts at `at`.
    pub fn contains(&self, at: usize) -> bool {
        self.0.binary_search_by(|&(_, s)| s.cmp(&at)).is_ok()
    }
}

impl PhraseSet {
    pub fn new<S: AsRef<str>>(phrases: impl IntoIterator<Item = S>) -> PhraseSet {
        let mut patterns: Vec<String> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = Default::default();
        let ids: Vec<Option<usize>> = phrases
            .into_iter()
            .map(|p| {
                let p = p.as_ref();
                if p.is_empty() {
                    return None;
                }
                Some(*index.entry(p.to_string()).or_insert_with(|| {
                    patterns.push(p.to_string());
                    patterns.len() - 1
                }))
            })
            .collect();
        let phrase_of = (ids.iter().flatten().count() == patterns.len()).then(|| {
            ids.iter()
                .enumerate()
                .filter_map(|(i, id)| id.map(|_| i))
                .collect()
        });
        let mut phrases_of = vec![Vec::new(); patterns.len()];
        for (i, id) in ids.iter().enumerate() {
            if let Some(of) = id.and_then(|id| phrases_of.get_mut(id)) {
                of.push(i);
            }
        }
        PhraseSet {
            automaton: Automaton::new(patterns.clone(), None),
            patterns,
            ids,
            phrase_of,
            phrases_of,
        }
    }

    fn automaton(&self) -> Option<&aho_corasick::AhoCorasick> {
        self.automaton.get()
    }

    /// Every whole-word occurrence of every phrase in `hay`.
    pub fn find<'s>(&'s self, hay: &str) -> PhraseHits<'s> {
        let mut hits: Vec<(usize, usize)> = Vec::new();
        match self.automaton() {
            Some(ac) => {
                for m in ac.find_overlapping_iter(hay) {
                    if bounded(hay, m.start(), m.end()) {
                        hits.push((m.pattern().as_usize(), m.start()));
                    }
                }
            }
            None => {
                for (id, p) in self.patterns.iter().enumerate() {
                    hits.extend(find_words(hay, p).into_iter().map(|at| (id, at)));
                }
            }
        }
        hits.sort_unstable();
        PhraseHits { set: self, hits }
    }
}

/// Several phrase sets searched for in one pass: one automaton over the
/// phrases of them all finds, in one text, what each set's `find` finds.
/// Sets searched in the same text (a sentence, for several readings of it)
/// then cost one pass, not one each.
pub struct PhraseGroup {
    /// The automaton over the distinct phrases of every set; `None` when
    /// there are none or it could not be built (then each set searches on
    /// its own).
    automaton: Automaton,
    /// For each pattern of the automaton, the sets holding it: (set, the
    /// set's pattern id).
    owners: Vec<Vec<(usize, usize)>>,
    sets: usize,
}

/// What a `PhraseGroup` found in one text, set by set: each set's hits
/// as its own `find` has them.
pub struct GroupHits<'h> {
    hay: &'h str,
    /// For each set, its hits (pattern id, start), sorted; `None` when the
    /// group has no automaton.
    hits: Option<Vec<Vec<(usize, usize)>>>,
}

impl PhraseGroup {
    /// A group of `sets`, addressed by their place in the list.
    pub fn new(sets: &[&PhraseSet]) -> PhraseGroup {
        let mut patterns: Vec<&str> = Vec::new();
        let mut owners: Vec<Vec<(usize, usize)>> = Vec::new();
        let mut index: std::collections::HashMap<&str, usize> = Default::default();
        for (k, set) in sets.iter().enumerate() {
            for (id, p) in set.patterns.iter().enumerate() {
                let at = *index.entry(p.as_str()).or_insert_with(|| {
                    patterns.push(p.as_str());
                    owners.push(Vec::new());
                    patterns.len() - 1
                });
                if let Some(o) = owners.get_mut(at) {
                    o.push((k, id));
                }
            }
        }
        // A DFA, whatever the count of phrases (left to choose, the crate
        // takes a slower automaton past a hundred or so): it is built once
        // and searches every sentence of the run (past the first few; see
        // `Automaton`). Should it fail to build, each set searches on its own.
        let patterns = patterns.into_iter().map(str::to_string).collect();
        PhraseGroup {
            automaton: Automaton::new(patterns, Some(aho_corasick::AhoCorasickKind::DFA)),
            owners,
            sets: sets.len(),
        }
    }

    /// Every whole-word occurrence of every set's phrases in `hay`.
    pub fn find<'h>(&self, hay: &'h str) -> GroupHits<'h> {
        let hits = self.automaton.get().map(|ac| {
            let mut hits: Vec<Vec<(usize, usize)>> = vec![Vec::new(); self.sets];
            for m in ac.find_overlapping_iter(hay) {
                if !bounded(hay, m.start(), m.end()) {
                    continue;
                }
                let owners = self.owners.get(m.pattern().as_usize());
                for &(k, id) in owners.map_or(&[][..], Vec::as_slice) {
                    if let Some(h) = hits.get_mut(k) {
                        h.push((id, m.start()));
                    }
                }
            }
            for h in &mut hits {
                h.sort_unstable();
            }
            hits
        });
        GroupHits { hay, hits }
    }
}

impl GroupHits<'_> {
    /// What `set.find` finds in the text, for the set at place `k` of the
    /// group that searched it.
    pub fn of<'s>(&mut self, k: usize, set: &'s PhraseSet) -> PhraseHits<'s> {
        let Some(hits) = &mut self.hits else {
            return set.find(self.hay);
        };
        let hits = hits.get_mut(k).map(std::mem::take).unwrap_or_default();
        PhraseHits { set, hits }
    }
}

/// Every occurrence of a `PhraseSet`'s phrases in one text, whole words or
/// not, as (pattern id, start, end): the text searched once, then read for
/// several stretches of it with `PhraseSet::within`.
pub struct PhraseScan {
    hits: Option<Vec<(usize, usize, usize)>>,
}

impl PhraseSet {
    /// Searches `hay` once for `within` to read.
    pub fn scan(&self, hay: &str) -> PhraseScan {
        PhraseScan {
            hits: self.automaton().map(|ac| {
                ac.find_overlapping_iter(hay)
                    .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                    .collect()
            }),
        }
    }

    /// What `find` finds in `hay[start..end]` (offsets relative to `start`),
    /// read from `scan` of the whole of `hay`: an occurrence inside the
    /// stretch, whole words within it.
    pub fn within<'s>(
        &'s self,
        scan: &PhraseScan,
        hay: &str,
        start: usize,
        end: usize,
    ) -> PhraseHits<'s> {
        let (Some(all), Some(part)) = (&scan.hits, hay.get(start..end)) else {
            return self.find(hay.get(start..end).unwrap_or(""));
        };
        let mut hits: Vec<(usize, usize)> = all
            .iter()
            .filter(|&&(_, a, b)| start <= a && b <= end && bounded(part, a - start, b - start))
            .map(|&(p, a, _)| (p, a - start))
            .collect();
        hits.sort_unstable();
        PhraseHits { set: self, hits }
    }
}

impl PhraseHits<'_> {
    /// Where phrase `i` (its index in the list given) starts, in order.
    pub fn starts(&self, i: usize) -> Starts<'_> {
        let Some(Some(id)) = self.set.ids.get(i).filter(|_| !self.hits.is_empty()) else {
            return Starts(&[]);
        };
        let lo = self.hits.partition_point(|&(p, _)| p < *id);
        let hi = self.hits.partition_point(|&(p, _)| p <= *id);
        Starts(self.hits.get(lo..hi).unwrap_or(&[]))
    }

    /// Every occurrence as (index of the phrase in the list given, start),
    /// phrase by phrase in list order, each phrase's in text order: the
    /// order of calling `find_words` for each phrase of the list in turn.
    pub fn in_list_order(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        // No phrase given twice: the hits, in pattern order, are in list order.
        let direct = self.set.phrase_of.as_ref();
        let hits = direct.into_iter().flat_map(move |phrase_of| {
            self.hits
                .iter()
                .filter_map(|&(p, at)| Some((*phrase_of.get(p)?, at)))
        });
        // Otherwise each hit for every phrase of its pattern, sorted into
        // list order.
        let mut shared: Vec<(usize, usize)> = Vec::new();
        if direct.is_none() {
            for &(p, at) in &self.hits {
                let phrases = self.set.phrases_of.get(p).map_or(&[][..], Vec::as_slice);
                shared.extend(phrases.iter().map(|&i| (i, at)));
            }
            shared.sort_unstable();
        }
        hits.chain(shared)
    }

    /// Whether phrase `i` occurs at all.
    pub fn has(&self, i: usize) -> bool {
        !self.starts(i).is_empty()
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }
}

/// The first of `word_spans(s)`, without finding the others.
pub fn first_word(s: &str) -> Option<(usize, &str)> {
    words(s).next()
}

/// The words of `s` (runs of letters, digits and hyphens) with their offsets.
pub fn word_spans(s: &str) -> Vec<(usize, &str)> {
    // About one word per six bytes of news text: room made once, not
    // grown from four.
    let mut out = Vec::with_capacity(s.len() / 6 + 1);
    out.extend(words(s));
    out
}

/// `word_spans` one at a time, for a caller that stops early.
pub fn words(s: &str) -> Words<'_> {
    Words { s, at: 0 }
}

/// `words` from the last one back, for a caller that wants the words
/// right before a place (reading them from there, not from the start).
pub fn words_rev(s: &str) -> WordsRev<'_> {
    WordsRev { s, end: s.len() }
}

/// The iterator of `words_rev`.
pub struct WordsRev<'a> {
    s: &'a str,
    /// Where the search for the previous word ends.
    end: usize,
}

impl<'a> Iterator for WordsRev<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let bytes = self.s.as_bytes();
        // `i` is where the character looked at ends (ASCII a byte at a
        // time, other characters decoded); `stop` where the word found ends.
        let mut i = self.end;
        let mut stop = None;
        while let Some(&b) = i.checked_sub(1).and_then(|k| bytes.get(k)) {
            let (part, width) = if b.is_ascii() {
                (word_byte(b), 1)
            } else {
                let c = self.s.get(..i).and_then(|h| h.chars().next_back())?;
                (c.is_alphanumeric(), c.len_utf8())
            };
            let at = i - width;
            match (part, stop) {
                (true, None) => stop = Some(i),
                (false, Some(e)) => {
                    self.end = at;
                    return self.s.get(i..e).map(|w| (i, w));
                }
                _ => {}
            }
            i = at;
        }
        self.end = 0;
        self.s.get(..stop?).map(|w| (0, w))
    }
}

/// Whether an ASCII byte belongs to a word (a letter, a digit or "-"),
/// by table: a word's every byte is asked.
// reason: built at compile time by a loop below 128 over 256 places (`get_mut`
// is not yet callable there); no index can be out of bounds.
#[allow(clippy::indexing_slicing)]
static WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'-';
        b += 1;
    }
    table
};

/// Whether byte `b` is an ASCII letter, digit or "-" (`WORD_BYTE`).
#[inline]
pub(crate) fn word_byte(b: u8) -> bool {
    WORD_BYTE.get(usize::from(b)).copied().unwrap_or(false)
}

/// The iterator of `words`.
pub struct Words<'a> {
    s: &'a str,
    /// Where the search for the next word starts.
    at: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let bytes = self.s.as_bytes();
        let mut start = None;
        let mut i = self.at;
        // ASCII a byte at a time; other characters decoded.
        while let Some(&b) = bytes.get(i) {
            let (part, width) = if b.is_ascii() {
                (word_byte(b), 1)
            } else {
                let c = self.s.get(i..).and_then(|r| r.chars().next())?;
                (c.is_alphanumeric(), c.len_utf8())
            };
            match (part, start) {
                (true, None) => start = Some(i),
                (false, Some(s0)) => {
                    self.at = i;
                    return self.s.get(s0..i).map(|w| (s0, w));
                }
                _ => {}
            }
            i += width;
        }
        self.at = i;
        let s0 = start?;
        self.s.get(s0..).map(|w| (s0, w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only_and_multibyte_safe() {
        assert_eq!(find_words("up to, upto, setup up", "up"), [0, 19]);
        assert_eq!(find_words("éé é", "é"), [5]);
        assert_eq!(find_words("the company's", "the company"), [0]);
        assert_eq!(find_words("up", "up to"), Vec::<usize>::new());
        assert!(has_word("set it up.", "up") && !has_word("setup", "up"));
    }

    #[test]
    fn a_group_finds_what_each_of_its_sets_finds() {
        let sets = [
            PhraseSet::new(["up", "up to", "", "the company", "up"]),
            PhraseSet::new(["company", "to, up", "é", "up"]),
            PhraseSet::new(Vec::<&str>::new()),
            PhraseSet::new(["setup", "the"]),
        ];
        let group = PhraseGroup::new(&sets.iter().collect::<Vec<_>>());
        for hay in [
            "up to, upto, setup up",
            "the company's the company",
            "éé é up to, up",
            "",
        ] {
            let mut found = group.find(hay);
            for (k, set) in sets.iter().enumerate() {
                let (got, want) = (found.of(k, set), set.find(hay));
                let all = |h: &PhraseHits| h.in_list_order().collect::<Vec<_>>();
                assert_eq!(all(&got), all(&want), "set {k} in {hay:?}");
                for i in 0..6 {
                    assert_eq!(got.starts(i), want.starts(i));
                }
            }
        }
    }

    #[test]
    fn a_phrase_set_finds_what_each_phrase_finds_alone() {
        let phrases = [
            "up",
            "up to",
            "",
            "the company",
            "company",
            "up",
            "é",
            "to, up",
        ];
        let set = PhraseSet::new(phrases);
        for hay in [
            "up to, upto, setup up",
            "the company's the company",
            "éé é up to, up",
            "",
        ] {
            let hits = set.find(hay);
            for (i, p) in phrases.iter().enumerate() {
                assert_eq!(
                    hits.starts(i).iter().collect::<Vec<_>>(),
                    find_words(hay, p),
                    "{p:?} in {hay:?}"
                );
                assert_eq!(hits.has(i), has_word(hay, p));
            }
            assert!(hits.starts(99).is_empty());
            let each: Vec<(usize, usize)> = phrases
                .iter()
                .enumerate()
                .flat_map(|(i, p)| find_words(hay, p).into_iter().map(move |at| (i, at)))
                .collect();
            assert_eq!(hits.in_list_order().collect::<Vec<_>>(), each);
        }
    }

    #[test]
    fn one_scan_read_within_a_stretch_finds_what_find_finds_there() {
        let phrases = ["up", "up to", "", "the company", "company", "up", "é"];
        let set = PhraseSet::new(phrases);
        for hay in [
            "up to, upto, setup up",
            "the company's the company",
            "éé é up to, up",
            "",
        ] {
            let scan = set.scan(hay);
            // Every stretch, those cutting a word or a character included.
            for start in 0..=hay.len() {
                for end in start..=hay.len() {
                    let part = hay.get(start..end).unwrap_or("");
                    let (found, read) = (set.find(part), set.within(&scan, hay, start, end));
                    for i in 0..phrases.len() {
                        assert_eq!(
                            read.starts(i),
                            found.starts(i),
                            "{i} in {hay:?}[{start}..{end}]"
                        );
                    }
                    assert_eq!(
                        read.in_list_order().collect::<Vec<_>>(),
                        found.in_list_order().collect::<Vec<_>>()
                    );
                }
            }
        }
    }

    #[test]
    fn hits_come_in_list_order_without_repeated_phrases() {
        let phrases = ["to", "", "up to", "up", "é"];
        let set = PhraseSet::new(phrases);
        for hay in ["up to, upto, setup up to", "é up", ""] {
            let each: Vec<(usize, usize)> = phrases
                .iter()
                .enumerate()
                .flat_map(|(i, p)| find_words(hay, p).into_iter().map(move |at| (i, at)))
                .collect();
            assert_eq!(set.find(hay).in_list_order().collect::<Vec<_>>(), each);
        }
    }

    #[test]
    fn the_first_word_is_the_first_of_the_words() {
        for s in [
            "Meta's non-core",
            "  -- said it",
            "4.35%",
            "",
            " .,",
            "é said",
        ] {
            assert_eq!(first_word(s), word_spans(s).first().copied(), "{s:?}");
        }
    }

    #[test]
    fn words_are_read_as_character_by_character() {
        for s in [
            "Meta's non-core 4.35%",
            "Straße—İstanbul ü-x",
            " ’s é ",
            "a",
            "",
        ] {
            let mut by_char = Vec::new();
            let mut start = None;
            for (i, c) in s.char_indices().chain([(s.len(), ' ')]) {
                match (c.is_alphanumeric() || c == '-', start) {
                    (true, None) => start = Some(i),
                    (false, Some(s0)) => {
                        by_char.push((s0, &s[s0..i]));
                        start = None;
                    }
                    _ => {}
                }
            }
            assert_eq!(word_spans(s), by_char, "{s:?}");
        }
    }

    #[test]
    fn words_read_backwards_are_the_words_reversed() {
        for s in [
            "Meta's non-core 4.35%",
            "Straße—İstanbul ü-x",
            " ’s é ",
            "a",
            "",
            "-",
            "up 5% from",
        ] {
            let mut back: Vec<_> = words_rev(s).collect();
            back.reverse();
            assert_eq!(back, word_spans(s), "{s:?}");
        }
    }

    #[test]
    fn words_with_offsets() {
        assert_eq!(
            word_spans("Meta's non-core 4.35%"),
            [
                (0, "Meta"),
                (5, "s"),
                (7, "non-core"),
                (16, "4"),
                (18, "35")
            ]
        );
    }
}
