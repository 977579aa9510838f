#!/usr/bin/env bash
# Training throughput of a detector (ARCH, default spikeyolo-pico-conv): ibra-snn (DJL + libtorch 2.7.1) and PyTorch
# 1.13 (Debian python3-torch) on the same network (PyTorch rebuilds it from the spec in ibra-snn's model file), neuron
# (IBRA-LIF D=5.11 N=100 T=1, or ReLU), batch 64 and 2 threads, measured in one run. Prints images/s for both and
# the ratio. ibra-snn trains two epochs of IMAGES scenes (recipe detect: AdamW, YOLOv8 loss, random shifts and
# flips) and reports the second epoch's images_per_second from metrics.json (training images / training seconds;
# the per-epoch evaluation is not in it). PyTorch times zero_grad + forward + the same YOLOv8 loss (the parity
# reference's, float32) + backward + AdamW on one cached random batch, after 5 warm-up steps.
# Scenes: $SCENES (a COCO set from ibra data make-detection) with --train-limit IMAGES, else IMAGES train and 64
# test scenes made in a temporary directory. Usage: bench/detect-train-speed.sh [ibra|ann] [images] [arch]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NEURON="${1:-ibra}"
IMAGES="${2:-1280}"
ARCH="${3:-spikeyolo-pico-conv}"
BATCH=64
THREADS=2
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
export OMP_NUM_THREADS=$THREADS
SCENES_DIR="${SCENES:-}"
if [ -z "$SCENES_DIR" ]; then
  SCENES_DIR="$OUT/scenes"
  "$ROOT/ibra" data make-detection --out "$SCENES_DIR" --train-scenes "$IMAGES" --test-scenes 64 >/dev/null 2>&1
fi
"$ROOT/ibra" train --task detect --arch "$ARCH" --neuron "$NEURON" --epochs 2 --batch $BATCH --train-limit "$IMAGES" \
  --root "$SCENES_DIR" --out "$OUT/run" >/dev/null 2>&1
OURS=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["epochs"][-1]["images_per_second"])' "$OUT/run/metrics.json")
THEIRS_JSON=$(/usr/bin/python3 "$ROOT/bench/torch_detect_train_speed.py" --model "$OUT/run/model.safetensors" \
  --batch $BATCH --batches $((IMAGES / BATCH)) --threads $THREADS)
python3 - "$ARCH" "$NEURON" "$OURS" "$THEIRS_JSON" <<'PY'
import json, sys
arch, neuron, ours, theirs = sys.argv[1], sys.argv[2], float(sys.argv[3]), json.loads(sys.argv[4])
# Quoted in the issue for context, not measured by this script.
REFERENCE = "plain ReLU PyTorch detector, 96 M MACs, 4.3 M parameters: ~460 images/s on these 2 cores"
t = theirs["images_per_second"]
print(f"{arch} ({theirs['parameters'] / 1e6:.2f} M parameters, {theirs['macs_per_image'] / 1e6:.1f} M MACs "
      f"per image), neuron={neuron}, batch {theirs['batch']}, {theirs['threads']} threads")
print(f"  ibra-snn (DJL 0.35.1, libtorch 2.7.1): {ours:8.1f} images/s (scenes, with augmentation, YOLOv8 loss)")
print(f"  PyTorch 1.13 (python3-torch):          {t:8.1f} images/s (one cached random batch, YOLOv8 loss)")
print(f"  ratio ibra-snn / PyTorch:              {ours / t:8.2f}")
print(f"  reference (quoted, not measured):      {REFERENCE}")
PY
