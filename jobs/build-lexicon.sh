#!/usr/bin/env bash
# Rebuilds the clitic lexicon from an articles table (a maintainer's step; the result is committed):
#   jobs/build-lexicon.sh --min-count 20 --articles output/egypt/articles --out src/main/resources/io/arabicnews/text/clitic-lexicon.tsv
source "$(dirname "${BASH_SOURCE[0]}")/lib/launcher.sh"
parse_launch_args "$@"
submit io.arabicnews.jobs.LexiconJob "$DRIVER_MEMORY" "$MASTER" "${JOB_ARGS[@]}"
