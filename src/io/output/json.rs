//! A JSON writer straight into the output buffer, for the record shapes of SPEC §4 and §6.
//!
//! The records are written field by field (keys are literals in the renderers), with no value
//! built in between: serde's derived serializers went through a map entry, a key escape and an
//! error check per field, about 23 instructions per output byte; the output is five times the
//! text. Strings are escaped exactly as serde_json escapes them (the tests compare the two), so
//! the bytes are what `serde_json::to_writer` wrote before.

/// The output buffer of one document's records, with the writing primitives.
pub(crate) struct Json<'b> {
    out: &'b mut Vec<u8>,
}

/// Bytes of a word of eight that equal `0x80` where the input byte is below `0x20`, a quote or
/// a backslash (the bytes JSON must escape), zero elsewhere.
fn needs_escape(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_space = word.wrapping_sub(ONES * 0x20);
    let quote = (word ^ (ONES * u64::from(b'"'))).wrapping_sub(ONES);
    let backslash = (word ^ (ONES * u64::from(b'\\'))).wrapping_sub(ONES);
    (below_space | quote | backslash) & !word & HIGH
}

/// The length of the longest prefix of `bytes` that needs no escape.
fn clean_prefix(bytes: &[u8]) -> usize {
    let mut i = 0;
    while i + 8 <= bytes.len() {
        let word = u64::from_le_bytes(bytes[i..i + 8].try_into().expect("eight bytes"));
        let hits = needs_escape(word);
        if hits != 0 {
            return i + (hits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && !matches!(bytes[i], 0..=0x1f | b'"' | b'\\') {
        i += 1;
    }
    i
}

impl<'b> Json<'b> {
    /// A writer appending to `out`.
    pub(crate) fn new(out: &'b mut Vec<u8>) -> Json<'b> {
        Json { out }
    }

    /// Literal JSON: punctuation and keys, as the renderers spell them.
    pub(crate) fn raw(&mut self, json: &str) {
        self.out.extend_from_slice(json.as_bytes());
    }

    /// A string, quoted and escaped.
    pub(crate) fn str(&mut self, s: &str) {
        self.out.push(b'"');
        let mut rest = s.as_bytes();
        loop {
            let run = clean_prefix(rest);
            self.out.extend_from_slice(&rest[..run]);
            let Some(&byte) = rest.get(run) else { break };
            self.escape(byte);
            rest = &rest[run + 1..];
        }
        self.out.push(b'"');
    }

    /// The escape of one byte below `0x20`, a quote or a backslash, as serde_json writes it.
    fn escape(&mut self, byte: u8) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let short = match byte {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            0x0c => b'f',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            _ => {
                let hex = [HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 0xf)]];
                self.out.extend_from_slice(b"\\u00");
                self.out.extend_from_slice(&hex);
                return;
            }
        };
        self.out.extend_from_slice(&[b'\\', short]);
    }

    /// A string or `null`.
    pub(crate) fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.raw("null"),
        }
    }

    /// A whole number.
    pub(crate) fn uint(&mut self, n: usize) {
        self.out
            .extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    }

    /// A whole number or `null`.
    pub(crate) fn opt_uint(&mut self, n: Option<usize>) {
        match n {
            Some(n) => self.uint(n),
            None => self.raw("null"),
        }
    }

    /// A number with a fraction, as serde_json writes it (shortest form that reads back the
    /// same; `null` when not finite).
    pub(crate) fn float(&mut self, x: f64) {
        serde_json::to_writer(&mut *self.out, &x).expect("a number serializes");
    }

    /// `{"start":S,"end":E`: the opening of every span object (the caller closes it).
    pub(crate) fn open_span(&mut self, start: usize, end: usize) {
        self.raw("{\"start\":");
        self.uint(start);
        self.raw(",\"end\":");
        self.uint(end);
    }

    /// Writes `items` as a JSON array, each with `write`.
    pub(crate) fn array<T>(
        &mut self,
        items: impl IntoIterator<Item = T>,
        mut write: impl FnMut(&mut Self, T),
    ) {
        self.out.push(b'[');
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            write(self, item);
        }
        self.out.push(b']');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn written(s: &str) -> String {
        let mut out = Vec::new();
        Json::new(&mut out).str(s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escapes_as_serde_json_does() {
        for s in [
            "",
            "plain",
            "“He said,” she said.\n\nNext paragraph\twith a tab",
            "quote \" and backslash \\ at once",
            "\u{0}\u{1}\u{8}\u{b}\u{c}\r\u{1f}\u{7f} controls",
            "exactly8",
            "seven\"",
            "accents é and ümlauts, 中文, emoji 🎉",
        ] {
            assert_eq!(written(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn numbers_as_serde_json_writes_them() {
        for x in [0.0, 0.5, 0.85, 1.0, 0.07, f64::NAN] {
            let mut out = Vec::new();
            Json::new(&mut out).float(x);
            assert_eq!(out, serde_json::to_vec(&x).unwrap());
        }
        let mut out = Vec::new();
        let mut j = Json::new(&mut out);
        j.array([0usize, 7, 12345678901], |j, n| j.uint(n));
        assert_eq!(out, b"[0,7,12345678901]");
    }

    proptest! {
        #[test]
        fn any_string_escapes_as_serde_json_does(s in "\\PC*|[\\x00-\\x7f]{0,40}") {
            prop_assert_eq!(written(&s), serde_json::to_string(&s).unwrap());
        }
    }
}
