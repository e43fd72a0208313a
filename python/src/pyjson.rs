//! The records' JSON turned into Python objects in Rust: `dict`, `list`, `str`, `int`, `float`,
//! `bool` and `None`, exactly what `json.loads` gives for the same text.
//!
//! Turning the records into objects is the one part of a batch that runs with the interpreter
//! held, so it is the part that does not get faster with more threads. `json.loads` spent about
//! 0.15 s of `extract_batch`'s 0.55 s on one thread over polnear-train; this parser builds the same
//! objects with the keys made once per stream (a record repeats some 25 of them) and strings
//! created straight from their UTF-8 bytes. What it does not handle the way `json.loads` does
//! (a lone surrogate escape, an integer beyond 64 bits, nesting deeper than [`MAX_DEPTH`], text
//! that is not JSON) it leaves to `json.loads`, so the result never differs.

use std::collections::HashMap;

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyList, PyString};

/// Deeper nesting than this (only a document's `meta` can have it) goes to `json.loads`.
const MAX_DEPTH: usize = 128;

/// String values up to this many bytes are shared (labels, kinds, rules, names, dates).
const MAX_SHARED_VALUE: usize = 32;

/// Strings kept per cache at most: a `meta` with ever new keys must not grow it without end.
const MAX_KEYS: usize = 4096;

/// Object keys and short strings already made, shared by the documents of one stream.
#[derive(Default)]
pub struct KeyCache {
    keys: HashMap<Box<[u8]>, Py<PyString>, foldhash::fast::FixedState>,
}

/// What this parser leaves to `json.loads`.
struct Unsupported;

/// A parse over one JSON text.
struct Parser<'a, 'py, 'c> {
    py: Python<'py>,
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    keys: &'c mut KeyCache,
    /// Scratch for strings with escapes.
    unescaped: String,
}

type Parsed<'py> = Result<Bound<'py, PyAny>, Unsupported>;

/// The Python value of the JSON text `text` (as `json.loads(text)`).
pub fn loads<'py>(py: Python<'py>, text: &str, keys: &mut KeyCache) -> PyResult<Bound<'py, PyAny>> {
    let mut parser = Parser {
        py,
        text,
        bytes: text.as_bytes(),
        at: 0,
        keys,
        unescaped: String::new(),
    };
    match parser.document() {
        Ok(value) => Ok(value),
        Err(Unsupported) => py.import("json")?.call_method1("loads", (text,)),
    }
}

