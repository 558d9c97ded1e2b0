#!/usr/bin/env bash
# Query the DuckDB catalog without the DuckDB CLI (same as `duckdb CATALOG -c SQL`), from any folder:
#   jobs/duckdb.sh output/catalog.duckdb -c "SELECT count(*) FROM articles"
source "$(dirname "${BASH_SOURCE[0]}")/lib/launcher.sh"
ensure_built
exec java -cp "$JAR:$(cat "$CLASSPATH_FILE")" io.arabicnews.jobs.CatalogQueryJob "$@"
