//! The whole pipeline in one call: paths in, a `Run` (documents, claims,
//! findings) out. The binary and the tests both go through here.

use crate::compare::{Finding, FindingKind, Roles, compare};
use crate::error::{Error, Result};
use crate::extract::{Claim, extract_all};
use crate::group::resolve;
use crate::ingest::{Document, Prose, Role, collect_inputs, is_stdin};
use crate::progress::{Progress, Silent, Stage};
use crate::rules::{Rules, Severity};
use rayon::prelude::*;
use std::path::PathBuf;

/// What to check.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// Files and folders of sources (folders are walked).
    pub sources: Vec<PathBuf>,
    /// A draft to check against the sources.
    pub draft: Option<PathBuf>,
}

/// The result of a run.
pub struct Run {
    pub docs: Vec<Document>,
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
}

/// Reads and ingests every input; a draft also given as a source is read once, as the draft.
pub fn load(inputs: &Inputs, rules: &Rules) -> Result<Vec<Document>> {
    load_with(inputs, rules, &Silent)
}

/// `load`, telling `progress` of each file read (stage `Reading`).
pub fn load_with(inputs: &Inputs, rules: &Rules, progress: &dyn Progress) -> Result<Vec<Document>> {
    load_releasing(inputs, rules, progress, false)
}

/// `load_with`; with `release`, each document's text as read is released
/// as soon as it is read (`Document::release_text`): every file held twice
/// (as read and blanked) until extraction was a large run's peak.
fn load_releasing(
    inputs: &Inputs,
    rules: &Rules,
    progress: &dyn Progress,
    release: bool,
) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    // Every input that cannot be read is reported, not only the first.
    let mut errors = Vec::new();
    let draft_stdin = inputs.draft.as_deref().is_some_and(is_stdin);
    let source_stdin = inputs.sources.iter().any(|p| is_stdin(p));
    if draft_stdin && source_stdin {
        return Err(Error::NoInputs(
            "standard input (-) can be the draft or a source, not both".into(),
        ));
    }
    if let Some(d) = &inputs.draft {
        let loaded = if draft_stdin {
            Document::from_stdin(Role::Draft, rules)
        } else {
            Document::load(d, Role::Draft, rules)
        };
        match loaded {
            Ok(doc) => docs.push(doc),
            Err(e) => errors.push(e),
        }
    }
    if source_stdin {
        match Document::from_stdin(Role::Source, rules) {
            // Nothing piped is no source, not an empty one.
            Ok(doc) if doc.text.trim().is_empty() => {}
            Ok(doc) => docs.push(doc),
            Err(e) => errors.push(e),
        }
    }
    let draft_canon = inputs.draft.as_ref().and_then(|d| d.canonicalize().ok());
    let files: Vec<PathBuf> = inputs
        .sources
        .iter()
        .filter(|p| !is_stdin(p))
        .cloned()
        .collect();
    let (paths, unreadable) = collect_inputs(&files);
    errors.extend(unreadable);
    // Read and ingested in parallel, kept in path order.
    progress.stage(Stage::Reading, paths.len());
    let loaded: Vec<Option<Result<Document>>> = paths
        .par_iter()
        .map(|path| {
            let is_draft = draft_canon.is_some() && path.canonicalize().ok() == draft_canon;
            let doc = (!is_draft).then(|| Document::load(path, Role::Source, rules));
            progress.step();
            doc.map(|loaded| {
                loaded.map(|mut doc| {
                    if release {
                        doc.release_text();
                    }
                    doc
                })
            })
        })
        .collect();
    docs.reserve_exact(loaded.len());
    for result in loaded.into_iter().flatten() {
        match result {
            Ok(doc) => docs.push(doc),
            Err(e) => errors.push(e),
        }
    }
    if let Some(e) = Error::all(errors) {
        return Err(e);
    }
    if release {
        // The draft and standard input, read before the files.
        for doc in &mut docs {
            doc.release_text();
        }
    }
    unique_ids(&mut docs);
    let sources = docs.iter().filter(|d| d.role == Role::Source).count();
    if sources == 0 {
        let named: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
        let why = match (&inputs.draft, named.is_empty()) {
            (Some(_), true) => "the draft needs sources to be checked against".to_string(),
            (None, true) => {
                "give files or folders, or pipe text to standard input (it is empty)".to_string()
            }
            _ => format!(
                "{}: no .txt, .md, .markdown, .html or .htm files found",
                named.join(", ")
            ),
        };
        return Err(Error::NoInputs(why));
    }
    Ok(docs)
}

