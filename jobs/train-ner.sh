#!/usr/bin/env bash
# Trains the Arabic name tagger on ANERcorp's train part and scores it on its dev part (no Spark):
#   jobs/train-ner.sh                                  # writes target/name-tagger.bin.gz, prints P/R/F1 and speed
#   jobs/train-ner.sh --model my-model.bin.gz --epochs 12
# Rebuilding the corpus labels reads an output root's sentences with a local Spark session:
#   jobs/train-ner.sh --corpus-tables <output root of egypt-news-2013> --corpus-labels my-corpus-labels.tsv.gz
source "$(dirname "${BASH_SOURCE[0]}")/lib/launcher.sh"
ensure_built
exec java -Xmx3g "${JAVA_OPENS[@]}" -cp "$JAR:$(cat "$CLASSPATH_FILE")" io.arabicnews.jobs.TrainNameTaggerJob "$@"
