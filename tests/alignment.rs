//! Which figures are one fact: the alignment rules that real multi-outlet
//! news taught (issue 9), each shown on a small case of its own words.

use assert_cmd::Command;
use std::path::Path;

/// A finding as (kind, rule, its claims by value as "source: text").
type Row = (String, String, Vec<Vec<String>>);

/// The findings of `check --format json` over `files` (name, text) as
/// (kind, rule, sources by value) rows, and the exit code.
fn findings(files: &[(&str, &str)]) -> (Vec<Row>, i32) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    run(dir.path())
}

fn run(dir: &Path) -> (Vec<Row>, i32) {
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["check", "--format", "json"])
        .arg(dir)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let claims = f["claims"].as_array().unwrap();
            // A finding of one value has no `sides`: its claims are one side.
            let one = serde_json::json!([(0..claims.len()).collect::<Vec<_>>()]);
            let sides = f
                .get("sides")
                .unwrap_or(&one)
                .as_array()
                .unwrap()
                .iter()
                .map(|side| {
                    side.as_array()
                        .unwrap()
                        .iter()
                        .map(|i| {
                            let c = &claims[i.as_u64().unwrap() as usize];
                            format!(
                                "{}: {}",
                                c["source"].as_str().unwrap(),
                                c["text"].as_str().unwrap()
                            )
                        })
                        .collect()
                })
                .collect();
            (
                f["kind"].as_str().unwrap().to_string(),
                f["rule"].as_str().unwrap().to_string(),
                sides,
            )
        })
        .collect();
    (rows, out.status.code().unwrap())
}

/// Asserts that no finding is a conflict.
fn no_conflict(rows: &[Row]) {
    assert!(rows.iter().all(|r| r.0 != "conflict"), "{rows:?}");
}

fn row(kind: &str, rule: &str, sides: &[&[&str]]) -> Row {
    (
        kind.to_string(),
        rule.to_string(),
        sides
            .iter()
            .map(|s| s.iter().map(|c| c.to_string()).collect())
            .collect(),
    )
}

/// Two values one outlet gives side by side can both be right: no other
/// pair of outlets is set against each other over them.
#[test]
fn a_source_that_gives_both_values_shows_they_are_two_facts() {
    let a = ("a.txt", "Pierre Thomas has 11 touchdowns this season.\n");
    let b = ("b.txt", "Pierre Thomas has eight touchdowns this season.\n");
    let c = (
        "c.txt",
        "Pierre Thomas has 11 touchdowns this season, and eight touchdowns since Week 11.\n",
    );
    let (rows, code) = findings(&[a, b]);
    assert_eq!(
        rows,
        [row(
            "conflict",
            "numeric.mismatch",
            &[&["a: 11 touchdowns"], &["b: eight touchdowns"]]
        )]
    );
    assert_eq!(code, 1);
    let (rows, code) = findings(&[a, b, c]);
    assert_eq!(
        rows,
        [
            row(
                "agreement",
                "agreement",
                &[&["a: 11 touchdowns", "c: 11 touchdowns"]]
            ),
            row(
                "agreement",
                "agreement",
                &[&["b: eight touchdowns", "c: eight touchdowns"]]
            ),
        ]
    );
    assert_eq!(code, 0);
}

/// A toll dated by a year is a background fact; the story's own tolls
/// still meet.
#[test]
fn a_figure_dated_by_a_year_is_not_the_story_s_own() {
    let (rows, code) = findings(&[
        (
            "a.txt",
            "The Aceh earthquake killed 230,000 people in 2004.\n",
        ),
        ("b.txt", "The Aceh earthquake killed five people.\n"),
        ("c.txt", "The Aceh earthquake killed seven people.\n"),
    ]);
    assert_eq!(
        rows,
        [
            row(
                "conflict",
                "numeric.mismatch",
                &[&["b: five people"], &["c: seven people"]]
            ),
            row("unsupported", "unsupported", &[&["a: 230,000 people"]]),
        ]
    );
    assert_eq!(code, 1);
}

/// Citing an agency for a plan is sourcing, not doubt: only a hedge makes a
/// plan a possibility.
#[test]
fn attribution_is_not_doubt_but_a_hedge_is() {
    let (rows, _) = findings(&[
        (
            "a.txt",
            "Meta will sell spare computing capacity, according to Bloomberg.\n",
        ),
        ("b.txt", "Meta will sell spare computing capacity.\n"),
        (
            "c.txt",
            "Meta may sell spare computing capacity, reports suggest.\n",
        ),
    ]);
    assert_eq!(
        rows,
        [row(
            "conflict",
            "modality.mismatch",
            &[
                &[
                    "a: will sell spare computing capacity",
                    "b: will sell spare computing capacity"
                ],
                &["c: may sell spare computing capacity"]
            ]
        )]
    );
}

/// A toll reported on Monday and one reported on Tuesday are two moments of
/// a moving story; the same day, or a distance, they are one fact.
#[test]
fn figures_of_articles_published_on_different_days_are_two_moments() {
    let monday = "Date: 2007-12-03\n\n";
    let tuesday = "Date: 2007-12-04\n\n";
    let toll = |day: &str, n: &str| {
        format!("{day}Typhoon Mitag killed {n} people in Luzon, officials said.\n")
    };
    let (rows, code) = findings(&[
        ("a.txt", &toll(monday, "12")),
        ("b.txt", &toll(tuesday, "20")),
    ]);
    no_conflict(&rows);
    assert_eq!(code, 0);
    let (rows, code) = findings(&[
        ("a.txt", &toll(monday, "12")),
        ("b.txt", &toll(monday, "20")),
    ]);
    assert_eq!(
        rows,
        [row(
            "conflict",
            "numeric.mismatch",
            &[&["a: 12 people"], &["b: 20 people"]]
        )]
    );
    assert_eq!(code, 1);
    // A distance does not move with the story.
    let far = |day: &str, n: &str| {
        format!("{day}Nickel Mines lies about {n} miles west of Philadelphia.\n")
    };
    let (rows, _) = findings(&[
        ("a.txt", &far(monday, "35")),
        ("b.txt", &far(tuesday, "55")),
    ]);
    assert_eq!(
        rows,
        [row(
            "conflict",
            "numeric.mismatch",
            &[&["a: about 35 miles"], &["b: about 55 miles"]]
        )]
    );
}

/// One unit is not one measure: "percent of the total weight" and "percent
/// extra fuel" share nothing but the unit.
#[test]
fn a_shared_unit_is_not_evidence_of_one_fact() {
    let (rows, code) = findings(&[
        (
            "a.txt",
            "The GlobalFlyer is a flying tank: fuel is 83 percent of the total weight.\n",
        ),
        (
            "b.txt",
            "The GlobalFlyer carries about 15 percent extra fuel for bad weather.\n",
        ),
    ]);
    no_conflict(&rows);
    assert_eq!(code, 0);
}

