#!/usr/bin/env bash
# Ingest only: writes articles, sentences and rejects. --help lists the options.
source "$(dirname "${BASH_SOURCE[0]}")/lib/launcher.sh"
parse_launch_args "$@"
submit io.arabicnews.jobs.IngestJob "$DRIVER_MEMORY" "$MASTER" "${JOB_ARGS[@]}"
