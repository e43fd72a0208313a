//! Reading documents: files, directories (recursive, sorted by path) and stdin; `.txt` (one
//! document), `.jsonl`/`.ndjson` (one per line), `.gz` of either decompressed on the fly.
//!
//! [`Inputs`] is an iterator that streams: it holds one open file and one line at a time.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use flate2::read::MultiGzDecoder;
use serde::Deserialize;
use serde_json::Value;

use super::error::ErrorRecord;
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

const BOM: &[u8] = b"\xEF\xBB\xBF";

enum Source {
    Stdin,
    File { path: PathBuf, id: String },
    Broken(ErrorRecord),
}

type Reader = Box<dyn BufRead + Send>;

struct JsonlState {
    reader: Reader,
    name: String,
    line: usize,
    buf: Vec<u8>,
}

/// Streams the documents of every input, in order.
pub struct Inputs {
    format: InputFormat,
    pending: VecDeque<Source>,
    current: Option<JsonlState>,
}

impl Inputs {
    /// The inputs named on the command line (`-` is stdin; no names means stdin).
    pub fn new(args: &[String], format: InputFormat) -> Inputs {
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
                let mut files = Vec::new();
                let mut broken = Vec::new();
                walk(path, &mut files, &mut broken);
                files.sort();
                for f in files {
                    let id = f
                        .strip_prefix(path)
                        .unwrap_or(&f)
                        .to_string_lossy()
                        .replace('\\', "/");
                    pending.push_back(Source::File { path: f, id });
                }
                pending.extend(broken.into_iter().map(Source::Broken));
            } else {
                pending.push_back(Source::File {
                    path: path.to_path_buf(),
                    id: arg.clone(),
                });
            }
        }
        Inputs {
            format,
            pending,
            current: None,
        }
    }

    /// Opens the next source; returns an item when the source is a whole document or an error.
    fn open(&mut self, source: Source) -> Option<InputItem> {
        let (reader, name, id, by_name) = match source {
            Source::Broken(e) => return Some(InputItem::Error(e)),
            Source::Stdin => {
                let r: Reader = Box::new(BufReader::with_capacity(1 << 16, std::io::stdin()));
                (r, "-".to_string(), "-".to_string(), None)
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
                self.current = Some(JsonlState {
                    reader,
                    name,
                    line: 0,
                    buf: Vec::new(),
                });
                None
            }
            _ => Some(read_text(reader, id, name)),
        }
    }
}

impl Iterator for Inputs {
    type Item = InputItem;