impl<'a, 'py> Parser<'a, 'py, '_> {
    fn document(&mut self) -> Parsed<'py> {
        let value = self.value(0)?;
        self.skip_space();
        if self.at == self.bytes.len() {
            Ok(value)
        } else {
            Err(Unsupported)
        }
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    /// Consumes `byte` (after white space) or fails.
    fn expect(&mut self, byte: u8) -> Result<(), Unsupported> {
        self.skip_space();
        if self.bytes.get(self.at) == Some(&byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(Unsupported)
        }
    }

    fn value(&mut self, depth: usize) -> Parsed<'py> {
        if depth > MAX_DEPTH {
            return Err(Unsupported);
        }
        self.skip_space();
        let py = self.py;
        match self.bytes.get(self.at).copied().ok_or(Unsupported)? {
            b'{' => self.object(depth),
            b'[' => self.array(depth),
            b'"' => self.cached_string(MAX_SHARED_VALUE).map(Bound::into_any),
            b't' => self.literal(b"true", PyBool::new(py, true).to_owned().into_any()),
            b'f' => self.literal(b"false", PyBool::new(py, false).to_owned().into_any()),
            b'n' => self.literal(b"null", py.None().into_bound(py)),
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(Unsupported),
        }
    }

    fn literal(&mut self, word: &[u8], value: Bound<'py, PyAny>) -> Parsed<'py> {
        if self.bytes[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(Unsupported)
        }
    }

    fn number(&mut self) -> Parsed<'py> {
        let start = self.at;
        let mut fraction = false;
        while let Some(&b) = self.bytes.get(self.at) {
            match b {
                b'0'..=b'9' | b'-' | b'+' => {}
                b'.' | b'e' | b'E' => fraction = true,
                _ => break,
            }
            self.at += 1;
        }
        // the bytes are ASCII, so the slice is a str
        let text = self.text.get(start..self.at).ok_or(Unsupported)?;
        if !valid_number(text.as_bytes()) {
            return Err(Unsupported);
        }
        if fraction {
            let x: f64 = text.parse().map_err(|_| Unsupported)?;
            Ok(PyFloat::new(self.py, x).into_any())
        } else {
            let n: i64 = text.parse().map_err(|_| Unsupported)?;
            n.into_pyobject(self.py)
                .map(|n| n.into_any())
                .map_err(|_| Unsupported)
        }
    }

    fn array(&mut self, depth: usize) -> Parsed<'py> {
        self.at += 1;
        let list = PyList::empty(self.py);
        self.skip_space();
        if self.bytes.get(self.at) == Some(&b']') {
            self.at += 1;
            return Ok(list.into_any());
        }
        loop {
            let item = self.value(depth + 1)?;
            list.append(item).map_err(|_| Unsupported)?;
            self.skip_space();
            match self.bytes.get(self.at) {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(list.into_any());
                }
                _ => return Err(Unsupported),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Parsed<'py> {
        self.at += 1;
        let dict = PyDict::new(self.py);
        self.skip_space();
        if self.bytes.get(self.at) == Some(&b'}') {
            self.at += 1;
            return Ok(dict.into_any());
        }
        loop {
            self.skip_space();
            if self.bytes.get(self.at) != Some(&b'"') {
                return Err(Unsupported);
            }
            let key = self.cached_string(usize::MAX)?;
            self.expect(b':')?;
            let value = self.value(depth + 1)?;
            dict.set_item(key, value).map_err(|_| Unsupported)?;
            self.skip_space();
            match self.bytes.get(self.at) {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(dict.into_any());
                }
                _ => return Err(Unsupported),
            }
        }
    }

    /// A string (an object key, or a value of at most `max_len` bytes) from the cache when it
    /// has no escape: one object for each text, as a `str` is immutable.
    fn cached_string(&mut self, max_len: usize) -> Result<Bound<'py, PyString>, Unsupported> {
        let (py, bytes): (_, &'a [u8]) = (self.py, self.bytes);
        let start = self.at + 1;
        let plain_end = memchr::memchr2(b'"', b'\\', &bytes[start..])
            .map(|n| start + n)
            .filter(|&end| bytes[end] == b'"' && end - start <= max_len);
        let Some(end) = plain_end else {
            let text = self.string()?;
            return Ok(PyString::new(py, text));
        };
        let raw = &bytes[start..end];
        if let Some(key) = self.keys.keys.get(raw) {
            self.at = end + 1;
            return Ok(key.bind(self.py).clone());
        }
        let text = self.string()?;
        let key = PyString::new(py, text);
        if self.keys.keys.len() < MAX_KEYS {
            self.keys.keys.insert(raw.into(), key.clone().unbind());
        }
        Ok(key)
    }

    /// A string's text (the parser is at its opening quote).
    fn string(&mut self) -> Result<&str, Unsupported> {
        let start = self.at + 1;
        let end = start + memchr::memchr2(b'"', b'\\', &self.bytes[start..]).ok_or(Unsupported)?;
        if self.bytes[end] == b'"' {
            self.at = end + 1;
            let raw = &self.bytes[start..end];
            if raw.iter().any(|&b| b < 0x20) {
                return Err(Unsupported);
            }
            // slices of a str that end before an ASCII quote are whole characters
            return self.text.get(start..end).ok_or(Unsupported);
        }
        self.unescaped.clear();
        let mut at = start;
        loop {
            let run = memchr::memchr2(b'"', b'\\', &self.bytes[at..]).ok_or(Unsupported)?;
            let plain = &self.bytes[at..at + run];
            if plain.iter().any(|&b| b < 0x20) {
                return Err(Unsupported);
            }
            self.unescaped
                .push_str(self.text.get(at..at + run).ok_or(Unsupported)?);
            at += run;
            if self.bytes[at] == b'"' {
                self.at = at + 1;
                return Ok(&self.unescaped);
            }
            at = self.escape(at)?;
        }
    }

    /// Appends the character of the escape at `at` (a backslash) to the scratch; returns the
    /// position after it.
    fn escape(&mut self, at: usize) -> Result<usize, Unsupported> {
        let short = match self.bytes.get(at + 1).ok_or(Unsupported)? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4(at + 2)?;
                let (c, next) = match unit {
                    0xd800..=0xdbff => {
                        // a high surrogate: only a following low one makes a character
                        if self.bytes.get(at + 6..at + 8) != Some(b"\\u") {
                            return Err(Unsupported);
                        }
                        let low = self.hex4(at + 8)?;
                        if !(0xdc00..=0xdfff).contains(&low) {
                            return Err(Unsupported);
                        }
                        let c = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
                        (char::from_u32(c).ok_or(Unsupported)?, at + 12)
                    }
                    _ => (char::from_u32(unit).ok_or(Unsupported)?, at + 6),
                };
                self.unescaped.push(c);
                return Ok(next);
            }
            _ => return Err(Unsupported),
        };
        self.unescaped.push(short);
        Ok(at + 2)
    }

    /// The four hex digits at `at`.
    fn hex4(&self, at: usize) -> Result<u32, Unsupported> {
        let text = self.text.get(at..at + 4).ok_or(Unsupported)?;
        if !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Unsupported);
        }
        u32::from_str_radix(text, 16).map_err(|_| Unsupported)
    }
}

/// Whether `text` is a number as JSON spells it: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
fn valid_number(text: &[u8]) -> bool {
    let mut i = usize::from(text.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let start = *i;
        while text.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    let whole_start = i;
    let whole = digits(&mut i);
    if whole == 0 || (whole > 1 && text[whole_start] == b'0') {
        return false;
    }
    if text.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    }
    if let Some(b'e' | b'E') = text.get(i) {
        i += 1;
        if let Some(b'+' | b'-') = text.get(i) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == text.len()
}
