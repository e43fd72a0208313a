#!/usr/bin/env python3
"""Tries one cue feature change at a time, lemma by lemma, and prints what each does to polnear-train
and polnear-dev: how today's cue features of rules/cue_verbs.txt were chosen (a change was kept only
when it raised reported and claims F1 on both sets without lowering exact F1 on either).

    python3 scripts/cue_features.py --remove that            # each lemma that has `that`, without it
    python3 scripts/cue_features.py --add clause --where object   # each object-only lemma, with `clause`

Prints one line per lemma whose change moves a figure: the change in reported F1, claims F1 and
claims exact F1, on train then on dev. Uses target/release/claimex with --rules pointing at a
folder holding only the edited cue_verbs.txt. Needs ../shared (not in the repository; the gold texts
never enter it) and says so when it is absent. Takes about 5 s a lemma.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
SETS = {"train": os.path.join(SHARED, "corpus", "polnear-train.jsonl"),
        "dev": os.path.join(SHARED, "eval", "polnear-dev.jsonl")}
SCORE = os.path.join(SHARED, "eval", "score.py")
BIN = os.path.join(ROOT, "target", "release", "claimex")
CUES = os.path.join(ROOT, "rules", "cue_verbs.txt")


def inputs():
    out = {}
    for name, path in SETS.items():
        with open(path, encoding="utf-8") as f:
            out[name] = "".join(json.dumps({k: d[k] for k in ("id", "text", "date", "title") if k in d}) + "\n"
                                for d in map(json.loads, f))
    return out


def scores(rules_dir, texts, work):
    row = []
    for name, gold in SETS.items():
        pred = os.path.join(work, name + ".pred")
        out = subprocess.run([BIN, "annotate", "-", "--progress", "never", "--rules", rules_dir],
                             input=texts[name], capture_output=True, text=True, check=True).stdout
        with open(pred, "w", encoding="utf-8") as f:
            f.write(out)
        r = json.loads(subprocess.run(["python3", SCORE, pred, gold, "--json"], capture_output=True,
                                      text=True, check=True).stdout)["claims"]
        row += [r["reported"]["relaxed"]["f1"], r["all"]["relaxed"]["f1"], r["all"]["exact"]["f1"]]
    return row


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--remove", metavar="FEATURE")
    ap.add_argument("--add", metavar="FEATURE")
    ap.add_argument("--where", metavar="FEATURE", help="with --add: only lemmas that have this feature")
    args = ap.parse_args()
    if not (args.remove or args.add):
        ap.error("say --remove FEATURE or --add FEATURE")
    if not all(os.path.exists(p) for p in list(SETS.values()) + [SCORE]):
        sys.exit("../shared (polnear-train, polnear-dev, score.py) is absent")
    with open(CUES, encoding="utf-8") as f:
        lines = f.read().split("\n")
    texts = inputs()
    with tempfile.TemporaryDirectory() as work:
        rules = os.path.join(work, "rules")
        os.makedirs(rules)
        target = os.path.join(rules, "cue_verbs.txt")

        def write(ls):
            with open(target, "w", encoding="utf-8") as f:
                f.write("\n".join(ls))

        write(lines)
        base = scores(rules, texts, work)
        print("base  train reported/claims/exact %.4f %.4f %.4f  dev %.4f %.4f %.4f" % tuple(base))
        for i, line in enumerate(lines):
            if not line or line.startswith("#") or line.count("|") != 2:
                continue
            lemma, forms, feats = [p.strip() for p in line.split("|")]
            fs = feats.split()
            if args.remove:
                if args.remove not in fs:
                    continue
                new = " ".join(x for x in fs if x != args.remove)
            else:
                if args.add in fs or (args.where and args.where not in fs) or "according" in fs:
                    continue
                new = feats + " " + args.add
            edited = lines[:]
            edited[i] = f"{lemma} | {forms} | {new}"
            write(edited)
            d = [round(a - b, 4) for a, b in zip(scores(rules, texts, work), base)]
            if any(d):
                print(f"{lemma:20s} train {d[0]:+.4f} {d[1]:+.4f} {d[2]:+.4f}   dev {d[3]:+.4f} {d[4]:+.4f} {d[5]:+.4f}",
                      flush=True)


if __name__ == "__main__":
    main()