    fn next(&mut self) -> Option<InputItem> {
        loop {
            if let Some(state) = &mut self.current {
                match next_line(state) {
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

fn walk(dir: &Path, files: &mut Vec<PathBuf>, broken: &mut Vec<ErrorRecord>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            let name = dir.display().to_string();
            broken.push(ErrorRecord::new(
                name.clone(),
                name,
                format!("cannot read directory: {e}"),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, files, broken);
        } else if is_document_file(&path) {
            files.push(path);
        }
    }
}

/// True for the file names a directory walk reads: `.txt`, `.jsonl`, `.ndjson`, each maybe `.gz`.
fn is_document_file(path: &Path) -> bool {
    let name = path.to_string_lossy().to_ascii_lowercase();
    let stem = name.strip_suffix(".gz").unwrap_or(&name);
    [".txt", ".jsonl", ".ndjson"]
        .iter()
        .any(|e| stem.ends_with(e))
}

fn read_error(e: &std::io::Error) -> String {
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

/// Reads up to the first non-blank byte (a BOM counts as blank) without losing anything, and
/// says whether the stream is JSON Lines.
fn sniff(mut reader: Reader) -> std::io::Result<(InputFormat, Reader)> {
    let mut prefix = Vec::new();
    let format = loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            break InputFormat::Text;
        }
        let mut found = None;
        for (i, &b) in buf.iter().enumerate() {
            let at_bom = prefix.len() + i < 3 && BOM[prefix.len() + i] == b;
            if !(b.is_ascii_whitespace() || at_bom) {
                found = Some(b);
                break;
            }
        }
        if let Some(b) = found {
            break if b == b'{' {
                InputFormat::Jsonl
            } else {
                InputFormat::Text
            };
        }
        let n = buf.len();
        prefix.extend_from_slice(buf);
        reader.consume(n);
    };
    let joined: Reader = Box::new(BufReader::with_capacity(
        1 << 16,
        Cursor::new(prefix).chain(reader),
    ));
    Ok((format, joined))
}

fn read_text(mut reader: Reader, id: String, name: String) -> InputItem {
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        return InputItem::Error(ErrorRecord::new(id, name, read_error(&e)));
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

#[derive(Deserialize)]
struct JsonDoc {
    id: Option<Value>,
    text: Option<Value>,
    date: Option<Value>,
    title: Option<Value>,
    url: Option<Value>,
}

fn next_line(state: &mut JsonlState) -> Option<InputItem> {
    loop {
        state.buf.clear();
        let n = match state.reader.read_until(b'\n', &mut state.buf) {
            Ok(n) => n,
            Err(e) => {
                state.line += 1;
                let source = format!("{}:{}", state.name, state.line);
                let item =
                    InputItem::Error(ErrorRecord::new(source.clone(), source, read_error(&e)));
                // the stream cannot be trusted past a read error: stop this source
                state.buf.clear();
                state.reader = Box::new(Cursor::new(Vec::new()));
                return Some(item);
            }
        };
        if n == 0 {
            return None;
        }
        state.line += 1;
        let mut line = &state.buf[..];
        if state.line == 1 && line.starts_with(BOM) {
            line = &line[3..];
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        return Some(parse_line(line, &state.name, state.line));
    }
}

fn parse_line(line: &[u8], name: &str, number: usize) -> InputItem {
    let source = format!("{name}:{number}");
    let doc: JsonDoc = match serde_json::from_slice(line) {
        Ok(d) => d,
        Err(e) => {
            let what = if std::str::from_utf8(line).is_err() {
                "invalid UTF-8".to_string()
            } else {
                format!("not a JSON object: {e}")
            };
            return InputItem::Error(ErrorRecord::new(source.clone(), source, what));
        }
    };
    let id = match doc.id {
        Some(Value::String(s)) => s,
        Some(Value::Null) | None => source.clone(),
        Some(other) => other.to_string(),
    };
    let text = match doc.text {
        Some(Value::String(s)) => s,
        None | Some(Value::Null) => {
            return InputItem::Error(ErrorRecord::new(id, source, "no \"text\" field"))
        }
        Some(_) => {
            return InputItem::Error(ErrorRecord::new(id, source, "\"text\" is not a string"))
        }
    };
    let string = |v: Option<Value>| match v {
        Some(Value::String(s)) => Some(s),
        _ => None,
    };
    InputItem::Doc(RawDoc {
        id,
        text,
        date: string(doc.date),
        title: string(doc.title),
        url: string(doc.url),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items_of(bytes: &[u8]) -> Vec<InputItem> {
        let mut st = JsonlState {
            reader: Box::new(Cursor::new(bytes.to_vec())),
            name: "f.jsonl".into(),
            line: 0,
            buf: Vec::new(),
        };
        std::iter::from_fn(|| next_line(&mut st)).collect()
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
        ) {
            InputItem::Doc(d) => assert_eq!(d.text, "Hi"),
            _ => panic!("valid text"),
        }
        match read_text(
            Box::new(Cursor::new(b"He \xff".to_vec())),
            "b".into(),
            "b".into(),
        ) {
            InputItem::Error(e) => assert_eq!(e.error, "invalid UTF-8 at byte 3"),
            _ => panic!("invalid UTF-8"),
        }
    }
}
