//! The corpus commands of the CLI, `speakers` and `report`: a corpus in, one file out.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use claimex::rules::RuleSources;
use claimex::run::sink::{same_file, Sink};
use claimex::run::{thread_count, warn, RunError};
use claimex::speakers::{build, rows, Built, NameRules};
use claimex::{Pipeline, RuleErrors, Rules};

/// What both corpus commands read.
#[derive(Args)]
pub struct CorpusArgs {
    /// Claim records (the output of `extract`, JSON Lines), documents (directories, .txt, or
    /// JSON Lines with a text field; run through the pipeline), or index files (with --merge);
    /// `-` or nothing is stdin. `.gz` is decompressed.
    #[arg(value_name = "INPUT")]
    inputs: Vec<String>,
    /// Where to write; `-` is stdout.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Count claims by this field too: `month` (of the document date) or an input field
    /// (the claims' `meta`), such as an outlet.
    #[arg(long, value_name = "FIELD")]
    by: Option<String>,
    /// Rule files that replace the embedded defaults of the same name.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Document creation time for documents that carry none.
    #[arg(long, value_name = "YYYY-MM-DD")]
    dct: Option<String>,
    /// Worker threads for documents; 0 uses every core.
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0)]
    threads: usize,
    /// No summary line at the end.
    #[arg(short, long)]
    quiet: bool,
}

/// `claimex speakers`.
#[derive(Args)]
pub struct SpeakersArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// The inputs are index files (JSON Lines) built on parts of a corpus: combine them.
    #[arg(long)]
    merge: bool,
    /// Also write every claim with its `speaker_id` here, as JSON Lines (a `.jsonl`, `.ndjson` or
    /// `.json` name, gzip-compressed when it ends in `.gz`; any other is refused).
    #[arg(long, value_name = "PATH")]
    claims_out: Option<PathBuf>,
}

/// `claimex report`.
#[derive(Args)]
pub struct ReportArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Write the time of the run under the title (by default the page has no time in it, so
    /// the same input gives the same file byte for byte).
    #[arg(long)]
    stamp: bool,
}

/// Whether `--claims-out` may write to `p` (a JSON Lines name, as `extract -o` reads names),
/// and whether gzip-compressed (`.jsonl.gz`).
fn claims_out_gzip(p: &Path) -> Option<bool> {
    (crate::format_of_name(p) == Ok(Some(crate::ClaimFormat::Jsonl)))
        .then(|| p.to_string_lossy().to_ascii_lowercase().ends_with(".gz"))
}

fn fail(m: String) -> ExitCode {
    warn(&format!("claimex: {m}"));
    ExitCode::from(2)
}

/// Compiles the rules, checks the outputs against the inputs, reads the corpus.
fn read_corpus(
    a: &CorpusArgs,
    outputs: &[&Path],
    spill: Option<&mut (dyn Write + Send)>,
    on_claim: &mut (dyn FnMut(&serde_json::Value, Option<&str>) + Send),
) -> Result<(Built, NameRules), ExitCode> {
    let sources = match &a.rules {
        Some(d) => RuleSources::with_overrides(d).map_err(RuleErrors::from),
        None => Ok(RuleSources::embedded()),
    };
    let compiled = sources.and_then(|s| Ok((Rules::compile(&s)?, NameRules::compile(&s)?)));
    let (rules, names) = match compiled {
        Ok(r) => r,
        Err(errors) => {
            for e in &errors {
                warn(&e.to_string());
            }
            return Err(fail("bad rule files; nothing was read".into()));
        }
    };
    let dct = match a.dct.as_deref().map(claimex::pipeline::parse_date) {
        None => None,
        Some(Some(d)) => Some(d),
        Some(None) => return Err(fail("--dct wants a date as YYYY-MM-DD".into())),
    };
    for out in outputs {
        if a.inputs.iter().any(|i| same_file(Path::new(i), out)) {
            return Err(fail(format!(
                "the output {} is an input: refusing to write over it; nothing was read",
                out.display()
            )));
        }
    }
    let (threads, capped) = thread_count(a.threads);
    if let Some(w) = capped {
        warn(&w);
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| fail(format!("cannot start worker threads: {e}")))?;
    let pipeline = Pipeline::new(rules).with_dct(dct);
    let built = pool.install(|| {
        build(
            &a.inputs,
            &pipeline,
            &names,
            a.by.as_deref(),
            spill.map(|w| w as &mut dyn Write),
            on_claim,
        )
    });
    built.map(|b| (b, names)).map_err(fail)
}

