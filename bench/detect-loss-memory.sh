#!/usr/bin/env bash
# Resident memory of the YOLOv8 detection loss alone (DetectionLossMemory: spikeyolo-pico's outputs for batches of 64
# scenes with 4 boxes each, one NDManager per batch, on a 1 GiB heap pre-touched to its maximum so that any growth is
# native), under four allocators in one run: jemalloc as ./ibra configures it (one arena, decay off), the same with
# jemalloc's default number of arenas, jemalloc with its default decay, and glibc's malloc. Prints the resident size
# every EVERY batches and the growth per batch for each.
# Usage: bench/detect-loss-memory.sh [BATCHES] [EVERY]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BATCHES="${1:-1400}"
EVERY="${2:-200}"
source "$ROOT/scripts/jdk.sh"
(cd "$ROOT" && ./mvnw -q -B -ntp -DskipTests package -pl bench -am) >&2
source "$ROOT/scripts/jemalloc.sh"
[[ -f "$JEMALLOC" ]] || { echo "bench: needs Debian libjemalloc2 ($JEMALLOC)" >&2; exit 2; }
export OMP_NUM_THREADS=1
run() {
  echo "== $1"
  env ${2:+LD_PRELOAD="$JEMALLOC"} ${2:+MALLOC_CONF="$2"} "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
    -Dai.djl.offline=true -XX:MaxDirectMemorySize=256m -Xms1g -Xmx1g -XX:+AlwaysPreTouch \
    -cp "$ROOT/bench/target/ibra-bench.jar:$ROOT/bench/target/lib/*" org.ibrasnn.bench.DetectionLossMemory \
    "$BATCHES" "$EVERY" 2>/dev/null
}
run "jemalloc as ./ibra runs it ($JEMALLOC_CONF)" "$JEMALLOC_CONF"
run "jemalloc, decay off, its default arenas" "dirty_decay_ms:-1,muzzy_decay_ms:-1"
run "jemalloc, default decay" "dirty_decay_ms:10000,muzzy_decay_ms:0"
run "glibc malloc" ""
