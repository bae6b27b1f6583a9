//! What the dependency tree says about a figure: whose it is. From the
//! figure the reading climbs its heads to the clause that governs it; a
//! named object there owns the figure ("fined Marrowby Water £18.5m"), else
//! the name the subject's phrase stands for ("Shares of Meta fell 4%" →
//! Meta). A subject that names no one sends the climb on through `xcomp`,
//! `conj` and `ccomp`, but never into a verb of saying (its subject is a
//! source). A pronoun subject ends it: who "it" is, salience decides. So
//! does a relative or adverbial clause.

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

/// The name the grammar makes the owner of the figure whose number starts
/// at `at` (sentence-relative), among `mentions` (document offsets; the
/// sentence starts at `base`): the object of the clause that governs it
/// when that object is named ("fined Marrowby Water £18.5m", "to acquire
/// DataRiver for $2.7 billion"), else its subject.
pub(super) fn governing_subject<'m>(
    parse: &Parse,
    model: &Model,
    at: usize,
    base: usize,
    mentions: &'m [Mention],
) -> Option<&'m Mention> {
    if !parse.is_parsed() {
        return None;
    }
    let figure_word = parse.word_at(at)?;
    let mut cur = figure_word;
    let mut first_clause = true;
    for _ in 0..parse.words.len() {
        let w = parse.words.get(cur)?;
        let clause = matches!(w.upos, Upos::Verb | Upos::Aux)
            || parse
                .children(cur)
                .any(|c| model.label(parse.words[c].deprel) == "cop");
        if clause {
            if SPEECH.contains(&w.lemma.as_str()) && !first_clause {
                return None;
            }
            let roles = |want: &[&str]| -> Vec<usize> {
                parse
                    .children(cur)
                    .filter(|&c| {
                        let l = model.label(parse.words[c].deprel);
                        // Not the figure itself ("fined … £3.2 million"),
                        // though a name the figure qualifies counts
                        // ("DataRiver for $2.7 billion").
                        want.iter()
                            .any(|r| l == *r || l.starts_with(&format!("{r}:")))
                            && c != figure_word
                            && !matches!(parse.words[c].upos, Upos::Num | Upos::Sym)
                            && !parse.dominates(c, cur)
                    })
                    .collect()
            };
            if first_clause {
                for c in roles(&["iobj", "obj"]) {
                    // A person or a place as object is who or where, not
                    // whose ("signed Luca Moreau", "routes to Europe").
                    if let Some(m) = name_of(parse, model, c, base, mentions)
                        && !m.is_person()
                        && m.kind != Some(EntityKind::Place)
                    {
                        return Some(m);
                    }
                }
            }
            for c in roles(&["nsubj"]) {
                if parse.words[c].upos == Upos::Pron {
                    return None;
                }
                if let Some(m) = name_of(parse, model, c, base, mentions) {
                    return Some(m);
                }
            }
            first_clause = false;
            if !CLIMB.contains(&model.label(w.deprel)) {
                return None;
            }
        }
        cur = w.head?;
    }
    None
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
            if model.label(parse.words[c].deprel) != rel {
                continue;
            }
            let of = rel != "nmod"
                || parse.children(c).any(|k| {
                    model.label(parse.words[k].deprel) == "case" && parse.words[k].lemma == "of"
                });
            if of && let Some(m) = name_of(parse, model, c, base, mentions) {
                return Some(m);
            }
        }
    }
    None
}

/// Whether a capitalised stretch at `span` (sentence-relative) may be a
/// name: one of its words is tagged a proper noun, or none is tagged as a
/// word that names nothing (a determiner, verb, adjective, adverb, pronoun,
/// …). "Any", "Rising", "Key" opening a sentence are not names; an unknown
/// company the tagger takes for a common noun ("Tidewater Retail") may be.
pub(super) fn may_be_name(parse: &Parse, span: Span) -> bool {
    let words = || parse.words.iter().filter(|w| w.span.overlaps(span));
    words().any(|w| w.upos == Upos::Propn)
        || words().all(|w| matches!(w.upos, Upos::Noun | Upos::X | Upos::Sym | Upos::Punct))
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
        governing_subject(&parse, model, text.find(figure).unwrap(), 0, &ms).map(|m| m.name.clone())
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
        let t = "Nationwide said prices rose 4% in the year.";
        assert_eq!(subject(t, "4%", &["Nationwide"]), None);
        // A pronoun subject is left to salience.
        let t = "It will close 45 stores, Acme said.";
        assert_eq!(subject(t, "45", &["Acme"]), None);
    }

    #[test]
    fn capitalised_words_that_are_not_names() {
        let model = Model::builtin().unwrap();
        let t = "Rising costs pushed Key Metals down 4%.";
        let p = Parse::tagged(model, t);
        assert!(!may_be_name(&p, Span::new(0, 6)));
        assert!(may_be_name(&p, Span::new(20, 30)));
    }
}
