//! Progress: how far a run has got, told to whoever shows it. The library
//! only reports stages and steps; whether and how to draw them (the command
//! line's bar on a terminal) is the caller's business, so nothing here knows
//! about terminals.

/// A stage of a run, in the order they come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Files read and ingested: one step per file found by the walk.
    Reading,
    /// Claims extracted: one step per document.
    Extracting,
    /// Claims grouped by subject and their fact frames read: not counted.
    Grouping,
    /// Claims compared into findings: not counted.
    Comparing,
}

impl Stage {
    /// The stage in a word, for a progress line.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Reading => "reading",
            Stage::Extracting => "extracting",
            Stage::Grouping => "grouping",
            Stage::Comparing => "comparing",
        }
    }
}

/// Told of a run's progress. Steps come from several threads at once
/// (documents are read and extracted in parallel), so it must be `Sync`.
pub trait Progress: Sync {
    /// A stage begins with `steps` steps to go (0: a stage not counted).
    fn stage(&self, stage: Stage, steps: usize);
    /// One step of the current stage is done.
    fn step(&self);
}

/// Progress nobody watches.
#[derive(Debug, Clone, Copy, Default)]
pub struct Silent;

impl Progress for Silent {
    fn stage(&self, _: Stage, _: usize) {}
    fn step(&self) {}
}