/// Writes `bytes` to `path` (stdout for none) without ever leaving a half file.
fn write(path: Option<&Path>, bytes: &[u8]) -> Result<(), RunError> {
    let mut sink = Sink::open(path, false)?;
    sink.write_all(bytes).map_err(|e| sink.error(e))?;
    sink.finish()
}

fn written(r: Result<(), RunError>) -> Option<ExitCode> {
    match r {
        Ok(()) => None,
        Err(RunError::BrokenPipe) => Some(ExitCode::SUCCESS),
        Err(e) => Some(fail(e.to_string())),
    }
}

/// The claims of a run, held on disk while the index is built: one JSON line `[name key, claim]`
/// each, in a hidden file beside the `--claims-out` file, removed when dropped.
struct Spill {
    path: PathBuf,
    file: std::io::BufWriter<std::fs::File>,
}

impl Spill {
    /// A new spill file beside `out`.
    fn create(out: &Path) -> std::io::Result<Spill> {
        let dir = out.parent().filter(|d| !d.as_os_str().is_empty());
        let name = out
            .file_name()
            .map_or("claims".into(), |n| n.to_string_lossy());
        let hidden = format!(".{name}.claimex-{}.spill", std::process::id());
        let path = dir.map_or_else(|| PathBuf::from(&hidden), |d| d.join(&hidden));
        let file = std::io::BufWriter::new(std::fs::File::create(&path)?);
        Ok(Spill { path, file })
    }
}

