//! The batch driver behind `extract` and `annotate`: streams inputs, annotates documents in
//! parallel, writes outputs in input order, reports errors, progress and a summary.

mod error;
mod progress;
pub mod sink;

use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, RecvTimeoutError};
use std::time::{Duration, Instant};

use arrow_array::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use rayon::prelude::*;

use crate::io::output::arrow::{claims_batch, claims_schema};
use crate::io::output::{
    csv_header_with, render_annotation, render_claims, render_csv_with, CsvOptions, OutputFormat,
};
use crate::io::{ErrorRecord, InputFormat, InputItem, InputOptions, Inputs};
use crate::pipeline::Pipeline;
pub use error::RunError;
pub use progress::Progress;
use progress::Reporter;
use sink::{identity, same_file, Sink};

/// Everything a run needs besides the pipeline.
#[derive(Clone, Debug)]
pub struct RunOptions {
    /// Files, directories and `-`; empty means stdin.
    pub inputs: Vec<String>,
    /// How to read them.
    pub input_format: InputFormat,
    /// Where to write; `None` or `-` is stdout.
    pub output: Option<PathBuf>,
    /// What to write.
    pub format: OutputFormat,
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// Progress bar policy.
    pub progress: Progress,
    /// Also write error records here.
    pub errors: Option<PathBuf>,
    /// Size limit and directory-walk policy of the inputs.
    pub input_options: InputOptions,
    /// `--keep` columns and Excel mode, for CSV and Parquet.
    pub csv: CsvOptions,
}

/// What a run did, for the summary line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Documents annotated and written.
    pub documents: usize,
    /// Claims (or CSV rows) written.
    pub claims: usize,
    /// Error records (documents or inputs that failed).
    pub errors: usize,
    /// Bytes of document text processed.
    pub bytes: u64,
    /// Warnings printed on stderr (files skipped in a walk, a thread count capped).
    pub warnings: usize,
    /// Wall-clock seconds.
    pub seconds: f64,
}

impl Summary {
    /// The one-line summary printed on stderr at the end of a run.
    pub fn line(&self) -> String {
        let mbps = if self.seconds > 0.0 {
            self.bytes as f64 / 1e6 / self.seconds
        } else {
            0.0
        };
        let warnings = match self.warnings {
            0 => String::new(),
            1 => ", 1 warning".to_string(),
            n => format!(", {n} warnings"),
        };
        format!(
            "claimex: {} documents read, {} claims written, {} errors, {:.2} s, {:.2} MB/s{}",
            self.documents + self.errors,
            self.claims,
            self.errors,
            self.seconds,
            mbps,
            warnings
        )
    }
}

/// Documents per batch and text bytes per batch: what bounds memory.
const BATCH_DOCS: usize = 256;
const BATCH_BYTES: usize = 8 << 20;
/// The longest a document waits in a batch, and the longest written output waits for a
/// flush: a slow stream (a pipe that brings a document a minute) still shows every result
/// within about this long.
const LATENCY: Duration = Duration::from_secs(1);

