#!/usr/bin/env bash
# Renders the filing package's HTML page in headless Chromium: a PNG screenshot of the first screen and
# an A4 PDF of the whole page, to look at how it prints (headers repeated, no row cut across pages).
#
# Usage: scripts/filing_screenshot.sh [DISTRICT] [OUTDIR]
#   DISTRICT  a district folder (default Data/short); its roster is planned first with `duxue plan`
#   OUTDIR    where to put roster.csv, filing.html, filing.png, filing.pdf (default .build/filing-shot)
# Needs: chromium (Debian package `chromium`), fonts-noto-cjk for the Chinese text, a built duxue.
set -euo pipefail
cd "$(dirname "$0")/.."
district="${1:-Data/short}"
out="${2:-.build/filing-shot}"
mkdir -p "$out"
duxue=".build/debug/duxue"
[ -x "$duxue" ] || swift build --product duxue
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ]; then echo "chromium not found: apt-get install chromium fonts-noto-cjk" >&2; exit 2; fi

"$duxue" plan "$district" --out "$out/roster.csv" --force --quiet --lang zh >/dev/null
set +e
"$duxue" check "$district" --roster "$out/roster.csv" --filing "$out/filing.html" --filing "$out/filing.xlsx" --force --lang zh >/dev/null
status=$?
set -e
if [ "$status" -gt 1 ]; then echo "duxue check failed with $status" >&2; exit "$status"; fi

page="file://$(cd "$out" && pwd)/filing.html"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-pdf-header-footer)
"$browser" "${flags[@]}" --window-size=1240,1754 --screenshot="$out/filing.png" "$page" 2>/dev/null
"$browser" "${flags[@]}" --print-to-pdf="$out/filing.pdf" "$page" 2>/dev/null
ls -l "$out/filing.png" "$out/filing.pdf"
if command -v pdfinfo >/dev/null; then pdfinfo "$out/filing.pdf" | grep -E "Pages|Page size"; fi
