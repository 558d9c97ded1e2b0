#!/usr/bin/env bash
# The benchmark's naive peer: Spark split + explode + groupBy word count. bench/naive-word-count.sh <corpus files or folder> <output>
source "$(dirname "${BASH_SOURCE[0]}")/../jobs/lib/launcher.sh"
parse_launch_args "$@"
submit io.arabicnews.bench.NaiveWordCountJob "$DRIVER_MEMORY" "$MASTER" "${JOB_ARGS[@]}"
