#!/usr/bin/env bash
# Writes <output>/catalog.duckdb and <output>/tables.sql for an existing local output root:
#   jobs/catalog.sh --output output [--location-root hdfs:///news/tables]
source "$(dirname "${BASH_SOURCE[0]}")/lib/launcher.sh"
ensure_built
exec java -cp "$JAR:$(cat "$CLASSPATH_FILE")" io.arabicnews.jobs.CatalogJob "$@"
