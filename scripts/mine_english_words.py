#!/usr/bin/env python3
"""Mines rules/gazetteers/english_words.txt: everyday English words, written capitalized, that a
multi-word capitalized phrase holds when it is a term or a title ("Natural Language Processing",
"Separate Ways"), not a person's name.

    python3 scripts/mine_english_words.py                 # from ../shared/corpus/polnear-train.jsonl
    python3 scripts/mine_english_words.py --min 8 --out /tmp/words.txt

A word is kept when the training texts write it lowercase at least --min times and lowercase at
least --ratio times as often as capitalized inside a sentence (so "bush", "paul", "young" stay
out), it has three letters or more, and it is no given name (rules/gazetteers/given_names.txt).
Only the word list is written; no text. Needs the training corpus, which is not in the
repository: without it the script says so and exits 2.
"""
import argparse
import collections
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRAIN = os.path.join(ROOT, "..", "shared", "corpus", "polnear-train.jsonl")

HEADER = """# gazetteers/english_words.txt — everyday English words, written capitalized.
#
# Format: one word a line. A capitalized phrase of several words with no given name, title or
# head word (which the entity tagger would otherwise call a PERSON) is a term or a title, not a
# name, when one of its words is listed here or written lowercase in the same document
# ("Natural Language Processing", "Separate Ways", "Social Security").
# Mined by scripts/mine_english_words.py from the PolNeAR training texts (words written lowercase
# at least {min} times and {ratio} times as often as capitalized inside a sentence; no given
# names). Edit by hand freely: remove a word that is also a surname you need.
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=TRAIN)
    ap.add_argument("--min", type=int, default=10)
    ap.add_argument("--ratio", type=float, default=20.0)
    ap.add_argument("--out", default=os.path.join(ROOT, "rules", "gazetteers", "english_words.txt"))
    args = ap.parse_args()
    if not os.path.exists(args.corpus):
        print(f"{args.corpus} not found: this script needs the PolNeAR training corpus", file=sys.stderr)
        sys.exit(2)
    given = set()
    for line in open(os.path.join(ROOT, "rules", "gazetteers", "given_names.txt"), encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if line:
            given.add(line.split("|")[0].strip().lower())
    lower, capital = collections.Counter(), collections.Counter()
    for line in open(args.corpus, encoding="utf-8"):
        text = json.loads(line)["text"]
        # capitalized inside a sentence: after a lowercase word or a comma
        for m in re.finditer(r"(?<=[a-z,] )([A-Z][a-z]+)\b", text):
            capital[m.group(1).lower()] += 1
        for m in re.finditer(r"(?<![\w’'-])([a-z]{3,})(?![\w’'-])", text):
            lower[m.group(1)] += 1
    words = sorted(
        w for w, n in lower.items()
        if n >= args.min and n >= args.ratio * capital[w] and w not in given
    )
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(HEADER.format(min=args.min, ratio=int(args.ratio)))
        for w in words:
            f.write(w.capitalize() + "\n")
    os.replace(tmp, args.out)
    print(f"{len(words)} words -> {args.out}")


if __name__ == "__main__":
    main()