/// "killed or wounded" counts either; it is not the death toll.
#[test]
fn a_count_of_either_of_two_verbs_is_not_either_verb_s_count() {
    let either = (
        "a.txt",
        "The Taba blast killed or wounded at least 100 people.\n",
    );
    let killed = ("b.txt", "The Taba blast killed at least 30 people.\n");
    let (rows, _) = findings(&[either, killed]);
    no_conflict(&rows);
    let more = ("a.txt", "The Taba blast killed at least 50 people.\n");
    let (rows, _) = findings(&[more, killed]);
    assert_eq!(
        rows,
        [row(
            "conflict",
            "numeric.precision",
            &[&["a: at least 50 people"], &["b: at least 30 people"]]
        )]
    );
}

/// A bound fits any larger figure, but "at least 30" and "at least 100" are
/// not one toll told more or less precisely: more than three times apart,
/// they are not set against each other (nor called agreeing).
#[test]
fn figures_far_apart_are_not_one_figure_through_a_bound() {
    let killed = ("b.txt", "The Taba blast killed at least 30 people.\n");
    let far = ("a.txt", "The Taba blast killed at least 100 people.\n");
    let (rows, code) = findings(&[far, killed]);
    assert!(
        rows.iter().all(|r| r.0 != "conflict" && r.0 != "agreement"),
        "{rows:?}"
    );
    assert_eq!(code, 0);
    let exact = ("a.txt", "The Taba blast killed 91 people.\n");
    let (rows, _) = findings(&[exact, killed]);
    no_conflict(&rows);
    let near = ("a.txt", "The Taba blast killed 89 people.\n");
    let (rows, _) = findings(&[near, killed]);
    assert_eq!(
        rows,
        [row(
            "conflict",
            "numeric.precision",
            &[&["a: 89 people"], &["b: at least 30 people"]]
        )]
    );
}

/// Checking a draft, the run fails when a conflict contradicts the draft,
/// not when the sources disagree among themselves over the draft's value.
#[test]
fn a_draft_fails_only_when_contradicted() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, pct: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, format!("Acme revenue rose {pct} in the quarter.\n")).unwrap();
        p
    };
    let sources = dir.path().join("sources");
    std::fs::create_dir(&sources).unwrap();
    for (name, pct) in [("a", "5%"), ("b", "5%"), ("c", "7%")] {
        write(&format!("sources/{name}.txt"), pct);
    }
    let code = |draft: &Path, extra: &[&str]| {
        Command::cargo_bin("crosscheck")
            .unwrap()
            .arg("check")
            .args(extra)
            .arg("--draft")
            .arg(draft)
            .arg(&sources)
            .output()
            .unwrap()
            .status
            .code()
            .unwrap()
    };
    let backed = write("backed.txt", "5%");
    assert_eq!(code(&backed, &[]), 0);
    assert_eq!(code(&backed, &["--fail-on", "conflict"]), 1);
    let wrong = write("wrong.txt", "9%");
    assert_eq!(code(&wrong, &[]), 1);
}

/// "Quarterly profit rose 12%" and "shares rose 3%" are two measures of one
/// company, not one change told twice.
#[test]
fn a_company_s_profit_and_its_shares_are_two_measures() {
    let (rows, code) = findings(&[
        ("a.txt", "Quarterly profit at Acme rose 12%.\n"),
        ("b.txt", "Acme shares rose 3%.\n"),
    ]);
    no_conflict(&rows);
    assert_eq!(code, 0);
}

/// A plan hedged one day and firm the next is a story that moved.
#[test]
fn a_plan_hedged_one_day_and_firm_the_next_is_no_conflict() {
    let hedged = |day: &str| {
        format!("Date: 2026-03-0{day}\n\nMeta may sell spare computing capacity to rivals.\n")
    };
    let firm = |day: &str| {
        format!("Date: 2026-03-0{day}\n\nMeta will sell spare computing capacity to rivals.\n")
    };
    let (rows, _) = findings(&[("a.txt", &hedged("2")), ("b.txt", &firm("3"))]);
    no_conflict(&rows);
    let (rows, _) = findings(&[("a.txt", &hedged("3")), ("b.txt", &firm("3"))]);
    assert_eq!(
        rows.iter().map(|r| r.1.as_str()).collect::<Vec<_>>(),
        ["modality.mismatch"],
        "{rows:?}"
    );
}

/// One slot in common is what many figures of one story share: a count
/// whose noun is its only link ("12 passengers" still missing, "102
/// passengers" on board) is not compared. Two slots, or the same words
/// around the figures, are enough.
#[test]
fn one_shared_slot_is_not_enough_for_a_count() {
    let (rows, code) = findings(&[
        (
            "a.txt",
            "Officials said 12 passengers of the ferry Alsa are still missing.\n",
        ),
        ("b.txt", "The ferry Alsa had 102 passengers on board.\n"),
    ]);
    no_conflict(&rows);
    assert_eq!(code, 0);
    let told = |n: &str| {
        format!(
            "Officials in Darlow said the ferry Alsa sank with {n} passengers on board near the coast.\n"
        )
    };
    let (rows, code) = findings(&[("a.txt", &told("102")), ("b.txt", &told("120"))]);
    assert_eq!(
        rows,
        [row(
            "conflict",
            "numeric.mismatch",
            &[&["a: 102 passengers"], &["b: 120 passengers"]]
        )]
    );
    assert_eq!(code, 1);
}

/// A distance to a named place ties two figures to one fact even when
/// nothing else in their sentences is alike.
#[test]
fn a_figure_followed_by_one_named_place_is_one_fact() {
    let (rows, _) = findings(&[
        (
            "a.txt",
            "Wounded children were taken to hospital from the school at Orla, about 35 miles (55 kilometers) west of Darlow.\n",
        ),
        (
            "b.txt",
            "The school is among farmlands just outside Orla, a tiny village about 55 miles (88 kilometers) west of Darlow.\n",
        ),
    ]);
    assert!(
        rows.iter().any(|r| r.0 == "conflict"
            && r.2
                == [
                    vec!["a: about 35 miles".to_string()],
                    vec!["b: about 55 miles".to_string()]
                ]),
        "{rows:?}"
    );
}

