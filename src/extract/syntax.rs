//! What the dependency tree says about a figure: whose it is. From the
//! figure the reading climbs its heads to the clause that governs it; a
//! named object there owns the figure ("fined Marrowby Water £18.5m"), else
//! the name the subject's phrase stands for ("Shares of Meta fell 4%" →
//! Meta). A subject that names no one sends the climb on through `xcomp`
//! (where the object above controls: "ordered the company to pay"), `conj`
//! and `ccomp`, but never into a verb of saying: its subject is a source,
//! which the rules that choose next must pass over. A pronoun subject ends
//! the climb: who "it" is, salience decides. So does a relative or
//! adverbial clause.

use super::entity::Mention;
use crate::nlp::{Model, Parse, Upos};
use crate::rules::EntityKind;
use crate::span::Span;

/// Relations through which a figure's clause hangs from the one above it
/// and still speaks of that clause's subject.
const CLIMB: &[&str] = &["xcomp", "conj", "ccomp"];

/// Verbs whose subject is a source, not what is measured ("Nationwide said
/// prices rose 4%"): the climb stops below them.
const SPEECH: &[&str] = &[
    "say", "tell", "announce", "report", "state", "add", "note", "confirm", "estimate", "show",
    "claim", "write", "warn", "predict", "expect", "forecast", "believe", "argue", "suggest",
    "reveal", "disclose", "indicate", "think", "tweet", "post",
];

/// Verbs whose percentage is a share of something or a proposal, not a
/// move ("owns 40%", "accounts for 12%", "is 6%", "has offered 6%").
const STATIVE: &[&str] = &[
    "be",
    "have",
    "own",
    "hold",
    "account",
    "represent",
    "make",
    "comprise",
    "control",
    "take",
    "get",
    "win",
    "receive",
    "give",
    "pay",
    "charge",
    "cost",
    "say",
    "estimate",
    "expect",
    "poll",
    "favor",
    "favour",
    "support",
    "back",
    "approve",
    "vote",
    "lead",
    "trail",
    "offer",
    "propose",
    "seek",
    "want",
    "demand",
    "ask",
    "bid",
    "accept",
    "reject",
    "agree",
];

/// The lemma of the verb a percentage figure moves with, when it is one
/// the word lists do not know ("nosedived 3.4%", "cratered 12%"): the
/// figure's nearest verb ancestor, if it is an eventive verb and the
/// figure hangs from it as its object or an oblique.
pub(super) fn moving_verb(parse: &Parse, model: &Model, at: usize) -> Option<String> {
    let mut cur = parse.word_at(at)?;
    for _ in 0..parse.words.len() {
        let w = parse.words.get(cur)?;
        let head = w.head?;
        let rel = model.label(w.deprel);
        let h = parse.words.get(head)?;
        if h.upos == Upos::Verb {
            let lemma = h.lemma.to_lowercase();
            let attached = rel.starts_with("obj") || rel.starts_with("obl") || rel == "advmod";
            return (attached && !STATIVE.contains(&lemma.as_str())).then_some(lemma);
        }
        if !matches!(w.upos, Upos::Num | Upos::Sym | Upos::Noun) {
            return None;
        }
        cur = head;
    }
    None
}

/// Whether a sentence (lower case) has a word of saying in it: only then can
/// its one name be a source rather than the owner.
pub(super) fn speaks(lower: &str) -> bool {
    crate::text::words(lower).any(|(_, w)| {
        SPEECH.iter().any(|v| {
            w.strip_prefix(v)
                .is_some_and(|rest| matches!(rest, "" | "s" | "d" | "ed" | "ing" | "es"))
                || matches!(
                    (*v, w),
                    ("say", "said") | ("tell", "told") | ("write", "wrote") | ("think", "thought")
                )
        })
    })
}

/// What the grammar says about whose a figure is.
#[derive(Debug, PartialEq)]
pub(super) enum Owner<'m> {
    /// This name.
    Named(&'m Mention),
    /// Nobody the tree can name, but the subject of this verb of saying
    /// (a document span) is a source and not the owner ("The agency said
    /// 412 people were injured").
    NotTheSpeaker(Span),
    Unknown,
}

