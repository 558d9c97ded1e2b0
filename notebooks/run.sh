#!/usr/bin/env bash
# Executes the reporting notebook headless and checks it: every cell runs, every chart renders.
#   notebooks/run.sh                 # runs the pipeline on data/ into target/notebook-output first
#   notebooks/run.sh output/egypt    # reports on an existing output root (must hold catalog.duckdb)
# Installs what it needs: Jupyter from Debian packages, the Java kernel and chart library from Maven Central.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
PY=/usr/bin/python3   # Debian's Python, where the Jupyter packages live

if ! $PY -c "import nbconvert, nbformat, ipykernel" 2>/dev/null || ! fc-list 2>/dev/null | grep -qi "Noto Sans Arabic"; then
  echo "notebook: installing Jupyter and Arabic fonts from Debian packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq >&2
  $SUDO apt-get install -y -q jupyter-nbconvert jupyter-core python3-nbformat python3-ipykernel fonts-noto-core >&2
fi

LIB="$REPO/target/notebook-lib"       # jars the notebook code uses
KERNEL_JAR="$REPO/target/notebook-kernel/rapaio-jupyter-kernel-3.0.1.jar"
if [[ ! -f "$KERNEL_JAR" ]]; then
  mvn -q -B dependency:copy -Dartifact=io.github.padreati:rapaio-jupyter-kernel:3.0.1 \
    -DoutputDirectory="$(dirname "$KERNEL_JAR")" >&2
fi
if [[ ! -f "$LIB/xchart-3.8.8.jar" ]]; then
  mkdir -p "$LIB"
  mvn -q -B dependency:copy-dependencies -DincludeScope=test -DoutputDirectory="$LIB" \
    -DincludeGroupIds=org.knowm.xchart,de.erichseifert.vectorgraphics2d,de.rototor.pdfbox,com.madgag,org.duckdb,org.apache.pdfbox,commons-logging >&2
fi

KERNELS="$REPO/target/jupyter/kernels/arabic-news-java"
mkdir -p "$KERNELS"
cat > "$KERNELS/kernel.json" <<JSON
{
  "argv": ["java", "-Djava.awt.headless=true", "-jar", "$KERNEL_JAR", "{connection_file}"],
  "display_name": "Java (arabic-news)",
  "language": "java",
  "interrupt_mode": "message",
  "env": {"RJK_CLASSPATH": "$LIB/*.jar", "RJK_TIMEOUT_MILLIS": "-1"}
}
JSON

OUT="${1:-}"
if [[ -z "$OUT" ]]; then
  OUT="$REPO/target/notebook-output"
  jobs/pipeline.sh --output "$OUT" --lda-topics 5 --lda-iterations 10 >&2
fi
OUT="$(cd "$OUT" && pwd)"
[[ -f "$OUT/catalog.duckdb" ]] || { echo "notebook: no catalog.duckdb in $OUT (run jobs/catalog.sh --output $OUT)" >&2; exit 2; }

RENDERED="$REPO/target/notebooks"
mkdir -p "$RENDERED"
export REPORT_OUTPUT="$OUT" REPORT_PNG_DIR="$RENDERED"
# The Java kernel starts in about a second. Now and then it never answers on its shell channel (seen
# once in CI, right after the cluster tests: the kernel logged every channel's binding but the shell
# one); a fresh kernel gets fresh random ports, so a start that hangs is retried, up to 3 times.
for attempt in 1 2 3; do
  if JUPYTER_PATH="$REPO/target/jupyter" $PY -m jupyter nbconvert --to notebook --execute notebooks/reporting.ipynb \
      --ExecutePreprocessor.kernel_name=arabic-news-java --ExecutePreprocessor.timeout=600 \
      --ExecutePreprocessor.startup_timeout=60 \
      --output-dir "$RENDERED" --output reporting.executed >"$RENDERED/nbconvert.log" 2>&1; then
    cat "$RENDERED/nbconvert.log" >&2
    break
  fi
  cat "$RENDERED/nbconvert.log" >&2
  if [[ $attempt -eq 3 ]] || ! grep -q "Kernel didn't respond" "$RENDERED/nbconvert.log"; then
    echo "notebook: 0 passed, 1 failed (nbconvert, attempt $attempt)" >&2
    exit 1
  fi
  echo "notebook: the kernel did not start (attempt $attempt); retrying with a fresh kernel" >&2
done

$PY - "$RENDERED/reporting.executed.ipynb" <<'PYCHECK'
import json, sys
nb = json.load(open(sys.argv[1]))
errors, images = [], 0
for i, cell in enumerate(nb["cells"]):
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error" or (out.get("name") == "stderr" and "Exception" in "".join(out.get("text", ""))):
            errors.append(f"cell {i}: {out.get('ename', '')} {out.get('evalue', '')} {''.join(out.get('text', ''))[:300]}")
        if "image/png" in out.get("data", {}):
            images += 1
if errors or images < 5:
    print("notebook: 0 passed, 1 failed"); print("\n".join(errors) or f"only {images} charts rendered"); sys.exit(1)
print(f"notebook: {images} charts rendered")
print("notebook: 1 passed, 0 failed")
PYCHECK
