#!/usr/bin/env bash
# Builds the English spellings of Arabic name words (English labels of names no gazetteer lists) from
# ../shared/corpora/name-transliterations into the shipped resource (no Spark):
#   jobs/name-spellings.sh                   # writes src/main/resources/io/arabicnews/entities/name-spellings.tsv.gz
#   jobs/name-spellings.sh --out my.tsv.gz
source "$(dirname "${BASH_SOURCE[0]}")/lib/launcher.sh"
ensure_built
exec java -Xmx2g -cp "$JAR:$(cat "$CLASSPATH_FILE")" io.arabicnews.jobs.NameSpellingsJob "$@"
