//! `confidence.txt`: the monotone map from a claim's raw confidence to the chance that it is
//! right, fit on polnear-train by `scripts/calibrate.py`.

use crate::rules::{RuleError, RuleSources};

/// Points `(raw, calibrated)`, raw strictly ascending.
#[derive(Clone, Debug, PartialEq)]
pub struct Calibration {
    points: Vec<(f32, f32)>,
}

impl Calibration {
    /// Reads `confidence.txt`.
    pub fn compile(src: &RuleSources) -> Result<Calibration, Vec<RuleError>> {
        let file = src.get("confidence.txt");
        let mut points: Vec<(f32, f32)> = Vec::new();
        let mut errors = Vec::new();
        for line in file.lines() {
            let fields: Vec<&str> = line.fields().collect();
            let parsed = match fields.as_slice() {
                [a, b] => a.parse::<f32>().ok().zip(b.parse::<f32>().ok()),
                _ => None,
            };
            match parsed {
                Some((raw, cal)) if (0.0..=1.0).contains(&raw) && (0.0..=1.0).contains(&cal) => {
                    if points.last().is_some_and(|(r, _)| *r >= raw) {
                        errors.push(line.error("raw confidences must rise from line to line"));
                    } else {
                        points.push((raw, cal));
                    }
                }
                _ => {
                    errors.push(line.error("expected `RAW | CALIBRATED`, two numbers from 0 to 1"))
                }
            }
        }
        if points.is_empty() && errors.is_empty() {
            errors.push(RuleError::new(
                &file.name,
                0,
                "no points: an identity map is `0 | 0` and `1 | 1`",
            ));
        }
        if errors.is_empty() {
            Ok(Calibration { points })
        } else {
            Err(errors)
        }
    }

    /// The calibrated value of `raw`, rounded to two decimals.
    pub fn apply(&self, raw: f32) -> f32 {
        let p = &self.points;
        let v = match p.iter().position(|(r, _)| *r >= raw) {
            None => p[p.len() - 1].1,
            Some(0) => p[0].1,
            Some(i) => {
                let ((r0, c0), (r1, c1)) = (p[i - 1], p[i]);
                c0 + (c1 - c0) * (raw - r0) / (r1 - r0)
            }
        };
        (v * 100.0).round() / 100.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(text: &str) -> Result<Calibration, Vec<RuleError>> {
        let mut src = RuleSources::embedded();
        src.replace("confidence.txt", text.to_string());
        Calibration::compile(&src)
    }

    #[test]
    fn points_interpolate_and_clamp() {
        let c = with("0.2 | 0.4\n0.8 | 0.9\n").unwrap();
        assert_eq!(c.apply(0.1), 0.4);
        assert_eq!(c.apply(0.5), 0.65);
        assert_eq!(c.apply(0.95), 0.9);
        let identity = with("0 | 0\n1 | 1\n").unwrap();
        assert_eq!(identity.apply(0.73), 0.73);
    }

    #[test]
    fn bad_lines_say_where() {
        let e = with("0.5 | 0.5\n0.4 | 0.6\nx | 1\n1.5 | 1\n").unwrap_err();
        let lines: Vec<usize> = e.iter().map(|e| e.line).collect();
        assert_eq!(lines, [2, 3, 4]);
        assert!(with("# nothing\n").is_err());
    }

    #[test]
    fn the_embedded_map_never_falls() {
        let c = Calibration::compile(&RuleSources::embedded()).unwrap();
        let values: Vec<f32> = (0..=100).map(|i| c.apply(i as f32 / 100.0)).collect();
        assert!(values.windows(2).all(|w| w[0] <= w[1]));
    }
}
