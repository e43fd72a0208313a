//! Directory walks: the document files under a directory, sorted by path, without hanging on
//! what a file system can hold besides files and directories.
//!
//! - A symbolic link to a directory is not followed unless asked (`--follow`): a link back up
//!   the tree (`ln -s .. loop`) would otherwise read the corpus again and again, or forever.
//!   When followed, each directory is entered once (by its canonical path), so loops end.
//! - A symbolic link to a file is read like the file.
//! - A FIFO, socket or device file is skipped with a warning: opening a FIFO blocks until a
//!   writer comes, which in a walk is never. (Named on the command line, it is read: that is
//!   how `claimex extract <(zcat a.gz)` works.)
//! - Hidden entries (a name starting with `.`) are skipped.

use std::collections::HashSet;
use std::fs::FileType;
use std::path::{Path, PathBuf};

use super::error::ErrorRecord;

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Document files (`.txt`, `.jsonl`, `.ndjson`, each maybe `.gz`), sorted by path.
    pub files: Vec<PathBuf>,
    /// Directories that could not be read, as error records.
    pub broken: Vec<ErrorRecord>,
    /// What was skipped and why, one line each (for stderr).
    pub warnings: Vec<String>,
}

/// Walks `dir` recursively; `follow` enters symbolic links to directories (each directory once).
pub fn walk(dir: &Path, follow: bool) -> Walk {
    let mut w = Walk::default();
    let mut visited = HashSet::new();
    if let Ok(c) = dir.canonicalize() {
        visited.insert(c);
    }
    walk_into(dir, follow, &mut visited, &mut w);
    w.files.sort();
    w
}

fn walk_into(dir: &Path, follow: bool, visited: &mut HashSet<PathBuf>, w: &mut Walk) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            let name = dir.display().to_string();
            w.broken.push(ErrorRecord::new(
                name.clone(),
                name,
                format!("cannot read directory: {e}"),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(own) = entry.file_type() else {
            continue;
        };
        // what a symbolic link points to (a dangling link is skipped as not a document)
        let (kind, via_link) = if own.is_symlink() {
            match std::fs::metadata(&path) {
                Ok(m) => (m.file_type(), true),
                Err(_) => {
                    w.warnings
                        .push(format!("{}: broken symbolic link, skipped", path.display()));
                    continue;
                }
            }
        } else {
            (own, false)
        };
        if kind.is_dir() {
            if via_link && !follow {
                w.warnings.push(format!(
                    "{}: symbolic link to a directory, not followed (use --follow)",
                    path.display()
                ));
                continue;
            }
            if let Ok(c) = path.canonicalize() {
                if !visited.insert(c) {
                    continue;
                }
            }
            walk_into(&path, follow, visited, w);
        } else if is_document_file(&path) {
            if kind.is_file() {
                w.files.push(path);
            } else {
                w.warnings.push(format!(
                    "{}: not a regular file ({}), skipped",
                    path.display(),
                    what_kind(kind)
                ));
            }
        }
    }
}

/// A special file's kind, in words.
fn what_kind(kind: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    let _ = kind;
    "a special file"
}

/// True for the file names a directory walk reads: `.txt`, `.jsonl`, `.ndjson`, each maybe `.gz`.
pub fn is_document_file(path: &Path) -> bool {
    let name = path.to_string_lossy().to_ascii_lowercase();
    let stem = name.strip_suffix(".gz").unwrap_or(&name);
    [".txt", ".jsonl", ".ndjson"]
        .iter()
        .any(|e| stem.ends_with(e))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn tree(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("claimex-walk-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(d.join("a")).unwrap();
        std::fs::write(d.join("a/one.txt"), "One.").unwrap();
        std::fs::write(d.join("two.jsonl"), "{\"text\":\"Two.\"}\n").unwrap();
        d
    }

    #[test]
    fn a_link_loop_is_not_followed_and_ends_when_followed() {
        let d = tree("loop");
        symlink("..", d.join("a/up")).unwrap();
        symlink(d.join("a"), d.join("again")).unwrap();
        let w = walk(&d, false);
        assert_eq!(w.files, vec![d.join("a/one.txt"), d.join("two.jsonl")]);
        assert_eq!(w.warnings.len(), 2, "{:?}", w.warnings);
        // followed: every directory once, so each file once
        let w = walk(&d, true);
        assert_eq!(w.files.len(), 2, "{:?}", w.files);
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn a_fifo_is_skipped_with_a_warning_and_a_file_link_is_read() {
        let d = tree("fifo");
        let fifo = d.join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        symlink(d.join("two.jsonl"), d.join("link.jsonl")).unwrap();
        let w = walk(&d, false);
        assert!(w.files.contains(&d.join("link.jsonl")));
        if made.is_ok_and(|s| s.success()) {
            assert!(!w.files.contains(&fifo));
            assert!(
                w.warnings.iter().any(|m| m.contains("a FIFO")),
                "{:?}",
                w.warnings
            );
        }
        std::fs::remove_dir_all(&d).unwrap();
    }
}
