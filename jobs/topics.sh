#!/usr/bin/env bash
# Curated and learned topics over existing ingest and term tables: jobs/topics.sh --output output --period week. --help lists the options.
source "$(dirname "${BASH_SOURCE[0]}")/lib/launcher.sh"
parse_launch_args "$@"
submit io.arabicnews.jobs.TopicsJob "$DRIVER_MEMORY" "$MASTER" "${JOB_ARGS[@]}"
