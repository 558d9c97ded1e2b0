#!/usr/bin/env bash
# Registers an output root's tables in a Hive metastore (embedded Derby under <output>/_metastore by
# default) from <output>/tables.sql:  jobs/register-tables.sh --output output
source "$(dirname "${BASH_SOURCE[0]}")/lib/launcher.sh"
parse_launch_args "$@"
submit io.arabicnews.jobs.RegisterTablesJob "$DRIVER_MEMORY" "${MASTER:-local[2]}" "${JOB_ARGS[@]}"
