//! Where a run writes, written so that a run never destroys data:
//!
//! - stdout (no path, or `-`): written as it goes; a closed pipe ends the run quietly.
//! - a regular file, or a path that does not exist yet: written to a hidden temporary file
//!   beside it (`.NAME.claimex-PID.tmp`), renamed over the target only when the run ends
//!   well; a failed run removes the temporary file and leaves the old target as it was. A
//!   symbolic link is followed to its target, so the link stays a link.
//! - anything else (`/dev/null`, `/dev/full`, `/dev/stdout`, a FIFO): written in place and
//!   never renamed over, since a rename would replace the device.
//!
//! A path ending in `.gz` is gzip-compressed (flate2).

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, ErrorKind, Write};
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::run::error::RunError;

/// An open output.
pub struct Sink {
    out: Out,
    /// The temporary file and the target it will be renamed to, for a replaced file.
    replace: Option<(PathBuf, PathBuf)>,
    /// What to call it in messages.
    name: String,
}

enum Out {
    Plain(BufWriter<Box<dyn Write + Send>>),
    Gzip(GzEncoder<BufWriter<Box<dyn Write + Send>>>),
    Done,
}

/// The identity of an existing file (device and inode on Unix), following symbolic links.
pub fn identity(path: &Path) -> Option<(u64, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        use std::hash::{Hash, Hasher};
        let _ = meta;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        path.canonicalize().ok()?.hash(&mut h);
        Some((0, h.finish()))
    }
}

/// True when two paths name one file: the same identity when both exist, else the same
/// absolute path once the parent directory's links are resolved.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (identity(a), identity(b)) {
        (Some(x), Some(y)) => x == y,
        (None, None) => resolved(a) == resolved(b),
        _ => false,
    }
}

fn resolved(p: &Path) -> Option<PathBuf> {
    let parent = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.canonicalize().ok()?,
        _ => std::env::current_dir().ok()?,
    };
    Some(parent.join(p.file_name()?))
}

/// True for a path that is stdout.
pub fn is_stdout(path: Option<&Path>) -> bool {
    path.is_none_or(|p| p.as_os_str() == "-")
}

impl Sink {
    /// Opens `path` (stdout when `None` or `-`), gzip-compressed when `gzip`.
    pub fn open(path: Option<&Path>, gzip: bool) -> Result<Sink, RunError> {
        let (raw, replace, name): (Box<dyn Write + Send>, _, String) = match path {
            p if is_stdout(p) => (Box::new(std::io::stdout()), None, "stdout".into()),
            Some(p) => {
                let name = p.display().to_string();
                let cannot = |e: std::io::Error| RunError::Io(format!("cannot write {name}: {e}"));
                if writes_in_place(p) {
                    let f = OpenOptions::new().write(true).open(p).map_err(cannot)?;
                    (Box::new(f), None, name.clone())
                } else {
                    let target = p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
                    let temp = temp_beside(&target);
                    let f = File::create(&temp).map_err(cannot)?;
                    if let Ok(meta) = std::fs::metadata(&target) {
                        let _ = std::fs::set_permissions(&temp, meta.permissions());
                    }
                    (Box::new(f), Some((temp, target)), name.clone())
                }
            }
            None => unreachable!("is_stdout covers None"),
        };
        let buffered = BufWriter::with_capacity(1 << 20, raw);
        let out = if gzip {
            Out::Gzip(GzEncoder::new(buffered, Compression::default()))
        } else {
            Out::Plain(buffered)
        };
        Ok(Sink { out, replace, name })
    }

    /// Maps a write error to what the run does with it: a closed pipe ends it quietly.
    pub fn error(&self, e: std::io::Error) -> RunError {
        if e.kind() == ErrorKind::BrokenPipe {
            RunError::BrokenPipe
        } else {
            RunError::Io(format!("cannot write {}: {e}", self.name))
        }
    }

    /// Flushes everything, ends the gzip stream and puts a replaced file in place.
    pub fn finish(mut self) -> Result<(), RunError> {
        let out = std::mem::replace(&mut self.out, Out::Done);
        let done = match out {
            Out::Plain(mut w) => w.flush(),
            Out::Gzip(g) => g.finish().and_then(|mut w| w.flush()),
            Out::Done => Ok(()),
        };
        done.map_err(|e| self.error(e))?;
        if let Some((temp, target)) = self.replace.take() {
            if let Err(e) = std::fs::rename(&temp, &target) {
                let _ = std::fs::remove_file(&temp);
                return Err(RunError::Io(format!("cannot write {}: {e}", self.name)));
            }
        }
        Ok(())
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.out {
            Out::Plain(w) => w.write(buf),
            Out::Gzip(w) => w.write(buf),
            Out::Done => Err(std::io::Error::other("output already finished")),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        match &mut self.out {
            Out::Plain(w) => w.write_all(buf),
            Out::Gzip(w) => w.write_all(buf),
            Out::Done => Err(std::io::Error::other("output already finished")),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.out {
            Out::Plain(w) => w.flush(),
            // a sync flush: what was written so far can be read back from the file
            Out::Gzip(w) => w.flush(),
            Out::Done => Ok(()),
        }
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        // not finished: the run failed; the old target stays as it was
        if let Some((temp, _)) = self.replace.take() {
            let _ = std::fs::remove_file(temp);
        }
    }
}

/// True for outputs written where they are: devices, FIFOs, sockets, and `/dev/*` or
/// `/proc/*` paths (`/dev/stdout` may resolve to the file a shell opened).
fn writes_in_place(p: &Path) -> bool {
    if p.starts_with("/dev") || p.starts_with("/proc") {
        return true;
    }
    match std::fs::metadata(p) {
        Ok(meta) => !meta.is_file(),
        Err(_) => false,
    }
}

fn temp_beside(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}.claimex-{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use crate::run::sink::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("claimex-sink-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_file_is_replaced_only_when_the_run_finishes() {
        let dir = scratch("replace");
        let target = dir.join("out.jsonl");
        std::fs::write(&target, "old\n").unwrap();
        let mut sink = Sink::open(Some(&target), false).unwrap();
        sink.write_all(b"new\n").unwrap();
        sink.flush().unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old\n");
        drop(sink);
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old\n");
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            1,
            "temp file left"
        );
        let mut sink = Sink::open(Some(&target), false).unwrap();
        sink.write_all(b"new\n").unwrap();
        sink.finish().unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new\n");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    }

    #[test]
    fn same_file_sees_through_links_and_relative_paths() {
        let dir = scratch("same");
        let a = dir.join("a.jsonl");
        std::fs::write(&a, "x").unwrap();
        assert!(same_file(&a, &dir.join(".").join("a.jsonl")));
        #[cfg(unix)]
        {
            let link = dir.join("link.jsonl");
            std::os::unix::fs::symlink(&a, &link).unwrap();
            assert!(same_file(&a, &link));
        }
        assert!(!same_file(&a, &dir.join("b.jsonl")));
        assert!(same_file(&dir.join("new.txt"), &dir.join("./new.txt")));
    }

    #[test]
    fn gzip_output_decompresses() {
        let dir = scratch("gz");
        let target = dir.join("out.jsonl.gz");
        let mut sink = Sink::open(Some(&target), true).unwrap();
        sink.write_all(b"{\"a\":1}\n").unwrap();
        sink.finish().unwrap();
        let mut text = String::new();
        use std::io::Read;
        flate2::read::MultiGzDecoder::new(File::open(&target).unwrap())
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "{\"a\":1}\n");
    }
}