/// A named person has one age: two outlets giving two are in conflict,
/// whatever else their sentences say, and relatives who share a surname
/// are never one person because a bare surname stands for both.
#[test]
fn a_persons_age_is_one_fact_and_relatives_are_two_people() {
    let (rows, code) = findings(&[
        (
            "a.txt",
            "Date: 2015-01-24\n\nPolice said Jonathan Walker, 34, shot his 7-year-old daughter, Kayla Walker.\n",
        ),
        (
            "b.txt",
            "Date: 2015-01-25\n\nThe shooter, Jonathan Walker, 35, wounded Kayla Walker, 7.\n",
        ),
    ]);
    assert_eq!(
        rows,
        [
            row("conflict", "numeric.mismatch", &[&["a: 34"], &["b: 35"]]),
            row("agreement", "agreement", &[&["a: 7", "b: 7"]]),
        ]
    );
    assert_eq!(code, 1);
    let (rows, code) = findings(&[
        (
            "a.txt",
            "Jonathan Walker, 34, was arrested on Sunday. Walker said he was sorry.\n",
        ),
        (
            "b.txt",
            "His daughter Kayla Walker, 7, was hurt. Walker was taken to hospital.\n",
        ),
    ]);
    no_conflict(&rows);
    assert_eq!(code, 0);
    // A family name written first joins two people by its prefix.
    let (rows, code) = findings(&[
        (
            "a.txt",
            "Wang Bingzhang, 50, an adviser to the party, said Wang had left China.\n",
        ),
        (
            "b.txt",
            "In Hangzhou, Wang Youcai, 33, is to go on trial on similar charges.\n",
        ),
    ]);
    no_conflict(&rows);
    assert_eq!(code, 0);
}

/// One sentence told word for word with two figures is a contradiction,
/// even when one source gives both figures elsewhere: a copy that changed
/// one of the two places an article gives a figure.
#[test]
fn one_sentence_told_word_for_word_with_two_figures_conflicts() {
    let text = |second: &str| {
        format!(
            "Farenthold paid $84,000 from a public fund to settle the harassment claim last year.\n\n\
             Critics say Farenthold paid {second} from a public fund without telling the voters of his district.\n"
        )
    };
    let (rows, code) = findings(&[("a.txt", &text("$84,000")), ("b.txt", &text("$242,423"))]);
    assert_eq!(
        rows.iter()
            .filter(|r| r.0 == "conflict")
            .map(|r| r.2.clone())
            .collect::<Vec<_>>(),
        [vec![
            vec![
                "a: $84,000".to_string(),
                "a: $84,000".to_string(),
                "b: $84,000".to_string()
            ],
            vec!["b: $242,423".to_string()]
        ]],
        "{rows:?}"
    );
    assert_eq!(code, 1);
}

/// A figure whose sentence names no one (a headline's toll) is still read,
/// as the story's main entity's, and meets another outlet's figure told in
/// the same words.
#[test]
fn a_figure_with_no_named_subject_is_still_checked() {
    let page = |n: &str| {
        format!(
            "Oil tanker leaks {n} barrels of crude oil after collision off the coast\n\n\
             The Hebei Spirit was hit by a crane barge near Mallipo.\n"
        )
    };
    let (rows, code) = findings(&[("a.txt", &page("110,000")), ("b.txt", &page("66,000"))]);
    assert_eq!(
        rows,
        [row(
            "conflict",
            "numeric.mismatch",
            &[&["a: 110,000 barrels"], &["b: 66,000 barrels"]]
        )]
    );
    assert_eq!(code, 1);
}

/// "would" of reported speech stays reported through its clause ("added
/// that … would undergo … and would continue"), and a "which would" clause
/// tells a consequence: neither is a hedge set against a firm "will".
#[test]
fn would_of_reported_speech_and_of_consequences_is_not_a_hedge() {
    let (rows, _) = findings(&[
        (
            "a.txt",
            "Peter Jennings will undergo outpatient treatment in New York and will continue to work.\n",
        ),
        (
            "b.txt",
            "He added that Peter Jennings would undergo outpatient treatment in New York and would continue to work.\n",
        ),
    ]);
    assert!(rows.iter().all(|r| r.1 != "modality.mismatch"), "{rows:?}");
    let (rows, _) = findings(&[
        (
            "a.txt",
            "Bangladesh and India signed a Ganges water accord, which would remove a major irritant in bilateral relations.\n",
        ),
        (
            "b.txt",
            "Bangladesh and India signed a Ganges water accord, which will remove a major irritant in bilateral relations.\n",
        ),
    ]);
    assert!(rows.iter().all(|r| r.1 != "modality.mismatch"), "{rows:?}");
}

/// A plan under a condition ("if he took the throne", "unless you hear
/// otherwise") is neither firm nor hedged: it is never set against another
/// outlet's plain "will". Without the condition, "could" against "will"
/// still is.
#[test]
fn a_plan_under_a_condition_is_not_weighed_against_a_firm_one() {
    let firm = (
        "a.txt",
        "Meta announced on Tuesday that it will sell spare computing capacity to other companies.\n",
    );
    let (rows, _) = findings(&[
        firm,
        (
            "b.txt",
            "If regulators agree, Meta would sell spare computing capacity to other companies.\n",
        ),
    ]);
    assert!(rows.iter().all(|r| r.1 != "modality.mismatch"), "{rows:?}");
    let (rows, _) = findings(&[
        firm,
        (
            "b.txt",
            "Unless you hear otherwise, Meta will sell spare computing capacity to other companies.\n",
        ),
    ]);
    assert!(rows.iter().all(|r| r.1 != "modality.mismatch"), "{rows:?}");
    let (rows, _) = findings(&[
        firm,
        (
            "b.txt",
            "Reports suggest Meta could sell spare computing capacity to other companies.\n",
        ),
    ]);
    assert_eq!(
        rows.iter().filter(|r| r.1 == "modality.mismatch").count(),
        1,
        "{rows:?}"
    );
}

/// A draft's ages get their verdicts like any figure: a wrong age is
/// contradicted by the sources, a right one supported.
#[test]
fn a_draft_age_is_contradicted_or_supported() {
    let dir = tempfile::tempdir().unwrap();
    let put = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    let a = put(
        "a.txt",
        "Date: 2015-01-24\n\nPolice said Jonathan Walker, 34, shot his 7-year-old daughter, Kayla Walker.\n",
    );
    let b = put(
        "b.txt",
        "Date: 2015-01-25\n\nThe shooter, Jonathan Walker, 34, wounded Kayla Walker, 7.\n",
    );
    let draft = put(
        "draft.txt",
        "Jonathan Walker, 35, shot his daughter Kayla Walker, 7, on Saturday.\n",
    );
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["check", "--format", "json", "--draft"])
        .arg(&draft)
        .args([&a, &b])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let standings: Vec<(String, String)> = v["draft"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["claim"]["text"].as_str().unwrap().to_string(),
                d["standing"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        standings,
        [
            ("35".to_string(), "contradicted".to_string()),
            ("7".to_string(), "supported".to_string()),
            // The day of the shooting is checked too: no source gives it.
            ("Saturday".to_string(), "unsupported".to_string())
        ]
    );
}

/// The name-spelling rows of `rows`.
fn spellings(rows: Vec<Row>) -> Vec<Row> {
    rows.into_iter()
        .filter(|r| r.1 == "name.spelling")
        .collect()
}

