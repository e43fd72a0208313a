//! A small scorer for the golden tests: the matching rules of `../shared/eval/score.py`
//! (sentence exactness, entity exact F1, timex relaxed F1 and value accuracy, claim content F1
//! with overlap ≥ half the gold content, speaker span and name accuracy).

#![allow(dead_code)]

use serde_json::Value;

/// Precision/recall counts.
#[derive(Default, Debug, Clone, Copy)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Prf {
    /// F1 (1.0 when there is nothing to find and nothing found).
    pub fn f1(&self) -> f64 {
        if self.tp + self.fp + self.fn_ == 0 {
            return 1.0;
        }
        2.0 * self.tp as f64 / (2 * self.tp + self.fp + self.fn_) as f64
    }
}

/// Right/total counts.
#[derive(Default, Debug, Clone, Copy)]
pub struct Acc {
    pub ok: usize,
    pub n: usize,
}

impl Acc {
    /// Accuracy (1.0 when there is nothing to judge).
    pub fn acc(&self) -> f64 {
        if self.n == 0 {
            1.0
        } else {
            self.ok as f64 / self.n as f64
        }
    }
}

/// Scores of one document (or a sum over documents).
#[derive(Default, Debug, Clone)]
pub struct Scores {
    pub sentences_exact: Acc,
    pub entities: Prf,
    pub timexes: Prf,
    pub timex_values: Acc,
    pub claims: Prf,
    pub speaker_span: Acc,
    pub speaker_name: Acc,
    pub misses: Vec<String>,
}

fn se(v: &Value) -> (usize, usize) {
    if let Some(a) = v.as_array() {
        (
            a[0].as_u64().unwrap() as usize,
            a[1].as_u64().unwrap() as usize,
        )
    } else {
        (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        )
    }
}

const TRIM: &str = "\"'“”‘’«»„‚‹›` \t\r\n,.;:!?…—–-";

fn trim(chars: &[char], (mut s, mut e): (usize, usize), set: &str) -> (usize, usize) {
    while s < e && set.contains(chars[s]) {
        s += 1;
    }
    while e > s && set.contains(chars[e - 1]) {
        e -= 1;
    }
    (s, e)
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

const TITLE_WORDS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "president",
    "vice",
    "secretary",
    "minister",
    "prime",
    "gen",
    "general",
    "the",
    "jr",
    "sr",
    "mayor",
    "judge",
    "justice",
];

fn norm_name(name: &str) -> String {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !TITLE_WORDS.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(|x| x.as_array())
        .map_or(&[], |a| a.as_slice())
}

