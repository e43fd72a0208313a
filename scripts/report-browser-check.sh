#!/usr/bin/env bash
# Draws the report of corpus/ in headless Chromium (Debian's chromium, installed when missing)
# and checks that it drew and made no network request. Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
cargo build --release --quiet
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
target/release/claimex report corpus/ -o "$out/report.html" -q
python3 scripts/report_browser_check.py "$out/report.html" "$out/report.png"