/// One name spelt two ways is a finding, across sources and within one;
/// a middle initial is not a spelling.
#[test]
fn a_name_spelt_two_ways_is_reported() {
    let (rows, code) = findings(&[
        (
            "a.txt",
            "Damein K. Hamer was arrested in Benton County.\n\nPolice said Damien Hamer will be extradited.\n",
        ),
        ("b.txt", "Deputies said Damein Hamer was held overnight.\n"),
    ]);
    assert_eq!(
        spellings(rows),
        [row(
            "conflict",
            "name.spelling",
            &[
                &["a: Damein K. Hamer", "b: Damein Hamer"],
                &["a: Damien Hamer"]
            ]
        )]
    );
    // A warning: the run does not fail on it.
    assert_eq!(code, 0);
}

/// Capitals inside a name are its spelling ("DeVine" / "Devine").
#[test]
fn capitals_inside_a_name_are_its_spelling() {
    let (rows, _) = findings(&[
        (
            "a.txt",
            "TBI spokesman Josh DeVine said the case is open.\n",
        ),
        (
            "b.txt",
            "TBI spokesman Josh Devine said no one is in custody.\n",
        ),
    ]);
    assert_eq!(
        spellings(rows),
        [row(
            "conflict",
            "name.spelling",
            &[&["a: Josh DeVine"], &["b: Josh Devine"]]
        )]
    );
}

/// Other names are not misspellings: another ending ("Paul" / "Paula"), a
/// familiar form ("Charles" / "Charlie"), a British spelling, an accent,
/// a short name one letter away ("Joe" / "Jon"), and two names written in
/// one sentence (two people).
#[test]
fn other_names_and_house_styles_are_not_misspellings() {
    let (rows, _) = findings(&[
        (
            "a.txt",
            "Paul Ortega, Charles Gibson and Joe Walker met at the World Health Organization in Place Vendome.\n\nKayla Marsh and Kaylee Marsh were both hurt.\n",
        ),
        (
            "b.txt",
            "Paula Ortega, Charlie Gibson and Jon Walker met at the World Health Organisation in Place Vendôme.\n\nKaylee Marsh was treated at the scene.\n",
        ),
    ]);
    assert_eq!(spellings(rows), Vec::<Row>::new());
}

/// Two words news uses often are two things, not one misspelt ("Medicare"
/// / "Medicaid", "Northwestern" / "Northeastern"); a verb or a preposition
/// opening a sentence is not part of the name after it ("Imagine
/// Medicare costs …" is about Medicare). A rare spelling of a common name
/// is still a misspelling ("Preibus"), and so is a wrong title before one
/// person ("Majority" / "Minority Leader").
#[test]
fn two_common_words_are_two_things_and_a_rare_one_a_misspelling() {
    let (rows, _) = findings(&[
        (
            "a.txt",
            "The plan would imagine a bigger role for Medicaid.\n\nImagine Medicare costs were exploding.\n\nA sociologist at Northwestern University agreed.\n\nRNC chairman Reince Priebus spoke to Senate Minority Leader Chuck Schumer.\n",
        ),
        (
            "b.txt",
            "Medicaid pays doctors less than Medicare does, said a sociologist at Northeastern University.\n\nReince Preibus later called Senate Majority Leader Chuck Schumer.\n",
        ),
    ]);
    assert_eq!(
        spellings(rows),
        [
            row(
                "conflict",
                "name.spelling",
                &[&["a: Reince Priebus"], &["b: Reince Preibus"]]
            ),
            row(
                "conflict",
                "name.spelling",
                &[
                    &["a: Senate Minority Leader Chuck Schumer"],
                    &["b: Senate Majority Leader Chuck Schumer"]
                ]
            )
        ]
    );
}

/// A romanisation written only inside a quotation, where the outlet's own
/// words romanise the name another way, is the quoted statement's style;
/// a misspelling inside a spoken quotation is still the outlet's.
#[test]
fn a_romanisation_inside_a_quotation_is_the_quoted_style() {
    let (rows, _) = findings(&[
        (
            "a.txt",
            "Ministers met Ukrainian President Viktor Yanukovych overnight.\n\n\"President Yanukovich must negotiate now,\" the secretary said in a statement.\n\nSenator Elizabeth Warren spoke first.\n\n\"Elizabeth Waren is right,\" a voter said.\n",
        ),
        (
            "b.txt",
            "Viktor Yanukovych signed the deal, and Elizabeth Warren welcomed it.\n",
        ),
    ]);
    assert_eq!(
        spellings(rows),
        [row(
            "conflict",
            "name.spelling",
            &[
                &["a: Elizabeth Waren"],
                &["a: Elizabeth Warren", "b: Elizabeth Warren"]
            ]
        )]
    );
}

/// Checking a draft, a name the draft spells unlike its sources is a
/// finding against the draft.
#[test]
fn a_draft_s_misspelt_name_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("draft.md"),
        "Deputies said Jonathon Walker was held overnight.\n",
    )
    .unwrap();
    let src = dir.path().join("sources");
    std::fs::create_dir(&src).unwrap();
    std::fs::write(
        src.join("wire.txt"),
        "Deputies said Jonathan Walker was held overnight.\n",
    )
    .unwrap();
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["check", "--format", "json", "--draft"])
        .arg(dir.path().join("draft.md"))
        .arg(&src)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let spelt: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "name.spelling")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        spelt,
        [
            "\"Jonathon Walker\" vs \"Jonathan Walker\": one name spelt two ways (\"Jonathon\" / \"Jonathan\")"
        ]
    );
}

/// One person's age, the name written with a nickname in quotes and with a
/// middle name in one outlet and without in the other: one age, two values.
#[test]
fn a_person_named_with_a_nickname_or_a_middle_name_has_one_age() {
    let (rows, code) = findings(&[
        (
            "a.txt",
            "The boy was dropped off at the home of his father, Joe \u{201c}Joe Duke\u{201d} Robertson, 38, on Naylor Road.\n",
        ),
        (
            "b.txt",
            "The boy and his father, Joe Dandrea \"Duke\" Robertson, 37, were found dead on Naylor Road.\n",
        ),
    ]);
    let ages: Vec<Row> = rows.into_iter().filter(|r| r.0 == "conflict").collect();
    assert_eq!(
        ages,
        [row(
            "conflict",
            "numeric.mismatch",
            &[&["a: 38"], &["b: 37"]]
        )]
    );
    assert_eq!(code, 1);
}

/// A person's name misspelt in its first word ("Jerome" / "Gerome Battle")
/// is still one person: the two are grouped and the spelling reported. Two
/// places a compass point apart never are.
#[test]
fn a_misspelt_first_name_is_one_person_and_north_is_not_south() {
    let (rows, _) = findings(&[
        (
            "a.txt",
            "Police identified the victims as 20-year-old Jerome Battle and 30-year-old Michael Clarke.\n",
        ),
        (
            "b.txt",
            "Another victim, 20-year-old Gerome Battle, had to undergo two surgeries.\n",
        ),
    ]);
    assert_eq!(
        spellings(rows),
        [row(
            "conflict",
            "name.spelling",
            &[&["a: Jerome Battle"], &["b: Gerome Battle"]]
        )]
    );
    let (rows, _) = findings(&[
        ("a.txt", "Storms hit North Carolina on Monday.\n"),
        ("b.txt", "Storms hit South Carolina on Monday.\n"),
    ]);
    assert_eq!(spellings(rows), Vec::<Row>::new());
}

