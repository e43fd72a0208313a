//! Reading documents: files, directories (recursive, sorted by path) and stdin; `.txt` (one
//! document), `.jsonl`/`.ndjson` (one per line), `.gz` of either decompressed on the fly.
//!
//! [`Inputs`] is an iterator that streams: it holds one open file and one line at a time.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use flate2::read::MultiGzDecoder;

use super::error::ErrorRecord;
use super::jsonl::JsonlState;
use super::walk::walk;
use crate::doc::RawDoc;

/// How to read an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// By file name; stdin and other names by sniffing (first non-blank byte `{` → JSON Lines).
    Auto,
    /// One document per file.
    Text,
    /// One JSON document per line.
    Jsonl,
}

/// One item of input: a document, or the reason one could not be read.
#[derive(Debug)]
pub enum InputItem {
    /// A document ready for the pipeline.
    Doc(RawDoc),
    /// A document (or file) that could not be read.
    Error(ErrorRecord),
}

/// The UTF-8 byte order mark.
pub(super) const BOM: &[u8] = b"\xEF\xBB\xBF";

enum Source {
    Stdin,
    Stream { reader: Reader, name: String },
    File { path: PathBuf, id: String },
    Broken(ErrorRecord),
}

/// A boxed buffered byte stream: a file, a gzip stream or stdin.
pub(super) type Reader = Box<dyn BufRead + Send>;

/// The default of [`InputOptions::max_doc_bytes`]: 64 MiB.
pub const DEFAULT_MAX_DOC_BYTES: usize = 64 << 20;

/// The names of the JSON Lines fields claimex reads (`--text-field`, `--id-field`,
/// `--date-field`); `title` and `url` keep their names, every other field goes to `meta`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldNames {
    /// The article text (default `text`).
    pub text: String,
    /// The document id (default `id`).
    pub id: String,
    /// The publication date (default `date`).
    pub date: String,
}

impl Default for FieldNames {
    fn default() -> FieldNames {
        FieldNames {
            text: "text".into(),
            id: "id".into(),
            date: "date".into(),
        }
    }
}

/// How inputs are read besides their format.
#[derive(Clone, Debug)]
pub struct InputOptions {
    /// The largest document, in bytes (a text file, or a JSON Lines line): a larger one is an
    /// error record and the run goes on; no read ever holds more than this (plus a buffer).
    pub max_doc_bytes: usize,
    /// Follow symbolic links to directories in a walk (each directory entered once).
    pub follow: bool,
    /// Which JSON Lines fields hold the text, id and date.
    pub fields: Arc<FieldNames>,
}

impl Default for InputOptions {
    fn default() -> InputOptions {
        InputOptions {
            max_doc_bytes: DEFAULT_MAX_DOC_BYTES,
            follow: false,
            fields: Arc::default(),
        }
    }
}

/// Streams the documents of every input, in order.
pub struct Inputs {
    format: InputFormat,
    options: InputOptions,
    pending: VecDeque<Source>,
    current: Option<JsonlState>,
    bytes_read: Arc<AtomicU64>,
    /// What the directory walks skipped and why (for stderr).
    pub warnings: Vec<String>,
}

impl Inputs {
    /// The inputs named on the command line (`-` is stdin; no names means stdin), read with the
    /// default [`InputOptions`].
    pub fn new(args: &[String], format: InputFormat) -> Inputs {
        Inputs::with_options(args, format, InputOptions::default())
    }

    /// One stream of bytes named `name` (for ids and sources; a name ending in `.gz` is
    /// decompressed), read as `format` (`Auto` sniffs): for callers that hold the bytes, such
    /// as a fuzz target or a language binding.
    pub fn from_reader(
        reader: Box<dyn BufRead + Send>,
        name: &str,
        format: InputFormat,
        options: InputOptions,
    ) -> Inputs {
        Inputs {
            format,
            options,
            pending: VecDeque::from([Source::Stream {
                reader,
                name: name.to_string(),
            }]),
            current: None,
            warnings: Vec::new(),
            bytes_read: Arc::default(),
        }
    }

