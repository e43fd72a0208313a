#!/usr/bin/env python3
"""Fits rules/confidence.txt: the monotone map from a claim's raw confidence (the configuration's
base value times its penalties) to the share of such claims that are right on polnear-train.

    python3 scripts/calibrate.py > rules/confidence.txt     # then rebuild and check dev's ECE

It annotates polnear-train with --rules pointing at an identity map (so the raw confidences are
seen), asks ../shared/eval/score.py which claims are right (a claim matches a gold claim and its
speaker span overlaps the gold speaker), bins them in tenths, pools adjacent bins that break
monotonicity (isotonic regression), and prints one point per bin: the bin's mean raw confidence
and its right share. Needs ../shared (not in the repository); says so when it is absent.
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLD = os.path.join(ROOT, "..", "shared", "corpus", "polnear-train.jsonl")
SCORE = os.path.join(ROOT, "..", "shared", "eval", "score.py")
BIN = os.path.join(ROOT, "target", "release", "claimex")


def main():
    if not (os.path.exists(GOLD) and os.path.exists(SCORE)):
        sys.exit("../shared/corpus/polnear-train.jsonl or ../shared/eval/score.py is absent")
    with tempfile.TemporaryDirectory() as d:
        rules = os.path.join(d, "rules")
        os.makedirs(rules)
        with open(os.path.join(rules, "confidence.txt"), "w") as f:
            f.write("0 | 0\n1 | 1\n")
        pred = os.path.join(d, "pred.jsonl")
        subprocess.run([BIN, "annotate", GOLD, "--rules", rules, "-q", "-o", pred], check=True)
        raw = []
        for line in open(pred, encoding="utf-8"):
            raw.extend(c["confidence"] for c in json.loads(line)["claims"])
        out = subprocess.run([sys.executable, SCORE, pred, GOLD, "--json"], capture_output=True,
                             text=True, check=True).stdout
    bins = json.loads(out)["claims"]["calibration"]["bins"]
    # the mean raw confidence of each bin, binned as score.py bins
    sums = {}
    for c in raw:
        k = f"{min(int(max(c, 0.0) * 10), 9) / 10:.1f}"
        s = sums.setdefault(k, [0.0, 0])
        s[0] += c
        s[1] += 1
    blocks = [[sums[k][0] / sums[k][1], b["right"] * b["n"], b["n"]] for k, b in sorted(bins.items()) if k in sums]
    # pool adjacent violators: right shares must not fall as confidence rises
    pooled = []
    for x, r, n in blocks:
        pooled.append([x * n, r, n])
        while len(pooled) > 1 and pooled[-2][1] / pooled[-2][2] > pooled[-1][1] / pooled[-1][2]:
            b = pooled.pop()
            pooled[-1] = [pooled[-1][0] + b[0], pooled[-1][1] + b[1], pooled[-1][2] + b[2]]
    print("# confidence.txt — the map from a claim's raw confidence (its configuration's base value in")
    print("# attribution.txt times the penalties for weak cues, pronoun, long or missing speakers) to")
    print("# the chance that it is right, read by the attribution stage.")
    print("#")
    print("# Format: `RAW | CALIBRATED`, raw ascending; a raw value between two points is interpolated")
    print("# linearly, one outside them takes the nearest point's value. Fit on polnear-train by")
    print("# scripts/calibrate.py (isotonic regression over tenths of raw confidence; a claim is right")
    print("# when it matches a gold claim and its speaker span overlaps the gold one). An identity map")
    print("# (`0 | 0` and `1 | 1`) keeps the raw values.")
    for x, r, n in pooled:
        print(f"{x / n:.3f} | {r / n:.3f}")


if __name__ == "__main__":
    main()
