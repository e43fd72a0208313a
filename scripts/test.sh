#!/usr/bin/env bash
# Every test: the Rust crate's (`cargo test --release`), then the Python package's (pytest over
# python/tests, Spark and Dask included) in a virtual environment of its own, .venv-test/.
#
#   scripts/test.sh                 # all of it
#   scripts/test.sh -k batch        # extra arguments go to pytest
#   SKIP_CARGO_TEST=1 scripts/test.sh   # only the Python side (the release binary still built)
#
# Idempotent: the environment is created once, its packages installed again only when the list
# below changes, and the extension rebuilt incrementally (python/target/). Exit status: cargo's or
# pytest's; pytest collecting no test (its exit 5) is a failure too.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

step() { printf '\n== %s\n' "$*"; }
start=$(date +%s)

if [ -z "${SKIP_CARGO_TEST:-}" ]; then
  step "cargo test --release"
  cargo test --release
fi

step "cargo build --release (the CLI the Python tests compare with)"
cargo build --release

venv="$root/.venv-test"
py="$venv/bin/python"
packages=(maturin pytest pandas pyarrow pyspark "dask[dataframe]" distributed)
stamp="$venv/.claimex-packages"

if [ ! -x "$py" ]; then
  step "python3 -m venv .venv-test"
  python3 -m venv "$venv"
fi
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "${packages[*]}" ]; then
  step "pip install ${packages[*]}"
  "$py" -m pip install -q --disable-pip-version-check -U pip
  "$py" -m pip install -q --disable-pip-version-check "${packages[@]}"
  printf '%s' "${packages[*]}" >"$stamp"
fi

step "pip install ./python"
# maturin from the environment (no isolated build environment to download each time); the
# extension builds incrementally in python/target/
PATH="$venv/bin:$PATH" "$py" -m pip install -q --disable-pip-version-check \
  --no-build-isolation --force-reinstall --no-deps ./python

step "pytest python/tests"
if [ -z "${JAVA_HOME:-}" ] && command -v java >/dev/null; then
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  export JAVA_HOME
fi
export CLAIMEX_REQUIRE_SPARK=1
set +e
"$py" -m pytest python/tests -p no:cacheprovider "$@"
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
  echo "scripts/test.sh: pytest collected no tests: failing" >&2
  rc=1
fi
# to stderr, so that pytest's summary stays the last line of stdout
printf 'scripts/test.sh: %s in %d s\n' "$([ "$rc" -eq 0 ] && echo ok || echo FAILED)" \
  "$(($(date +%s) - start))" >&2
exit "$rc"