    /// The inputs named on the command line, read with `options`.
    pub fn with_options(args: &[String], format: InputFormat, options: InputOptions) -> Inputs {
        let mut warnings = Vec::new();
        let mut pending = VecDeque::new();
        if args.is_empty() {
            pending.push_back(Source::Stdin);
        }
        for arg in args {
            if arg == "-" {
                pending.push_back(Source::Stdin);
                continue;
            }
            let path = Path::new(arg);
            if path.is_dir() {
                let found = walk(path, options.follow);
                warnings.extend(found.warnings);
                for f in found.files {
                    let id = f
                        .strip_prefix(path)
                        .unwrap_or(&f)
                        .to_string_lossy()
                        .replace('\\', "/");
                    pending.push_back(Source::File { path: f, id });
                }
                pending.extend(found.broken.into_iter().map(Source::Broken));
            } else {
                pending.push_back(Source::File {
                    path: path.to_path_buf(),
                    id: arg.clone(),
                });
            }
        }
        Inputs {
            format,
            options,
            pending,
            current: None,
            warnings,
            bytes_read: Arc::default(),
        }
    }

    /// The files the inputs will read (named or found in a walk), in order.
    pub fn files(&self) -> impl Iterator<Item = &Path> {
        self.pending.iter().filter_map(|s| match s {
            Source::File { path, .. } => Some(path.as_path()),
            _ => None,
        })
    }

    /// Leaves out every file `skip` says to, each with a warning (a walked file that is the
    /// run's own output, say).
    pub fn skip_files(&mut self, mut skip: impl FnMut(&Path) -> Option<String>) {
        let mut warnings = Vec::new();
        self.pending.retain(|s| match s {
            Source::File { path, .. } => match skip(path) {
                Some(w) => {
                    warnings.push(w);
                    false
                }
                None => true,
            },
            _ => true,
        });
        self.warnings.extend(warnings);
    }

    /// The bytes read from files so far (compressed bytes for `.gz`), shared with the reader.
    pub fn bytes_read(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.bytes_read)
    }

    /// Opens the next source; returns an item when the source is a whole document or an error.
    fn open(&mut self, source: Source) -> Option<InputItem> {
        let (reader, name, id, by_name) = match source {
            Source::Broken(e) => return Some(InputItem::Error(e)),
            Source::Stdin => {
                let r: Reader = Box::new(BufReader::with_capacity(1 << 16, std::io::stdin()));
                (r, "-".to_string(), "-".to_string(), None)
            }
            Source::Stream { reader, name } => {
                let r: Reader = if name.to_ascii_lowercase().ends_with(".gz") {
                    Box::new(BufReader::new(MultiGzDecoder::new(reader)))
                } else {
                    reader
                };
                (r, name.clone(), name, None)
            }
            Source::File { path, id } => {
                let name = path.display().to_string();
                let file = match File::open(&path) {
                    Ok(f) => f,
                    Err(e) => {
                        return Some(InputItem::Error(ErrorRecord::new(
                            id,
                            name,
                            format!("cannot open: {e}"),
                        )))
                    }
                };
                let file = Counting {
                    inner: file,
                    count: Arc::clone(&self.bytes_read),
                };
                let lower = name.to_ascii_lowercase();
                let (r, stem): (Reader, &str) = match lower.strip_suffix(".gz") {
                    Some(stem) => (
                        Box::new(BufReader::with_capacity(1 << 16, MultiGzDecoder::new(file))),
                        stem,
                    ),
                    None => (Box::new(BufReader::with_capacity(1 << 16, file)), &lower),
                };
                let by_name = if stem.ends_with(".txt") {
                    Some(InputFormat::Text)
                } else if stem.ends_with(".jsonl") || stem.ends_with(".ndjson") {
                    Some(InputFormat::Jsonl)
                } else {
                    None
                };
                (r, name, id, by_name)
            }
        };
        let format = match (self.format, by_name) {
            (InputFormat::Auto, Some(f)) => f,
            (InputFormat::Auto, None) => InputFormat::Auto,
            (forced, _) => forced,
        };
        let (format, reader) = if format == InputFormat::Auto {
            match sniff(reader) {
                Ok((f, r)) => (f, r),
                Err(e) => {
                    return Some(InputItem::Error(ErrorRecord::new(id, name, read_error(&e))))
                }
            }
        } else {
            (format, reader)
        };
        match format {
            InputFormat::Jsonl => {
                self.current = Some(JsonlState::new(
                    reader,
                    name,
                    self.options.max_doc_bytes,
                    Arc::clone(&self.options.fields),
                ));
                None
            }
            _ => Some(read_text(reader, id, name, self.options.max_doc_bytes)),
        }
    }
}

