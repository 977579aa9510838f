#!/usr/bin/env bash
# Training throughput of ibra-snn (DJL + libtorch 2.7.1) and PyTorch 1.13 (Debian python3-torch) on the
# same model (resnet-tiny), neuron (IBRA-LIF D=5.11 N=100, or ReLU), batch and thread count, measured in
# one run. Prints images/s for both and the ratio. Both sides leave out their warm-up (first batches: libtorch
# picks its kernels, the JIT compiles): PyTorch times the batches after the first 5, ibra-snn trains two
# epochs of IMAGES and reports the second. Usage: bench/train-speed.sh [ibra|ann] [images]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NEURON="${1:-ibra}"
IMAGES="${2:-25600}"
BATCH=128
THREADS=2
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
export OMP_NUM_THREADS=$THREADS
"$ROOT/ibra" train --arch resnet-tiny --neuron "$NEURON" --epochs 2 --batch $BATCH --train-limit "$IMAGES" \
  --out "$OUT/run" >/dev/null 2>&1
OURS=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["epochs"][-1]["images_per_second"])' "$OUT/run/metrics.json")
THEIRS=$(/usr/bin/python3 "$ROOT/bench/torch_train_speed.py" --neuron "$NEURON" --batch $BATCH \
  --batches $((IMAGES / BATCH)) --threads $THREADS | python3 -c 'import json,sys; print(json.load(sys.stdin)["images_per_second"])')
python3 - "$NEURON" "$OURS" "$THEIRS" <<'PY'
import sys
neuron, ours, theirs = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
print(f"resnet-tiny, neuron={neuron}, batch 128, 2 threads")
print(f"  ibra-snn (DJL 0.35.1, libtorch 2.7.1): {ours:8.1f} images/s (real Fashion-MNIST, with augmentation)")
print(f"  PyTorch 1.13 (python3-torch):          {theirs:8.1f} images/s (one cached random batch)")
print(f"  ratio ibra-snn / PyTorch:              {ours / theirs:8.2f}")
PY
