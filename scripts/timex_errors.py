#!/usr/bin/env python3
"""Sort the timex value misses of the release binary on a gold set into categories.

    python3 scripts/timex_errors.py ../shared/eval/timebank-dev.jsonl            # category counts
    python3 scripts/timex_errors.py ../shared/eval/gum-dev.jsonl --show quarter  # the misses of one

Runs `claimex annotate -` on the gold texts (gold layers removed), pairs gold and predicted
timexes by overlap as score.py does, and puts every overlapping pair whose value differs, and
every gold timex not found, into a coarse category read off the gold text and value. Nothing is
written: the gold texts stay out of the repository.
"""

import argparse
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict

KEEP = ("id", "text", "date", "title", "url")
MONTHS = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
WEEKDAYS = r"(mon|tue|wed|thu|fri|sat|sun)[a-z]*"


def category(text, gold, pred):
    """A coarse category of a miss from the gold text and values."""
    t = text.lower()
    g = str(gold or "")
    if pred is None:
        return "missing"
    if re.search(r"quarter|\bq[1-4]\b|half", t) or re.search(r"-Q\d|-H\d", g):
        return "quarter"
    if re.search(r"\bago\b|earlier|later|before|after|from now", t):
        return "anchored-offset"
    if g in ("PRESENT_REF", "PAST_REF", "FUTURE_REF") or str(pred).endswith("_REF"):
        return "ref"
    if g.startswith("P") or str(pred).startswith("P"):
        return "duration"
    if re.search(WEEKDAYS, t):
        return "weekday"
    if re.search(r"\b" + MONTHS, t) and re.search(r"\d", t) and not re.search(r"\d{4}", t):
        return "month-day"
    if re.search(r"\b" + MONTHS, t) and not re.search(r"\d", t):
        return "month"
    if re.search(r"\b(last|next|this|past|coming|previous)\b", t):
        return "shift"
    if re.search(r"year|month|week|day", t):
        return "unit"
    return "other"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("--bin", default="target/release/claimex")
    ap.add_argument("--show", action="append", default=[], help="print the misses of a category")
    ap.add_argument("--context", type=int, default=60)
    a = ap.parse_args()
    sys.path.insert(0, "../shared/eval")
    from score import greedy_match, overlap, se  # noqa: E402

    golds = [json.loads(l) for l in open(a.gold, encoding="utf-8") if l.strip()]
    inp = "".join(json.dumps({k: d[k] for k in KEEP if k in d}) + "\n" for d in golds)
    out = subprocess.run([a.bin, "annotate", "-"], input=inp, capture_output=True, text=True, check=True)
    preds = {}
    for l in out.stdout.splitlines():
        d = json.loads(l)
        if "id" in d:
            preds[str(d["id"])] = d
    cats = Counter()
    shown = defaultdict(list)
    for g in golds:
        if "timexes" not in g:
            continue
        gt, pt = g["timexes"], preds.get(str(g["id"]), {}).get("timexes", [])
        pairs = dict(greedy_match(gt, pt, lambda x, y: overlap(se(x), se(y))))
        for i, x in enumerate(gt):
            if x.get("value") is None and i in pairs:
                continue
            p = pt[pairs[i]] if i in pairs else None
            pv = p.get("value") if p else None
            if p and str(pv) == str(x["value"]):
                continue
            c = category(x["text"], x.get("value"), pv if p else None)
            cats[c] += 1
            if c in a.show or "all" in a.show:
                s, e = se(x)
                ctx = g["text"][max(0, s - a.context):e + a.context].replace("\n", " ")
                ptxt = g["text"][slice(*se(p))] if p else ""
                shown[c].append(f"{g.get('date')} {x['text']!r} gold={x.get('value')} pred={pv} [{ptxt}] | {ctx}")
    for c, n in cats.most_common():
        print(f"{c:18} {n}")
    for c, rows in shown.items():
        print(f"\n## {c}")
        for r in rows:
            print(r)


if __name__ == "__main__":
    main()
