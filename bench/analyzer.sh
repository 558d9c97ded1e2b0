#!/usr/bin/env bash
# The per-token analysis alone (ArabicTextAnalyzer.analyze), one thread, over the lines of the first
# articles of a corpus, several rounds: for comparing versions of the analyser, run alternately.
#   bench/analyzer.sh [corpus folder, default ../shared/corpora/egypt-news-2013] [articles, 20000] [rounds, 6]
source "$(dirname "${BASH_SOURCE[0]}")/../jobs/lib/launcher.sh"
ensure_built
exec java -Xmx2g -cp "$JAR:$(cat "$CLASSPATH_FILE")" io.arabicnews.bench.AnalyzerBenchmark \
  "${1:-$REPO_ROOT/../shared/corpora/egypt-news-2013}" "${2:-20000}" "${3:-6}"
