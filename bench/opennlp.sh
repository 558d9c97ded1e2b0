#!/usr/bin/env bash
# Apache OpenNLP's name finder beside ours on ANERcorp train -> dev: default features (maxent,
# perceptron), the perceptron with our features, and the shipped tagger; P/R/F1 and tokens/s on one
# thread. A few minutes (OpenNLP's training). No Spark.
#   bench/opennlp.sh [anercorp folder, default ../shared/corpora/anercorp]
source "$(dirname "${BASH_SOURCE[0]}")/../jobs/lib/launcher.sh"
ensure_built
exec java -Xmx4g -cp "$JAR:$(cat "$CLASSPATH_FILE")" io.arabicnews.bench.OpenNlpComparison "$@"
