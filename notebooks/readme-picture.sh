#!/usr/bin/env bash
# Regenerates the README's picture, docs/img/topic-timeline.png: the notebook's weekly curated-topic
# chart on the real corpus. Runs the pipeline on ../shared/corpora/egypt-news-2013 first unless an
# output root of it is given.
#   notebooks/readme-picture.sh                  # about 6 minutes on 2 cores
#   notebooks/readme-picture.sh /tmp/eg          # an existing output root of the real corpus
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
OUT="${1:-}"
if [[ -z "$OUT" ]]; then
  OUT="$(mktemp -d /tmp/arabic-news-readme.XXXXXX)"
  trap 'rm -rf "$OUT"' EXIT
  jobs/pipeline.sh --input ../shared/corpora/egypt-news-2013 --output "$OUT" --period week --driver-memory 2g >&2
fi
notebooks/run.sh "$OUT"
mkdir -p docs/img
cp target/notebooks/topic-timeline.png docs/img/topic-timeline.png
echo "wrote docs/img/topic-timeline.png"
