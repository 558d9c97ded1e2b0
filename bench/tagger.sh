#!/usr/bin/env bash
# The name tagger's speed on one thread over the real corpus's sentences (no Spark): the tagger alone,
# and with what the entity pass adds (analyser words to tagger words and back).
#   bench/tagger.sh [corpus folder, default ../shared/corpora/egypt-news-2013] [articles, default 20000] [model file]
source "$(dirname "${BASH_SOURCE[0]}")/../jobs/lib/launcher.sh"
ensure_built
exec java -Xmx3g -cp "$JAR:$(cat "$CLASSPATH_FILE")" io.arabicnews.bench.TaggerBenchmark "${1:-../shared/corpora/egypt-news-2013}" "${@:2}"
