#!/usr/bin/env python3
"""Lists the cue words of gold claims that claimex misses, by frequency: the words a linguist
should look at first when growing rules/cue_verbs.txt.

    python3 scripts/mine_cues.py                      # polnear-train (../shared/corpus), release binary
    python3 scripts/mine_cues.py --gold ../shared/eval/polnear-dev.jsonl --top 40

A gold claim is missed when no claimex claim's content overlaps its content. Each missed claim's
cue (its last word, lower-cased) is counted, split by whether the form is already in
rules/cue_verbs.txt (then the miss is a pattern gap: the construction is not covered) or not (a
lexicon gap). Needs the gold file, which is not part of the repository: it says so when absent.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# Words of a cue phrase that are not its head: prepositions and particles ("talked about",
# "called for"), auxiliaries and negation ("did not say").
FUNCTION_WORDS = set("""about of for on as in with against at by over like from to that out up off
down among into is was be been being are were has have had will would could can may might must
should not n't also did does do""".split())


def forms_in_lexicon():
    forms = {}
    for line in open(os.path.join(ROOT, "rules", "cue_verbs.txt"), encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if not line or "|" not in line:
            continue
        lemma, fs, *_ = [p.strip() for p in line.split("|")]
        for f in fs.split(","):
            forms[f.strip().lower()] = lemma
    return forms


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=os.path.join(ROOT, "..", "shared", "corpus", "polnear-train.jsonl"))
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "claimex"))
    ap.add_argument("--top", type=int, default=60)
    ap.add_argument("--kind", default=None, help="only gold claims of this kind (e.g. indirect)")
    args = ap.parse_args()
    if not os.path.exists(args.gold):
        sys.exit(f"{args.gold} is absent: this script needs the annotated corpus beside the checkout")
    out = subprocess.run([args.bin, "extract", args.gold, "--progress", "never", "-q"],
                         capture_output=True, text=True, check=False).stdout
    found = collections.defaultdict(list)
    for line in out.splitlines():
        c = json.loads(line)
        found[c["doc_id"]].append((c["content"]["start"], c["content"]["end"]))
    lex = forms_in_lexicon()
    known, unknown = collections.Counter(), collections.Counter()
    kinds = collections.Counter()
    missed = total = 0
    for line in open(args.gold, encoding="utf-8"):
        doc = json.loads(line)
        for g in doc["claims"]:
            if args.kind and g["kind"] != args.kind:
                continue
            total += 1
            gs, ge = g["content"]["start"], g["content"]["end"]
            if any(s < ge and gs < e for s, e in found[doc["id"]]):
                continue
            missed += 1
            kinds[g["kind"]] += 1
            cue = (g.get("cue") or {}).get("text") or ""
            words = re.findall(r"[\w’'-]+", cue.lower())
            if not words:
                continue
            content_words = [x for x in words if x not in FUNCTION_WORDS] or words
            w = content_words[-1]
            (known if w in lex else unknown)[w] += 1
    print(f"{missed} of {total} gold claims missed; by kind: {dict(kinds)}")
    print(f"\ncue words NOT in rules/cue_verbs.txt ({sum(unknown.values())} misses):")
    for w, n in unknown.most_common(args.top):
        print(f"  {n:5d}  {w}")
    print(f"\ncue words in the lexicon, construction not covered ({sum(known.values())} misses):")
    for w, n in known.most_common(args.top // 2):
        print(f"  {n:5d}  {w} ({lex[w]})")


if __name__ == "__main__":
    main()