/// A surname alone spelt unlike the full name in the same article is
/// reported ("Kurt Myers" … "Meyers remained at large"); a word alone a
/// letter or two from a surname in another article, or with another first
/// letter ("Paris" / "Shimon Peres"), is not.
#[test]
fn a_surname_alone_spelt_unlike_its_full_name_is_reported() {
    let (rows, _) = findings(&[(
        "a.txt",
        "Police named the gunman as Kurt Myers on Wednesday.\n\nOfficials said Meyers remained at large.\n",
    )]);
    assert_eq!(
        spellings(rows),
        [row(
            "conflict",
            "name.spelling",
            &[&["a: Kurt Myers"], &["a: Meyers"]]
        )]
    );
    let (rows, _) = findings(&[
        (
            "a.txt",
            "Police named the gunman as Kurt Myers on Wednesday.\n",
        ),
        ("b.txt", "Officials said Meyers remained at large.\n"),
    ]);
    assert_eq!(spellings(rows), Vec::<Row>::new());
    let (rows, _) = findings(&[(
        "a.txt",
        "Shimon Peres flew to Paris on Monday.\n\nIn Paris, Peres met the president.\n",
    )]);
    assert_eq!(spellings(rows), Vec::<Row>::new());
}

/// A shooting's day is one fact of the person shot, read from the word the date
/// hangs from: a day of telling ("police said Sunday") is not it, a day
/// near midnight may be told by either day, a dateline dates the page, and
/// a date weeks before publication is another event.
#[test]
fn the_day_of_a_shooting_is_one_fact_and_a_day_of_telling_is_not() {
    let shot = |when: &str| {
        format!(
            "Date: 2016-07-12\n\nJordan Mace, 24, was shot and killed {when} in Millbrook, police said.\n"
        )
    };
    // The victim's age, the same in every copy, is left aside.
    let days = |(rows, code): (Vec<Row>, i32)| -> (Vec<Row>, i32) {
        let age = |r: &Row| r.2.iter().flatten().any(|c| c.ends_with(": 24"));
        (rows.into_iter().filter(|r| !age(r)).collect(), code)
    };
    let (rows, code) = days(findings(&[
        ("a.txt", &shot("Saturday")),
        ("b.txt", &shot("on Thursday")),
    ]));
    assert_eq!(
        rows,
        [row(
            "conflict",
            "date.mismatch",
            &[&["a: Saturday"], &["b: Thursday"]]
        )]
    );
    assert_eq!(code, 1);
    // A full date is read in the year of publication.
    let (rows, _) = days(findings(&[
        ("a.txt", &shot("Saturday")),
        ("b.txt", &shot("on July 9")),
    ]));
    assert_eq!(
        rows,
        [row(
            "agreement",
            "agreement",
            &[&["a: Saturday", "b: July 9"]]
        )]
    );
    // Late one night and early the next morning may be one moment.
    let (rows, code) = findings(&[
        ("a.txt", &shot("late Saturday night")),
        ("b.txt", &shot("early Sunday")),
    ]);
    no_conflict(&rows);
    assert_eq!(code, 0);
    // The day police spoke, a dateline, and an older shooting are not the
    // day of this one.
    let told = "Date: 2016-07-12\n\nJordan Mace was shot and killed in Millbrook, police in Millbrook said Monday.\n";
    let dateline =
        "Date: 2016-07-12\n\nJuly 11, 2016 - Jordan Mace was shot and killed in Millbrook.\n";
    let older = "Date: 2016-07-12\n\nJordan Mace was shot and killed in Millbrook on May 2.\n";
    // Nor is a day of another article's publication day: a story of
    // several days tells of several shootings.
    let next_day =
        "Date: 2016-07-13\n\nJordan Mace was shot and killed on Thursday in Millbrook.\n";
    // Nor the day someone was fired from a job.
    let dismissed =
        "Date: 2016-07-12\n\nJordan Mace, 24, was fired from Millbrook Tools on Thursday.\n";
    for other in [told, dateline, older, next_day, dismissed] {
        let (rows, code) = findings(&[("a.txt", &shot("Saturday")), ("b.txt", other)]);
        assert!(rows.iter().all(|r| r.0 != "conflict"), "{other}: {rows:?}");
        assert_eq!(code, 0, "{other}");
    }
    // A verb of telling between the event and the date takes the date.
    let arrested = "Date: 2016-07-12\n\nJordan Mace, 24, was arrested Saturday in Millbrook.\n";
    let released = "Date: 2016-07-12\n\nResults of a test given when Jordan Mace was arrested were released Monday.\n";
    let (rows, code) = findings(&[("a.txt", arrested), ("b.txt", released)]);
    no_conflict(&rows);
    assert_eq!(code, 0);
}

/// "A 2011 Nissan Altima" is a car's model year, not the time of the age
/// beside it.
#[test]
fn a_model_year_is_not_a_time() {
    let (rows, code) = findings(&[
        (
            "a.txt",
            "The gunman then kept running east on Walnut Street and approached a 2011 Nissan Altima with a 36-year-old man and 27-year-old Mara Selig inside.\n",
        ),
        (
            "b.txt",
            "One of the civilians shot, Mara Selig, 25, was sitting in a car near her home.\n",
        ),
    ]);
    assert_eq!(
        rows,
        [row(
            "conflict",
            "numeric.mismatch",
            &[&["a: 27"], &["b: 25"]]
        )]
    );
    assert_eq!(code, 1);
}

