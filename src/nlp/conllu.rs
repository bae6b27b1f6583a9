//! CoNLL-U reading, for training and evaluation: sentences of words with
//! their gold tag, lemma, head and relation. Multi-word token lines ("3-4")
//! and empty nodes ("5.1") are skipped; the words are what is annotated.

use super::Upos;

/// One annotated word.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldWord {
    pub form: String,
    pub lemma: String,
    pub upos: Upos,
    /// 0 for the root, else the 1-based index of the head word.
    pub head: usize,
    pub deprel: String,
}

/// One annotated sentence.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GoldSentence {
    pub words: Vec<GoldWord>,
}

/// Parses CoNLL-U text. A malformed line is an error naming its line number.
pub fn parse(text: &str) -> Result<Vec<GoldSentence>, String> {
    let mut out = Vec::new();
    let mut cur = GoldSentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [id, form, lemma, upos, _xpos, _feats, head, deprel, ..] = cols[..] else {
            return Err(format!("line {}: expected 10 tab-separated columns", n + 1));
        };
        if id.contains('-') || id.contains('.') {
            continue;
        }
        let bad = |what: &str| format!("line {}: bad {what}", n + 1);
        let upos = Upos::parse(upos).ok_or_else(|| bad("UPOS"))?;
        let head: usize = head.parse().map_err(|_| bad("head"))?;
        cur.words.push(GoldWord {
            form: form.to_string(),
            lemma: lemma.to_string(),
            upos,
            head,
            deprel: deprel.to_string(),
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    for (k, s) in out.iter().enumerate() {
        if s.words.iter().any(|w| w.head > s.words.len()) {
            return Err(format!("sentence {}: a head points outside it", k + 1));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_not_ranges() {
        let text = "# text = It's up.\n1-2\tIt's\t_\t_\t_\t_\t_\t_\t_\t_\n1\tIt\tit\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2\t's\tbe\tAUX\tVBZ\t_\t3\tcop\t_\t_\n3\tup\tup\tADV\tRB\t_\t0\troot\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
        let s = parse(text).unwrap();
        assert_eq!(s.len(), 1);
        let forms: Vec<_> = s[0].words.iter().map(|w| w.form.as_str()).collect();
        assert_eq!(forms, ["It", "'s", "up", "."]);
        assert_eq!(s[0].words[0].head, 3);
        assert_eq!(s[0].words[2].deprel, "root");
    }

    #[test]
    fn malformed_lines_are_errors() {
        assert_eq!(
            parse("1\tIt\tit\tPRON\n").unwrap_err(),
            "line 1: expected 10 tab-separated columns"
        );
        assert_eq!(
            parse("1\tIt\tit\tPRONOUN\t_\t_\t0\troot\t_\t_\n").unwrap_err(),
            "line 1: bad UPOS"
        );
    }
}
