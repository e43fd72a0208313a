//! The report page: one self-contained HTML file (inline CSS and SVG drawn here, no script, a
//! Content-Security-Policy that forbids any request), readable on a phone and in print. Every
//! text from the articles goes through [`escape`].

use std::fmt::Write;

use super::figures::Figures;
use super::tally::{KINDS, TYPES};
use crate::speakers::index::Counts;

/// HTML-escapes text for element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn color(kind: &str) -> &'static str {
    match kind {
        "direct" => "#1b6ca8",
        "mixed" => "#6aa84f",
        "indirect" => "#e69138",
        "according_to" => "#8e7cc3",
        "reported" => "#a0a0a0",
        "person" | "male" => "#3d85c6",
        "organization" | "female" => "#cc4125",
        "group" => "#6aa84f",
        "unresolved pronoun" => "#f1c232",
        _ => "#cccccc",
    }
}

fn legend(keys: &[&str]) -> String {
    let mut s = String::from("<p class=\"legend\">");
    for k in keys {
        let _ = write!(
            s,
            "<span><i style=\"background:{}\"></i>{}</span> ",
            color(k),
            escape(k)
        );
    }
    s.push_str("</p>");
    s
}

/// Horizontal stacked bars: one row per (label, link, counts by key); `narrow` for the small
/// multiples, which sit three to a row.
fn hbars(rows: &[(String, Option<String>, Counts)], keys: &[&str], narrow: bool) -> String {
    let max = rows
        .iter()
        .map(|r| r.2.values().sum::<u64>())
        .max()
        .unwrap_or(1)
        .max(1);
    let (row_h, label_w, bar_w, width) = if narrow {
        (22.0, 150.0, 200.0, 400)
    } else {
        (22.0, 230.0, 520.0, 800)
    };
    let h = row_h * rows.len() as f64 + 4.0;
    let mut s = format!(
        "<svg viewBox=\"0 0 {width} {h}\" role=\"img\" class=\"chart\" preserveAspectRatio=\"xMinYMin meet\">"
    );
    for (i, (label, link, counts)) in rows.iter().enumerate() {
        let y = i as f64 * row_h + 2.0;
        let total: u64 = counts.values().sum();
        let text = format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"label\">{}</text>",
            label_w - 6.0,
            y + 15.0,
            escape(label)
        );
        match link {
            Some(l) => {
                let _ = write!(s, "<a href=\"#{}\">{text}</a>", escape(l));
            }
            None => s.push_str(&text),
        }
        let mut x = label_w;
        for k in keys {
            let n = counts.get(*k).copied().unwrap_or(0);
            if n == 0 {
                continue;
            }
            let w = bar_w * n as f64 / max as f64;
            let _ = write!(
                s,
                "<rect x=\"{x:.1}\" y=\"{y}\" width=\"{w:.1}\" height=\"{}\" fill=\"{}\" data-key=\"{}\" data-count=\"{n}\"><title>{}: {n}</title></rect>",
                row_h - 5.0,
                color(k),
                escape(k),
                escape(k)
            );
            x += w;
        }
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{}\" class=\"count\">{total}</text>",
            x + 4.0,
            y + 15.0
        );
    }
    s.push_str("</svg>");
    s
}

/// Vertical stacked bars over periods; `share` draws each bar as 100 %.
fn vbars(periods: &[(String, Counts)], keys: &[&str], share: bool) -> String {
    let (w, h, top, bottom) = (800.0, 260.0, 10.0, 40.0);
    let n = periods.len().max(1) as f64;
    let max = periods
        .iter()
        .map(|p| p.1.values().sum::<u64>())
        .max()
        .unwrap_or(1)
        .max(1);
    let bw = (w - 40.0) / n;
    let mut s = format!("<svg viewBox=\"0 0 {w} {h}\" role=\"img\" class=\"chart\">");
    let every = (periods.len() / 12).max(1);
    for (i, (label, counts)) in periods.iter().enumerate() {
        let total: u64 = counts.values().sum();
        let x = 30.0 + i as f64 * bw;
        let mut y = h - bottom;
        for k in keys {
            let c = counts.get(*k).copied().unwrap_or(0);
            if c == 0 {
                continue;
            }
            let frac = if share {
                c as f64 / total.max(1) as f64
            } else {
                c as f64 / max as f64
            };
            let bh = frac * (h - top - bottom);
            y -= bh;
            let _ = write!(
                s,
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{bh:.1}\" fill=\"{}\" data-period=\"{}\" data-key=\"{}\" data-count=\"{c}\"><title>{} {}: {c}</title></rect>",
                (bw - 1.0).max(0.5),
                color(k),
                escape(label),
                escape(k),
                escape(label),
                escape(k)
            );
        }
        if i % every == 0 {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{}\" class=\"tick\">{}</text>",
                x,
                h - bottom + 14.0,
                escape(label)
            );
        }
    }
    s.push_str("</svg>");
    s
}

fn list(items: &[(String, u64)]) -> String {
    if items.is_empty() {
        return "—".into();
    }
    items
        .iter()
        .map(|(k, n)| format!("{} ({n})", escape(k)))
        .collect::<Vec<_>>()
        .join(", ")
}

const STYLE: &str = "body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0 auto;max-width:900px;padding:12px;color:#222}h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ddd}.chart{width:100%;height:auto}.label,.count,.tick{font-size:12px;fill:#333}.legend span{margin-right:10px;white-space:nowrap}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}.summary{background:#f5f5f5;padding:8px 12px}.multiples{display:flex;flex-wrap:wrap;gap:12px}.multiples>div{flex:1 1 260px}blockquote{margin:.4em 0 .4em 1em;color:#444}table{border-collapse:collapse}td,th{padding:2px 8px;text-align:left}a{color:#1b6ca8}@media print{.multiples>div{break-inside:avoid}section{break-inside:avoid}}";

