//! JSON Lines input: one document per line, each line bounded in size, a bad line an error
//! record of its own while the lines after it are read on.

use std::io::{BufRead, Cursor, Read};

use std::borrow::Cow;
use std::sync::Arc;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::error::ErrorRecord;
use super::input::{read_error, too_large, FieldNames, InputItem, Reader, BOM};
use crate::doc::RawDoc;

/// One line's object: its fields in the order written, each value's JSON text exactly as
/// given (a number keeps every digit).
struct Fields<'a>(Vec<(Cow<'a, str>, &'a RawValue)>);

impl<'de: 'a, 'a> Deserialize<'de> for Fields<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Fields<'a>, D::Error> {
        struct Visit<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for Visit<'a> {
            type Value = Fields<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Fields<'a>, M::Error> {
                let mut fields = Vec::new();
                while let Some(key) = map.next_key::<Cow<'a, str>>()? {
                    let value: &'a RawValue = map.next_value()?;
                    fields.push((key, value));
                }
                Ok(Fields(fields))
            }
        }
        d.deserialize_map(Visit(std::marker::PhantomData))
    }
}

impl<'a> Fields<'a> {
    /// The value of `name` (the last one when a key repeats, as JSON parsers do).
    fn get(&self, name: &str) -> Option<&'a RawValue> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| *v)
    }
}

/// One JSON Lines stream being read.
pub(super) struct JsonlState {
    reader: Reader,
    name: String,
    line: usize,
    buf: Vec<u8>,
    max: usize,
    fields: Arc<FieldNames>,
}

impl JsonlState {
    /// A stream named `name` (for sources `name:line`), lines up to `max` bytes, fields read
    /// by the names in `fields`.
    pub(super) fn new(
        reader: Reader,
        name: String,
        max: usize,
        fields: Arc<FieldNames>,
    ) -> JsonlState {
        JsonlState {
            reader,
            name,
            line: 0,
            buf: Vec::new(),
            max,
            fields,
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
            return Some(parse_line(line, &self.name, self.line, &self.fields));
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

/// A value as a string: a JSON string's text, `None` for null, any other value's JSON text.
fn value_text(raw: &RawValue) -> Option<String> {
    let raw = raw.get().trim();
    if raw.starts_with('"') {
        return serde_json::from_str::<String>(raw).ok();
    }
    (raw != "null").then(|| raw.to_string())
}

fn parse_line(line: &[u8], name: &str, number: usize, names: &FieldNames) -> InputItem {
    let source = format!("{name}:{number}");
    let fields: Fields = match serde_json::from_slice(line) {
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
    let id = fields
        .get(&names.id)
        .and_then(value_text)
        .unwrap_or_else(|| source.clone());
    let text = match fields.get(&names.text).map(|v| v.get().trim()) {
        Some(raw) if raw.starts_with('"') => match serde_json::from_str::<String>(raw) {
            Ok(s) => s,
            Err(e) => {
                let what = format!("\"{}\" is not a JSON string: {e}", names.text);
                return InputItem::Error(ErrorRecord::new(id, source, what));
            }
        },
        None | Some("null") => {
            let mut what = format!("no \"{}\" field", names.text);
            if !fields.0.is_empty() {
                let keys: Vec<&str> = fields.0.iter().map(|(k, _)| k.as_ref()).collect();
                what.push_str(&format!(
                    " (fields: {}; --text-field names another)",
                    keys.join(", ")
                ));
            }
            return InputItem::Error(ErrorRecord::new(id, source, what));
        }
        Some(_) => {
            let what = format!("\"{}\" is not a string", names.text);
            return InputItem::Error(ErrorRecord::new(id, source, what));
        }
    };
    let read = [
        names.id.as_str(),
        names.text.as_str(),
        names.date.as_str(),
        "title",
        "url",
    ];
    let mut meta = String::from("{");
    for (key, value) in fields.0.iter().filter(|(k, _)| !read.contains(&k.as_ref())) {
        if meta.len() > 1 {
            meta.push(',');
        }
        meta.push_str(&serde_json::to_string(key.as_ref()).expect("a string serializes"));
        meta.push(':');
        meta.push_str(value.get().trim());
    }
    meta.push('}');
    InputItem::Doc(RawDoc {
        id,
        text,
        date: fields.get(&names.date).and_then(value_text),
        title: fields.get("title").and_then(value_text),
        url: fields.get("url").and_then(value_text),
        meta: Some(meta),
        id_repeat: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(bytes: &[u8], max: usize) -> Vec<InputItem> {
        let mut st = JsonlState::new(
            Box::new(Cursor::new(bytes.to_vec())),
            "f".into(),
            max,
            Arc::default(),
        );
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