/// A date of no named event, or of saying, is one fact only where one
/// sentence is told word for word with two days (a copy with one day
/// changed); such dates are never counted as agreeing or unsupported.
#[test]
fn one_sentence_told_with_two_days_conflicts() {
    // The rows about days (the plan the sentence tells is its own fact).
    let days = |(rows, code): (Vec<Row>, i32)| -> (Vec<Row>, i32) {
        let day = |r: &Row| r.2.iter().flatten().any(|c| c.ends_with("day"));
        (rows.into_iter().filter(day).collect(), code)
    };
    let perry = |day: &str| {
        format!(
            "On {day}, Mr. Perry signaled that he would not support the measure in its current form.\n"
        )
    };
    let (rows, code) = days(findings(&[
        ("a.txt", &perry("Tuesday")),
        ("b.txt", &perry("Thursday")),
    ]));
    assert_eq!(
        rows,
        [row(
            "conflict",
            "date.mismatch",
            &[&["a: Tuesday"], &["b: Thursday"]]
        )]
    );
    assert_eq!(code, 1);
    let (rows, code) = days(findings(&[
        ("a.txt", &perry("Tuesday")),
        ("b.txt", &perry("Tuesday")),
    ]));
    assert_eq!(rows, []);
    assert_eq!(code, 0);
    // A day of saying, told word for word.
    let doj = |day: &str| {
        format!(
            "The sample matched a DNA sample from a previous arrest in Florida, DOJ officials said {day}.\n"
        )
    };
    let (rows, code) = days(findings(&[
        ("a.txt", &doj("Friday")),
        ("b.txt", &doj("Tuesday")),
    ]));
    assert_eq!(
        rows,
        [row(
            "conflict",
            "date.mismatch",
            &[&["a: Friday"], &["b: Tuesday"]]
        )]
    );
    assert_eq!(code, 1);
    // Not across articles of different days ("appeared in Saturday's
    // Times" each week), nor between sentences told differently.
    let dated = |date: &str, day: &str| format!("Date: {date}\n\n{}", perry(day));
    let (rows, code) = days(findings(&[
        ("a.txt", &dated("2013-07-02", "Tuesday")),
        ("b.txt", &dated("2013-07-04", "Thursday")),
    ]));
    assert_eq!(rows, []);
    assert_eq!(code, 0);
    let other = "On Thursday, the governor said the state would appeal the ruling.\n";
    let (rows, code) = days(findings(&[("a.txt", &perry("Tuesday")), ("b.txt", other)]));
    no_conflict(&rows);
    assert_eq!(code, 0);
}

/// A toll in one place and a toll in another are two facts; a figure told
/// of another place than its subject is compared with nothing.
#[test]
fn figures_of_two_places_are_two_facts() {
    let (rows, code) = findings(&[
        (
            "a.txt",
            "Cyclone Idra flattened 12 houses in Tarvolo, the regional office said.\n",
        ),
        (
            "b.txt",
            "Cyclone Idra flattened more than 900 houses across Merovia, the regional office said.\n",
        ),
        (
            "c.txt",
            "Cyclone Idra flattened 15 houses in Tarvolo, the regional office said.\n",
        ),
    ]);
    assert_eq!(
        rows,
        [
            row(
                "conflict",
                "numeric.mismatch",
                &[&["a: 12 houses"], &["c: 15 houses"]]
            ),
            row(
                "unsupported",
                "unsupported",
                &[&["b: more than 900 houses"]]
            ),
        ]
    );
    assert_eq!(code, 1);
}

/// "… in Egypt, and 60 per cent in India" read as Egypt's: a figure placed
/// elsewhere than its place subject is set against nothing.
#[test]
fn a_figure_placed_elsewhere_than_its_subject_is_not_the_subject_s() {
    let (rows, code) = findings(&[
        (
            "a.txt",
            "Up to 70 per cent of web services in Egypt, and 60 per cent in India, were disrupted yesterday.\n",
        ),
        ("b.txt", "Web services in Egypt were down by 80 percent.\n"),
    ]);
    assert_eq!(
        rows,
        [
            row("unsupported", "unsupported", &[&["a: 60 per cent"]]),
            row("unsupported", "unsupported", &[&["b: 80 percent"]]),
        ]
    );
    assert_eq!(code, 0);
}

/// The day of an event ("on Friday fired") and the day it was told ("an
/// official said Thursday") are two dates, however the tree attached them.
#[test]
fn the_day_of_an_event_is_not_the_day_it_was_told() {
    let (rows, code) = findings(&[
        (
            "a.txt",
            "Kestrel Pharma on Friday fired 13 managers for fraud, officials said.\n",
        ),
        (
            "b.txt",
            "Kestrel Pharma has fired 13 managers for fraud, an official said Thursday.\n",
        ),
    ]);
    assert_eq!(
        rows,
        [
            row(
                "agreement",
                "agreement",
                &[&["a: 13 managers", "b: 13 managers"]]
            ),
            row("unsupported", "unsupported", &[&["a: Friday"]]),
            row("unsupported", "unsupported", &[&["b: Thursday"]]),
        ]
    );
    assert_eq!(code, 0);
}

/// The time the story's incident happened is a claim; a time of another
/// shooting ("another shooting happened") is none.
#[test]
fn the_time_of_the_incident_is_checked() {
    let (rows, code) = findings(&[
        (
            "a.txt",
            "The shooting happened around 3:30 a.m. Sunday outside Club Nova, police said.\n",
        ),
        (
            "b.txt",
            "The shooting happened at 3:50 a.m. Sunday outside Club Nova, police said.\n",
        ),
        (
            "c.txt",
            "Another shooting happened around 5 a.m. Sunday across town, police said.\n",
        ),
    ]);
    assert_eq!(
        rows,
        [
            row(
                "conflict",
                "numeric.mismatch",
                &[&["a: around 3:30 a.m."], &["b: 3:50 a.m."]]
            ),
            row("agreement", "agreement", &[&["a: Sunday", "b: Sunday"]]),
        ]
    );
    assert_eq!(code, 1);
    // "about 3:45" is a quarter of an hour either way: only a warning.
    let (rows, code) = findings(&[
        (
            "a.txt",
            "The shooting happened about 3:45 a.m. Sunday outside Club Nova, police said.\n",
        ),
        (
            "b.txt",
            "The shooting happened at 3:50 a.m. Sunday outside Club Nova, police said.\n",
        ),
    ]);
    assert_eq!(
        rows,
        [
            row(
                "conflict",
                "numeric.precision",
                &[&["a: about 3:45 a.m."], &["b: 3:50 a.m."]]
            ),
            row("agreement", "agreement", &[&["a: Sunday", "b: Sunday"]]),
        ]
    );
    assert_eq!(code, 0);
}

/// A time of no owned event is still compared where one sentence is told
/// with two times; a line with no verb (a page's time stamp) tells none.
#[test]
fn a_time_told_in_the_same_words_meets_its_copy() {
    let (rows, code) = findings(&[
        (
            "a.txt",
            "Officers were called to the 400 block of Elm Street at 2:10 a.m. after neighbours heard gunfire.\nThursday, April 11, 9:53 PM\n",
        ),
        (
            "b.txt",
            "Officers were called to the 400 block of Elm Street at 2:40 a.m. after neighbours heard gunfire.\nThursday, April 11, 12:12 AM\n",
        ),
    ]);
    assert_eq!(
        rows,
        [
            row(
                "conflict",
                "numeric.mismatch",
                &[&["a: 2:10 a.m."], &["b: 2:40 a.m."]]
            ),
            row(
                "agreement",
                "agreement",
                &[&["a: 400 block", "b: 400 block"]]
            ),
        ]
    );
    assert_eq!(code, 1);
}

