#!/usr/bin/env bash
# Entities and co-mentions over existing ingest tables: jobs/entities.sh --output output --period week. --help lists the options.
source "$(dirname "${BASH_SOURCE[0]}")/lib/launcher.sh"
parse_launch_args "$@"
submit io.arabicnews.jobs.EntitiesJob "$DRIVER_MEMORY" "$MASTER" "${JOB_ARGS[@]}"
