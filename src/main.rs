//! The `claimex` command line: a thin shell over the library.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

mod corpus;

use claimex::io::output::{CsvOptions, OutputFormat};
use claimex::io::{FieldNames, InputFormat};
use claimex::rules::RuleSources;
use claimex::run::{run, warn, Progress, RunError, RunOptions};
use claimex::Pipeline;
use claimex::{RuleErrors, Rules};

/// Who said what, to whom, when: quotes, reported speech, speakers, dates and entities from news.
#[derive(Parser)]
#[command(
    name = "claimex",
    version,
    about,
    long_about = None,
    after_help = "Examples:\n  claimex extract corpus/ --format csv -o quotes.csv\n  claimex extract articles.jsonl.gz -o claims.jsonl --errors errors.jsonl\n  claimex annotate --dct 2022-01-05 story.txt\n  claimex rules check my-rules/\n\nExit status: 0 all documents processed; 1 some failed (the rest were written); 2 usage error or bad rule files."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write claim records: JSON Lines (SPEC §4) or, with --format csv, the quote CSV (SPEC §5).
    Extract(ExtractArgs),
    /// Write one JSON object per document with every annotation layer (SPEC §6).
    Annotate(CommonArgs),
    /// Build the corpus speaker index (one row per person or organization) from claim
    /// records, documents, or (with --merge) indexes of shards.
    Speakers(corpus::SpeakersArgs),
    /// Draw a self-contained HTML report of who is quoted, how, where and when.
    Report(corpus::ReportArgs),
    /// Work with rule files.
    Rules {
        #[command(subcommand)]
        action: RulesAction,
    },
}

#[derive(Subcommand)]
enum RulesAction {
    /// Validate the rule files: the embedded defaults with DIR's files replacing them.
    /// Prints `file:line: reason` for every problem; exit 0 if clean, 1 otherwise.
    Check {
        /// Directory of rule files (same names as rules/); without it, the embedded defaults.
        dir: Option<PathBuf>,
    },
}

#[derive(Args)]
struct ExtractArgs {
    /// Output format; by default taken from the -o name (.jsonl, .csv, .parquet, each of the
    /// first two maybe .gz), else jsonl. A format that contradicts the name is a usage error.
    #[arg(long, value_enum)]
    format: Option<ClaimFormat>,
    /// Input fields (JSON Lines) copied into CSV and Parquet columns of their own, after the
    /// fixed columns: --keep outlet,section.
    #[arg(long, value_name = "FIELD,...", value_delimiter = ',')]
    keep: Vec<String>,
    /// CSV for spreadsheets: a UTF-8 byte order mark, and a ' before any cell that starts
    /// with = + - @ (formula injection).
    #[arg(long)]
    csv_excel: bool,
    #[command(flatten)]
    common: CommonArgs,
}

#[derive(Args)]
struct CommonArgs {
    /// Files (.txt, .jsonl, .ndjson, maybe .gz), directories (walked recursively, sorted) and `-`
    /// for stdin. No INPUT reads stdin.
    #[arg(value_name = "INPUT")]
    inputs: Vec<String>,
    /// Where to write; `-` is stdout.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Rule files that replace the embedded defaults of the same name.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Worker threads; 0 uses every core.
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0)]
    threads: usize,
    /// Document creation time for documents that carry no date (anchor for relative dates).
    #[arg(long, value_name = "YYYY-MM-DD")]
    dct: Option<String>,
    /// How to read INPUT: by extension and content (auto), one document per file (text), or one
    /// JSON document per line (jsonl).
    #[arg(long, value_enum, default_value = "auto")]
    input_format: InputFormatArg,
    /// Progress bar on stderr: auto shows it only on a terminal.
    #[arg(long, value_enum, default_value = "auto")]
    progress: ProgressArg,
    /// Also write error records (JSON Lines) to this file.
    #[arg(long, value_name = "PATH")]
    errors: Option<PathBuf>,
    /// The largest document in bytes (a text file or one JSON Lines line); a larger one is an
    /// error record and the run goes on.
    #[arg(long, value_name = "BYTES", default_value_t = claimex::io::DEFAULT_MAX_DOC_BYTES)]
    max_doc_bytes: usize,
    /// Follow symbolic links to directories when walking a directory (each directory is read
    /// once); by default they are skipped with a warning.
    #[arg(long)]
    follow: bool,
    /// The JSON Lines field that holds the article text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    text_field: String,
    /// The JSON Lines field that holds the document id.
    #[arg(long, value_name = "NAME", default_value = "id")]
    id_field: String,
    /// The JSON Lines field that holds the publication date (ISO 8601, RFC 2822, epoch
    /// seconds or milliseconds).
    #[arg(long, value_name = "NAME", default_value = "date")]
    date_field: String,
    /// No summary line at the end.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ClaimFormat {
    Jsonl,
    Csv,
    Parquet,
}

/// The format an output name asks for: `.jsonl`/`.ndjson`/`.json`, `.csv` (each maybe `.gz`)
/// or `.parquet`; `Err` for `.parquet.gz`.
fn format_of_name(path: &std::path::Path) -> Result<Option<ClaimFormat>, String> {
    let name = path.to_string_lossy().to_ascii_lowercase();
    let (stem, gz) = match name.strip_suffix(".gz") {
        Some(stem) => (stem, true),
        None => (name.as_str(), false),
    };
    let format = if stem.ends_with(".csv") {
        Some(ClaimFormat::Csv)
    } else if stem.ends_with(".parquet") || stem.ends_with(".pq") {
        Some(ClaimFormat::Parquet)
    } else if [".jsonl", ".ndjson", ".json"]
        .iter()
        .any(|e| stem.ends_with(e))
    {
        Some(ClaimFormat::Jsonl)
    } else {
        None
    };
    if gz && format == Some(ClaimFormat::Parquet) {
        return Err("a Parquet file is compressed inside; drop the .gz".into());
    }
    Ok(format)
}

