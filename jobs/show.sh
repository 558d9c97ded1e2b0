#!/usr/bin/env bash
# Print an output table: jobs/show.sh output/articles --limit 5 --where "published_date IS NOT NULL"
source "$(dirname "${BASH_SOURCE[0]}")/lib/launcher.sh"
parse_launch_args "$@"
submit io.arabicnews.jobs.ShowTableJob "${DRIVER_MEMORY}" "${MASTER:-local[2]}" "${JOB_ARGS[@]}"
