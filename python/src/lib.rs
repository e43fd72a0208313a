//! `claimex._claimex`: the compiled core of the `claimex` Python package.
//!
//! It renders documents with the library's own renderers (claim JSON Lines, the quote CSV, the
//! annotation object) and hands the text to Python, so that every record is the CLI's, field for
//! field; `pyjson.rs` turns that JSON into the Python objects `json.loads` would give. The
//! pure-Python wrapper (`claimex/__init__.py`) is the public API; nothing here is meant to be
//! called directly.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::Arc;

use claimex::io::output::arrow::claims_batch;
use claimex::io::output::{
    csv_header_with, render_annotation, render_claims, render_csv_with, CsvOptions,
};
use claimex::pipeline::parse_date;
use claimex::run::panic_message;
use claimex::{Doc, Pipeline, RawDoc, Rules};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use rayon::prelude::*;

mod arrow;
mod pool;
mod pyjson;
mod stream;

pyo3::create_exception!(
    claimex,
    RuleError,
    PyValueError,
    "Rule files that do not compile; the message has one `file:line: reason` line per error."
);

pyo3::create_exception!(
    claimex,
    DocumentError,
    PyRuntimeError,
    "A document whose processing failed (an internal error, caught; the interpreter goes on)."
);

/// One document as the wrapper passes it: (text, id, date, title, url, meta, id_repeat), `meta`
/// being the JSON object text of the document's other fields and `id_repeat` the number of
/// documents before it in the call with the same id (`RawDoc::id_repeat`).
type DocIn = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    u32,
);

/// The documents of a batch that failed: (position in the batch, error).
type Failures = Vec<(usize, String)>;

/// What to render for each document.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    /// The claim records, as one JSON array.
    Claims,
    /// The quote CSV rows, no header.
    Csv,
    /// The annotation object.
    Annotation,
    /// Panics inside the per-document guard: lets the tests check that a panic becomes an error.
    PanicForTests,
}

impl Format {
    fn parse(s: &str) -> PyResult<Format> {
        match s {
            "claims" => Ok(Format::Claims),
            "csv" => Ok(Format::Csv),
            "annotation" => Ok(Format::Annotation),
            "_panic" => Ok(Format::PanicForTests),
            _ => Err(PyValueError::new_err(format!("unknown format {s:?}"))),
        }
    }
}

/// The claim JSON Lines of one document as one JSON array (the records never hold a raw
/// newline: serde_json escapes it inside strings, so each `\n` ends a record).
fn claims_array(doc: &Doc) -> String {
    let (bytes, _) = render_claims(doc);
    let mut out = String::with_capacity(bytes.len() + 2);
    out.push('[');
    let text = String::from_utf8(bytes).expect("serde_json writes UTF-8");
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(line);
    }
    out.push(']');
    out
}

/// Runs `f`; a panic in it becomes `Err("internal error: ...")`.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f))
        .map_err(|p| format!("internal error: {}", panic_message(p.as_ref())))
}

/// The library's document of a [`DocIn`].
fn raw_doc(d: DocIn) -> RawDoc {
    let (text, id, date, title, url, meta, id_repeat) = d;
    RawDoc {
        id,
        text,
        date,
        title,
        url,
        meta,
        id_repeat,
    }
}

/// Annotates one document; a panic in it becomes `Err(message)`.
fn annotate_one(pipeline: &Pipeline, d: DocIn, panic_for_tests: bool) -> Result<Doc, String> {
    let raw = raw_doc(d);
    guarded(|| {
        if panic_for_tests {
            panic!("a panic asked for by the tests");
        }
        pipeline.annotate(raw)
    })
}

/// Annotates and renders one document; a panic anywhere in it becomes `Err(message)`.
fn render_one(
    pipeline: &Pipeline,
    format: Format,
    csv: &CsvOptions,
    d: DocIn,
) -> Result<String, String> {
    let doc = annotate_one(pipeline, d, format == Format::PanicForTests)?;
    guarded(|| match format {
        Format::Claims => claims_array(&doc),
        Format::Csv => String::from_utf8(render_csv_with(&doc, csv).0).expect("csv writes UTF-8"),
        Format::Annotation => {
            let (bytes, _) = render_annotation(&doc);
            let mut s = String::from_utf8(bytes).expect("serde_json writes UTF-8");
            s.truncate(s.trim_end().len());
            s
        }
        Format::PanicForTests => unreachable!("panicked before"),
    })
}

/// Compiled rules and the default document date; thread-safe, shared by every batch.
#[pyclass(frozen, module = "claimex._claimex")]
struct Extractor {
    pipeline: Arc<Pipeline>,
}

#[pymethods]
impl Extractor {
    /// Compiles the rules (the embedded defaults, with the files of `rules` replacing them) and
    /// sets the default document date `dct` (`YYYY-MM-DD`).
    #[new]
    #[pyo3(signature = (rules=None, dct=None))]
    fn new(py: Python<'_>, rules: Option<PathBuf>, dct: Option<String>) -> PyResult<Self> {
        let dct = match dct.as_deref() {
            None => None,
            Some(s) => Some(parse_date(s).ok_or_else(|| {
                PyValueError::new_err(format!("dct: not a date (YYYY-MM-DD): {s:?}"))
            })?),
        };
        let compiled = py.detach(|| Rules::load(rules.as_deref()));
        let rules = compiled.map_err(|errors| {
            let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            RuleError::new_err(lines.join("\n"))
        })?;
        Ok(Extractor {
            pipeline: Arc::new(Pipeline::new(rules).with_dct(dct)),
        })
    }

