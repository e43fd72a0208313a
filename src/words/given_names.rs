//! Given names with their gender (`gazetteers/given_names.txt`), read by the entity stage (a
//! given name makes a PERSON) and by coreference (a pronoun's gender).

use crate::hash::FxMap;
use crate::rules::{RuleError, RuleFile};
use crate::words::gazetteer::Gender;

/// Parses `gazetteers/given_names.txt` (`Name | gender`).
pub fn parse_given_names(file: &RuleFile) -> Result<FxMap<String, Gender>, Vec<RuleError>> {
    let mut out = FxMap::default();
    each_given_name(file, |name, g| {
        out.entry(name.to_string()).or_insert(g);
    })?;
    Ok(out)
}

/// Parses `gazetteers/given_names.txt` (`Name | gender`), handing each name and its gender to
/// `f` in file order (a name listed twice comes twice: the first should win), with no copy.
pub fn each_given_name<'a>(
    file: &'a RuleFile,
    mut f: impl FnMut(&'a str, Gender),
) -> Result<(), Vec<RuleError>> {
    let mut errors = Vec::new();
    for line in file.lines() {
        let text: &'a str = line.text;
        let mut fields = text.split('|').map(str::trim);
        let name = fields.next().unwrap_or("");
        let gender = fields.next();
        if fields.next().is_some() || name.is_empty() || name.contains(' ') {
            errors.push(line.error("expected `Name | gender` with a one-word name"));
            continue;
        }
        match Gender::parse(gender.unwrap_or("u")) {
            Some(g) => f(name, g),
            None => errors.push(line.error("gender must be m, f or u")),
        }
    }
    if errors.is_empty() {
        Ok(())
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