/// Writes one line on stderr; a closed or full stderr is not an error worth dying for.
pub fn warn(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// The thread count to use for `-j N`: N, or every core for 0; more than the cores is capped
/// (the second value is the warning to print then).
pub fn thread_count(requested: usize) -> (usize, Option<String>) {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    match requested {
        0 => (cores, None),
        n if n > cores => (
            cores,
            Some(format!(
                "claimex: warning: -j {n} is more than the {cores} cores here; using {cores}"
            )),
        ),
        n => (n, None),
    }
}

/// One document's output, rendered by a worker.
enum Rendered {
    Bytes(Vec<u8>),
    Batch(RecordBatch),
}

enum Outcome {
    Done {
        rendered: Rendered,
        claims: usize,
        text_len: usize,
        /// A date that could not be read: the document ran without an anchor.
        warning: Option<String>,
    },
    Failed(ErrorRecord),
}

/// Unreadable dates (and repeated ids) shown on stderr; the rest are counted in the summary.
const SHOWN_DATE_WARNINGS: usize = 10;

/// Rows a Parquet row group holds at most, and the buffered bytes that close one early:
/// what bounds the writer's memory.
const ROW_GROUP_ROWS: usize = 65_536;
const ROW_GROUP_BYTES: usize = 32 << 20;

/// The output being written: bytes, or Parquet row groups.
enum Writer {
    Bytes(Box<Sink>),
    Parquet(Box<ArrowWriter<Sink>>),
}

impl Writer {
    fn open(opts: &RunOptions) -> Result<Writer, RunError> {
        let path = opts.output.as_deref();
        let gzip = path.is_some_and(|p| p.to_string_lossy().to_ascii_lowercase().ends_with(".gz"));
        let sink = Sink::open(path, gzip && opts.format != OutputFormat::ClaimsParquet)?;
        if opts.format != OutputFormat::ClaimsParquet {
            let mut w = Writer::Bytes(Box::new(sink));
            if opts.format == OutputFormat::ClaimsCsv {
                w.write(Rendered::Bytes(csv_header_with(&opts.csv)))?;
            }
            return Ok(w);
        }
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .build();
        let writer = ArrowWriter::try_new(sink, claims_schema(&opts.csv), Some(props))
            .map_err(|e| RunError::Io(format!("cannot start the Parquet file: {e}")))?;
        Ok(Writer::Parquet(Box::new(writer)))
    }

    fn write(&mut self, r: Rendered) -> Result<(), RunError> {
        match (self, r) {
            (Writer::Bytes(s), Rendered::Bytes(b)) => s.write_all(&b).map_err(|e| s.error(e)),
            (Writer::Parquet(w), Rendered::Batch(b)) => {
                w.write(&b).map_err(parquet_error)?;
                if w.in_progress_size() > ROW_GROUP_BYTES {
                    w.flush().map_err(parquet_error)?;
                }
                Ok(())
            }
            _ => unreachable!("workers render what the writer writes"),
        }
    }

    fn flush(&mut self) -> Result<(), RunError> {
        match self {
            Writer::Bytes(s) => s.flush().map_err(|e| s.error(e)),
            // a Parquet file is readable only once its footer is written
            Writer::Parquet(_) => Ok(()),
        }
    }

    fn finish(self) -> Result<(), RunError> {
        match self {
            Writer::Bytes(s) => s.finish(),
            Writer::Parquet(w) => w.into_inner().map_err(parquet_error)?.finish(),
        }
    }
}

fn parquet_error(e: parquet::errors::ParquetError) -> RunError {
    match e {
        parquet::errors::ParquetError::External(inner) => {
            match inner.downcast::<std::io::Error>() {
                Ok(io) if io.kind() == std::io::ErrorKind::BrokenPipe => RunError::BrokenPipe,
                Ok(io) => RunError::Io(format!("cannot write output: {io}")),
                Err(other) => RunError::Io(format!("cannot write Parquet: {other}")),
            }
        }
        other => RunError::Io(format!("cannot write Parquet: {other}")),
    }
}

/// Refuses, before anything is read or written, a run that names a missing or unreadable
/// input, or writes its output or errors over an input or over each other.
fn check_paths(opts: &RunOptions, inputs: &Inputs) -> Result<(), RunError> {
    for arg in opts.inputs.iter().filter(|a| a.as_str() != "-") {
        let path = Path::new(arg);
        let readable = if path.is_dir() {
            std::fs::read_dir(path).map(|_| ())
        } else {
            std::fs::File::open(path).map(|_| ())
        };
        if let Err(e) = readable {
            return Err(RunError::Usage(format!("cannot read input {arg}: {e}")));
        }
    }
    let named = |p: &Option<PathBuf>| p.clone().filter(|p| p.as_os_str() != "-");
    let outputs: Vec<(&str, PathBuf)> = [
        ("output", named(&opts.output)),
        ("--errors", named(&opts.errors)),
    ]
    .into_iter()
    .filter_map(|(what, p)| p.map(|p| (what, p)))
    .collect();
    if let [(_, out), (_, errors)] = &outputs[..] {
        if same_file(out, errors) {
            return Err(RunError::Usage(format!(
                "-o and --errors name the same file ({}); nothing was read",
                out.display()
            )));
        }
    }
    for (what, out) in &outputs {
        let Some(id) = identity(out) else { continue };
        if let Some(input) = inputs.files().find(|f| identity(f) == Some(id)) {
            return Err(RunError::Usage(format!(
                "the {what} {} is the input {}: refusing to write over it; nothing was read",
                out.display(),
                input.display()
            )));
        }
    }
    Ok(())
}

/// The size of the inputs in bytes when every input is a file (not stdin).
fn total_size(opts: &RunOptions, inputs: &Inputs) -> Option<u64> {
    if opts.inputs.is_empty() || opts.inputs.iter().any(|a| a == "-") {
        return None;
    }
    Some(
        inputs
            .files()
            .filter_map(|f| std::fs::metadata(f).ok())
            .map(|m| m.len())
            .sum(),
    )
}

/// Runs the pipeline over the inputs. `Err` is a usage error (nothing read or written), a
/// fatal write error, or a closed stdout.
pub fn run(pipeline: &Pipeline, opts: &RunOptions) -> Result<Summary, RunError> {
    let started = Instant::now();
    let mut summary = Summary::default();
    let mut inputs =
        Inputs::with_options(&opts.inputs, opts.input_format, opts.input_options.clone());
    check_paths(opts, &inputs)?;
    let (threads, capped) = thread_count(opts.threads);
    if let Some(w) = capped {
        warn(&w);
        summary.warnings += 1;
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| RunError::Io(format!("cannot start worker threads: {e}")))?;
    let mut out = Writer::open(opts)?;
    let mut errors_file = match &opts.errors {
        Some(p) => Some(Sink::open(Some(p), false)?),
        None => None,
    };
    let mut progress = Reporter::new(
        opts.progress,
        total_size(opts, &inputs),
        inputs.bytes_read(),
    );
    for w in std::mem::take(&mut inputs.warnings) {
        warn(&format!("claimex: warning: {w}"));
        summary.warnings += 1;
    }
    // the reader sends documents one by one; batches are cut here, by count, size or time
    let (tx, rx) = sync_channel::<InputItem>(2 * BATCH_DOCS);
    let reader = std::thread::spawn(move || {
        for item in inputs {
            if tx.send(item).is_err() {
                return;
            }
        }
    });

    let stderr = std::io::stderr();
    let mut last_flush = Instant::now();
    let mut date_warnings = 0;
    // one 64-bit key per distinct id (8 bytes and a count, not the id's text): ten million
    // documents cost about 250 MB at most
    let mut seen_ids = std::collections::HashMap::<u64, u32>::new();
    let mut repeats = 0;
    while let Some(mut batch) = next_batch(&rx) {
        // in input order, so the numbering is the same at any thread count
        for item in &mut batch {
            let InputItem::Doc(raw) = item else { continue };
            let count = seen_ids
                .entry(crate::hash::stable_key(&raw.id))
                .or_insert(0);
            raw.id_repeat = *count;
            *count += 1;
            if raw.id_repeat > 0 {
                summary.warnings += 1;
                repeats += 1;
                if repeats <= SHOWN_DATE_WARNINGS {
                    let k = raw.id_repeat + 1;
                    let line = format!(
                        "claimex: warning: the id {:?} comes again (document {k} with it): its claims are {0}~{k}#N",
                        raw.id
                    );
                    progress.suspend(|| warn(&line));
                }
            }
        }
        let outcomes: Vec<Outcome> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|item| process(pipeline, opts, item))
                .collect()
        });
        for o in outcomes {
            match o {
                Outcome::Done {
                    rendered,
                    claims,
                    text_len,
                    warning,
                } => {
                    out.write(rendered)?;
                    if let Some(w) = warning {
                        summary.warnings += 1;
                        date_warnings += 1;
                        if date_warnings <= SHOWN_DATE_WARNINGS {
                            progress.suspend(|| warn(&w));
                        }
                        if date_warnings == SHOWN_DATE_WARNINGS {
                            progress.suspend(|| {
                                warn("claimex: warning: further unreadable dates are counted only")
                            });
                        }
                    }
                    summary.documents += 1;
                    summary.claims += claims;
                    summary.bytes += text_len as u64;
                }
                Outcome::Failed(e) => {
                    let line = e.to_json();
                    progress.suspend(|| {
                        let _ = writeln!(stderr.lock(), "{line}");
                    });
                    if let Some(f) = &mut errors_file {
                        writeln!(f, "{line}").map_err(|e| f.error(e))?;
                    }
                    summary.errors += 1;
                }
            }
        }
        if last_flush.elapsed() >= LATENCY {
            out.flush()?;
            last_flush = Instant::now();
        }
        progress.update(summary.documents + summary.errors, summary.bytes);
    }
    // a closed stdout ends the run: the reader thread ends when its channel does
    drop(rx);
    let _ = reader.join();
    out.finish()?;
    if let Some(f) = errors_file {
        f.finish()?;
    }
    progress.finish();
    if summary.documents + summary.errors == 0 {
        warn("claimex: warning: the input held no documents");
        summary.warnings += 1;
    }
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// A panic's message, as far as it can be told (for the error record of a document whose
/// annotation panicked; the Python binding uses it too).
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

