#!/usr/bin/env bash
# Term frequencies over existing ingest tables: jobs/terms.sh --output output --period week. --help lists the options.
source "$(dirname "${BASH_SOURCE[0]}")/lib/launcher.sh"
parse_launch_args "$@"
submit io.arabicnews.jobs.TermsJob "$DRIVER_MEMORY" "$MASTER" "${JOB_ARGS[@]}"
