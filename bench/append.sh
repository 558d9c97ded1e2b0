#!/usr/bin/env bash
# Daily appends against full runs, in the same run on the same machine. Splits a corpus into its last
# publication day and the rest (the 1x egypt-news-2013: 1,682 of 150,014 articles, about 1/90), then
# times, each its own jobs/pipeline.sh:
#   full-rest     --mode replace on the rest             (the archive)
#   append-day    --mode append of the last day onto it
#   append-again  the same append once more               (every article skipped)
#   full-all      --mode replace on everything           (the full run an append replaces; FULL_ALL=0 skips it)
# and prints each wall time and the append's share of the full runs. Not a test: figures.
#   bench/append.sh [corpus, default ../shared/corpora/egypt-news-2013] [factor, default 1] [driver memory, default 2g]
# A factor above 1 grows the corpus first (bench/replicate.py, as bench/scale.sh does), so the same day is
# appended to a 4x archive. BENCH_OUT=/tmp/a keeps the logs and tables there.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS="${1:-../shared/corpora/egypt-news-2013}"
FACTOR="${2:-1}"
MEM="${3:-2g}"
if [[ -n "${BENCH_OUT:-}" ]]; then
  OUT="$BENCH_OUT"; rm -rf "$OUT"; mkdir -p "$OUT"
else
  OUT="$(mktemp -d /tmp/arabic-news-append.XXXXXX)"
  trap 'rm -rf "$OUT"' EXIT
fi
mvn -q -B -DskipTests package >/dev/null
# Timed runs map the JVM class archive, as a user's later local runs do (written first if missing).
source jobs/lib/launcher.sh
ensure_class_archive
SRC="$CORPUS"
if [[ "$FACTOR" != 1 ]]; then
  python3 bench/replicate.py "$CORPUS" "$FACTOR" "$OUT/grown"
  SRC="$OUT/grown"
fi
python3 - "$SRC" "$OUT" <<'PY'
import glob, gzip, json, os, sys
src, out = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(os.path.join(src, "*.jsonl.gz")))
last = max(json.loads(l).get("date") or "" for f in files for l in gzip.open(f, "rt", encoding="utf-8"))[:10]
os.makedirs(f"{out}/rest", exist_ok=True); os.makedirs(f"{out}/day", exist_ok=True)
n = {"rest": 0, "day": 0}
with gzip.open(f"{out}/rest/rest.jsonl.gz", "wt", encoding="utf-8") as rest, \
     open(f"{out}/day/day.jsonl", "w", encoding="utf-8") as day:
    for f in files:
        for l in gzip.open(f, "rt", encoding="utf-8"):
            is_day = (json.loads(l).get("date") or "").startswith(last)
            (day if is_day else rest).write(l if l.endswith("\n") else l + "\n")
            n["day" if is_day else "rest"] += 1
print(f"corpus {src} x{os.environ.get('FACTOR', '')}: last day {last}: {n['day']} articles; the rest: {n['rest']}")
PY
now() { date +%s.%N; }
run() { # name, pipeline arguments...
  local name="$1"; shift
  local t0; t0=$(now)
  jobs/pipeline.sh --driver-memory "$MEM" --period week "$@" > "$OUT/$name.log" 2>&1 \
    || { echo "$name failed, see log:"; tail -20 "$OUT/$name.log"; exit 1; }
  echo "$name $(echo "$(now) - $t0" | bc)" >> "$OUT/times"
}
run full-rest --input "$OUT/rest" --output "$OUT/tables"
run append-day --input "$OUT/day" --output "$OUT/tables" --mode append
run append-again --input "$OUT/day" --output "$OUT/tables" --mode append
[[ "${FULL_ALL:-1}" == 0 ]] || run full-all --input "$SRC" --output "$OUT/all"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; driver memory $MEM; Spark local[*]; factor $FACTOR"
grep -h '^append: ' "$OUT/append-day.log" "$OUT/append-again.log" || true
APPEND=$(awk '$1 == "append-day" {print $2}' "$OUT/times")
for base in full-rest full-all; do
  b=$(awk -v j="$base" '$1 == j {print $2}' "$OUT/times")
  [[ -n "$b" ]] || continue
  printf "append-day / %-9s %6.1f%%\n" "$base" "$(echo "100 * $APPEND / $b" | bc -l)"
done
while read -r name secs; do printf "%-14s %8.1f s\n" "$name" "$secs"; done < "$OUT/times"
