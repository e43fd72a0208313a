#!/usr/bin/env python3
"""Sorts claimex's claim errors against a PolNeAR-style gold file into categories, with counts and
(optionally) examples printed from the gold text, never stored.

    python3 scripts/claim_errors.py                       # polnear-train (../shared/corpus)
    python3 scripts/claim_errors.py --gold ../shared/eval/polnear-dev.jsonl --show miss:cue-after 10

Matching follows score.py (greedy, relaxed: overlap of at least half the gold content). Categories:
misses of reported (indirect/according_to) gold, split by what sits where: is the gold cue a known
form (rules/cue_verbs.txt), did claimex use that cue for another claim, is the cue before or after
the content, and what comes right after the cue ("that", "to", "whether/if", a noun phrase…);
exact-span mismatches of matched claims, split by which edge differs and what the difference
starts or ends with; false alarms by rule. Needs the gold file, which is not in the repository.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "..", "shared", "eval"))
sys.path.insert(0, "/work/shared/eval")
import score  # noqa: E402

REPORTED = {"indirect", "according_to"}


def known_forms():
    forms = set()
    for line in open(os.path.join(ROOT, "rules", "cue_verbs.txt"), encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if "|" not in line:
            continue
        for f in line.split("|")[1].split(","):
            forms.add(f.strip().lower())
    return forms


def se(x):
    return x["start"], x["end"]


def first_words(s, n=1):
    return " ".join(re.findall(r"[\w’']+|[^\w\s]", s)[:n]).lower()


def last_words(s, n=1):
    w = re.findall(r"[\w’']+|[^\w\s]", s)
    return " ".join(w[-n:]).lower() if w else ""


def miss_category(text, g, pcl, forms):
    cue = g.get("cue")
    cs, ce = se(g["content"])
    if not cue:
        return "no-cue"
    cw = text[cue["start"]:cue["end"]]
    lw = re.findall(r"[\w’']+", cw.lower())
    known = any(w in forms for w in lw) or cw.lower() in forms
    if not known:
        return "unknown-cue"
    used = any(p.get("cue") and score.overlap(se(p["cue"]), se(cue)) > 0 for p in pcl)
    where = "cue-before" if cue["start"] < cs else "cue-after"
    if used:
        # the cue made a claim elsewhere: content split or merged
        return "cue-used:" + where
    if where == "cue-before":
        between = text[cue["end"]:cs]
        nxt = first_words(text[cue["end"]:cue["end"] + 40], 1)
        if "\n" in between:
            return "cue-before:para-break"
        if re.search(r"\bthat\s*$", between):
            return "cue-before:that"
        if nxt in ("to",) or first_words(text[cs:], 1) == "to":
            return "cue-before:to"
        if first_words(text[cs:], 1) in ("whether", "if", "why", "how", "what", "who", "when"):
            return "cue-before:wh"
        if between.strip() == "":
            return "cue-before:adjacent"
        return "cue-before:gap"
    between = text[ce:cue["start"]]
    if "\n" in between:
        return "cue-after:para-break"
    return "cue-after"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default="/work/shared/corpus/polnear-train.jsonl")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "claimex"))
    ap.add_argument("--show", nargs=2, action="append", default=[], metavar=("CATEGORY", "N"),
                    help="print N examples of a category (prefix match)")
    args = ap.parse_args()
    forms = known_forms()
    gold = score.read_jsonl(args.gold)
    inp = "".join(json.dumps({k: d[k] for k in ("id", "text", "date", "title") if k in d}) + "\n"
                  for d in gold.values())
    out = subprocess.run([args.bin, "annotate", "-", "--progress", "never"], input=inp, capture_output=True,
                         text=True, check=True).stdout
    pred = {}
    for line in out.splitlines():
        d = json.loads(line)
        pred[d["id"]] = d
    cats = collections.Counter()
    examples = collections.defaultdict(list)
    for doc_id, g in gold.items():
        text = g["text"]
        gc, pc = g["claims"], pred.get(doc_id, {}).get("claims", [])

        def content(c):
            s, e = se(c["content"])
            return score.trim(text, s, e)

        def sc(a_, b_):
            a, b = content(a_), content(b_)
            ov = score.overlap(a, b)
            if a[1] <= a[0] or ov * 2 < (a[1] - a[0]):
                return 0
            return ov / max(a[1] - a[0], b[1] - b[0])

        pairs = score.greedy_match(gc, pc, sc)
        mg = {i: j for i, j in pairs}
        mp = {j: i for i, j in pairs}

        def ctx(s, e, marks):
            lo = max(0, text.rfind("\n", 0, s) + 1, s - 250)
            hi = min(len(text), e + 250)
            nl = text.find("\n", e)
            if nl != -1:
                hi = min(hi, nl)
            ins = sorted(marks, key=lambda m: -m[0])
            seg = text[lo:hi]
            for pos, m in ins:
                if lo <= pos <= hi:
                    seg = seg[:pos - lo] + m + seg[pos - lo:]
            return seg

        for i, x in enumerate(gc):
            if x.get("optional") or x.get("kind") not in REPORTED:
                continue
            cs, ce = content(x)
            marks = [(cs, "{"), (ce, "}")]
            if x.get("cue"):
                marks += [(x["cue"]["start"], "<"), (x["cue"]["end"], ">")]
            if x.get("speaker"):
                marks += [(x["speaker"]["start"], "["), (x["speaker"]["end"], "]")]
            if i not in mg:
                cat = "miss:" + miss_category(text, x, pc, forms)
                lo = min(m[0] for m in marks)
                hi = max(m[0] for m in marks)
                examples[cat].append(ctx(lo, hi, marks))
            else:
                p = pc[mg[i]]
                ps, pe = content(p)
                if (ps, pe) == (cs, ce):
                    cats["exact"] += 1
                    continue
                if ps != cs:
                    d = text[min(ps, cs):max(ps, cs)]
                    side = "pred-earlier" if ps < cs else "pred-later"
                    cat = f"start:{side}:{first_words(d, 1)}"
                    examples["start:" + side].append(p.get("rule", "?") + ": " + ctx(
                        min(ps, cs), max(ps, cs) + 40, [(cs, "{"), (ps, "⟨")]))
                    cats[cat] += 1
                    cats["start:" + side] += 1
                if pe != ce:
                    d = text[min(pe, ce):max(pe, ce)]
                    side = "pred-longer" if pe > ce else "pred-shorter"
                    cat = f"end:{side}:{last_words(d, 1)}"
                    examples["end:" + side].append(p.get("rule", "?") + ": " + ctx(
                        min(pe, ce) - 60, max(pe, ce), [(ce, "}"), (pe, "⟩")]))
                    cats[cat] += 1
                    cats["end:" + side] += 1
                continue
            cats[cat] += 1
        for j, y in enumerate(pc):
            if j in mp or y.get("kind") not in REPORTED | {"reported"}:
                continue
            cats["false:" + y.get("rule", "?")] += 1
            s, e = content(y)
            examples["false:" + y.get("rule", "?")].append(ctx(s, e, [(s, "⟨"), (e, "⟩")]))
    for k, n in sorted(cats.items(), key=lambda kv: (kv[0].split(":")[0], -kv[1])):
        if n >= 3 or k.count(":") < 2:
            print(f"{n:6d}  {k}")
    for cat, n in args.show:
        for k in sorted(examples):
            if k.startswith(cat):
                print(f"\n== {k} ({len(examples[k])})")
                for ex in examples[k][:int(n)]:
                    print("  -", ex.replace("\n", " ¶ "))


if __name__ == "__main__":
    main()