/// A source is shown by its file stem ("wire"); where two files share a
/// stem ("a/wire.md", "b/wire.md") each is shown by its path instead,
/// without the extension, so no two sources share an id.
fn unique_ids(docs: &mut [Document]) {
    let mut count: std::collections::BTreeMap<String, usize> = Default::default();
    for d in docs.iter() {
        *count.entry(d.id.clone()).or_default() += 1;
    }
    for d in docs.iter_mut() {
        if count.get(&d.id).is_some_and(|&n| n > 1) {
            d.id = d.path.with_extension("").display().to_string();
        }
    }
}

/// Extracts and groups the claims of loaded documents.
pub fn claims(docs: &[Document], rules: &Rules) -> Vec<Claim> {
    claims_with(docs, rules, &Silent)
}

/// `claims`, telling `progress` of each document extracted (stage
/// `Extracting`), then of the grouping.
pub fn claims_with(docs: &[Document], rules: &Rules, progress: &dyn Progress) -> Vec<Claim> {
    let (mut claims, mut parses) = grouped_claims(docs, rules, progress);
    // Frames only where a comparison can read them.
    crate::extract::read_frames(docs, &mut claims, &mut parses);
    claims
}

/// Claims extracted and grouped, before their frames are read, with the
/// sentences parsed so far.
fn grouped_claims(
    docs: &[Document],
    rules: &Rules,
    progress: &dyn Progress,
) -> (Vec<Claim>, crate::extract::Parses) {
    group(extract_all(docs, rules, progress), rules, progress)
}

/// Claims extracted, grouped.
fn group(
    extraction: crate::extract::Extraction,
    rules: &Rules,
    progress: &dyn Progress,
) -> (Vec<Claim>, crate::extract::Parses) {
    progress.stage(Stage::Grouping, 0);
    let mut claims = extraction.claims;
    resolve(&mut claims, &extraction.acronyms, &extraction.names, rules);
    (claims, extraction.parses)
}

/// Runs every stage.
pub fn check(inputs: &Inputs, rules: &Rules) -> Result<Run> {
    check_with(inputs, rules, &Silent)
}

/// `check`, telling `progress` how far it has got.
pub fn check_with(inputs: &Inputs, rules: &Rules, progress: &dyn Progress) -> Result<Run> {
    check_keeping(inputs, rules, progress, Prose::Whole)
}

/// `check_with`, keeping of each document's blanked copy what `prose` says.
pub fn check_keeping(
    inputs: &Inputs,
    rules: &Rules,
    progress: &dyn Progress,
    prose: Prose,
) -> Result<Run> {
    let mut docs = load_releasing(inputs, rules, progress, true)?;
    // Claims hold what they quote: the text as read is released as each
    // file is read (a claim's own words are laid back over `prose`; frames
    // and reports read `prose`).
    // Each batch's blanked copies are cut to what its claims and names
    // quote as it is read (`Prose::Quoted`); once the names spelt two ways
    // are claims, to what the claims quote.
    let extraction = crate::extract::extract_all_releasing(&mut docs, rules, progress, prose);
    let (mut claims, mut parses) = group(extraction, rules, progress);
    if prose == Prose::Quoted {
        keep_quoted(&mut docs, &claims);
    }
    crate::extract::read_frames(&docs, &mut claims, &mut parses);
    drop(parses);
    progress.stage(Stage::Comparing, 0);
    let findings = compare(&claims, &Roles::of(&docs), rules);
    let findings = crate::compare::filter_findings(findings, &claims, &docs, rules);
    Ok(Run {
        docs,
        claims,
        findings,
    })
}

/// Keeps of each document's blanked copy only what its claims quote.
fn keep_quoted(docs: &mut [Document], claims: &[Claim]) {
    let mut spans: Vec<Vec<crate::span::Span>> = vec![Vec::new(); docs.len()];
    for c in claims {
        if let Some(of_doc) = spans.get_mut(c.doc) {
            of_doc.extend([c.sentence, c.span]);
        }
    }
    for (doc, spans) in docs.iter_mut().zip(spans) {
        doc.keep_quoted(spans);
    }
}

