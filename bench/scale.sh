#!/usr/bin/env bash
# Scaling benchmark: bench/jobs.sh on the corpus grown 1x, 4x, 16x (bench/replicate.py: distinct ids,
# dates shifted by whole corpus spans, written to a temporary folder and removed afterwards).
# Near-duplicate detection is off in these runs (the copies are exact duplicates of each other; with
# it on, every story would rightly form one cluster of `factor` articles). Prints each factor's table.
#   bench/scale.sh [factors, default "1 4 16"] [driver memory, default 2g]
#   JOBS="ingest terms" bench/scale.sh "1 4"      # a subset of jobs (see bench/jobs.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=../shared/corpora/egypt-news-2013
FACTORS="${1:-1 4 16}"
MEM="${2:-2g}"
# The stage jobs only by default: the one-JVM pipeline run would double a 16x run's hours.
export JOBS="${JOBS:-floor naive ingest terms entities topics}"
TMP="$(mktemp -d /tmp/arabic-news-scale.XXXXXX)"
trap 'rm -rf "$TMP"' EXIT
for f in $FACTORS; do
  echo "=== ${f}x"
  dir="$TMP/${f}x"
  t0=$(date +%s)
  python3 bench/replicate.py "$CORPUS" "$f" "$dir"
  echo "replicated in $(( $(date +%s) - t0 )) s; $(du -sh "$dir" | cut -f1) gzip"
  INGEST_ARGS="--dup-similarity 2" bench/jobs.sh "$dir" "$MEM"
  rm -rf "$dir"
done
