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
# A local run of the pipeline or ingest on at most this much input text compiles with C1 only: the
# seeds ran in 22-26 s instead of 27-35 s, 2,000 articles (4.9 MB) in 42-45 s instead of 49-50 s,
# but 8,000 articles (19 MB) took 83-87 s instead of 72-74 s, so larger inputs keep C2.
SMALL_INPUT_JVM_TUNING="-XX:TieredStopAtLevel=1"
SMALL_INPUT_MAX_BYTES=$((5 * 1024 * 1024))

# input_text_bytes <path>: bytes under a local file or folder, compressed files (gzip, bzip2, zstd,
# Parquet) counted at 4 times their size as SmallRuns.java does; prints nothing for a remote path.
input_text_bytes() {
  local path="${1#file://}"
  [[ "$path" == *://* || ! -e "$path" ]] && return 0
  find -L "$path" -type f -printf '%s %f\n' 2>/dev/null |
    awk '{ n = tolower($2); s += (n ~ /\.(gz|bz2|zst|parquet)$/) ? 4 * $1 : $1 } END { printf "%d\n", s }'
}

# jvm_tuning <main class> <master> [job args...]: sets JVM_TUNING for this run.
jvm_tuning() {
  local main_class="$1" master="$2" input="" bytes=""
  shift 2
  if [[ -n "${JOB_JVM_TUNING+set}" ]]; then
    # shellcheck disable=SC2206
    JVM_TUNING=(${JOB_JVM_TUNING})
    return
  fi
  # shellcheck disable=SC2206
  JVM_TUNING=($DEFAULT_JVM_TUNING)
  case "$main_class" in *.PipelineJob | *.IngestJob) input=data ;; *) return ;; esac
  [[ -z "$master" || "$master" == local* ]] || return 0
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --input) input="${2:-}"; shift 2 || shift ;;
      --input=*) input="${1#*=}"; shift ;;
      --config | --config=*) return ;; # the input may be in the file: keep C2
      # An append computes the new articles and the archive's aggregate tables: keep C2 however small
      # the input (bench: a 4.2 MB day onto egypt-news-2013 took 128 s with C2, 149 s with C1 only).
      --mode) [[ "${2:-}" == append ]] && return; shift ;;
      --mode=append) return ;;
      *) shift ;;
    esac
  done
  bytes=$(input_text_bytes "$input")
  if [[ -n "$bytes" && "$bytes" -le $SMALL_INPUT_MAX_BYTES ]]; then
    # shellcheck disable=SC2206
    JVM_TUNING=($SMALL_INPUT_JVM_TUNING)
  fi
}

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

# Class data sharing for local runs (docs/deployment.md, "Driver JVM"): the second local run with a
# JVM and classpath writes the classes it loaded (Spark, Hadoop, Parquet, ...) into an archive under
# target/jvm-classes/, and later runs map it instead of finding, reading and verifying each class in
# some 300 jars: the seed pipeline ran about 9 s faster (28-30 s against 38 s). Writing the archive
# costs its run about 30 s, so the first run, perhaps the only one, does not.
# JOB_CLASS_SHARING=off runs without it; =write writes it on this run if there is none.
CLASS_ARCHIVE_DIR="$REPO_ROOT/target/jvm-classes"

# class_archive: the archive's path for this JVM and classpath (a JVM maps only an archive written by
# the same JVM build over the same jars).
class_archive() {
  local java_bin
  java_bin="$(readlink -f "$(command -v java)")"
  echo "$CLASS_ARCHIVE_DIR/$({ echo "$java_bin"; stat -c %Y "$java_bin"; cat "$CLASSPATH_FILE"; } | cksum | cut -d ' ' -f 1).jsa"
}