/// The level at or above which findings make the run fail (exit code 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    /// Any conflict.
    Conflict,
    /// Any finding of severity error.
    Error,
    /// Any finding of severity warning or error.
    Warning,
    /// Any conflict or unsupported claim.
    Unsupported,
    Never,
}

impl Run {
    /// Every draft claim with its standing, in draft order (empty outside
    /// draft mode).
    pub fn draft_verdicts(&self) -> Vec<crate::compare::DraftVerdict> {
        crate::compare::draft_verdicts(&self.claims, &self.findings, |d| {
            self.docs
                .get(d)
                .is_some_and(|doc| doc.role == crate::ingest::Role::Draft)
        })
    }

    /// Whether the findings reach the fail level. Checking a draft, a
    /// conflict fails the run at `Error` and `Warning` only when it
    /// contradicts the draft: where a source gives the draft's value, the
    /// sources disagree among themselves, which the report says, but the
    /// draft is not wrong for it (`FailOn::Conflict` still fails on any).
    pub fn fails(&self, level: FailOn) -> bool {
        let draft_mode = self.docs.iter().any(|d| d.role == Role::Draft);
        let blames_draft = |f: &crate::compare::Finding| {
            !draft_mode
                || f.kind != FindingKind::Conflict
                || f.sides.iter().any(|side| {
                    let roles = || {
                        side.iter()
                            .filter_map(|&c| self.claims.get(c))
                            .filter_map(|c| self.docs.get(c.doc))
                            .map(|d| d.role)
                    };
                    roles().any(|r| r == Role::Draft) && roles().all(|r| r == Role::Draft)
                })
        };
        self.findings.iter().any(|f| match level {
            FailOn::Conflict => f.kind == FindingKind::Conflict,
            FailOn::Error => f.severity == Severity::Error && blames_draft(f),
            FailOn::Warning => f.severity >= Severity::Warning && blames_draft(f),
            FailOn::Unsupported => {
                matches!(f.kind, FindingKind::Conflict | FindingKind::Unsupported)
            }
            FailOn::Never => false,
        })
    }

    /// What the reader should know about the inputs that is not an error:
    /// an empty article, a lone source with nothing to compare it against.
    pub fn warnings(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .docs
            .iter()
            .filter(|d| d.is_empty())
            .map(|d| format!("{}: empty file", d.path.display()))
            .collect();
        let sources: Vec<&Document> = self
            .docs
            .iter()
            .filter(|d| d.role == Role::Source)
            .collect();
        if let [only] = sources.as_slice()
            && !self.docs.iter().any(|d| d.role == Role::Draft)
        {
            out.push(format!(
                "{}: the only source: nothing to compare it against",
                only.path.display()
            ));
        }
        out
    }

    pub fn count(&self, kind: FindingKind) -> usize {
        self.findings.iter().filter(|f| f.kind == kind).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    /// Records what a run tells it.
    #[derive(Default)]
    struct Log(Mutex<Vec<(Stage, usize, usize)>>);

    impl Progress for Log {
        fn stage(&self, stage: Stage, steps: usize) {
            self.0.lock().unwrap().push((stage, steps, 0));
        }
        fn step(&self) {
            self.0.lock().unwrap().last_mut().unwrap().2 += 1;
        }
    }

    #[test]
    fn progress_counts_each_file_read_and_each_document_extracted() {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in [
            ("a.txt", "Nvidia shares fell 4.35% on Tuesday.\n"),
            ("b.md", "Nvidia shares fell 9% on Tuesday.\n"),
            ("c.txt", "Nvidia shares fell 4.35% on Tuesday.\n"),
        ] {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let draft = dir.path().join("c.txt");
        let inputs = Inputs {
            sources: vec![dir.path().to_path_buf()],
            draft: Some(draft),
        };
        let log = Log::default();
        let run = check_with(&inputs, &Rules::defaults(), &log).unwrap();
        // The draft is among the files walked (a step, not read twice);
        // every document, the draft too, is extracted.
        assert_eq!(run.docs.len(), 3);
        assert_eq!(
            log.0.into_inner().unwrap(),
            vec![
                (Stage::Reading, 3, 3),
                (Stage::Extracting, 3, 3),
                (Stage::Grouping, 0, 0),
                (Stage::Comparing, 0, 0),
            ]
        );
        assert_eq!(
            check(&inputs, &Rules::defaults()).unwrap().findings.len(),
            run.findings.len()
        );
    }
}
