#!/usr/bin/env bash
# Shared launcher for the jobs/ scripts: builds the shaded jar if needed and submits a main class.
# With a real `spark-submit` on the PATH (or SPARK_HOME set) it uses it; otherwise it runs Spark's own
# SparkSubmit from the Maven classpath, with the --add-opens flags Spark needs on Java 17.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAR="$REPO_ROOT/target/arabic-news-analytics-0.1.0-SNAPSHOT.jar"
CLASSPATH_FILE="$REPO_ROOT/target/spark-classpath.txt"

JAVA_OPENS=(
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true
)

# Driver JVM flags for batch jobs (docs/deployment.md, "Driver JVM"): C2 compiles a method after
# 50,000 calls instead of 5,000-15,000. A short run on a few articles spent 38 of its 77 CPU seconds
# in C2 compiling methods it then hardly ran; long runs still compile their hot loops within
# seconds. JOB_JVM_TUNING replaces them (set it empty for the JVM's own defaults).
DEFAULT_JVM_TUNING="-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=20000
  -XX:Tier4CompileThreshold=60000 -XX:Tier4BackEdgeThreshold=400000"
# shellcheck disable=SC2206
JVM_TUNING=(${JOB_JVM_TUNING-$DEFAULT_JVM_TUNING})

# Build the jar (and the Spark classpath for local runs) when sources are newer than it.
ensure_built() {
  local newest
  newest=$(find "$REPO_ROOT/src/main" "$REPO_ROOT/pom.xml" -type f -newer "$JAR" 2>/dev/null | head -n 1 || true)
  if [[ ! -f "$JAR" || -n "$newest" ]]; then
    echo "building $JAR ..." >&2
    (cd "$REPO_ROOT" && mvn -q -B -DskipTests package) >&2
  fi
  if [[ ! -f "$CLASSPATH_FILE" || "$REPO_ROOT/pom.xml" -nt "$CLASSPATH_FILE" ]]; then
    (cd "$REPO_ROOT" && mvn -q -B dependency:build-classpath -Dmdep.includeScope=provided \
      -Dmdep.outputFile="$CLASSPATH_FILE") >&2
  fi
}

# submit <main class> <driver memory> <master or empty> [job args...]
submit() {
  local main_class="$1" driver_memory="$2" master="$3"
  shift 3
  ensure_built
  export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
  local master_args=()
  [[ -n "$master" ]] && master_args=(--master "$master")
  if [[ -z "${NO_SPARK_SUBMIT:-}" ]] && command -v spark-submit >/dev/null 2>&1; then
    exec spark-submit "${master_args[@]}" --driver-memory "$driver_memory" \
      --driver-java-options "${JAVA_OPENS[*]} ${JVM_TUNING[*]} ${JOB_JAVA_OPTS:-}" --class "$main_class" "$JAR" "$@"
  fi
  [[ ${#master_args[@]} -eq 0 ]] && master_args=(--master 'local[*]')
  # JOB_JAVA_OPTS: extra driver JVM flags, e.g. a JFR recording (see docs/benchmarks.md).
  # shellcheck disable=SC2206
  local extra=(${JOB_JAVA_OPTS:-})
  exec java -Xmx"$driver_memory" "${JAVA_OPENS[@]}" "${JVM_TUNING[@]}" "${extra[@]}" \
    -Dlog4j2.configurationFile="$REPO_ROOT/jobs/conf/log4j2.properties" \
    -cp "$(cat "$CLASSPATH_FILE")" org.apache.spark.deploy.SparkSubmit \
    "${master_args[@]}" --driver-memory "$driver_memory" --class "$main_class" "$JAR" "$@"
}

# Pulls --master and --driver-memory out of the job's arguments; the rest go to the job.
parse_launch_args() {
  MASTER="" DRIVER_MEMORY="${DRIVER_MEMORY:-2g}" JOB_ARGS=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --master) MASTER="$2"; shift 2 ;;
      --master=*) MASTER="${1#*=}"; shift ;;
      --driver-memory) DRIVER_MEMORY="$2"; shift 2 ;;
      --driver-memory=*) DRIVER_MEMORY="${1#*=}"; shift ;;
      *) JOB_ARGS+=("$1"); shift ;;
    esac
  done
}