# class_sharing: sets CLASS_SHARING (the JVM flags) and CLASS_ARCHIVE_WRITTEN (the archive this run writes, if any).
class_sharing() {
  CLASS_SHARING=() CLASS_ARCHIVE_WRITTEN=""
  local mode="${JOB_CLASS_SHARING:-on}" archive
  [[ "$mode" == off ]] && return 0
  archive="$(class_archive)"
  if [[ -f "$archive" ]]; then
    CLASS_SHARING=(-XX:SharedArchiveFile="$archive")
    return 0
  fi
  mkdir -p "$CLASS_ARCHIVE_DIR" 2>/dev/null || return 0
  if [[ "$mode" != write && ! -f "$archive.first-run" ]]; then
    touch "$archive.first-run"
    return 0
  fi
  # A JVM that cannot write the archive at exit fails with an error, whatever the job did: write only
  # with room for it (about 180 MB) to spare.
  [[ -w "$CLASS_ARCHIVE_DIR" && "$(df -Pk "$CLASS_ARCHIVE_DIR" | awk 'NR == 2 {print $4}')" -gt 1048576 ]] || return 0
  CLASS_ARCHIVE_WRITTEN="$archive.$$.tmp"
  # The JVM warns about every class it cannot archive (generated, signed): not the job's output.
  CLASS_SHARING=(-XX:ArchiveClassesAtExit="$CLASS_ARCHIVE_WRITTEN" -Xlog:cds=off -Xlog:cds+dynamic=off)
}

# ensure_class_archive: writes the archive now (a pipeline run on data/, about a minute) unless there
# is one, so that timed runs (bench/) measure what a user's later runs do.
ensure_class_archive() {
  ensure_built
  [[ "${JOB_CLASS_SHARING:-on}" == off || -f "$(class_archive)" ]] && return 0
  local out
  out="$(mktemp -d /tmp/class-archive-run.XXXXXX)"
  echo "writing the JVM class archive (docs/deployment.md, \"Driver JVM\") ..." >&2
  JOB_CLASS_SHARING=write "$REPO_ROOT/jobs/pipeline.sh" --input "$REPO_ROOT/data" --output "$out/tables" \
    > "$out/run.log" 2>&1 || { tail -20 "$out/run.log" >&2; rm -rf "$out"; return 1; }
  rm -rf "$out"
}

# submit <main class> <driver memory> <master or empty> [job args...]
submit() {
  local main_class="$1" driver_memory="$2" master="$3"
  shift 3
  ensure_built
  jvm_tuning "$main_class" "$master" "$@"
  export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
  local master_args=()
  [[ -n "$master" ]] && master_args=(--master "$master")
  # Spark draws its progress bars on stderr: only when the output is a terminal, never into a log file.
  local progress=false
  [[ -t 1 && -t 2 ]] && progress=true
  local progress_args=(--conf "spark.ui.showConsoleProgress=$progress")
  if [[ -z "${NO_SPARK_SUBMIT:-}" ]] && command -v spark-submit >/dev/null 2>&1; then
    exec spark-submit "${master_args[@]}" "${progress_args[@]}" --driver-memory "$driver_memory" \
      --driver-java-options "${JAVA_OPENS[*]} ${JVM_TUNING[*]} ${JOB_JAVA_OPTS:-}" --class "$main_class" "$JAR" "$@"
  fi
  [[ ${#master_args[@]} -eq 0 ]] && master_args=(--master 'local[*]')
  # JOB_JAVA_OPTS: extra driver JVM flags, e.g. a JFR recording (see docs/benchmarks.md).
  # shellcheck disable=SC2206
  local extra=(${JOB_JAVA_OPTS:-})
  class_sharing
  local command=(java -Xmx"$driver_memory" "${JAVA_OPENS[@]}" "${JVM_TUNING[@]}" "${CLASS_SHARING[@]}" "${extra[@]}"
    -Dlog4j2.configurationFile="$REPO_ROOT/jobs/conf/log4j2.properties"
    -cp "$(cat "$CLASSPATH_FILE")" org.apache.spark.deploy.SparkSubmit
    "${master_args[@]}" "${progress_args[@]}" --driver-memory "$driver_memory" --class "$main_class" "$JAR" "$@")
  [[ -n "$CLASS_ARCHIVE_WRITTEN" ]] || exec "${command[@]}"
  # This run writes the archive at exit, under a name of its own; only a run that ended well puts it in place.
  local status=0
  "${command[@]}" || status=$?
  if [[ $status -eq 0 && -s "$CLASS_ARCHIVE_WRITTEN" ]]; then
    mv -f "$CLASS_ARCHIVE_WRITTEN" "${CLASS_ARCHIVE_WRITTEN%.*.tmp}"
    rm -f "${CLASS_ARCHIVE_WRITTEN%.*.tmp}.first-run"
  else
    rm -f "$CLASS_ARCHIVE_WRITTEN"
  fi
  exit "$status"
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
