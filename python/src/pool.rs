//! The process's rayon thread pools, rebuilt after `fork`.
//!
//! A pool's worker threads exist only in the process that started them: after `os.fork()` the
//! child inherits the pool's bookkeeping but none of its threads, so a job sent to it would wait
//! forever. Every pool is therefore stored with the pid that built it, and a caller in another
//! process gets a fresh pool; the stale ones are leaked, never dropped (dropping would signal
//! threads that are not there, through state a parent thread may have held at the fork).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rayon::{ThreadPool, ThreadPoolBuilder};

struct Pools {
    pid: u32,
    by_threads: HashMap<usize, Arc<ThreadPool>>,
}

static POOLS: Mutex<Option<Pools>> = Mutex::new(None);

/// The number of threads used when the caller gives none: the cores this process may use.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The pool of `threads` threads of this process, built on first use (and again after a fork).
pub fn pool(threads: usize) -> Result<Arc<ThreadPool>, String> {
    let pid = std::process::id();
    // A panic while the lock was held cannot leave the map inconsistent: take it anyway.
    let mut guard = POOLS.lock().unwrap_or_else(|e| e.into_inner());
    if guard.as_ref().is_some_and(|p| p.pid != pid) {
        if let Some(stale) = guard.take() {
            std::mem::forget(stale);
        }
    }
    let pools = guard.get_or_insert_with(|| Pools {
        pid,
        by_threads: HashMap::new(),
    });
    if let Some(p) = pools.by_threads.get(&threads) {
        return Ok(p.clone());
    }
    let p = ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("claimex-{i}"))
        .build()
        .map_err(|e| format!("cannot start {threads} threads: {e}"))?;
    let p = Arc::new(p);
    pools.by_threads.insert(threads, p.clone());
    Ok(p)
}

/// The pid of the process that built the current pools (None before any batch): for tests.
pub fn pool_pid() -> Option<u32> {
    POOLS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .as_ref()
        .map(|p| p.pid)
}
