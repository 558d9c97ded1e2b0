#!/usr/bin/env bash
# Query the output tables: jobs/sql.sh --output output "SELECT display_form, term_count FROM term_frequencies WHERE n = 2 ORDER BY rank LIMIT 20"
source "$(dirname "${BASH_SOURCE[0]}")/lib/launcher.sh"
parse_launch_args "$@"
submit io.arabicnews.jobs.SqlJob "$DRIVER_MEMORY" "${MASTER:-local[2]}" "${JOB_ARGS[@]}"
