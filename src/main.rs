//! The crosscheck command line: parses arguments, calls the library, prints.
//! Exit codes: 0 clean, 1 findings at or above `--fail-on`, 2 usage, rules or
//! input error (with nothing printed on stdout). Stderr holds errors,
//! warnings and (on a terminal) a progress bar; `--quiet` leaves errors only.

mod progress_bar;

use clap::{Args, Parser, Subcommand, ValueEnum};
use crosscheck::report::{self, ColorChoice, Show, TableOptions};
use crosscheck::rules::{RULES, Rules};
use crosscheck::{FailOn, Inputs, Progress, pipeline};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "Check several articles about one story against each other"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compare the claims of articles (or a draft against its sources) and report findings.
    Check(CheckArgs),
    /// List the claims extracted from articles, for debugging.
    Claims(ClaimsArgs),
    /// Show how sentences are read: tokens, tags, lemmas and the dependency
    /// tree (CoNLL-U columns), for sentences with a figure (all with --all).
    Parse(ParseArgs),
    /// Inspect the rules: list rule ids, show the effective rules, validate files.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
}

#[derive(Subcommand)]
enum RulesCommand {
    /// Every rule id with its default severity, what it checks and an example.
    List {
        /// Print the Markdown reference embedded in rules/README.md.
        #[arg(long)]
        markdown: bool,
    },
    /// The effective rules after layering --rules files on the defaults, as YAML.
    Show {
        #[arg(long = "rules", value_name = "FILE")]
        rules: Vec<PathBuf>,
    },
    /// Validate rules files; errors name file:line:col.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Args)]
struct Common {
    /// Rules file layered on the bundled defaults (repeatable; later files win).
    #[arg(long = "rules", value_name = "FILE")]
    rules: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Colour in the table.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
    /// No progress bar and no warnings on stderr (errors are still printed,
    /// the exit code is the same). The bar is drawn only when stderr is a
    /// terminal and more than 20 files are read.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Args)]
struct CheckArgs {
    /// Article files and folders (folders are walked); `-` is standard input,
    /// which is also read when no path is given and text is piped in.
    paths: Vec<PathBuf>,
    /// A draft to check against the sources given as paths (`-`: standard input).
    #[arg(long, value_name = "FILE")]
    draft: Option<PathBuf>,
    /// Fail (exit 1) on findings at or above this level: `error` (the default)
    /// fails on conflicts whose rule is an error, not on rounding warnings.
    #[arg(long, value_enum, default_value_t = FailArg::Error)]
    fail_on: FailArg,
    /// Say for each finding which rule fired, with which settings.
    #[arg(long)]
    explain: bool,
    /// With `--format json`: the compact report (`crosscheck.report.compact/1`,
    /// one line, each claim once, referred to by position).
    #[arg(long)]
    compact: bool,
    /// Write the report to FILE (atomically: a temporary file, then a rename) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Which findings get table rows (repeatable, comma-separated).
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = [ShowArg::Conflicts, ShowArg::Agreements])]
    show: Vec<ShowArg>,
    #[command(flatten)]
    common: Common,
}

#[derive(Args)]
struct ClaimsArgs {
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    common: Common,
}

#[derive(Args)]
struct ParseArgs {
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Every sentence, not only those with a figure.
    #[arg(long)]
    all: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Json,
    Markdown,
    Sarif,
    Github,
    /// One self-contained page (`check` only).
    Html,
}

