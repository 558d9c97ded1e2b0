#!/usr/bin/env bash
# Trains the Arabic name tagger on ANERcorp's train part and scores it on its dev part (no Spark):
#   jobs/train-ner.sh                                  # writes target/name-tagger.bin.gz, prints P/R/F1 and speed
#   jobs/train-ner.sh --model my-model.bin.gz --epochs 12
source "$(dirname "${BASH_SOURCE[0]}")/lib/launcher.sh"
ensure_built
exec java -Xmx3g -cp "$JAR:$(cat "$CLASSPATH_FILE")" io.arabicnews.jobs.TrainNameTaggerJob "$@"
