#!/usr/bin/env python3
"""Writes N synthetic claim records (JSON Lines, the shape `claimex extract` writes) for scale
checks of `claimex speakers` and `claimex report`: 3,000 surnames x 16 given names, 12 claims
per document, dates over eight years, four outlets, a `<b>` in every quote.

    python3 scripts/synthetic_claims.py 1000000 > /tmp/claims1m.jsonl
    python3 scripts/synthetic_claims.py 1000000 300 > /tmp/few.jsonl   # 300 surnames: names saturate
    /usr/bin/time -v target/release/claimex report /tmp/claims1m.jsonl -o /tmp/r.html --by outlet
"""
import json
import random
import sys


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    random.seed(7)
    first = ["Ann", "Bob", "Carla", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jia", "Kofi", "Lena",
             "Max", "Nia", "Omar", "Pia"]
    last = [f"Surname{i}" for i in range(int(sys.argv[2]) if len(sys.argv) > 2 else 3000)]
    kinds = ["direct", "mixed", "indirect", "according_to", "reported"]
    types = ["PERSON"] * 8 + ["ORG", "NORP", "PRONOUN"]
    out = sys.stdout
    for i in range(n):
        d = i // 12
        t = random.choice(types)
        if t == "PERSON":
            name = f"{random.choice(first)} {random.choice(last)}"
        elif t == "ORG":
            name = f"Agency {random.randint(0, 300)}"
        else:
            name = "he"
        speaker = None if random.random() < 0.02 else {
            "start": 0, "end": 5, "text": ("Mr. " + name) if random.random() < 0.3 else name,
            "name": name, "title": None, "affiliation": None, "type": t, "cluster": 0}
        day = f"20{15 + d % 8:02d}-{1 + d % 12:02d}-{1 + d % 28:02d}"
        out.write(json.dumps({
            "doc_id": f"d{d}", "id": f"d{d}#{i % 12 + 1}", "kind": random.choice(kinds),
            "content": {"start": 10, "end": 60, "text": f"Claim text <b>number</b> {i} said here."},
            "speaker": speaker, "cue": {"start": 6, "end": 10, "text": "said", "lemma": "say"},
            "doc_date": day, "meta": {"outlet": random.choice(["AP", "NYT", "WaPo", "Reuters"])}}) + "\n")


if __name__ == "__main__":
    main()
