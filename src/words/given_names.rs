//! Given names with their gender (`gazetteers/given_names.txt`), read by the entity stage (a
//! given name makes a PERSON) and by coreference (a pronoun's gender).

use crate::hash::FxMap;
use crate::rules::{RuleError, RuleFile};
use crate::words::gazetteer::Gender;

/// Parses `gazetteers/given_names.txt` (`Name | gender`).
pub fn parse_given_names(file: &RuleFile) -> Result<FxMap<String, Gender>, Vec<RuleError>> {
    let mut out = FxMap::default();
    let mut errors = Vec::new();
    for line in file.lines() {
        let f: Vec<&str> = line.fields().collect();
        if f.len() > 2 || f[0].is_empty() || f[0].contains(' ') {
            errors.push(line.error("expected `Name | gender` with a one-word name"));
            continue;
        }
        match Gender::parse(f.get(1).copied().unwrap_or("u")) {
            Some(g) => {
                out.entry(f[0].to_string()).or_insert(g);
            }
            None => errors.push(line.error("gender must be m, f or u")),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_given_name_line() {
        let f = RuleFile::new("g.txt", "Joe | m\nAnn Marie | f\nKim | x\n".to_string());
        let e = parse_given_names(&f).unwrap_err();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].to_string().split(':').nth(1), Some("2"));
        assert_eq!(e[1].line, 3);
    }
}
