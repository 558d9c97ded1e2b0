#!/usr/bin/env bash
# Learns the name tagger's word clusters from the sentences of an output root (Word2Vec + k-means):
#   jobs/pipeline.sh --input ../shared/corpora/egypt-news-2013 --output /tmp/eg ...   # then:
#   jobs/word-clusters.sh --tables /tmp/eg      # writes src/main/resources/io/arabicnews/entities/tagger/word-clusters.tsv.gz
source "$(dirname "${BASH_SOURCE[0]}")/lib/launcher.sh"
parse_launch_args "$@"
submit io.arabicnews.jobs.WordClustersJob "$DRIVER_MEMORY" "$MASTER" "${JOB_ARGS[@]}"