/// A clause with no time of its own happened when the clause it hangs from
/// did: a toll of a quake "in 2004" is background, whichever verb the year
/// is attached to.
#[test]
fn a_year_of_the_governing_clause_dates_the_figure() {
    let (rows, _) = findings(&[
        (
            "a.txt",
            "The earthquake hit Aceh in December 2004, triggering a tsunami that killed 170,000 people.\n",
        ),
        ("b.txt", "The Aceh quake killed five people.\n"),
        ("c.txt", "The Aceh quake killed seven people.\n"),
    ]);
    assert_eq!(
        rows,
        [
            row(
                "conflict",
                "numeric.mismatch",
                &[&["b: five people"], &["c: seven people"]]
            ),
            row("unsupported", "unsupported", &[&["a: 170,000 people"]]),
        ]
    );
}

/// A running total ("since the conflict began", told after two joined
/// verbs) and one day's toll are two facts.
#[test]
fn a_running_total_is_not_one_day_s_toll() {
    let (rows, _) = findings(&[
        (
            "a.txt",
            "Officials said 1,101 people have been killed and 6,500 wounded in Gaza since the current conflict began.\n",
        ),
        (
            "b.txt",
            "A strike on a Gaza park killed 10 people Monday.\n",
        ),
    ]);
    no_conflict(&rows);
    // Without the running total the two are one toll.
    let (rows, _) = findings(&[
        ("a.txt", "A strike on a Gaza park killed 12 people.\n"),
        (
            "b.txt",
            "A strike on a Gaza park killed 10 people Monday.\n",
        ),
    ]);
    assert_eq!(
        rows,
        [
            row(
                "conflict",
                "numeric.mismatch",
                &[&["a: 12 people"], &["b: 10 people"]]
            ),
            row("unsupported", "unsupported", &[&["b: Monday"]]),
        ]
    );
}

/// "50 percent higher than the share price" is a gap between two values,
/// not a movement; "4.1 percent higher than a year earlier" is one.
#[test]
fn a_gap_between_two_values_is_not_a_move() {
    let (rows, _) = findings(&[
        (
            "a.txt",
            "The bid was 50 percent higher than the Qualcomm share price in November.\n",
        ),
        ("b.txt", "Qualcomm shares fell 4.3 percent.\n"),
    ]);
    no_conflict(&rows);
}

/// "would" says nothing of how firm a plan is (reported speech, a
/// hypothetical, what a bill would do), the same words are never two
/// modalities, and two acts on one object are not one plan.
#[test]
fn would_identical_words_and_other_acts_are_no_modality_conflict() {
    let quiet = |files: &[(&str, &str)]| {
        let (rows, _) = findings(files);
        no_conflict(&rows);
    };
    quiet(&[
        (
            "a.txt",
            "Trump said he would hold a summit with Kim in Singapore.\n",
        ),
        (
            "b.txt",
            "Trump announced that he will hold a summit with Kim in Singapore.\n",
        ),
    ]);
    quiet(&[
        (
            "a.txt",
            "The deal will prevent a nuclear arms race in the Middle East.\n",
        ),
        (
            "b.txt",
            "Critics say the deal could lead to a nuclear arms race in the Middle East.\n",
        ),
    ]);
    quiet(&[
        (
            "a.txt",
            "Mueller will likely want to know what Trump understood.\n",
        ),
        (
            "b.txt",
            "Mueller will probably want to know what Trump understood.\n",
        ),
    ]);
}

/// A day whose verb has another named actor is that actor's: "… into the
/// Pacific Japan launched a new spy satellite on Friday", read as North
/// Korea's for want of a full stop, is not North Korea's launch day.
#[test]
fn a_day_of_another_actor_is_not_the_subject_s() {
    let (rows, _) = findings(&[
        (
            "a.txt",
            "Five years after North Korea fired a missile over the country and into the Pacific Japan launched a new spy satellite on Friday.\n",
        ),
        (
            "b.txt",
            "The order to launch on Saturday came from North Korea.\n",
        ),
    ]);
    no_conflict(&rows);
    // The same sentence copied with another day is still one event.
    let japan = "Five years after North Korea fired a missile over the country and into the Pacific Japan launched a new spy satellite on Friday.\n";
    let (rows, _) = findings(&[
        ("a.txt", japan),
        ("b.txt", &japan.replace("Friday", "Saturday")),
    ]);
    assert_eq!(
        rows.iter()
            .filter(|r| r.0 == "conflict")
            .map(|r| r.1.as_str())
            .collect::<Vec<_>>(),
        ["date.mismatch"]
    );
}

/// A change is a movement: two figures neither of which is told as one (a
/// candidate's share of a vote) are no change of anything.
#[test]
fn a_share_of_the_vote_is_not_a_change() {
    let (rows, _) = findings(&[
        (
            "a.txt",
            "Hyde-Smith came in first in that race with 41.5 percent of the vote, while Espy ended behind with 40.6 percent.\n",
        ),
        (
            "b.txt",
            "Hyde-Smith's embrace of his agenda appeared designed to appeal to the nearly 17 percent of voters who chose McDaniel.\n",
        ),
    ]);
    no_conflict(&rows);
    let (rows, _) = findings(&[
        ("a.txt", "Qualcomm shares fell 4.3 percent on Monday.\n"),
        ("b.txt", "Qualcomm shares dropped 6.6% on Monday.\n"),
    ]);
    assert_eq!(
        rows.iter()
            .filter(|r| r.0 == "conflict")
            .map(|r| r.1.as_str())
            .collect::<Vec<_>>(),
        ["numeric.mismatch"]
    );
}

/// A crime's day is one event only when the tree does not give the two days
/// two verbs: the day a man "was shot and killed" is not the day an officer
/// "was charged with murder".
#[test]
fn a_day_of_killing_is_not_a_day_of_charging() {
    let (rows, _) = findings(&[
        (
            "a.txt",
            "Date: 2015-04-08\n\nPhotos: Joe Gilliard looks over a fence at the spot where Walter Scott was shot and killed by a police officer on April 4 in North Charleston.\n",
        ),
        (
            "b.txt",
            "Date: 2015-04-08\n\nA white police officer in North Charleston was charged with murder on Tuesday after a video surfaced showing him shooting and killing Walter Scott.\n",
        ),
    ]);
    no_conflict(&rows);
}

