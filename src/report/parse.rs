//! The reading of sentences, for debugging: each sentence's tokens with
//! their tag, lemma, head and relation, in CoNLL-U columns (ID, FORM,
//! LEMMA, UPOS, HEAD, DEPREL), located as `path:line:col`.

use crate::ingest::Document;
use crate::nlp::{Model, Parse};
use crate::text::sentences;

/// Parses of the sentences of `docs` that hold a digit (all of them with
/// `all`). An unusable model is said in one line.
pub fn parses(docs: &[Document], all: bool) -> String {
    let model = match Model::builtin() {
        Ok(m) => m,
        Err(e) => return format!("# no language model: {e}\n"),
    };
    let mut out = String::new();
    for doc in docs {
        for s in sentences(doc) {
            let text = s.span.slice(&doc.prose);
            if !all && !text.bytes().any(|b| b.is_ascii_digit()) {
                continue;
            }
            let at = doc.line_col(s.span.start());
            let p = Parse::of(model, text);
            out.push_str(&format!(
                "# {}:{}:{}\n# text = {}\n",
                doc.path.display(),
                at.line,
                at.column,
                text.split_whitespace().collect::<Vec<_>>().join(" ")
            ));
            for (i, w) in p.words.iter().enumerate() {
                out.push_str(&format!(
                    "{}\t{}\t{}\t{}\t{}\t{}\n",
                    i + 1,
                    w.span.slice(text),
                    w.lemma,
                    w.upos.as_str(),
                    w.head.map_or(0, |h| h + 1),
                    model.label(w.deprel)
                ));
            }
            out.push('\n');
        }
    }
    out
}
