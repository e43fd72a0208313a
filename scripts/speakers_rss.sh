#!/usr/bin/env bash
# Peak RSS of `claimex speakers` on synthetic claims (scripts/synthetic_claims.py), to check that
# memory follows distinct speakers, not claims: with 300 surnames the names saturate (5,102
# speakers), so 100k and 1M claims should hold about the same; with 3,000 surnames it follows
# the speakers. A measurement, not a timed test (RSS does not move with machine load).
#
#   scripts/speakers_rss.sh                 # 100000 and 1000000 claims, 300 and 3000 surnames
#   scripts/speakers_rss.sh 100000          # chosen sizes
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-10s %-9s %-9s %s\n' claims surnames speakers "peak RSS"
for surnames in 300 3000; do
  for n in "${sizes[@]}"; do
    python3 scripts/synthetic_claims.py "$n" "$surnames" > "$work/claims.jsonl"
    /usr/bin/time -f '%M' -o "$work/rss" target/release/claimex speakers "$work/claims.jsonl" \
      -o "$work/index.jsonl" -q
    printf '%-10s %-9s %-9s %s MB\n' "$n" "$surnames" "$(wc -l < "$work/index.jsonl")" \
      "$(( $(cat "$work/rss") / 1000 ))"
  done
done