/// The next batch: waits for one item, then takes more until the batch is full
/// ([`BATCH_DOCS`], [`BATCH_BYTES`]), the input ends, or [`LATENCY`] has passed since its
/// first item. `None` when the input has ended.
fn next_batch(rx: &std::sync::mpsc::Receiver<InputItem>) -> Option<Vec<InputItem>> {
    let first = rx.recv().ok()?;
    let deadline = Instant::now() + LATENCY;
    let size = |i: &InputItem| match i {
        InputItem::Doc(d) => d.text.len(),
        InputItem::Error(_) => 0,
    };
    let mut bytes = size(&first);
    let mut batch = vec![first];
    while batch.len() < BATCH_DOCS && bytes < BATCH_BYTES {
        let wait = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(wait) {
            Ok(item) => {
                bytes += size(&item);
                batch.push(item);
            }
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
        }
    }
    Some(batch)
}

fn render(opts: &RunOptions, doc: &crate::Doc) -> (Rendered, usize) {
    match opts.format {
        OutputFormat::ClaimsJsonl => {
            let (b, n) = render_claims(doc);
            (Rendered::Bytes(b), n)
        }
        OutputFormat::ClaimsCsv => {
            let (b, n) = render_csv_with(doc, &opts.csv);
            (Rendered::Bytes(b), n)
        }
        OutputFormat::Annotation => {
            let (b, n) = render_annotation(doc);
            (Rendered::Bytes(b), n)
        }
        OutputFormat::ClaimsParquet => {
            let batch = claims_batch(std::slice::from_ref(doc), &opts.csv);
            let n = batch.num_rows();
            (Rendered::Batch(batch), n)
        }
    }
}

fn process(pipeline: &Pipeline, opts: &RunOptions, item: InputItem) -> Outcome {
    match item {
        InputItem::Error(e) => Outcome::Failed(e),
        InputItem::Doc(raw) => {
            let id = raw.id.clone();
            let text_len = raw.text.len();
            let warning = raw
                .date
                .as_deref()
                .filter(|d| crate::pipeline::parse_date(d).is_none())
                .map(|d| {
                    format!(
                        "claimex: warning: {id}: the date {d:?} is not one claimex reads (ISO 8601, \
                         RFC 2822, epoch seconds or milliseconds); relative dates stay unanchored"
                    )
                });
            match catch_unwind(AssertUnwindSafe(|| render(opts, &pipeline.annotate(raw)))) {
                Ok((rendered, claims)) => Outcome::Done {
                    rendered,
                    claims,
                    text_len,
                    warning,
                },
                Err(panic) => {
                    let what = panic_message(panic.as_ref());
                    Outcome::Failed(ErrorRecord::new(
                        id.clone(),
                        id,
                        format!("internal error while annotating (please report): {what}"),
                    ))
                }
            }
        }
    }
}
