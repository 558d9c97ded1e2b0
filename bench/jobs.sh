#!/usr/bin/env bash
# Times each job on a corpus and prints wall time, articles/s and MB/s of input text (title + body,
# UTF-8) per job, and as a share of the floor (plain Java, no Spark: bench/floor.sh) measured in the
# same run, next to a naive Spark word count (bench/naive-word-count.sh); then output rows per table.
# Not a test: a script that prints figures.
#   BENCH_OUT=/tmp/b bench/jobs.sh   # keeps logs and tables in /tmp/b
#   bench/jobs.sh [corpus path, default ../shared/corpora/egypt-news-2013] [driver memory, default 2g]
# INGEST_ARGS adds options to the ingest job (bench/scale.sh turns near-duplicate detection off).
set -euo pipefail
cd "$(dirname "$0")/.."
INPUT="${1:-../shared/corpora/egypt-news-2013}"
MEM="${2:-2g}"
read -r -a INGEST_EXTRA <<< "${INGEST_ARGS:-}"
# JOBS picks a subset (in this order; each stage job needs the ones before it): floor naive ingest
# terms entities topics pipeline. "pipeline" is jobs/pipeline.sh, all stages in one JVM (what users
# run), into a folder of its own; the others are the stage jobs, each its own JVM.
JOBS=" ${JOBS:-floor naive ingest terms entities topics pipeline} "
if [[ -n "${BENCH_OUT:-}" ]]; then  # keep the tables there for a look afterwards
  OUT="$BENCH_OUT"; rm -rf "$OUT"; mkdir -p "$OUT"
else
  OUT="$(mktemp -d /tmp/arabic-news-bench.XXXXXX)"
  trap 'rm -rf "$OUT"' EXIT
fi
mvn -q -B -DskipTests package >/dev/null
# Timed runs map the JVM class archive, as a user's later local runs do (written first if missing).
source jobs/lib/launcher.sh
ensure_class_archive

now() { date +%s.%N; }
run() { # name, command...
  local name="$1"; shift
  [[ "$name" == floor || "$JOBS" == *" $name "* ]] || return 0  # the floor is always measured
  local t0 t1
  t0=$(now)
  "$@" > "$OUT/$name.log" 2>&1 || { echo "$name failed, see log:"; tail -20 "$OUT/$name.log"; exit 1; }
  t1=$(now)
  local heap
  heap=$(grep -ho 'peak JVM heap: [0-9]*' "$OUT/$name.log" | tail -1 | grep -o '[0-9]*$' || echo "?")
  echo "$name $(echo "$t1 - $t0" | bc) ${heap:-?}" >> "$OUT/times"
}

run floor bench/floor.sh "$INPUT"
run naive bench/naive-word-count.sh --driver-memory "$MEM" "$(cd "$INPUT" && pwd)/*.jsonl.gz" "$OUT/naive"
run ingest jobs/ingest.sh --driver-memory "$MEM" --input "$INPUT" --output "$OUT/tables" "${INGEST_EXTRA[@]}"
run terms jobs/terms.sh --driver-memory "$MEM" --output "$OUT/tables" --period week
run entities jobs/entities.sh --driver-memory "$MEM" --output "$OUT/tables" --period week
run topics jobs/topics.sh --driver-memory "$MEM" --output "$OUT/tables" --period week
run pipeline jobs/pipeline.sh --driver-memory "$MEM" --input "$INPUT" --output "$OUT/pipeline" --period week \
  "${INGEST_EXTRA[@]}"

# The stage jobs' tables, or the pipeline's when only it ran (JOBS="floor pipeline").
TABLES="$OUT/tables"
[[ -d "$TABLES/articles" ]] || TABLES="$OUT/pipeline"
[[ -d "$TABLES/articles" ]] || { echo "no articles table under $OUT: run ingest or pipeline"; cat "$OUT/times"; exit 1; }
read -r ARTICLES BYTES < <(jobs/sql.sh --output "$TABLES" \
  "SELECT count(*), sum(octet_length(coalesce(title, '')) + octet_length(body)) FROM articles" 2>/dev/null \
  | tail -1 | tr -d '|' )
MB=$(echo "scale=1; $BYTES / 1000000" | bc)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; driver memory $MEM; Spark local[*]"
echo "corpus: $INPUT: $ARTICLES articles, $MB MB of title+body text"
FLOOR=$(awk '$1 == "floor" {print $2}' "$OUT/times")
printf "%-16s %10s %14s %10s %10s %14s\n" job "wall s" "articles/s" "MB/s" "of floor" "peak heap MB"
while read -r name secs heap; do
  printf "%-16s %10.1f %14.0f %10.2f %9.1f%% %14s\n" "$name" "$secs" "$(echo "$ARTICLES / $secs" | bc -l)" \
    "$(echo "$MB / $secs" | bc -l)" "$(echo "100 * $FLOOR / $secs" | bc -l)" "$heap"
done < "$OUT/times"
# Sums of the stage jobs' runs (each pays its own JVM start, Spark session and warm-up).
for combo in "ingest+terms:ingest terms" "4 jobs summed:ingest terms entities topics"; do
  label="${combo%%:*}"; secs=0
  missing=""
  for j in ${combo#*:}; do
    t=$(awk -v j="$j" '$1 == j {print $2}' "$OUT/times")
    if [[ -z "$t" ]]; then missing=1; break; fi
    secs=$(echo "$secs + $t" | bc -l)
  done
  [[ -z "$missing" ]] || continue
  printf "%-16s %10.1f %14.0f %10.2f %9.1f%%\n" "$label" "$secs" "$(echo "$ARTICLES / $secs" | bc -l)" \
    "$(echo "$MB / $secs" | bc -l)" "$(echo "100 * $FLOOR / $secs" | bc -l)"
done
# The pipeline's own stage times (its summary lines end in seconds), kept beside the totals.
if [[ -f "$OUT/pipeline.log" ]]; then
  echo "pipeline stages: $(grep -E '^(ingest|terms|entities|topics): ' "$OUT/pipeline.log" \
    | sed -E 's/^([a-z]+): .*; ([0-9.]+) s$/\1 \2 s/' | paste -sd ',' - | sed 's/,/, /g')"
fi
echo "rows per table:"
# One Spark SQL query for all tables (each <output>/<table>/ is a view), not one JVM per table.
QUERY=""
for t in "$TABLES"/*/; do
  name=$(basename "$t")
  [[ "$name" == _* ]] && continue  # the pipeline's staging folder, when a run left one
  QUERY="${QUERY:+$QUERY UNION ALL }SELECT '$name' AS t, count(*) AS n FROM $name"
done
jobs/sql.sh --output "$TABLES" "SELECT * FROM ($QUERY) ORDER BY t" 2>/dev/null | grep -v "^t\b" \
  | awk -F'|' 'NF >= 2 {gsub(/ /, "", $1); gsub(/ /, "", $2); printf "  %-20s %12s\n", $1, $2}'