impl Drop for Spill {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Writes every spilled claim to `path` with the `speaker_id` of its name key, streaming.
fn claims_with_ids(
    path: &Path,
    gzip: bool,
    mut spill: Spill,
    built: &Built,
) -> Result<(), RunError> {
    let io = |e: std::io::Error| RunError::Io(format!("cannot read back the claims: {e}"));
    spill.file.flush().map_err(io)?;
    let reader = std::io::BufReader::new(std::fs::File::open(&spill.path).map_err(io)?);
    let ids = built.index.ids_by_key();
    let mut sink = Sink::open(Some(path), gzip)?;
    let mut out = std::io::BufWriter::new(&mut sink);
    let mut r = Ok(());
    for line in std::io::BufRead::lines(reader) {
        let line = line.map_err(io)?;
        let (key, mut claim): (Option<String>, serde_json::Value) =
            serde_json::from_str(&line).map_err(|e| io(e.into()))?;
        let id = key.as_deref().and_then(|k| ids.get(k)).copied();
        if let serde_json::Value::Object(m) = &mut claim {
            m.insert("speaker_id".into(), serde_json::json!(id));
        }
        r = serde_json::to_writer(&mut out, &claim)
            .map_err(std::io::Error::from)
            .and_then(|()| out.write_all(b"\n"));
        if r.is_err() {
            break;
        }
    }
    let r = r.and_then(|()| out.flush());
    drop(out);
    match r {
        Ok(()) => sink.finish(),
        Err(e) => Err(sink.error(e)),
    }
}

/// `claimex speakers`: the corpus speaker index.
pub fn speakers(a: SpeakersArgs) -> ExitCode {
    let started = std::time::Instant::now();
    // the claims are written as JSON Lines only: a CSV of them would lack the sentence text
    // (claim records carry sentence indices), so a .csv name is refused, not filled with JSON
    let mut claims_gzip = false;
    if let Some(p) = a.claims_out.as_deref() {
        match claims_out_gzip(p) {
            Some(gz) => claims_gzip = gz,
            None => {
                return fail(format!(
                    "--claims-out writes JSON Lines: name it .jsonl, not {}",
                    p.display()
                ))
            }
        }
    }
    let outputs: Vec<&Path> = [&a.corpus.output, &a.claims_out]
        .into_iter()
        .flatten()
        .map(|p| p.as_path())
        .collect();
    // the claims wait on disk beside --claims-out until the index gives their ids
    let mut spill = match a.claims_out.as_deref().map(Spill::create).transpose() {
        Ok(s) => s,
        Err(e) => return fail(format!("cannot hold the claims for --claims-out: {e}")),
    };
    let (built, names) = match read_corpus(
        &a.corpus,
        &outputs,
        spill
            .as_mut()
            .map(|s| &mut s.file as &mut (dyn Write + Send)),
        &mut |_, _| {},
    ) {
        Ok(b) => b,
        Err(code) => return code,
    };
    if built.scattered > 0 {
        warn(&format!(
            "claimex: the claims of {} documents did not come together (others in between): \
             their speakers' document counts may count them more than once",
            built.scattered
        ));
    }
    if a.merge && built.others_read > 0 {
        return fail(format!(
            "--merge combines index files, but {} lines are claims or documents",
            built.others_read
        ));
    }
    let by = a.corpus.by.is_some();
    let csv = a
        .corpus
        .output
        .as_ref()
        .is_some_and(|p| p.to_string_lossy().to_ascii_lowercase().ends_with(".csv"));
    let parquet = a.corpus.output.as_ref().is_some_and(|p| {
        p.to_string_lossy()
            .to_ascii_lowercase()
            .ends_with(".parquet")
    });
    let done = if csv {
        write(
            a.corpus.output.as_deref(),
            &rows::to_csv(&built.index, &names, by),
        )
    } else if parquet {
        match rows::to_parquet(&built.index, &names, by) {
            Ok(b) => write(a.corpus.output.as_deref(), &b),
            Err(e) => return fail(format!("cannot write Parquet: {e}")),
        }
    } else {
        // row by row: the JSON Lines index is the largest output, never held whole
        Sink::open(a.corpus.output.as_deref(), false).and_then(|mut sink| {
            let mut out = std::io::BufWriter::new(&mut sink);
            let r =
                rows::write_jsonl(&built.index, &names, by, &mut out).and_then(|()| out.flush());
            drop(out);
            match r {
                Ok(()) => sink.finish(),
                Err(e) => Err(sink.error(e)),
            }
        })
    };
    if let Some(code) = written(done) {
        return code;
    }
    if let (Some(path), Some(spill)) = (&a.claims_out, spill) {
        if let Some(code) = written(claims_with_ids(path, claims_gzip, spill, &built)) {
            return code;
        }
    }
    if !a.corpus.quiet {
        warn(&format!(
            "claimex: {} speakers from {} claims of {} documents ({} lines unread), {:.2} s",
            built.index.identities.len(),
            built
                .index
                .identities
                .iter()
                .map(|i| i.total.kinds.values().sum::<u64>())
                .sum::<u64>(),
            built.documents,
            built.bad_lines,
            started.elapsed().as_secs_f64()
        ));
    }
    ExitCode::SUCCESS
}

/// `claimex report`: the HTML page.
pub fn report(a: ReportArgs) -> ExitCode {
    let started = std::time::Instant::now();
    let outputs: Vec<&Path> = a.corpus.output.iter().map(|p| p.as_path()).collect();
    let mut tally = claimex::report::Tally::new(a.corpus.by.as_deref());
    let (built, names) = match read_corpus(&a.corpus, &outputs, None, &mut |c, k| tally.add(c, k)) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let f = claimex::report::figures(&tally, &built.index, &names, built.documents);
    let stamp = a.stamp.then(|| {
        format!(
            "Made {}",
            jiff::Timestamp::now()
                .round(jiff::Unit::Second)
                .unwrap_or_else(|_| jiff::Timestamp::now())
        )
    });
    let html = claimex::report::page(&f, stamp.as_deref());
    if let Some(code) = written(write(a.corpus.output.as_deref(), html.as_bytes())) {
        return code;
    }
    if !a.corpus.quiet {
        warn(&format!(
            "claimex: report of {} claims, {} speakers, {} documents: {} KB, {:.2} s",
            f.claims,
            f.speakers,
            f.documents,
            html.len() / 1024,
            started.elapsed().as_secs_f64()
        ));
    }
    ExitCode::SUCCESS
}