    /// Renders one document in `format` (`claims`, `csv` or `annotation`); raises
    /// `DocumentError` when it fails.
    #[pyo3(signature = (format, text, id, date=None, title=None, url=None, meta=None))]
    #[allow(clippy::too_many_arguments)]
    fn render(
        &self,
        py: Python<'_>,
        format: &str,
        text: String,
        id: String,
        date: Option<String>,
        title: Option<String>,
        url: Option<String>,
        meta: Option<String>,
    ) -> PyResult<String> {
        let format = Format::parse(format)?;
        let pipeline = self.pipeline.clone();
        let d = (text, id, date, title, url, meta, 0);
        py.detach(move || render_one(&pipeline, format, &CsvOptions::default(), d))
            .map_err(DocumentError::new_err)
    }

    /// Renders every document in `format` on `threads` threads (all cores for `None`), the
    /// calling thread being one of them, and returns an iterator of one `(ok, text_or_error)`
    /// per document, in input order, rendered with the interpreter released (`stream.rs`: on
    /// several threads it returns at once, on one after rendering every document). `keep`: for
    /// the CSV, input fields (from `meta`) as columns of their own. `parsed`: the claims or
    /// annotation of a document as its Python value (`json.loads` of the text) instead of text.
    #[pyo3(signature = (format, docs, threads=None, keep=Vec::new(), parsed=false))]
    fn render_stream(
        &self,
        py: Python<'_>,
        format: &str,
        docs: Vec<DocIn>,
        threads: Option<usize>,
        keep: Vec<String>,
        parsed: bool,
    ) -> PyResult<stream::RenderStream> {
        let format = Format::parse(format)?;
        let threads = thread_count(threads)?;
        let csv = CsvOptions {
            keep,
            ..CsvOptions::default()
        };
        let parsed = parsed && format != Format::Csv;
        let stream =
            stream::RenderStream::start(self.pipeline.clone(), format, csv, docs, threads, parsed)
                .map_err(PyRuntimeError::new_err)?;
        if threads == 1 {
            py.detach(|| stream.render_all());
        }
        Ok(stream)
    }

    /// The claims of every document as one `pyarrow.RecordBatch` of the library's Arrow columns
    /// (`claimex::io::output::arrow`; `keep`: input fields, from `meta`, as columns of their
    /// own), annotated on `threads` threads with the interpreter released; returns the batch and
    /// the `(position, error)` of each document that failed (it has no rows).
    #[pyo3(signature = (docs, threads=None, keep=Vec::new()))]
    fn arrow_batch<'py>(
        &self,
        py: Python<'py>,
        docs: Vec<DocIn>,
        threads: Option<usize>,
        keep: Vec<String>,
    ) -> PyResult<(Bound<'py, PyAny>, Failures)> {
        let threads = thread_count(threads)?;
        let pipeline = self.pipeline.clone();
        let built = py.detach(move || -> Result<_, String> {
            let results = parallel_map(threads, docs, |d| annotate_one(&pipeline, d, false))?;
            let mut ok = Vec::with_capacity(results.len());
            let mut failed = Vec::new();
            for (i, r) in results.into_iter().enumerate() {
                match r {
                    Ok(doc) => ok.push(doc),
                    Err(e) => failed.push((i, e)),
                }
            }
            let options = CsvOptions {
                keep,
                ..CsvOptions::default()
            };
            let batch = guarded(|| claims_batch(&ok, &options))?;
            Ok((batch, failed))
        });
        let (batch, failed) = built.map_err(DocumentError::new_err)?;
        Ok((arrow::to_pyarrow(py, batch)?, failed))
    }
}

/// `threads` of a call: at least 1, all cores for `None`.
fn thread_count(threads: Option<usize>) -> PyResult<usize> {
    match threads {
        Some(0) => Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => Ok(n),
        None => Ok(pool::default_threads()),
    }
}

/// `f` over `docs` on the process's pool of `threads` threads (inline for one thread or one
/// document), results in input order.
fn parallel_map<T: Send>(
    threads: usize,
    docs: Vec<DocIn>,
    f: impl Fn(DocIn) -> T + Sync + Send,
) -> Result<Vec<T>, String> {
    if threads == 1 || docs.len() <= 1 {
        Ok(docs.into_iter().map(f).collect())
    } else {
        let pool = pool::pool(threads)?;
        Ok(pool.install(|| docs.into_par_iter().map(f).collect()))
    }
}

/// The quote CSV's header row (then the `keep` columns), with its line ending.
#[pyfunction]
#[pyo3(signature = (keep=Vec::new()))]
fn csv_header_text(keep: Vec<String>) -> String {
    let options = CsvOptions {
        keep,
        ..CsvOptions::default()
    };
    String::from_utf8(csv_header_with(&options)).expect("csv writes UTF-8")
}

/// `json.loads(text)`, made in Rust (`pyjson.rs`): the value of one document's claims or
/// annotation text.
#[pyfunction]
fn loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    pyjson::loads(py, text, &mut pyjson::KeyCache::default())
}

/// The pid of the process that built the batch thread pools, or None: for the fork tests.
#[pyfunction]
fn _pool_pid() -> Option<u32> {
    pool::pool_pid()
}

/// The compiled core of claimex.
#[pymodule]
mod _claimex {
    #[pymodule_export]
    use super::{_pool_pid, csv_header_text, loads, Extractor};
    #[pymodule_export]
    use super::{DocumentError, RuleError};
    #[pymodule_export]
    use crate::arrow::arrow_schema;
}
