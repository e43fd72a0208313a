//! A batch rendered while Python consumes it: `Extractor.render_stream`.
//!
//! The documents of a batch are claimed one at a time, in input order, by `threads` threads: the
//! calling thread and `threads - 1` threads of the process's pool. The caller takes the results
//! in input order; while it turns one into Python objects (with the interpreter held), the other
//! threads go on with the next documents, and when the next result is not ready yet it renders
//! an unclaimed document itself rather than wait. So the interpreter's share of the work runs
//! beside the pipeline instead of after it, there is no barrier where threads wait on the
//! slowest document of a chunk, and a call never keeps more than `threads` threads busy. With
//! one thread there is nothing to overlap: [`RenderStream::render_all`] renders every document
//! before the first is handed over (rendering and converting in turn, document by document, was
//! about 10 % slower over polnear-train: the two evict each other from the caches).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use claimex::io::output::CsvOptions;
use claimex::Pipeline;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::pyjson::{self, KeyCache};
use crate::{pool, render_one, DocIn, Format};

/// What the threads of one stream share.
struct Shared {
    pipeline: Arc<Pipeline>,
    format: Format,
    csv: CsvOptions,
    /// The documents (each copied by the thread that renders it).
    docs: Vec<DocIn>,
    /// The next document to claim.
    claim: AtomicUsize,
    /// Set when the stream is dropped: the pool threads stop claiming.
    cancelled: AtomicBool,
    /// Each document's result, once rendered; taken by the caller.
    results: Mutex<Vec<Option<Result<String, String>>>>,
    /// Signalled whenever a result is stored.
    stored: Condvar,
    /// The process that started the pool threads (after a fork only the caller is left).
    pid: u32,
}

/// Locks `m`; a panic while it was held cannot leave the data half-written (every write is one
/// assignment), so a poisoned lock is taken anyway.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Shared {
    /// Claims the next unclaimed document, renders it and stores its result; false when every
    /// document is claimed (or the stream is dropped).
    fn render_next(&self) -> bool {
        if self.cancelled.load(Ordering::Relaxed) {
            return false;
        }
        let i = self.claim.fetch_add(1, Ordering::Relaxed);
        if i >= self.docs.len() {
            return false;
        }
        self.render(i);
        true
    }

    /// Renders document `i` and stores its result.
    fn render(&self, i: usize) {
        let r = render_one(&self.pipeline, self.format, &self.csv, self.docs[i].clone());
        lock(&self.results)[i] = Some(r);
        self.stored.notify_all();
    }

    /// The result of document `i`, rendering documents (`i` or later ones) while it is not
    /// ready and waiting only when every document is claimed.
    fn take(&self, i: usize) -> Result<String, String> {
        loop {
            if let Some(r) = lock(&self.results)[i].take() {
                return r;
            }
            if self.pid != std::process::id() {
                // a forked child: the threads that claimed documents are not here
                self.render(i);
            } else if !self.render_next() {
                break;
            }
        }
        let mut results = lock(&self.results);
        loop {
            if let Some(r) = results[i].take() {
                return r;
            }
            results = self.stored.wait(results).unwrap_or_else(|e| e.into_inner());
        }
    }
}

/// The results of a batch in input order, `(ok, text_or_error)` per document, rendered as they
/// are asked for (see the module's comment); an iterator. With `parsed`, a JSON result comes as
/// its Python value (as `json.loads` gives it, made by [`pyjson`]) instead of its text.
#[pyclass(module = "claimex._claimex")]
pub struct RenderStream {
    shared: Arc<Shared>,
    next: usize,
    parsed: bool,
    keys: KeyCache,
}

impl RenderStream {
    /// Starts rendering `docs` on `threads` threads (the caller being one: `threads - 1` pool
    /// threads start now).
    pub(crate) fn start(
        pipeline: Arc<Pipeline>,
        format: Format,
        csv: CsvOptions,
        docs: Vec<DocIn>,
        threads: usize,
        parsed: bool,
    ) -> Result<RenderStream, String> {
        let n = docs.len();
        let shared = Arc::new(Shared {
            pipeline,
            format,
            csv,
            docs,
            claim: AtomicUsize::new(0),
            cancelled: AtomicBool::new(false),
            results: Mutex::new((0..n).map(|_| None).collect()),
            stored: Condvar::new(),
            pid: std::process::id(),
        });
        let helpers = (threads - 1).min(n.saturating_sub(1));
        if helpers > 0 {
            let pool = pool::pool(threads - 1)?;
            for _ in 0..helpers {
                let shared = shared.clone();
                pool.spawn(move || while shared.render_next() {});
            }
        }
        Ok(RenderStream {
            shared,
            next: 0,
            parsed,
            keys: KeyCache::default(),
        })
    }
}

impl RenderStream {
    /// Renders every document not claimed yet on the calling thread (to be called without the
    /// interpreter).
    pub(crate) fn render_all(&self) {
        while self.shared.render_next() {}
    }
}

#[pymethods]
impl RenderStream {
    /// The stream itself.
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    /// The next document's `(ok, text_or_error)` (with `parsed`, `(True, value)` for a
    /// document that did not fail), rendered with the interpreter released.
    fn __next__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<(bool, Bound<'py, PyAny>)>> {
        if self.next >= self.shared.docs.len() {
            return Ok(None);
        }
        let (shared, i) = (self.shared.clone(), self.next);
        self.next += 1;
        Ok(Some(match py.detach(move || shared.take(i)) {
            Ok(s) if self.parsed => (true, pyjson::loads(py, &s, &mut self.keys)?),
            Ok(s) => (true, PyString::new(py, &s).into_any()),
            Err(e) => (false, PyString::new(py, &e).into_any()),
        }))
    }

    /// The number of documents.
    fn __len__(&self) -> usize {
        self.shared.docs.len()
    }
}

impl Drop for RenderStream {
    fn drop(&mut self) {
        self.shared.cancelled.store(true, Ordering::Relaxed);
    }
}
