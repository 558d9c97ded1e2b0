#!/usr/bin/env bash
# What an append cannot go below while it rewrites every aggregate row: the ten aggregate tables of an
# output root read and written back unchanged, three rounds in one local Spark session (docs/appends.md).
#   bench/aggregate-rewrite.sh <output root of a full run>
source "$(dirname "${BASH_SOURCE[0]}")/../jobs/lib/launcher.sh"
ensure_built
SCRATCH="$(mktemp -d /tmp/aggregate-rewrite.XXXXXX)"
trap 'rm -rf "$SCRATCH"' EXIT
java -Xmx2g "${JAVA_OPENS[@]}" -Dlog4j2.configurationFile="$REPO_ROOT/jobs/conf/log4j2.properties" \
  -cp "$JAR:$(cat "$CLASSPATH_FILE")" io.arabicnews.bench.AggregateRewriteBenchmark "$1" "$SCRATCH"
