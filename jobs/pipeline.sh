#!/usr/bin/env bash
# The whole pipeline: ingest, then every analysis stage. --help lists the options.
#   jobs/pipeline.sh --input data --output output            (local[*], 2g driver)
#   jobs/pipeline.sh --input ../shared/corpora/egypt-news-2013 --output output/egypt --driver-memory 2g
#   jobs/pipeline.sh --master spark://host:7077 --input hdfs:///news --output hdfs:///news-out
source "$(dirname "${BASH_SOURCE[0]}")/lib/launcher.sh"
parse_launch_args "$@"
submit io.arabicnews.jobs.PipelineJob "$DRIVER_MEMORY" "$MASTER" "${JOB_ARGS[@]}"