/// Two figures whose frames meet but whose sentences differ are one fact
/// told wrongly only when the figures are near each other or one slip of
/// the pen apart; further apart, the frames missed what tells them apart,
/// and the tool stays silent (each figure stays unsupported). Told in the
/// same words, any two figures are one fact.
#[test]
fn far_apart_figures_in_other_words_are_not_set_against_each_other() {
    let a = (
        "a.txt",
        "Date: 2021-05-02\n\nThe storm killed 12 people in Aceh province on Saturday, the Indonesian Red Cross said.\n",
    );
    let other = |n: &str| {
        format!(
            "Date: 2021-05-02\n\nAccording to the Indonesian Red Cross, {n} people were killed when the storm struck Aceh province on Saturday.\n"
        )
    };
    let conflict = |n: &str| {
        row(
            "conflict",
            "numeric.mismatch",
            &[&["a: 12 people"], &[&format!("b: {n} people")]],
        )
    };
    // Near (13), two digits swapped (21), a power of ten (120): one slip.
    for n in ["13", "21", "120"] {
        let text = other(n);
        let (rows, code) = findings(&[a, ("b.txt", &text)]);
        assert!(rows.contains(&conflict(n)), "{n}: {rows:?}");
        assert_eq!(code, 1);
    }
    let text = other("40");
    let (rows, code) = findings(&[a, ("b.txt", &text)]);
    no_conflict(&rows);
    assert!(rows.contains(&row("unsupported", "unsupported", &[&["b: 40 people"]])));
    assert_eq!(code, 0);
    // The same sentence with another figure is a conflict however far apart.
    let copy = a.1.replace("12 people", "40 people");
    let (rows, code) = findings(&[a, ("b.txt", &copy)]);
    assert!(rows.contains(&conflict("40")), "{rows:?}");
    assert_eq!(code, 1);
    // So are two moves told of one day, however worded.
    let (rows, code) = findings(&[
        (
            "a.txt",
            "Norvex Energy said it will cut 1,200 jobs.\n\nOn Tuesday, Norvex Energy shares closed down 2.10%.\n",
        ),
        (
            "b.txt",
            "Norvex Energy announced plans to eliminate 1,200 jobs.\n\nShares of Norvex Energy dropped about 7.1% on Tuesday.\n",
        ),
    ]);
    assert!(
        rows.contains(&row(
            "conflict",
            "numeric.mismatch",
            &[&["a: 2.10%"], &["b: about 7.1%"]]
        )),
        "{rows:?}"
    );
    assert_eq!(code, 1);
}

/// A rise against a fall is two days of a market unless both are told of
/// one time, or the figure is the same (a slip of the direction word).
#[test]
fn a_rise_against_a_fall_needs_one_time_or_one_figure() {
    let rose = |when: &str, n: &str| {
        format!(
            "Date: 2020-03-13\n\n{when}the Nasdaq Composite rose {n}% as investors bought back shares.\n"
        )
    };
    let fell = |when: &str| {
        format!(
            "Date: 2020-03-13\n\nThe Nasdaq Composite fell 7.3%{when}, its worst day in years.\n"
        )
    };
    let conflict = |n: &str| {
        row(
            "conflict",
            "numeric.mismatch",
            &[&[&format!("a: {n}%")], &["b: 7.3%"]],
        )
    };
    let (a, b) = (rose("Meanwhile ", "4.4"), fell(""));
    let (rows, _) = findings(&[("a.txt", &a), ("b.txt", &b)]);
    no_conflict(&rows);
    let (a, b) = (rose("On Thursday ", "4.4"), fell(" on Thursday"));
    let (rows, code) = findings(&[("a.txt", &a), ("b.txt", &b)]);
    assert!(rows.contains(&conflict("4.4")), "{rows:?}");
    assert_eq!(code, 1);
    let (a, b) = (rose("Meanwhile ", "7.3"), fell(""));
    let (rows, code) = findings(&[("a.txt", &a), ("b.txt", &b)]);
    assert!(rows.contains(&conflict("7.3")), "{rows:?}");
    assert_eq!(code, 1);
}

/// A name romanised from another script is spelt one way by one outlet and
/// another way by the next: house styles, not a misspelling. One article
/// that writes it both ways is still reported; a name without the marks of
/// another script ("Morell" / "Morrell") is reported across outlets too.
#[test]
fn romanisations_of_one_name_across_outlets_are_house_styles() {
    let a = (
        "a.txt",
        "Date: 2020-01-03\n\nA US strike killed the Iranian general Qasem Soleimani on Friday.\n",
    );
    let b = (
        "b.txt",
        "Date: 2020-01-03\n\nThe Iranian general Qassem Soleimani was killed in a US strike on Friday.\n",
    );
    let (rows, _) = findings(&[a, b]);
    assert!(rows.iter().all(|r| r.1 != "name.spelling"), "{rows:?}");
    let both = (
        "c.txt",
        "Date: 2020-01-03\n\nQasem Soleimani led the Quds Force. A US strike killed Qassem Soleimani on Friday.\n",
    );
    let (rows, _) = findings(&[both]);
    assert!(
        rows.contains(&row(
            "conflict",
            "name.spelling",
            &[&["c: Qasem Soleimani"], &["c: Qassem Soleimani"]]
        )),
        "{rows:?}"
    );
    let a = (
        "a.txt",
        "Acting CIA Director Michael Morell will testify on Thursday.\n",
    );
    let b = (
        "b.txt",
        "Acting CIA Director Michael Morrell will testify on Thursday instead.\n",
    );
    let (rows, _) = findings(&[a, b]);
    assert!(rows.iter().any(|r| r.1 == "name.spelling"), "{rows:?}");
}

/// A spelling an article only reproduces from a quoted tweet, where it
/// spells the name the other way in its own words, is the writer's, not
/// the outlet's: no conflict. Said aloud and quoted, it is the outlet's
/// transcription, and a misspelling.
#[test]
fn a_name_misspelt_in_a_quoted_tweet_is_the_writer_s() {
    let text = |verb: &str| {
        format!(
            "John Hinckley Jr. was released from a hospital on Saturday. \
             Michael Reagan {verb}: \"John Hinkley Jr. should never have been let out.\" \
             Hinckley shot President Reagan in 1981.\n"
        )
    };
    let tweeted = text("tweeted");
    let (rows, _) = findings(&[("a.txt", &tweeted)]);
    assert!(rows.iter().all(|r| r.1 != "name.spelling"), "{rows:?}");
    let said = text("said");
    let (rows, _) = findings(&[("a.txt", &said)]);
    assert!(rows.iter().any(|r| r.1 == "name.spelling"), "{rows:?}");
}

/// A name card scraped inline (the name in full glued to other stories'
/// headlines, up to "MORE") is page furniture: its names meet nothing.
#[test]
fn a_name_card_scraped_inline_is_furniture() {
    let hill = (
        "hill.txt",
        "Amie Parnes wrote the story. President Trump Donald John TrumpLev Parnas implicates \
         Rick Perry in Ukraine probe MORE and his supporters blamed the protesters on Tuesday.\n",
    );
    let (rows, _) = findings(&[hill]);
    assert!(rows.iter().all(|r| r.1 != "name.spelling"), "{rows:?}");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(hill.0), hill.1).unwrap();
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["parse", "--all"])
        .arg(dir.path().join(hill.0))
        .output()
        .unwrap();
    let read = String::from_utf8_lossy(&out.stdout);
    assert!(
        read.contains(
            "# text = President Trump and his supporters blamed the protesters on Tuesday."
        ),
        "{read}"
    );
    assert!(!read.contains("Perry"), "{read}");
}
