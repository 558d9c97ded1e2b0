#!/usr/bin/env bash
# The benchmark's floor: plain Java, no Spark (GZIP + Jackson + Lucene + hash map, one thread per core).
#   bench/floor.sh <corpus folder> [threads]
source "$(dirname "${BASH_SOURCE[0]}")/../jobs/lib/launcher.sh"
ensure_built
exec java -Xmx2g -cp "$JAR:$(cat "$CLASSPATH_FILE")" io.arabicnews.bench.FloorBenchmark "$@"
