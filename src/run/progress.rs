//! Progress of a run on stderr: on a terminal the indicatif bar (documents, MB, MB/s, ETA
//! against the total size of the input files when it is known); off a terminal, with
//! `--progress always`, one log line every ten seconds (a job on a cluster node, `nohup`).

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

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

/// How often the log lines come off a terminal.
const LOG_EVERY: Duration = Duration::from_secs(10);

/// The progress display of one run.
pub struct Reporter {
    bar: ProgressBar,
    log: bool,
    last_log: Instant,
    started: Instant,
    /// Bytes of the input files in all, when every input is a file.
    total: Option<u64>,
    read: Arc<AtomicU64>,
}

impl Reporter {
    /// A display for `policy`; `total` is the size of the inputs (if known), `read` the count
    /// of input bytes read so far.
    pub fn new(policy: Progress, total: Option<u64>, read: Arc<AtomicU64>) -> Reporter {
        let terminal = std::io::stderr().is_terminal();
        let (show_bar, log) = match policy {
            Progress::Never => (false, false),
            Progress::Auto => (terminal, false),
            Progress::Always => (terminal, !terminal),
        };
        let bar = if show_bar {
            let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
            let template = if total.is_some() {
                "{spinner} {wide_bar} {percent}% · {msg} · {elapsed} (ETA {eta})"
            } else {
                "{spinner} {msg} · {elapsed}"
            };
            bar.set_style(ProgressStyle::with_template(template).expect("valid template"));
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        } else {
            ProgressBar::hidden()
        };
        let now = Instant::now();
        Reporter {
            bar,
            log,
            // the first log line comes with the first batch, then one every LOG_EVERY
            last_log: now.checked_sub(LOG_EVERY).unwrap_or(now),
            started: now,
            total,
            read,
        }
    }

    /// Runs `f` with the bar out of the way (for a line on stderr).
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    /// Shows where the run is: documents done and text bytes processed.
    pub fn update(&mut self, documents: usize, text_bytes: u64) {
        let secs = self.started.elapsed().as_secs_f64().max(1e-9);
        let line = format!(
            "{documents} documents · {:.1} MB · {:.2} MB/s",
            text_bytes as f64 / 1e6,
            text_bytes as f64 / 1e6 / secs
        );
        let read = self.read.load(Ordering::Relaxed);
        if self.total.is_some() {
            self.bar.set_position(read);
        }
        if self.log && self.last_log.elapsed() >= LOG_EVERY {
            self.last_log = Instant::now();
            let eta = match self.total {
                Some(total) if read > 0 && total >= read => {
                    let left = secs * (total - read) as f64 / read as f64;
                    format!(
                        ", {:.0}% of the input, ETA {}",
                        100.0 * read as f64 / total as f64,
                        clock(left)
                    )
                }
                _ => String::new(),
            };
            let _ = writeln!(
                std::io::stderr().lock(),
                "claimex: {line}, {} elapsed{eta}",
                clock(secs)
            );
        }
        self.bar.set_message(line);
    }

    /// Removes the bar.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// Seconds as `1h02m03s`, `2m05s` or `7s`.
fn clock(secs: f64) -> String {
    let s = secs.round() as u64;
    match (s / 3600, s / 60 % 60, s % 60) {
        (0, 0, sec) => format!("{sec}s"),
        (0, m, sec) => format!("{m}m{sec:02}s"),
        (h, m, sec) => format!("{h}h{m:02}m{sec:02}s"),
    }
}

#[cfg(test)]
mod tests {
    use crate::run::progress::clock;

    #[test]
    fn clock_reads_like_a_clock() {
        assert_eq!(clock(7.2), "7s");
        assert_eq!(clock(125.0), "2m05s");
        assert_eq!(clock(3723.0), "1h02m03s");
    }
}
