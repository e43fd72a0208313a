//! JSON Lines input: one document per line, each line bounded in size, a bad line an error
//! record of its own while the lines after it are read on.

use std::io::{BufRead, Cursor, Read};

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use super::error::ErrorRecord;
use super::input::{read_error, too_large, InputItem, Reader, BOM};
use crate::doc::RawDoc;

/// The fields of one line claimex reads; the id as written (a number keeps every digit).
#[derive(Deserialize)]
struct JsonDoc<'a> {
    #[serde(borrow)]
    id: Option<&'a RawValue>,
    text: Option<Value>,
    date: Option<Value>,
    title: Option<Value>,
    url: Option<Value>,
}

/// One JSON Lines stream being read.
pub(super) struct JsonlState {
    reader: Reader,
    name: String,
    line: usize,
    buf: Vec<u8>,
    max: usize,
}

impl JsonlState {
    /// A stream named `name` (for sources `name:line`), lines up to `max` bytes.
    pub(super) fn new(reader: Reader, name: String, max: usize) -> JsonlState {
        JsonlState {
            reader,
            name,
            line: 0,
            buf: Vec::new(),
            max,
        }
    }

    /// The next document or error of the stream; `None` at its end.
    pub(super) fn next_item(&mut self) -> Option<InputItem> {
        loop {
            self.buf.clear();
            let limit = self.max as u64 + 1;
            let read = (&mut self.reader)
                .take(limit)
                .read_until(b'\n', &mut self.buf);
            let n = match read {
                Ok(n) => n,
                Err(e) => return Some(self.fail(read_error(&e))),
            };
            if n == 0 {
                return None;
            }
            self.line += 1;
            if self.buf.len() > self.max {
                // too long: skip the rest of the line without holding it
                if let Err(e) = skip_line(&mut self.reader) {
                    return Some(self.fail(read_error(&e)));
                }
                let source = self.source();
                self.buf = Vec::new();
                return Some(InputItem::Error(ErrorRecord::new(
                    source.clone(),
                    source,
                    too_large(self.max),
                )));
            }
            let mut line = &self.buf[..];
            if self.line == 1 && line.starts_with(BOM) {
                line = &line[3..];
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(parse_line(line, &self.name, self.line));
        }
    }

    fn source(&self) -> String {
        format!("{}:{}", self.name, self.line)
    }

    /// An error record for a read error; the stream cannot be trusted past it, so it ends.
    fn fail(&mut self, what: String) -> InputItem {
        self.line += 1;
        let source = self.source();
        self.buf = Vec::new();
        self.reader = Box::new(Cursor::new(Vec::new()));
        InputItem::Error(ErrorRecord::new(source.clone(), source, what))
    }
}

/// Reads and drops everything up to and including the next newline.
fn skip_line(reader: &mut Reader) -> std::io::Result<()> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match memchr::memchr(b'\n', buf) {
            Some(i) => {
                reader.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = buf.len();
                reader.consume(n);
            }
        }
    }
}

/// The id as the input wrote it: a string's text, or any other JSON value's text exactly
/// (`12345678901234567890` keeps every digit); `None` for a missing or null id.
fn id_text(raw: Option<&RawValue>) -> Option<String> {
    let raw = raw?.get().trim();
    if raw.starts_with('"') {
        return serde_json::from_str::<String>(raw).ok();
    }
    (raw != "null").then(|| raw.to_string())
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
    let id = id_text(doc.id).unwrap_or_else(|| source.clone());
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

    fn items(bytes: &[u8], max: usize) -> Vec<InputItem> {
        let mut st = JsonlState::new(Box::new(Cursor::new(bytes.to_vec())), "f".into(), max);
        std::iter::from_fn(|| st.next_item()).collect()
    }

    fn id_of(item: &InputItem) -> &str {
        match item {
            InputItem::Doc(d) => &d.id,
            InputItem::Error(e) => &e.doc_id,
        }
    }

    #[test]
    fn ids_keep_their_text_exactly() {
        let got = items(
            b"{\"id\":12345678901234567890123,\"text\":\"a\"}\n{\"id\":1e3,\"text\":\"b\"}\n{\"id\":\"x\\u0041\",\"text\":\"c\"}\n{\"id\":null,\"text\":\"d\"}\n",
            1000,
        );
        let ids: Vec<&str> = got.iter().map(id_of).collect();
        assert_eq!(ids, vec!["12345678901234567890123", "1e3", "xA", "f:4"]);
    }

    #[test]
    fn a_line_over_the_limit_is_an_error_and_the_next_line_is_read() {
        let long = format!("{{\"text\":\"{}\"}}\n", "x".repeat(500));
        let input = format!("{{\"text\":\"a\"}}\n{long}{{\"text\":\"b\"}}\n");
        let got = items(input.as_bytes(), 100);
        assert_eq!(got.len(), 3);
        match &got[1] {
            InputItem::Error(e) => {
                assert_eq!(e.source, "f:2");
                assert!(e.error.contains("--max-doc-bytes"), "{}", e.error);
            }
            _ => panic!("line 2 is too long"),
        }
        match &got[2] {
            InputItem::Doc(d) => assert_eq!((d.id.as_str(), d.text.as_str()), ("f:3", "b")),
            _ => panic!("line 3 is read"),
        }
    }
}