/// The format of `extract`: the flag, else the output name, else JSON Lines.
fn claim_format(
    flag: Option<ClaimFormat>,
    output: Option<&std::path::Path>,
) -> Result<OutputFormat, String> {
    let by_name = match output {
        Some(p) if p.as_os_str() != "-" => format_of_name(p)?,
        _ => None,
    };
    let chosen = match (flag, by_name) {
        (Some(f), Some(n)) if f != n => {
            return Err(format!(
                "--format {} contradicts the output name {}",
                format_name(f),
                output.map(|p| p.display().to_string()).unwrap_or_default()
            ))
        }
        (Some(f), _) | (None, Some(f)) => f,
        (None, None) => ClaimFormat::Jsonl,
    };
    Ok(match chosen {
        ClaimFormat::Jsonl => OutputFormat::ClaimsJsonl,
        ClaimFormat::Csv => OutputFormat::ClaimsCsv,
        ClaimFormat::Parquet => OutputFormat::ClaimsParquet,
    })
}

fn format_name(f: ClaimFormat) -> &'static str {
    match f {
        ClaimFormat::Jsonl => "jsonl",
        ClaimFormat::Csv => "csv",
        ClaimFormat::Parquet => "parquet",
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum InputFormatArg {
    Auto,
    Text,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum ProgressArg {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(a) => {
            let format = match claim_format(a.format, a.common.output.as_deref()) {
                Ok(f) => f,
                Err(e) => {
                    warn(&format!("claimex: {e}"));
                    return ExitCode::from(2);
                }
            };
            let csv = CsvOptions {
                keep: a.keep,
                excel: a.csv_excel,
            };
            process(a.common, format, csv)
        }
        Command::Annotate(a) => {
            if let Some(Some(ClaimFormat::Csv | ClaimFormat::Parquet)) =
                a.output.as_deref().map(format_of_name).and_then(Result::ok)
            {
                warn("claimex: annotate writes JSON Lines; name the output .jsonl (or .jsonl.gz)");
                return ExitCode::from(2);
            }
            process(a, OutputFormat::Annotation, CsvOptions::default())
        }
        Command::Speakers(a) => corpus::speakers(a),
        Command::Report(a) => corpus::report(a),
        Command::Rules {
            action: RulesAction::Check { dir },
        } => check_rules(dir),
    }
}

fn check_rules(dir: Option<PathBuf>) -> ExitCode {
    let result = match &dir {
        Some(d) => RuleSources::with_overrides(d)
            .map_err(RuleErrors::from)
            .and_then(|s| Rules::compile(&s)),
        None => Rules::embedded(),
    };
    match result {
        Ok(_) => {
            // a closed stdout loses the words, not the verdict: the exit status says it
            let _ = writeln!(std::io::stdout(), "rules ok");
            ExitCode::SUCCESS
        }
        Err(errors) => {
            let mut out = std::io::stdout().lock();
            for e in &errors {
                let _ = writeln!(out, "{e}");
            }
            ExitCode::from(1)
        }
    }
}

fn process(a: CommonArgs, format: OutputFormat, csv: CsvOptions) -> ExitCode {
    let rules = match Rules::load(a.rules.as_deref()) {
        Ok(r) => r,
        Err(errors) => {
            for e in &errors {
                warn(&e.to_string());
            }
            warn("claimex: bad rule files; nothing was read");
            return ExitCode::from(2);
        }
    };
    let dct = match a.dct.as_deref().map(claimex::pipeline::parse_date) {
        None => None,
        Some(Some(d)) => Some(d),
        Some(None) => {
            warn("claimex: --dct wants a date as YYYY-MM-DD");
            return ExitCode::from(2);
        }
    };
    let opts = RunOptions {
        inputs: a.inputs,
        input_format: match a.input_format {
            InputFormatArg::Auto => InputFormat::Auto,
            InputFormatArg::Text => InputFormat::Text,
            InputFormatArg::Jsonl => InputFormat::Jsonl,
        },
        output: a.output,
        format,
        threads: a.threads,
        progress: match a.progress {
            ProgressArg::Auto => Progress::Auto,
            ProgressArg::Always => Progress::Always,
            ProgressArg::Never => Progress::Never,
        },
        errors: a.errors,
        input_options: claimex::io::InputOptions {
            max_doc_bytes: a.max_doc_bytes,
            follow: a.follow,
            fields: std::sync::Arc::new(FieldNames {
                text: a.text_field,
                id: a.id_field,
                date: a.date_field,
            }),
        },
        csv,
    };
    let pipeline = Pipeline::new(rules).with_dct(dct);
    let result = run(&pipeline, &opts);
    // the compiled rules live until the process ends: freeing their thousands of small
    // allocations one by one would only delay the exit
    std::mem::forget(pipeline);
    match result {
        Ok(summary) => {
            if !a.quiet {
                warn(&summary.line());
            }
            if summary.errors > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        // a closed stdout (`| head`) is how a reader says it has seen enough
        Err(RunError::BrokenPipe) => ExitCode::SUCCESS,
        Err(e) => {
            warn(&format!("claimex: {e}"));
            ExitCode::from(2)
        }
    }
}
