//! Page furniture inside prose: a page saved on one line keeps its
//! article and loses only the sentences that are furniture.

use assert_cmd::Command;

fn claims(text: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.txt");
    std::fs::write(&path, text).unwrap();
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["claims", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_page_on_one_line_keeps_its_article_and_drops_its_notices() {
    let page = "Elara beats delivery forecasts. Electric carmaker Elara Motors handed over \
                more than 410,000 cars between July and September. Deliveries grew 38 percent \
                year on year. We use cookies to improve your experience, and 12 partners \
                may read them. Related: Five EVs to watch in 2027\n";
    assert_eq!(
        claims(page),
        ["more than 410,000 cars", "38 percent"],
        "the cookie notice's figure must go, the article's must stay"
    );
}

#[test]
fn a_short_notice_is_still_furniture_whole() {
    let notice = "All rights reserved. Prices shown are 15% off.\n";
    assert_eq!(claims(notice), Vec::<String>::new());
}
