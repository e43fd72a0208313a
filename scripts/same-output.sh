#!/usr/bin/env bash
# Same output, before and after a change: runs `claimex annotate` from two builds over corpus/,
# every set in ../shared/eval, the seed and ../shared/corpus/polnear-train.jsonl, and diffs the
# output byte for byte.
#
#   scripts/same-output.sh                 # before = origin/main or main's merge base (see BEFORE)
#   scripts/same-output.sh 1a8df11         # before = that commit, built in target/same-output/
#   BEFORE_BIN=/tmp/claimex-old scripts/same-output.sh   # before = a binary you already have
#
# Exit 0 when every input gives identical output, 1 when some differ (each is listed with the
# number of differing lines), 2 on a usage or build error. Inputs that are absent (../shared not
# beside the checkout) are named and skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
ref=${1:-${BEFORE:-main}}
work="$root/target/same-output"
mkdir -p "$work"

if [ -n "${BEFORE_BIN:-}" ]; then
  before="$BEFORE_BIN"
else
  sha=$(git rev-parse --short "$ref") || { echo "unknown ref $ref" >&2; exit 2; }
  tree="$work/tree-$sha"
  if [ ! -x "$tree/target/release/claimex" ]; then
    rm -rf "$tree"
    git worktree add --detach "$tree" "$sha" >/dev/null 2>&1 || git worktree add -f --detach "$tree" "$sha"
    (cd "$tree" && cargo build --release --quiet) || { echo "building $sha failed" >&2; exit 2; }
  fi
  before="$tree/target/release/claimex"
fi
cargo build --release --quiet || { echo "building the work tree failed" >&2; exit 2; }
after="$root/target/release/claimex"

inputs=(corpus)
for f in ../shared/eval/*.jsonl ../shared/seed/*.txt ../shared/corpus/polnear-train.jsonl; do
  if [ -e "$f" ]; then inputs+=("$f"); else echo "absent, skipped: $f"; fi
done

status=0
for inp in "${inputs[@]}"; do
  name=$(echo "$inp" | tr '/.' '__')
  fmt=(); [ -f "$inp" ] && [[ "$inp" == *.jsonl ]] && fmt=(--input-format jsonl)
  "$before" annotate "${fmt[@]}" --progress never -j 2 "$inp" -o "$work/$name.before" 2>/dev/null || true
  "$after" annotate "${fmt[@]}" --progress never -j 2 "$inp" -o "$work/$name.after" 2>/dev/null || true
  if cmp -s "$work/$name.before" "$work/$name.after"; then
    printf 'identical  %s (%s documents)\n' "$inp" "$(wc -l < "$work/$name.after")"
  else
    n=$(diff <(cat "$work/$name.before") <(cat "$work/$name.after") | grep -c '^>' || true)
    printf 'DIFFERS    %s: %s of %s documents differ (%s vs %s)\n' "$inp" "$n" \
      "$(wc -l < "$work/$name.after")" "$work/$name.before" "$work/$name.after"
    status=1
  fi
done
exit $status