impl Format {
    fn name(self) -> String {
        self.to_possible_value()
            .map(|v| v.get_name().to_string())
            .unwrap_or_default()
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailArg {
    Conflict,
    Error,
    Warning,
    Unsupported,
    Never,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum ShowArg {
    Conflicts,
    Agreements,
    Unsupported,
    All,
}

/// What a command produced: the report, the exit code, and warnings for stderr.
struct Done {
    out: Output,
    code: u8,
    warnings: Vec<String>,
}

impl Done {
    fn new(out: String) -> Done {
        Done {
            out: Output::Text(out),
            code: 0,
            warnings: Vec::new(),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (output, quiet) = match &cli.command {
        Command::Check(args) => (args.output.clone(), args.common.quiet),
        Command::Claims(args) => (None, args.common.quiet),
        _ => (None, false),
    };
    let bar = progress_bar::Bar::new(!quiet && std::io::stderr().is_terminal());
    let result = run(cli, &bar);
    bar.finish();
    match result {
        Ok(Done {
            out,
            code,
            warnings,
        }) => {
            if !quiet {
                for w in warnings {
                    eprintln!("crosscheck: warning: {w}");
                }
            }
            emit(output, out, code)
        }
        Err(e) => {
            match e.downcast_ref::<crosscheck::error::Error>() {
                Some(crosscheck::error::Error::InvalidRules(diagnostics)) => {
                    for d in diagnostics {
                        eprintln!("crosscheck: error: {d}\n{}", d.snippet());
                    }
                }
                Some(lib) => {
                    for line in lib.lines() {
                        eprintln!("crosscheck: error: {line}");
                    }
                }
                None => eprintln!("crosscheck: error: {e}"),
            }
            ExitCode::from(2)
        }
    }
}

/// Writes the report to `output` (atomically) or to stdout, and gives the
/// exit code: `code`, or 2 if the file cannot be written.
fn emit(output: Option<PathBuf>, out: Output, code: u8) -> ExitCode {
    match output {
        Some(path) => match write_atomically(&path, out) {
            Ok(()) => ExitCode::from(code),
            Err(e) => {
                let why = match e.kind() {
                    std::io::ErrorKind::NotFound => "no such folder".to_string(),
                    std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                    _ => e.to_string(),
                };
                eprintln!("crosscheck: error: {}: cannot write: {why}", path.display());
                ExitCode::from(2)
            }
        },
        None => {
            let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
            // A closed pipe (`| head`) is not an error.
            let _ = out.write_to(&mut stdout).and_then(|_| stdout.flush());
            ExitCode::from(code)
        }
    }
}

/// What a command prints: text made already, or a report written out as it
/// is made (a large run's JSON report is many times its input).
enum Output {
    Text(String),
    Stream(WriteReport),
}

/// Writes a report to what it is given.
type WriteReport = Box<dyn FnOnce(&mut dyn Write) -> std::io::Result<()>>;

impl Output {
    fn write_to(self, out: &mut dyn Write) -> std::io::Result<()> {
        match self {
            Output::Text(text) => out.write_all(text.as_bytes()),
            Output::Stream(write) => write(out),
        }
    }
}

/// Writes `out` to a temporary file beside `path`, then renames it over
/// `path`, so a reader never sees half a report. A path that exists and is
/// not a regular file (`/dev/null`, `/dev/stdout`, a pipe) is written in
/// place: renaming over it would replace the device with a file.
fn write_atomically(path: &std::path::Path, out: Output) -> std::io::Result<()> {
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        let mut w = std::io::BufWriter::new(std::fs::OpenOptions::new().write(true).open(path)?);
        out.write_to(&mut w)?;
        return w.flush();
    }
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let tmp = path.with_file_name(tmp_name);
    let written = std::fs::File::create(&tmp).and_then(|f| {
        let mut w = std::io::BufWriter::new(f);
        out.write_to(&mut w)?;
        w.into_inner().map_err(|e| e.into_error())?.sync_all()
    });
    match written.and_then(|()| std::fs::rename(&tmp, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

fn table_options(common: &Common, show: Show, to_stdout: bool) -> TableOptions {
    let choice = match common.color {
        ColorArg::Auto => ColorChoice::Auto,
        ColorArg::Always => ColorChoice::Always,
        ColorArg::Never => ColorChoice::Never,
    };
    let tty = to_stdout && std::io::stdout().is_terminal();
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => tty && std::env::var_os("NO_COLOR").is_none(),
    };
    // $COLUMNS when set, else the terminal's own width, else (a file or a
    // pipe) 160 columns.
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .or_else(|| tty.then(|| comfy_table::Table::new().width()).flatten())
        .filter(|&w: &u16| w > 0)
        .unwrap_or(160);
    TableOptions { show, color, width }
}

/// Input up to this size, in a few files named one by one, is read on the
/// calling thread alone.
const SMALL_RUN_BYTES: u64 = 16 << 10;

/// Keeps a run over a few small files (no folder, no standard input, 16 KB
/// in all: under 2 ms of work) on the calling thread: starting the worker
/// threads, and the memory each one takes, cost more than they share out.
/// Over five one-line files, two workers made the run take 10.4 ms ± 2.7
/// and one thread 6.8 ms ± 0.2 (hyperfine, busy machine). Reports do not
/// depend on the number of threads.
///
/// A run given one worker (`RAYON_NUM_THREADS=1`, or a machine with one
/// core) stays on the calling thread too, whatever its size: the one
/// worker would do all the work while this thread waits, and its memory
/// would come from a second malloc arena, grown and trimmed by system
/// calls (a tenth of a one-thread run's time at 1,000 articles).
fn stay_on_this_thread_if_small<'a>(paths: impl IntoIterator<Item = &'a PathBuf>) {
    let mut total = 0u64;
    for (i, p) in paths.into_iter().enumerate() {
        let small = i < 16
            && std::fs::metadata(p).is_ok_and(|m| {
                total += m.len();
                m.is_file() && total <= SMALL_RUN_BYTES
            });
        if !small && !one_worker() {
            return;
        }
        if !small {
            break;
        }
    }
    // Nothing has used the pool yet, and no other thread runs parallel
    // work, so the one worker (this thread) takes every job. Should the
    // pool exist already, the run simply uses it.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .use_current_thread()
        .build_global();
}

/// Whether rayon's pool would have one worker, as rayon chooses:
/// `RAYON_NUM_THREADS` (or the older `RAYON_RS_NUM_CPUS`) set to 1, or
/// neither set above 0 on a machine with one core.
fn one_worker() -> bool {
    let var = |name| {
        std::env::var(name)
            .ok()
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|&n| n > 0)
    };
    match var("RAYON_NUM_THREADS").or_else(|| var("RAYON_RS_NUM_CPUS")) {
        Some(n) => n == 1,
        None => std::thread::available_parallelism().map_or(true, |n| n.get() == 1),
    }
}

/// Runs the command, telling `progress` how far `check` and `claims` got.
fn run(cli: Cli, progress: &dyn Progress) -> anyhow::Result<Done> {
    match cli.command {
        Command::Check(mut args) => {
            if args.paths.is_empty() {
                if std::io::stdin().is_terminal() && args.draft.is_none() {
                    anyhow::bail!(
                        "no articles to check: give files or folders, or pipe text to standard input"
                    );
                }
                if !std::io::stdin().is_terminal() {
                    args.paths.push(PathBuf::from(crosscheck::ingest::STDIN));
                }
            }
            let mut files = crosscheck::rules::discover(&args.paths);
            files.extend(args.common.rules.iter().cloned());
            let rules = Rules::load(&files)?;
            let inputs = Inputs {
                sources: args.paths,
                draft: args.draft,
            };
            stay_on_this_thread_if_small(inputs.sources.iter().chain(&inputs.draft));
            // Only the HTML report shows documents whole; the others quote
            // the claims' sentences.
            let prose = match args.common.format {
                Format::Html => crosscheck::Prose::Whole,
                _ => crosscheck::Prose::Quoted,
            };
            let run = crosscheck::check_keeping(&inputs, &rules, progress, prose)?;
            let fail = match args.fail_on {
                FailArg::Conflict => FailOn::Conflict,
                FailArg::Error => FailOn::Error,
                FailArg::Warning => FailOn::Warning,
                FailArg::Unsupported => FailOn::Unsupported,
                FailArg::Never => FailOn::Never,
            };
            let code = u8::from(run.fails(fail));
            let all = args.show.contains(&ShowArg::All);
            let show = Show {
                conflicts: all || args.show.contains(&ShowArg::Conflicts),
                agreements: all || args.show.contains(&ShowArg::Agreements),
                unsupported: all || args.show.contains(&ShowArg::Unsupported),
            };
            let warnings = run.warnings();
            if matches!(args.common.format, Format::Json) && !args.compact {
                let explain = args.explain.then_some(rules);
                let write = move |out: &mut dyn Write| {
                    report::write_json(&run, explain.as_ref(), &mut *out)?;
                    out.write_all(b"\n")
                };
                return Ok(Done {
                    out: Output::Stream(Box::new(write)),
                    code,
                    warnings,
                });
            }
            let explain = args.explain.then_some(&rules);
            let out = match args.common.format {
                Format::Json if args.compact => report::report_json_compact(&run) + "\n",
                Format::Json => report::report_json(&run, explain) + "\n",
                Format::Markdown => report::report_markdown(&run),
                Format::Sarif => report::report_sarif(&run) + "\n",
                Format::Github => report::report_github(&run),
                Format::Html => report::report_html(&run, explain),
                Format::Table => report::report_table(
                    &run,
                    &table_options(&args.common, show, args.output.is_none()),
                    explain,
                ),
            };
            Ok(Done {
                out: Output::Text(out),
                code,
                warnings,
            })
        }
        Command::Claims(args) => {
            let mut files = crosscheck::rules::discover(&args.paths);
            files.extend(args.common.rules.iter().cloned());
            let rules = Rules::load(&files)?;
            let inputs = Inputs {
                sources: args.paths,
                draft: None,
            };
            stay_on_this_thread_if_small(&inputs.sources);
            let docs = pipeline::load_with(&inputs, &rules, progress)?;
            let claims = pipeline::claims_with(&docs, &rules, progress);
            let out = match args.common.format {
                Format::Json => report::claims_json(&docs, &claims) + "\n",
                Format::Markdown | Format::Sarif | Format::Github | Format::Html => {
                    anyhow::bail!(
                        "--format {} is for `check` only (claims: table or json)",
                        args.common.format.name()
                    )
                }
                Format::Table => report::claims_table(
                    &docs,
                    &claims,
                    &table_options(&args.common, Show::default(), true),
                ),
            };
            Ok(Done::new(out))
        }
        Command::Parse(args) => {
            let rules = Rules::load(&crosscheck::rules::discover(&args.paths))?;
            let inputs = Inputs {
                sources: args.paths,
                draft: None,
            };
            stay_on_this_thread_if_small(&inputs.sources);
            let docs = pipeline::load(&inputs, &rules)?;
            Ok(Done::new(report::parses(&docs, args.all)))
        }
        Command::Rules { command } => match command {
            RulesCommand::List { markdown: true } => {
                Ok(Done::new(crosscheck::rules::rules_markdown()))
            }
            RulesCommand::List { markdown: false } => {
                let mut out = String::new();
                for r in RULES {
                    out.push_str(&format!(
                        "{} ({})\n  checks: {}\n  example: {}\n",
                        r.id, r.severity, r.checks, r.example
                    ));
                }
                Ok(Done::new(out))
            }
            RulesCommand::Show { rules } => {
                let rules = Rules::load(&rules)?;
                Ok(Done::new(serde_yaml::to_string(&rules)?))
            }
            RulesCommand::Check { files } => {
                let mut diagnostics = Vec::new();
                for f in &files {
                    let src = crosscheck::ingest::read_text(f)?;
                    diagnostics.extend(crosscheck::rules::check(&src, f).1);
                }
                if diagnostics.is_empty() {
                    Ok(Done::new(format!("{} rules file(s) OK\n", files.len())))
                } else {
                    Err(crosscheck::error::Error::InvalidRules(diagnostics).into())
                }
            }
        },
    }
}
