#!/usr/bin/env bash
# Scale check: generates a ~200 MB schools.csv (≈3.3 million schools, Chinese names, UTF-8 or GBK) with a
# small inspectors.csv, then reads and validates it with `duxue validate` (release build), reporting wall
# time and peak resident memory (/usr/bin/time -v). Usage: scripts/bigfile.sh [MEGABYTES=200] [utf8|gbk]
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-200}
encoding=${2:-utf8}
folder=${TMPDIR:-/tmp}/duxue-bigfile-$megabytes-$encoding
if ! [ -x /usr/bin/time ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi
mkdir -p "$folder"
if [ ! -s "$folder/schools.csv" ]; then
  python3 - "$folder" "$megabytes" "$encoding" <<'PY'
import sys
folder, megabytes, encoding = sys.argv[1], int(sys.argv[2]), sys.argv[3]
codec = "gb18030" if encoding == "gbk" else "utf-8"
stages = ["小学", "初中", "高中", "九年一贯制", "幼儿园"]
target = megabytes * 1_000_000
written = 0
with open(f"{folder}/schools.csv", "wb") as out:
    chunk = ["学校代码,学校名称,在校生数,责任区,学段\n"]
    n = 0
    while written < target:
        n += 1
        chunk.append(f"S{n:08d},第{n}实验学校,{(n * 37) % 3000},责任区{n % 40:02d},{stages[n % 5]}\n")
        if len(chunk) >= 10_000:
            data = "".join(chunk).encode(codec)
            out.write(data)
            written += len(data)
            chunk = []
    if chunk:
        out.write("".join(chunk).encode(codec))
with open(f"{folder}/inspectors.csv", "wb") as out:
    rows = ["督学编号,姓名,专兼职,在职状态,已连任届数,责任区"]
    rows += [f"D{i:03d},督学{i},{'专职' if i % 3 == 0 else '兼职'},在职,0,责任区{i % 40:02d}" for i in range(200)]
    out.write(("\n".join(rows) + "\n").encode(codec))
PY
fi
ls -l "$folder/schools.csv"
swift build -c release --product duxue >/dev/null
set +e
/usr/bin/time -v .build/release/duxue validate "$folder" --lang en --term-start 2026-09-01 \
  >"$folder/out.txt" 2>"$folder/time.txt"
status=$?
set -e
tail -n 3 "$folder/out.txt" || true
grep -E "User time|System time|Elapsed|Maximum resident" "$folder/time.txt"
echo "exit status $status"