/// Scores a predicted annotation against a gold document (both SPEC §6 shapes).
pub fn score(gold: &Value, pred: &Value) -> Scores {
    let text = gold["text"].as_str().unwrap();
    let chars: Vec<char> = text.chars().collect();
    let show = |(s, e): (usize, usize)| chars[s..e].iter().collect::<String>();
    let mut out = Scores::default();

    if gold.get("sentences").is_some() {
        let norm = |v: &Value| -> Vec<(usize, usize)> {
            list(v, "sentences")
                .iter()
                .map(|x| trim(&chars, se(x), " \t\r\n"))
                .filter(|x| x.1 > x.0)
                .collect()
        };
        let (g, p) = (norm(gold), norm(pred));
        out.sentences_exact.n += 1;
        if g == p {
            out.sentences_exact.ok += 1;
        } else {
            out.misses.push(format!(
                "sentences differ: gold {} vs pred {}",
                g.len(),
                p.len()
            ));
        }
    }
    if gold.get("entities").is_some() {
        let set = |v: &Value| -> Vec<(usize, usize, String)> {
            list(v, "entities")
                .iter()
                .map(|x| {
                    let (s, e) = se(x);
                    (s, e, x["label"].as_str().unwrap_or("").to_string())
                })
                .collect()
        };
        let (g, p) = (set(gold), set(pred));
        for x in &g {
            if p.contains(x) {
                out.entities.tp += 1;
            } else {
                out.entities.fn_ += 1;
                out.misses
                    .push(format!("entity missed: {} {}", show((x.0, x.1)), x.2));
            }
        }
        for x in &p {
            if !g.contains(x) {
                out.entities.fp += 1;
                out.misses
                    .push(format!("entity false: {} {}", show((x.0, x.1)), x.2));
            }
        }
    }
    if gold.get("timexes").is_some() {
        let g = list(gold, "timexes");
        let p = list(pred, "timexes");
        let mut used = vec![false; p.len()];
        for x in g {
            let gs = se(x);
            let best = (0..p.len())
                .filter(|&j| !used[j])
                .max_by_key(|&j| overlap(gs, se(&p[j])));
            match best {
                Some(j) if overlap(gs, se(&p[j])) > 0 => {
                    used[j] = true;
                    out.timexes.tp += 1;
                    out.timex_values.n += 1;
                    if x["value"] == p[j]["value"] {
                        out.timex_values.ok += 1;
                    } else {
                        out.misses.push(format!(
                            "timex value: {} gold {} pred {}",
                            show(gs),
                            x["value"],
                            p[j]["value"]
                        ));
                    }
                }
                _ => {
                    out.timexes.fn_ += 1;
                    out.misses.push(format!("timex missed: {}", show(gs)));
                }
            }
        }
        for (j, y) in p.iter().enumerate() {
            if !used[j] {
                out.timexes.fp += 1;
                out.misses.push(format!("timex false: {}", show(se(y))));
            }
        }
    }
    if gold.get("claims").is_some() {
        let g = list(gold, "claims");
        let p = list(pred, "claims");
        let content = |c: &Value| trim(&chars, se(&c["content"]), TRIM);
        // greedy best-first matching, as score.py
        let mut cands = Vec::new();
        for (i, x) in g.iter().enumerate() {
            for (j, y) in p.iter().enumerate() {
                let (a, b) = (content(x), content(y));
                let ov = overlap(a, b);
                if a.1 > a.0 && ov * 2 >= a.1 - a.0 {
                    cands.push((ov as f64 / (a.1 - a.0).max(b.1 - b.0) as f64, i, j));
                }
            }
        }
        cands.sort_by(|x, y| {
            y.0.partial_cmp(&x.0)
                .unwrap()
                .then(x.1.cmp(&y.1))
                .then(x.2.cmp(&y.2))
        });
        let (mut gm, mut pm) = (vec![None; g.len()], vec![false; p.len()]);
        for (_, i, j) in cands {
            if gm[i].is_none() && !pm[j] {
                gm[i] = Some(j);
                pm[j] = true;
            }
        }
        for (i, x) in g.iter().enumerate() {
            let optional = x["optional"].as_bool().unwrap_or(false);
            match gm[i] {
                Some(j) => {
                    if optional {
                        continue;
                    }
                    out.claims.tp += 1;
                    if !x["speaker"].is_null() {
                        let ps = &p[j]["speaker"];
                        let ok = !ps.is_null() && overlap(se(&x["speaker"]), se(ps)) > 0;
                        out.speaker_span.n += 1;
                        out.speaker_span.ok += ok as usize;
                        if !ok {
                            out.misses.push(format!(
                                "speaker span: {} for {:.50}",
                                show(se(&x["speaker"])),
                                show(content(x))
                            ));
                        }
                        if let Some(name) = x["speaker"]["name"].as_str() {
                            let pn = ps.get("name").and_then(|n| n.as_str()).unwrap_or("");
                            out.speaker_name.n += 1;
                            if norm_name(name) == norm_name(pn) {
                                out.speaker_name.ok += 1;
                            } else {
                                out.misses
                                    .push(format!("speaker name: gold {name} pred {pn}"));
                            }
                        }
                    }
                }
                None if optional => {}
                None => {
                    out.claims.fn_ += 1;
                    out.misses.push(format!(
                        "claim missed ({}): {:.80}",
                        x["kind"],
                        show(content(x))
                    ));
                }
            }
        }
        for (j, y) in p.iter().enumerate() {
            if !pm[j] {
                out.claims.fp += 1;
                out.misses.push(format!(
                    "claim false ({}): {:.80}",
                    y["kind"],
                    show(content(y))
                ));
            }
        }
    }
    out
}

impl Scores {
    /// Adds another document's counts to these.
    pub fn add(&mut self, o: &Scores) {
        let prf = |a: &mut Prf, b: &Prf| {
            a.tp += b.tp;
            a.fp += b.fp;
            a.fn_ += b.fn_;
        };
        let acc = |a: &mut Acc, b: &Acc| {
            a.ok += b.ok;
            a.n += b.n;
        };
        acc(&mut self.sentences_exact, &o.sentences_exact);
        prf(&mut self.entities, &o.entities);
        prf(&mut self.timexes, &o.timexes);
        acc(&mut self.timex_values, &o.timex_values);
        prf(&mut self.claims, &o.claims);
        acc(&mut self.speaker_span, &o.speaker_span);
        acc(&mut self.speaker_name, &o.speaker_name);
        self.misses.extend(o.misses.iter().cloned());
    }
}
