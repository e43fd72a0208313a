#!/usr/bin/env python3
"""For the most-quoted people of a speaker index, the other rows that share their surname (the
last word of a name key), to find variants the merge rules left apart.

    claimex speakers claims.jsonl -o index.jsonl
    python3 scripts/speaker_surnames.py index.jsonl [TOP]      # TOP = 50

Prints, per identity in claim order, its name, claims and variants, then each other row of a
name (a full name opening with a given name, or a bare surname) whose key ends in the same word (or whose last word is within one edit of it, as a misspelling
"Rence" of "Reince" would be found by its surname), with its claims and variants. The verdict —
one person or not — is a reader's: check it in the texts.
"""
import json
import sys


def last_word(key):
    return key.split(":", 1)[-1].split(" ")[-1]


def one_edit(a, b):
    if a == b or abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 4:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    rows = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    people = sorted((r for r in rows if r["type"] == "PERSON"), key=lambda r: -r["claims"])
    by_last = {}
    for r in people:
        for p in r["parts"]:
            # names only: a full name opening with a given name, or a bare surname (the parts'
            # surname_rule), not descriptions ("Team Trump", "a spokesman for Sanders")
            if p.get("proper") and p.get("surname_rule"):
                by_last.setdefault(last_word(p["key"]), set()).add(r["speaker_id"])
    by_id = {r["speaker_id"]: r for r in rows}
    lasts = sorted(by_last)
    split = 0
    for n, r in enumerate(people[:top], 1):
        mine = {last_word(p["key"]) for p in r["parts"]}
        others = set()
        for w in mine:
            others |= by_last.get(w, set())
            for v in lasts:
                if one_edit(w, v):
                    others |= by_last[v]
        others.discard(r["speaker_id"])
        variants = "; ".join(f"{v['name']} {v['count']}" for v in r["variants"])
        print(f"{n:>3} {r['name']} ({r['claims']} claims, {r['docs']} docs): {variants}")
        for o in sorted(others, key=lambda i: -by_id[i]["claims"]):
            o = by_id[o]
            ov = "; ".join(f"{v['name']} {v['count']}" for v in o["variants"])
            print(f"      ~ {o['name']} ({o['claims']} claims, {o['docs']} docs): {ov}")
        split += bool(others)
    print(f"{split} of the top {top} share a surname with another row")


if __name__ == "__main__":
    main()
