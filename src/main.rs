//! The `claimex` command line: a thin shell over the library.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use claimex::io::output::OutputFormat;
use claimex::io::InputFormat;
use claimex::rules::RuleSources;
use claimex::run::{run, warn, Progress, RunOptions};
use claimex::Pipeline;
use claimex::Rules;

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
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: ClaimFormat,
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
}

#[derive(Clone, Copy, ValueEnum)]
enum ClaimFormat {
    Jsonl,
    Csv,
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
            let format = match a.format {
                ClaimFormat::Jsonl => OutputFormat::ClaimsJsonl,
                ClaimFormat::Csv => OutputFormat::ClaimsCsv,
            };
            process(a.common, format)
        }
        Command::Annotate(a) => process(a, OutputFormat::Annotation),
        Command::Rules {
            action: RulesAction::Check { dir },
        } => check_rules(dir),
    }
}

fn check_rules(dir: Option<PathBuf>) -> ExitCode {
    let result = match &dir {
        Some(d) => RuleSources::with_overrides(d).and_then(|s| Rules::compile(&s)),
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

fn process(a: CommonArgs, format: OutputFormat) -> ExitCode {
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
            ..claimex::io::InputOptions::default()
        },
    };
    let pipeline = Pipeline::new(rules).with_dct(dct);
    match run(&pipeline, &opts) {
        Ok(summary) => {
            warn(&summary.line());
            if summary.errors > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            warn(&format!("claimex: {e}"));
            ExitCode::from(2)
        }
    }
}
