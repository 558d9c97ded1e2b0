#!/usr/bin/env bash
# The whole test suite: unit and Spark tests (Surefire), the standalone-cluster test (Failsafe, after
# the shaded jar is built), then the reporting notebook executed headless on the sample output.
# Needs Java 17 and Maven; the scripts install the rest (Jupyter from Debian, jars from Maven Central).
#   ./test.sh                       # everything, as CI runs it
#   ./test.sh -Dtest=IngestJobTest -Dit.test=none -Dfailsafe.failIfNoSpecifiedTests=false   # one class, no notebook
set -euo pipefail
cd "$(dirname "$0")"
export SPARK_LOCAL_IP=127.0.0.1
mvn -B -ntp verify "$@"
if [[ $# -eq 0 ]]; then
  notebooks/run.sh
fi
