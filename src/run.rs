//! The batch driver behind `extract` and `annotate`: streams inputs, annotates documents in
//! parallel, writes outputs in input order, reports errors, progress and a summary.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::mpsc::{sync_channel, RecvTimeoutError};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::io::output::{csv_header, render, OutputFormat};
use crate::io::{ErrorRecord, InputFormat, InputItem, InputOptions, Inputs};
use crate::pipeline::Pipeline;

/// When to draw the progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Only when stderr is a terminal.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

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

enum Outcome {
    Done {
        bytes: Vec<u8>,
        claims: usize,
        text_len: usize,
    },
    Failed(ErrorRecord),
}

/// Runs the pipeline over the inputs. `Err` is a fatal I/O problem (output not writable).
pub fn run(pipeline: &Pipeline, opts: &RunOptions) -> Result<Summary, String> {
    let started = Instant::now();
    let mut summary = Summary::default();
    let (threads, capped) = thread_count(opts.threads);
    if let Some(w) = capped {
        warn(&w);
        summary.warnings += 1;
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| format!("cannot start worker threads: {e}"))?;
    let mut out: Box<dyn Write> = match &opts.output {
        Some(p) if p.as_os_str() != "-" => Box::new(BufWriter::with_capacity(
            1 << 20,
            File::create(p).map_err(|e| format!("cannot write {}: {e}", p.display()))?,
        )),
        _ => Box::new(BufWriter::with_capacity(1 << 20, std::io::stdout().lock())),
    };
    let mut errors_file = match &opts.errors {
        Some(p) => Some(BufWriter::new(
            File::create(p).map_err(|e| format!("cannot write {}: {e}", p.display()))?,
        )),
        None => None,
    };
    let bar = progress_bar(opts.progress);
    let write_err = |e: std::io::Error| format!("cannot write output: {e}");
    if opts.format == OutputFormat::ClaimsCsv {
        out.write_all(&csv_header()).map_err(write_err)?;
    }

    let mut inputs =
        Inputs::with_options(&opts.inputs, opts.input_format, opts.input_options.clone());
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
    while let Some(batch) = next_batch(&rx) {
        let outcomes: Vec<Outcome> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|item| process(pipeline, opts.format, item))
                .collect()
        });
        for o in outcomes {
            match o {
                Outcome::Done {
                    bytes,
                    claims,
                    text_len,
                } => {
                    out.write_all(&bytes).map_err(write_err)?;
                    summary.documents += 1;
                    summary.claims += claims;
                    summary.bytes += text_len as u64;
                }
                Outcome::Failed(e) => {
                    let line = e.to_json();
                    bar.suspend(|| {
                        let _ = writeln!(stderr.lock(), "{line}");
                    });
                    if let Some(f) = &mut errors_file {
                        writeln!(f, "{line}").map_err(write_err)?;
                    }
                    summary.errors += 1;
                }
            }
        }
        if last_flush.elapsed() >= LATENCY {
            out.flush().map_err(write_err)?;
            last_flush = Instant::now();
        }
        bar.set_position((summary.documents + summary.errors) as u64);
        let secs = started.elapsed().as_secs_f64().max(1e-9);
        bar.set_message(format!(
            "{:.1} MB · {:.2} MB/s",
            summary.bytes as f64 / 1e6,
            summary.bytes as f64 / 1e6 / secs
        ));
    }
    let _ = reader.join();
    out.flush().map_err(write_err)?;
    if let Some(f) = &mut errors_file {
        f.flush().map_err(write_err)?;
    }
    bar.finish_and_clear();
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
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

fn process(pipeline: &Pipeline, format: OutputFormat, item: InputItem) -> Outcome {
    match item {
        InputItem::Error(e) => Outcome::Failed(e),
        InputItem::Doc(raw) => {
            let id = raw.id.clone();
            let text_len = raw.text.len();
            match catch_unwind(AssertUnwindSafe(|| render(format, &pipeline.annotate(raw)))) {
                Ok((bytes, claims)) => Outcome::Done {
                    bytes,
                    claims,
                    text_len,
                },
                Err(panic) => {
                    let what = panic
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_default();
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

fn progress_bar(policy: Progress) -> ProgressBar {
    let show = match policy {
        Progress::Always => true,
        Progress::Never => false,
        Progress::Auto => std::io::stderr().is_terminal(),
    };
    if !show {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {pos} documents · {msg} · {elapsed}")
            .expect("valid progress template"),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}