/// A file that adds what is read from it to a shared count (for progress against the total
/// size of the inputs, compressed or not).
struct Counting {
    inner: File,
    count: Arc<AtomicU64>,
}

impl Read for Counting {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl Iterator for Inputs {
    type Item = InputItem;

    fn next(&mut self) -> Option<InputItem> {
        loop {
            if let Some(state) = &mut self.current {
                match state.next_item() {
                    Some(item) => return Some(item),
                    None => self.current = None,
                }
            }
            let source = self.pending.pop_front()?;
            if let Some(item) = self.open(source) {
                return Some(item);
            }
        }
    }
}

/// A read error, in words.
pub(super) fn read_error(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::UnexpectedEof => {
            format!("truncated input (corrupt or cut-off gzip?): {e}")
        }
        std::io::ErrorKind::InvalidInput | std::io::ErrorKind::InvalidData => {
            format!("corrupt input: {e}")
        }
        _ => format!("read error: {e}"),
    }
}

/// How many non-blank lines, at most, [`sniff`] looks at.
const SNIFF_LINES: usize = 10;
/// How many bytes, at most, [`sniff`] reads ahead.
const SNIFF_BYTES: usize = 1 << 20;

/// Says whether a stream is JSON Lines, reading ahead without losing anything. A stream whose
/// first non-blank line (a BOM counts as blank) starts with `{` is JSON Lines at once (so a slow
/// stdin streams); otherwise it is JSON Lines when at least half of its first
/// [`SNIFF_LINES`] non-blank lines (within [`SNIFF_BYTES`]) start with `{`, so that one bad
/// first line does not turn a JSON Lines stream into one text document.
fn sniff(mut reader: Reader) -> std::io::Result<(InputFormat, Reader)> {
    let mut prefix: Vec<u8> = Vec::new();
    let (mut lines, mut objects) = (0usize, 0usize);
    // scan state: at the start of a line (only blanks so far on it)
    let mut line_start = true;
    let format = loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            break None;
        }
        let base = prefix.len();
        prefix.extend_from_slice(buf);
        let n = buf.len();
        reader.consume(n);
        let mut verdict = None;
        for (i, &b) in prefix[base..].iter().enumerate() {
            let at = base + i;
            if b == b'\n' {
                line_start = true;
                continue;
            }
            let at_bom = at < 3 && BOM[at] == b;
            if !line_start || b.is_ascii_whitespace() || at_bom {
                continue;
            }
            line_start = false;
            lines += 1;
            objects += usize::from(b == b'{');
            if lines == 1 && b == b'{' {
                verdict = Some(InputFormat::Jsonl);
                break;
            }
            if lines >= SNIFF_LINES {
                break;
            }
        }
        if verdict.is_some() {
            break verdict;
        }
        if lines >= SNIFF_LINES || prefix.len() >= SNIFF_BYTES {
            break None;
        }
    };
    let format = format.unwrap_or(if objects > 0 && 2 * objects >= lines {
        InputFormat::Jsonl
    } else {
        InputFormat::Text
    });
    let joined: Reader = Box::new(BufReader::with_capacity(
        1 << 16,
        Cursor::new(prefix).chain(reader),
    ));
    Ok((format, joined))
}