/// The whole page. `stamp` (with `--stamp`) is written under the title; without it the page
/// is the same bytes for the same input.
pub fn page(f: &Figures, stamp: Option<&str>) -> String {
    let mut s = String::new();
    s.push_str("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
    s.push_str("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
    s.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
    let _ = write!(
        s,
        "<title>claimex report: who is quoted</title><style>{STYLE}</style></head><body>"
    );
    s.push_str("<h1>Who is quoted</h1>");
    if let Some(st) = stamp {
        let _ = write!(s, "<p>{}</p>", escape(st));
    }
    let kinds: Vec<String> = KINDS
        .iter()
        .map(|k| format!("{} {}", f.claims_by_kind.get(*k).copied().unwrap_or(0), k))
        .collect();
    let range = match (&f.first_date, &f.last_date) {
        (Some(a), Some(b)) => format!("{} to {}", escape(a), escape(b)),
        _ => "no dates".into(),
    };
    let _ = write!(
        s,
        "<p class=\"summary\" id=\"summary\"><b id=\"n-documents\">{}</b> documents · <b id=\"n-claims\">{}</b> claims ({}) · <b id=\"n-speakers\">{}</b> distinct speakers · {range}</p>",
        f.documents,
        f.claims,
        kinds.join(", "),
        f.speakers
    );
    let _ = write!(
        s,
        "<section id=\"top\"><h2>Top {} speakers by claims</h2>",
        f.top.len()
    );
    s.push_str(&legend(&KINDS));
    let rows: Vec<(String, Option<String>, Counts)> = f
        .top
        .iter()
        .map(|t| (t.name.clone(), Some(t.id.clone()), t.by_kind.clone()))
        .collect();
    s.push_str(&hbars(&rows, &KINDS, false));
    s.push_str("</section>");
    let _ = write!(
        s,
        "<section id=\"timeline\"><h2>Claims per {} by kind</h2>",
        f.period
    );
    s.push_str(&legend(&KINDS));
    s.push_str(&vbars(&f.timeline, &KINDS, false));
    if f.undated > 0 {
        let _ = write!(
            s,
            "<p>{} claims come from documents without a date and are not drawn.</p>",
            f.undated
        );
    }
    s.push_str("</section><section id=\"types\"><h2>Claims by speaker type</h2>");
    s.push_str(&legend(&TYPES));
    let total = f.types.values().sum::<u64>().max(1);
    let type_rows: Vec<(String, Option<String>, Counts)> = TYPES
        .iter()
        .map(|t| {
            let n = f.types.get(*t).copied().unwrap_or(0);
            let pct = 100.0 * n as f64 / total as f64;
            (
                format!("{t} ({pct:.1} %)"),
                None,
                Counts::from([(t.to_string(), n)]),
            )
        })
        .collect();
    s.push_str(&hbars(&type_rows, &TYPES, false));
    s.push_str("</section><section id=\"gender\"><h2>Person claims by the speaker's gender</h2>");
    s.push_str("<p>Gender comes only from evidence (an honorific, a pronoun that refers to the person, a given name); claims whose speaker has none are shown as <i>no evidence</i>.</p>");
    let g = ["male", "female", "no evidence"];
    s.push_str(&legend(&g));
    s.push_str(&vbars(&f.gender_timeline, &g, true));
    s.push_str("</section>");
    if let Some((field, values)) = &f.by {
        let _ = write!(
            s,
            "<section id=\"by\"><h2>Top speakers by {}</h2><div class=\"multiples\">",
            escape(field)
        );
        for (value, speakers) in values {
            let _ = write!(s, "<div><h3>{}</h3>", escape(value));
            let rows: Vec<(String, Option<String>, Counts)> = speakers
                .iter()
                .map(|(name, n)| {
                    (
                        name.clone(),
                        None,
                        Counts::from([("direct".to_string(), *n)]),
                    )
                })
                .collect();
            s.push_str(&hbars(&rows, &["direct"], true));
            s.push_str("</div>");
        }
        s.push_str("</div></section>");
    }
    s.push_str("<section id=\"speakers\"><h2>The top speakers</h2>");
    for t in &f.top {
        let _ = write!(
            s,
            "<article id=\"{}\"><h3>{}</h3><table><tr><th>claims</th><td>{}</td></tr><tr><th>variants</th><td>{}</td></tr><tr><th>titles</th><td>{}</td></tr><tr><th>affiliations</th><td>{}</td></tr><tr><th>top cues</th><td>{}</td></tr></table>",
            escape(&t.id),
            escape(&t.name),
            t.claims,
            list(&t.variants),
            list(&t.titles),
            list(&t.affiliations),
            list(&t.cues)
        );
        for e in &t.examples {
            let _ = write!(
                s,
                "<blockquote>“{}” <small>({}, {})</small></blockquote>",
                escape(&e.text),
                escape(&e.doc_id),
                escape(e.date.as_deref().unwrap_or("no date"))
            );
        }
        s.push_str("</article>");
    }
    s.push_str("</section>");
    // the figures as data, for scripts and tests; `<` escaped so no text can end the element
    let data = serde_json::to_string(f)
        .expect("figures serialize")
        .replace('<', "\\u003c");
    let _ = write!(
        s,
        "<script type=\"application/json\" id=\"claimex-data\">{data}</script>"
    );
    s.push_str("<p><small>Made by claimex.</small></p></body></html>\n");
    s
}

#[cfg(test)]
mod tests {
    use crate::report::html::escape;

    #[test]
    fn markup_in_article_text_is_shown_as_text() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }
}