/// Whose the figure whose number starts at `at` (sentence-relative) is,
/// among `mentions` (document offsets; the sentence starts at `base`): the
/// object of the clause that governs it when that object is named ("fined
/// Marrowby Water £18.5m", "to acquire DataRiver for $2.7 billion"), else
/// its subject; reached through `xcomp`, the object of the verb above
/// controls ("ordered the company to pay £1.2 million").
pub(super) fn governing_subject<'m>(
    parse: &Parse,
    model: &Model,
    at: usize,
    base: usize,
    mentions: &'m [Mention],
) -> Owner<'m> {
    if !parse.is_parsed() {
        return Owner::Unknown;
    }
    let Some(figure_word) = parse.word_at(at) else {
        return Owner::Unknown;
    };
    // Indices come from the tree itself; a word that is not there has no label.
    let label = |i: usize| parse.words.get(i).map_or("", |w| model.label(w.deprel));
    let mut cur = figure_word;
    let mut first_clause = true;
    let mut via = "";
    for _ in 0..parse.words.len() {
        let Some(w) = parse.words.get(cur) else { break };
        let clause = matches!(w.upos, Upos::Verb | Upos::Aux)
            || parse.children(cur).any(|c| label(c) == "cop");
        if clause {
            // Children in a role, never the figure itself ("fined …
            // £3.2 million"), though a name the figure qualifies counts
            // ("DataRiver for $2.7 billion").
            let roles = |want: &[&str]| -> Vec<usize> {
                parse
                    .children(cur)
                    .filter(|&c| {
                        let l = label(c);
                        want.iter()
                            .any(|r| l == *r || l.starts_with(&format!("{r}:")))
                            && c != figure_word
                            && parse
                                .words
                                .get(c)
                                .is_some_and(|cw| !matches!(cw.upos, Upos::Num | Upos::Sym))
                    })
                    .collect()
            };
            if SPEECH.contains(&w.lemma.as_str()) && !first_clause {
                return match roles(&["nsubj"]).first() {
                    Some(&c) => Owner::NotTheSpeaker(parse.subtree_span(c).offset(base)),
                    None => Owner::Unknown,
                };
            }
            if first_clause || via == "xcomp" {
                // (An infinitive the parser hung as `advcl` counts as
                // `xcomp`: "ordered the company to pay".)
                for c in roles(&["iobj", "obj"]) {
                    // A person or a place as object is who or where, not
                    // whose ("signed Luca Moreau", "routes to Europe").
                    if let Some(m) = name_of(parse, model, c, base, mentions)
                        && !m.is_person()
                        && m.kind != Some(EntityKind::Place)
                    {
                        return Owner::Named(m);
                    }
                }
            }
            for c in roles(&["nsubj"]) {
                if parse.words.get(c).is_some_and(|cw| cw.upos == Upos::Pron) {
                    return Owner::Unknown;
                }
                if let Some(m) = name_of(parse, model, c, base, mentions) {
                    return Owner::Named(m);
                }
            }
            first_clause = false;
            via = model.label(w.deprel);
            let infinitive = via == "advcl"
                && roles(&["nsubj"]).is_empty()
                && parse.children(cur).any(|c| {
                    label(c) == "mark" && parse.words.get(c).is_some_and(|cw| cw.lemma == "to")
                });
            if infinitive {
                via = "xcomp";
            }
            if !CLIMB.contains(&via) {
                return Owner::Unknown;
            }
        }
        match w.head {
            Some(h) => cur = h,
            None => break,
        }
    }
    Owner::Unknown
}

/// The name a noun phrase headed by word `head` stands for: a mention
/// covering the head ("Estvia's National Assembly" → the assembly), else
/// one in an apposition, compound, possessive or "of" phrase attached to it
/// ("shares of Meta", "Meta's revenue"), never one after "in" ("sales in
/// Europe").
fn name_of<'m>(
    parse: &Parse,
    model: &Model,
    head: usize,
    base: usize,
    mentions: &'m [Mention],
) -> Option<&'m Mention> {
    let span = parse.words.get(head)?.span.offset(base);
    if let Some(m) = mentions.iter().find(|m| m.span.overlaps(span)) {
        return (!m.locative).then_some(m);
    }
    for rel in ["appos", "flat", "compound", "nmod:poss", "nmod"] {
        for c in parse.children(head) {
            let Some(child) = parse.words.get(c) else {
                continue;
            };
            if model.label(child.deprel) != rel {
                continue;
            }
            let of = rel != "nmod"
                || parse.children(c).any(|k| {
                    parse
                        .words
                        .get(k)
                        .is_some_and(|kw| model.label(kw.deprel) == "case" && kw.lemma == "of")
                });
            if of && let Some(m) = name_of(parse, model, c, base, mentions) {
                return Some(m);
            }
        }
    }
    None
}

