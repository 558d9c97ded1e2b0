#!/usr/bin/env bash
# Runs the whole test suite (unit, Spark, end-to-end). Needs only Java 17 and Maven; Maven fetches
# everything else. Usage: ./test.sh [extra Maven args, e.g. -Dtest=IngestJobTest]
set -euo pipefail
cd "$(dirname "$0")"
export SPARK_LOCAL_IP=127.0.0.1
exec mvn -B -ntp verify "$@"