fn read_text(reader: Reader, id: String, name: String, max: usize) -> InputItem {
    let mut bytes = Vec::new();
    if let Err(e) = reader.take(max as u64 + 1).read_to_end(&mut bytes) {
        return InputItem::Error(ErrorRecord::new(id, name, read_error(&e)));
    }
    if bytes.len() > max {
        return InputItem::Error(ErrorRecord::new(id, name, too_large(max)));
    }
    if bytes.starts_with(BOM) {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => InputItem::Doc(RawDoc {
            id,
            text,
            ..RawDoc::default()
        }),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            InputItem::Error(ErrorRecord::new(
                id,
                name,
                format!("invalid UTF-8 at byte {at}"),
            ))
        }
    }
}

/// The reason a document over the size limit gives.
pub(super) fn too_large(max: usize) -> String {
    format!("document larger than --max-doc-bytes ({max} bytes)")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items_of(bytes: &[u8]) -> Vec<InputItem> {
        let mut st = JsonlState::new(
            Box::new(Cursor::new(bytes.to_vec())),
            "f.jsonl".into(),
            DEFAULT_MAX_DOC_BYTES,
            Arc::default(),
        );
        std::iter::from_fn(|| st.next_item()).collect()
    }

    #[test]
    fn jsonl_lines_and_errors() {
        let input = b"{\"id\":\"a\",\"text\":\"x\",\"date\":\"2021-01-02\"}\n\nnot json\n{\"id\":7,\"text\":1}\n{\"text\":\"y\"}";
        let items = items_of(input);
        assert_eq!(items.len(), 4);
        match &items[0] {
            InputItem::Doc(d) => {
                assert_eq!((d.id.as_str(), d.text.as_str()), ("a", "x"));
                assert_eq!(d.date.as_deref(), Some("2021-01-02"));
            }
            _ => panic!("first line is a document"),
        }
        match &items[1] {
            InputItem::Error(e) => assert_eq!(e.source, "f.jsonl:3"),
            _ => panic!("line 3 is not JSON"),
        }
        match &items[2] {
            InputItem::Error(e) => {
                assert_eq!(e.doc_id, "7");
                assert!(e.error.contains("not a string"));
            }
            _ => panic!("text is a number"),
        }
        match &items[3] {
            InputItem::Doc(d) => assert_eq!(d.id, "f.jsonl:5"),
            _ => panic!("no id: default id"),
        }
    }

    #[test]
    fn sniffing_keeps_every_byte() {
        let (f, mut r) = sniff(Box::new(Cursor::new(
            b"\xEF\xBB\xBF  \n{\"text\":\"a\"}".to_vec(),
        )))
        .unwrap();
        assert_eq!(f, InputFormat::Jsonl);
        let mut all = Vec::new();
        r.read_to_end(&mut all).unwrap();
        assert_eq!(all.len(), 18);
        let (f, _) = sniff(Box::new(Cursor::new(b"  Hello".to_vec()))).unwrap();
        assert_eq!(f, InputFormat::Text);
    }

    #[test]
    fn text_documents_skip_bom_and_reject_bad_utf8() {
        match read_text(
            Box::new(Cursor::new(b"\xEF\xBB\xBFHi".to_vec())),
            "a".into(),
            "a".into(),
            100,
        ) {
            InputItem::Doc(d) => assert_eq!(d.text, "Hi"),
            _ => panic!("valid text"),
        }
        match read_text(
            Box::new(Cursor::new(b"He \xff".to_vec())),
            "b".into(),
            "b".into(),
            100,
        ) {
            InputItem::Error(e) => assert_eq!(e.error, "invalid UTF-8 at byte 3"),
            _ => panic!("invalid UTF-8"),
        }
    }
}