/// Whether a capitalised stretch at `span` (sentence-relative) may be a
/// name. One word must be tagged a proper noun ("Deaths", "Pensioners",
/// "Sentencing" opening a sentence are common nouns; "Any", "Rising",
/// "Key" a determiner, a verb, an adjective), unless it is an acronym. Of
/// several words, one must be a proper noun, or all nouns: an unknown
/// company the tagger takes for common nouns ("Tidewater Retail") may be
/// a name.
pub(super) fn may_be_name(parse: &Parse, span: Span, acronym: bool) -> bool {
    let words: Vec<&crate::nlp::Word> = parse
        .words
        .iter()
        .filter(|w| w.span.overlaps(span))
        .collect();
    let nounish =
        |w: &&crate::nlp::Word| matches!(w.upos, Upos::Noun | Upos::X | Upos::Sym | Upos::Punct);
    words.iter().any(|w| w.upos == Upos::Propn)
        || ((words.len() > 1 || acronym) && words.iter().all(nounish))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(text: &str, name: &str) -> Mention {
        let s = text.find(name).unwrap();
        Mention {
            span: Span::new(s, s + name.len()),
            name: name.into(),
            kind: None,
            reference: None,
            locative: false,
            possessive: false,
            cited: false,
        }
    }

    fn subject(text: &str, figure: &str, names: &[&str]) -> Option<String> {
        let model = Model::builtin().unwrap();
        let parse = Parse::of(model, text);
        let ms: Vec<Mention> = names.iter().map(|n| mention(text, n)).collect();
        match governing_subject(&parse, model, text.find(figure).unwrap(), 0, &ms) {
            Owner::Named(m) => Some(m.name.clone()),
            Owner::NotTheSpeaker(s) => Some(format!("not {}", s.slice(text))),
            Owner::Unknown => None,
        }
    }

    #[test]
    fn the_subject_of_the_governing_clause() {
        let t = "Analysts at Brightwell said shares of Acme Corp nosedived 6% on Tuesday.";
        assert_eq!(
            subject(t, "6%", &["Brightwell", "Acme Corp"]).as_deref(),
            Some("Acme Corp")
        );
        let t = "Acme's revenue rose 7% and Beta Labs lost 2%.";
        assert_eq!(
            subject(t, "7%", &["Acme", "Beta Labs"]).as_deref(),
            Some("Acme")
        );
        assert_eq!(
            subject(t, "2%", &["Acme", "Beta Labs"]).as_deref(),
            Some("Beta Labs")
        );
        let t = "Estvia's National Assembly approved the budget by 88 votes.";
        assert_eq!(
            subject(t, "88", &["Estvia", "National Assembly"]).as_deref(),
            Some("National Assembly")
        );
        let t = "The regulator fined Hollin Water £3.2 million last year.";
        assert_eq!(
            subject(t, "3.2", &["Hollin Water"]).as_deref(),
            Some("Hollin Water")
        );
        // The subject of a verb of saying is a source.
        let t = "Northwind Bank said prices rose 4% in the year.";
        assert_eq!(
            subject(t, "4%", &["Northwind Bank"]).as_deref(),
            Some("not Northwind Bank")
        );
        // Object control: who was ordered to pay.
        let t = "Judge Helen Carrow ordered the company to pay £1.2 million in costs.";
        assert_eq!(
            subject(t, "1.2", &["Judge Helen Carrow", "the company"]).as_deref(),
            Some("the company")
        );
        // A pronoun subject is left to salience.
        let t = "It will close 45 stores, Acme said.";
        assert_eq!(subject(t, "45", &["Acme"]), None);
    }

    #[test]
    fn capitalised_words_that_are_not_names() {
        let model = Model::builtin().unwrap();
        let t = "Rising costs pushed Key Metals down 4%.";
        let p = Parse::tagged(model, t);
        assert!(!may_be_name(&p, Span::new(0, 6), false));
        assert!(may_be_name(&p, Span::new(20, 30), false));
    }
}
