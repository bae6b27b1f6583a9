//! The command line's progress bar on stderr (the binary's, not the
//! library's: the library only reports stages and steps through
//! `crosscheck::Progress`). It is drawn only when stderr is a terminal,
//! `--quiet` is not given, and more than `MIN_FILES` files are read; it is
//! cleared before anything else is written, and never touches stdout.

use crosscheck::{Progress, Stage};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// A run over at most this many files is over before a bar would help.
pub const MIN_FILES: usize = 20;

/// Counted stages: "crosscheck: reading    [=====>    ] 120/500 documents".
const COUNTED: &str = "crosscheck: {msg:10} [{bar:30}] {pos}/{len} documents";
/// Stages not counted: "crosscheck: comparing claims ⠋".
const UNCOUNTED: &str = "crosscheck: {msg} claims {spinner}";

pub struct Bar {
    bar: ProgressBar,
    /// Whether the caller allows a bar (stderr a terminal, no `--quiet`).
    allowed: bool,
    /// Whether it is drawn: allowed, and enough files to read.
    shown: AtomicBool,
}

impl Bar {
    /// A bar that stays hidden unless `allowed` and the run reads more
    /// than `MIN_FILES` files.
    pub fn new(allowed: bool) -> Bar {
        Bar {
            bar: ProgressBar::hidden(),
            allowed,
            shown: AtomicBool::new(false),
        }
    }

    /// Erases the bar (and stops its spinner) so what follows on stderr
    /// starts on a clean line.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

fn style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template)
        .map(|s| s.progress_chars("=> "))
        .unwrap_or_else(|_| ProgressStyle::default_bar())
}

impl Bar {
    /// Sets the bar for `stage`: counted with `steps` steps, or a spinner.
    /// The position comes first so no line mixes two stages' counts.
    fn configure(&self, stage: Stage, steps: usize) {
        if steps > 0 {
            self.bar.disable_steady_tick();
            self.bar.set_position(0);
            self.bar.set_length(steps as u64);
            self.bar.set_style(style(COUNTED));
        } else {
            self.bar.set_style(style(UNCOUNTED));
            self.bar.enable_steady_tick(Duration::from_millis(100));
        }
        self.bar.set_message(stage.name());
    }
}

impl Progress for Bar {
    fn stage(&self, stage: Stage, steps: usize) {
        if stage == Stage::Reading && self.allowed && steps > MIN_FILES {
            // Set up while hidden, so the first line drawn is a whole one.
            self.configure(stage, steps);
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown.store(true, Ordering::Relaxed);
        } else if self.shown.load(Ordering::Relaxed) {
            self.configure(stage, steps);
        }
    }

    fn step(&self) {
        self.bar.inc(1);
    }
}
