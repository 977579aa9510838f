#!/usr/bin/env bash
# Spike-driven runtime vs DJL dense inference of the same trained model, in one run: batch-1 latency,
# batch-64 throughput, throughput vs firing rate; then the size and start-up time of an inference-only
# application (runtime + core + Gson) against one that loads DJL and libtorch.
# Usage: bench/runtime-vs-djl.sh RUN_DIR/model.safetensors [REPEATS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODEL="${1:?usage: bench/runtime-vs-djl.sh TRAINING_MODEL_FILE [REPEATS]}"
source "$ROOT/scripts/jdk.sh"
(cd "$ROOT" && ./mvnw -q -B -ntp -DskipTests package -pl bench -am) >&2
LIB="$ROOT/bench/target/lib"
JAVA=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true --add-modules jdk.incubator.vector)
FULL="$ROOT/bench/target/ibra-bench.jar:$LIB/*"
"${JAVA[@]}" -cp "$FULL" org.ibrasnn.bench.RuntimeVsDjl "$MODEL" "${2:-200}"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
"$ROOT/ibra" export --model "$MODEL" --out "$TMP/inference.safetensors" >/dev/null
RUNTIME_ONLY="$ROOT/bench/target/ibra-bench.jar:$(ls "$LIB"/ibra-core-*.jar):$(ls "$LIB"/ibra-runtime-*.jar):$(ls "$LIB"/gson-*.jar)"
size() { du -cb "$@" | tail -1 | cut -f1; }
RT_BYTES=$(size "$LIB"/ibra-core-*.jar "$LIB"/ibra-runtime-*.jar "$LIB"/gson-*.jar)
ALL_BYTES=$(size "$LIB"/*.jar)
NATIVE_DIR="$HOME/.djl.ai/pytorch"
NATIVE_BYTES=$( [[ -d "$NATIVE_DIR" ]] && du -sb "$NATIVE_DIR" | cut -f1 || echo 0)
timed() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
rt=(); dj=()
for i in 1 2 3 4 5; do
  rt+=("$(timed "${JAVA[@]}" -cp "$RUNTIME_ONLY" org.ibrasnn.bench.RuntimeOnlyStartup "$TMP/inference.safetensors")")
  dj+=("$(timed "${JAVA[@]}" -cp "$FULL" org.ibrasnn.bench.DjlStartup "$MODEL")")
done
median() { printf '%s\n' "$@" | sort -n | sed -n 3p; }
RT_MS=$(median "${rt[@]}"); DJ_MS=$(median "${dj[@]}")
echo "inference-only application: runtime+core+gson jars $((RT_BYTES / 1024)) KiB vs with DJL $((ALL_BYTES / 1048576)) MiB of jars (+ $((NATIVE_BYTES / 1048576)) MiB of extracted libtorch)"
echo "start-up to first prediction (median of 5 JVM runs): runtime-only ${RT_MS} ms, DJL ${DJ_MS} ms -> ratio $(python3 -c "print(round($DJ_MS / $RT_MS, 2))")"
