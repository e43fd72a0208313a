#!/usr/bin/env bash
# Coverage-guided fuzzing with cargo-fuzz (needs a nightly toolchain: rustup toolchain install
# nightly; cargo install cargo-fuzz). Seeds each target from corpus/ and rules/, then runs it.
#
#   scripts/fuzz.sh                 # every target, 600 s each
#   scripts/fuzz.sh annotate 3600   # one target, an hour
#
# Targets (fuzz/fuzz_targets/, invariants in src/fuzzing.rs): annotate (pipeline + every
# writer), inputs (JSON Lines / gzip reader), rules (rule-file compile). A crash leaves its
# input in fuzz/artifacts/TARGET/; `cargo +nightly fuzz run TARGET that-file` replays it.
# The last line of each run is libFuzzer's "Done N runs in S second(s)".
set -euo pipefail
cd "$(dirname "$0")/.."
targets=${1:-"annotate inputs rules"}
seconds=${2:-600}
seed() {
  local dir="fuzz/corpus/$1"
  mkdir -p "$dir"
  case "$1" in
    annotate) cp corpus/*.txt "$dir"/ ;;
    inputs) cp corpus/*.jsonl "$dir"/; printf '{"id":1,"text":"a"}\n{bad\n' > "$dir/mixed.jsonl" ;;
    rules)
      # the first byte picks the file (its index in rules::EMBEDDED); any byte works as a seed
      local i=0
      for f in rules/*.txt; do
        { printf "\\x$(printf %02x $i)"; cat "$f"; } > "$dir/$(basename "$f")"
        i=$((i + 1))
      done ;;
  esac
}
for t in $targets; do
  seed "$t"
  echo "== fuzz $t for ${seconds}s"
  cargo +nightly fuzz run "$t" "fuzz/corpus/$t" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=4096 2>&1 | tail -n 3
done
