#!/usr/bin/env bash
# Extracts corpus/ to JSON Lines, CSV, CSV.gz and Parquet, then loads each with pandas, DuckDB and
# pyarrow (installed into a venv of its own) and checks that the row counts and every shared field
# agree. Run by .ci/run; exit 0 when they agree.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${CLAIMEX_VENV:-.venv-test}
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check pandas pyarrow duckdb
cargo build --release --quiet
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
bin=target/release/claimex
for name in claims.jsonl claims.csv claims.csv.gz claims.parquet; do
  "$bin" extract corpus/ -o "$out/$name" --progress never -q
done
"$venv/bin/python" scripts/check_formats.py "$out"
