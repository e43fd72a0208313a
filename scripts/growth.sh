#!/usr/bin/env bash
# Instructions per byte of text for adversarial shapes at 100 KB, 1 MB and 10 MB, counted by
# callgrind (they do not move with machine load): `claimex annotate -j 1` on one document of each
# shape, the whole process. Linear cost shows as a flat row.
#
#   scripts/growth.sh                 # 100 KB, 1 MB, 10 MB (10 MB takes a few minutes a shape)
#   scripts/growth.sh 100000 1000000  # chosen sizes
#
# Needs valgrind. Builds the release binary first.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 2; }
cargo build --release --quiet
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000 10000000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" "${sizes[@]}" <<'PY'
import json, re, subprocess, sys
work, sizes = sys.argv[1], [int(s) for s in sys.argv[2:]]
shapes = {
    "no punctuation": "Ann Lee said taxes rose and John Smith said Austin grew on Monday and ",
    "transcript labels": "WALLACE: Let us start with the budget\nPENCE: Well, look, the budget is fine\n",
    "quote storm": "“a” “b,” he said “c” ‘d’ \"e\" ",
    "names and dates": "Sen. Ann Lee of Texas met John Smith on Tuesday, May 5, 2015 in Austin and ",
    "nested quotes": "“She said ‘he told them “we said ‘no’ ” ’ ” ",
    "tiny paragraphs": "A.\n\n",
    "long document": "“We will not raise taxes,” Sen. Ann Lee said on Tuesday. Officials agreed. ",
}
print(f"{'shape':<20}" + "".join(f"{n:>14,}" for n in sizes) + "   (instructions per byte)")
for name, unit in shapes.items():
    row = []
    for n in sizes:
        text = unit * (n // len(unit))
        path = f"{work}/doc.jsonl"
        with open(path, "w") as f:
            f.write(json.dumps({"id": "g", "text": text}) + "\n")
        out = f"{work}/cg.out"
        p = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                            "target/release/claimex", "annotate", "-j", "1", "--progress", "never",
                            path, "-o", "/dev/null"], capture_output=True, text=True)
        m = re.search(r"refs:\s+([\d,]+)", p.stderr)
        row.append(int(m.group(1).replace(",", "")) / len(text.encode()) if m else float("nan"))
    print(f"{name:<20}" + "".join(f"{v:>14.0f}" for v in row))
PY
