#!/usr/bin/env bash
# Renders the filing package to look at it: the HTML page in headless Chromium (a PNG of the first
# screen and an A4 PDF of the whole page), each PDF page as a PNG (pdftoppm), and the workbook through
# LibreOffice (XLSX → PDF → page PNGs) when it is installed.
#
# Usage: scripts/filing_screenshot.sh [DISTRICT] [OUTDIR] [ROSTER]
#   DISTRICT  a district folder (default Data/short)
#   OUTDIR    where to put the files (default .build/filing-shot)
#   ROSTER    a roster to check; without it the district is planned first with `duxue plan`
#             (the word `broken` plans it and then gives the first inspector with 5 schools two more,
#             so the page shows a non-compliant roster)
# Environment: DUXUE=path/to/duxue (default .build/debug/duxue, built when missing).
# Needs: chromium (Debian `chromium`), fonts-noto-cjk; optional poppler-utils (pdftoppm, pdfinfo) and
# libreoffice-calc. Writes: roster.csv, filing.html, filing.xlsx, filing.png, filing.pdf,
# filing-page-N.png, and with LibreOffice filing-xlsx.pdf and filing-xlsx-page-N.png.
set -euo pipefail
cd "$(dirname "$0")/.."
district="${1:-Data/short}"
out="${2:-.build/filing-shot}"
roster="${3:-}"
mkdir -p "$out"
duxue="${DUXUE:-.build/debug/duxue}"
[ -x "$duxue" ] || swift build --product duxue
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ]; then echo "chromium not found: apt-get install chromium fonts-noto-cjk" >&2; exit 2; fi

if [ -z "$roster" ] || [ "$roster" = broken ]; then
    "$duxue" plan "$district" --out "$out/roster.csv" --force --quiet --lang zh >/dev/null
    if [ "$roster" = broken ]; then
        # Two more schools for the first inspector holding 5, taken from others of the same zone (R2).
        python3 - "$out/roster.csv" <<'PY'
import csv, sys
from collections import Counter
path = sys.argv[1]
with open(path, encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
head, body = rows[0], rows[1:]
col = {name: i for i, name in enumerate(head)}
held = Counter(r[col["inspector_id"]] for r in body)
first = {r[col["inspector_id"]]: r for r in body}
target = next(i for i, n in held.items() if n == 5 and not i.startswith("VACANCY-"))
moved = 0
for r in body:
    other = r[col["inspector_id"]]
    if moved < 2 and other != target and not other.startswith("VACANCY-") \
            and r[col["inspector_zone"]] == first[target][col["inspector_zone"]]:
        for key in ("inspector_id", "employment", "inspector_name", "inspector_zone", "phone"):
            if key in col:
                r[col[key]] = first[target][col[key]]
        moved += 1
with open(path, "w", encoding="utf-8", newline="") as f:
    csv.writer(f).writerows([head] + body)
print(f"{target} now holds {held[target] + moved} schools", file=sys.stderr)
PY
    fi
    roster="$out/roster.csv"
fi
rm -f "$out"/filing-page-*.png "$out"/filing-xlsx-page-*.png
set +e
"$duxue" check "$district" --roster "$roster" --filing "$out/filing.html" --filing "$out/filing.xlsx" --force --lang zh >/dev/null
status=$?
set -e
if [ "$status" -gt 1 ]; then echo "duxue check failed with $status" >&2; exit "$status"; fi

page="file://$(cd "$out" && pwd)/filing.html"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-pdf-header-footer)
"$browser" "${flags[@]}" --window-size=1240,1754 --screenshot="$out/filing.png" "$page" 2>/dev/null
"$browser" "${flags[@]}" --print-to-pdf="$out/filing.pdf" "$page" 2>/dev/null
ls -l "$out/filing.png" "$out/filing.pdf"
if command -v pdfinfo >/dev/null; then pdfinfo "$out/filing.pdf" | grep -E "Pages|Page size"; fi
if command -v pdftoppm >/dev/null; then pdftoppm -r 70 -png "$out/filing.pdf" "$out/filing-page"; fi

office="$(command -v libreoffice || command -v soffice || true)"
if [ -n "$office" ]; then
    scratch="$(mktemp -d)"
    timeout 180 "$office" --headless "-env:UserInstallation=file://$scratch/profile" --convert-to pdf --outdir "$scratch" "$out/filing.xlsx" >/dev/null 2>&1 || true
    if [ -f "$scratch/filing.pdf" ]; then
        mv "$scratch/filing.pdf" "$out/filing-xlsx.pdf"
        if command -v pdftoppm >/dev/null; then pdftoppm -r 70 -png "$out/filing-xlsx.pdf" "$out/filing-xlsx-page"; fi
        ls -l "$out/filing-xlsx.pdf"
    else
        echo "LibreOffice could not convert the workbook" >&2
    fi
    rm -rf "$scratch"
else
    echo "libreoffice not found: the workbook was not rendered (apt-get install libreoffice-calc)" >&2
fi
