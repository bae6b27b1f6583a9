//! Why two claims were taken as one fact: the slots of their frames that
//! agree (`Frame::shared`), each with a weight. One slot alone is weak
//! evidence (a unit and a verb are shared by many figures of one story:
//! "killed 12" on the ferry, "killed 102" in the whole storm), so a figure
//! is only compared when the evidence weighs `ENOUGH`: two slots agree, or
//! the figures are told in the same words.

use std::fmt;

/// One piece of evidence that two frames state one fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basis {
    /// The figures are told in the same words (wire copy, a quote).
    SameWords,
    /// They count or measure one thing (a lemma: "people", "barrel").
    Measure(String),
    /// The words after them pick out one thing ("west of philadelphia");
    /// `named` when one of those words is a name on both sides.
    FollowedBy { words: String, named: bool },
    /// One event verb, or synonyms ("kill").
    Predicate(String),
    /// Two verbs that give a change its direction ("soar", "drop").
    Directions(String, String),
    /// One time named on both sides ("tuesday", "1989").
    Time(String),
    /// Both are the age of one named person, who has one age.
    OnePersonsAge,
    /// Both write one name: grouping took them for one entity.
    OneName,
}

/// What evidence must weigh before two figures are compared.
pub const ENOUGH: u32 = 2;

impl Basis {
    /// How much this piece tells: the same words on both sides are as good
    /// as two slots; any one slot counts once.
    pub fn weight(&self) -> u32 {
        match self {
            Basis::SameWords
            | Basis::FollowedBy { named: true, .. }
            | Basis::OnePersonsAge
            | Basis::OneName => 2,
            _ => 1,
        }
    }

    /// The total weight of a list of evidence.
    pub fn total(list: &[Basis]) -> u32 {
        list.iter().map(Basis::weight).sum()
    }
}

impl fmt::Display for Basis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Basis::SameWords => f.write_str("told in the same words"),
            Basis::Measure(m) => write!(f, "measure \"{m}\""),
            Basis::FollowedBy { words, .. } => write!(f, "followed by \"{words}\""),
            Basis::Predicate(p) => write!(f, "predicate \"{p}\""),
            Basis::Directions(a, b) => write!(f, "direction verbs \"{a}\", \"{b}\""),
            Basis::Time(t) => write!(f, "time \"{t}\""),
            Basis::OnePersonsAge => f.write_str("one person's age"),
            Basis::OneName => f.write_str("one name"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_words_weigh_as_two_slots() {
        assert_eq!(Basis::total(&[Basis::SameWords]), ENOUGH);
        assert_eq!(Basis::total(&[Basis::Predicate("kill".into())]), 1);
        assert_eq!(
            Basis::total(&[
                Basis::Measure("people".into()),
                Basis::Predicate("kill".into())
            ]),
            ENOUGH
        );
    }

    #[test]
    fn evidence_reads_as_before() {
        assert_eq!(
            Basis::Directions("soar".into(), "drop".into()).to_string(),
            "direction verbs \"soar\", \"drop\""
        );
        assert_eq!(
            Basis::FollowedBy {
                words: "west of philadelphia".into(),
                named: true
            }
            .to_string(),
            "followed by \"west of philadelphia\""
        );
    }
}
