//! Rule files: the format only. Loading (embedded defaults, `--rules DIR` overrides), line
//! parsing with `file:line` errors. Each stage compiles its own files; [`crate::pipeline::Rules`]
//! holds them all.

mod embedded;
mod file;

pub use embedded::EMBEDDED;
pub use file::{RuleError, RuleErrors, RuleFile, RuleLine};

use std::path::Path;

/// The raw text of every rule file, by name (`"abbreviations.txt"`, `"gazetteers/countries.txt"`).
#[derive(Clone, Debug)]
pub struct RuleSources {
    files: Vec<RuleFile>,
}

impl RuleSources {
    /// The embedded defaults.
    pub fn embedded() -> RuleSources {
        RuleSources {
            files: EMBEDDED
                .iter()
                .map(|(name, text)| RuleFile::new(name, text.to_string()))
                .collect(),
        }
    }

    /// The embedded defaults, with every file of the same name found under `dir` replacing its
    /// default. Files under `dir` that claimex does not know are reported as errors.
    pub fn with_overrides(dir: &Path) -> Result<RuleSources, Vec<RuleError>> {
        let mut sources = RuleSources::embedded();
        let mut errors = Vec::new();
        if !dir.is_dir() {
            return Err(vec![RuleError::new(
                &dir.display().to_string(),
                0,
                "not a readable directory",
            )]);
        }
        for file in &mut sources.files {
            let path = dir.join(&file.name);
            if path.exists() {
                match std::fs::read(&path) {
                    Ok(bytes) => match String::from_utf8(bytes) {
                        Ok(text) => *file = RuleFile::new(&file.name, text),
                        Err(e) => errors.push(RuleError::new(
                            &file.name,
                            line_of_byte(e.as_bytes(), e.utf8_error().valid_up_to()),
                            "not valid UTF-8",
                        )),
                    },
                    Err(e) => {
                        errors.push(RuleError::new(&file.name, 0, &format!("unreadable: {e}")))
                    }
                }
            }
        }
        let mut unknown = Vec::new();
        collect_txt(dir, dir, &mut unknown);
        unknown.sort();
        for name in unknown {
            if !sources.files.iter().any(|f| f.name == name) {
                errors.push(RuleError::new(
                    &name,
                    0,
                    "unknown rule file (see rules/README.md for the names claimex reads)",
                ));
            }
        }
        if errors.is_empty() {
            Ok(sources)
        } else {
            Err(errors)
        }
    }

    /// The file named `name`; every name in [`EMBEDDED`] is present.
    pub fn get(&self, name: &str) -> &RuleFile {
        self.files
            .iter()
            .find(|f| f.name == name)
            .unwrap_or_else(|| panic!("rule file {name} is not in rules::EMBEDDED"))
    }

    /// Replaces the text of the file named `name` (as `--rules DIR` would); `false` when
    /// claimex reads no file of that name.
    pub fn replace(&mut self, name: &str, text: String) -> bool {
        match self.files.iter_mut().find(|f| f.name == name) {
            Some(f) => {
                *f = RuleFile::new(name, text);
                true
            }
            None => false,
        }
    }

    /// Every rule file, in [`EMBEDDED`] order.
    pub fn files(&self) -> impl Iterator<Item = &RuleFile> {
        self.files.iter()
    }

    /// Every file whose name starts with `prefix` (e.g. `"gazetteers/"`), in name order.
    pub fn with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a RuleFile> + 'a {
        self.files
            .iter()
            .filter(move |f| f.name.starts_with(prefix))
    }
}

fn line_of_byte(bytes: &[u8], pos: usize) -> usize {
    1 + bytes[..pos].iter().filter(|&&b| b == b'\n').count()
}

fn collect_txt(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_txt(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            if let Ok(rel) = path.strip_prefix(root) {
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
}
