#!/usr/bin/env bash
# Makes the Python virtual environment the oracle tests run (pycocotools 2.0.11 and numpy, for the COCO
# evaluation parity test) and prints its interpreter's path. Idempotent: quick when the venv is already good.
#   python-oracles.sh            -> venv at $IBRA_VENV, default ~/.cache/ibra-snn/venv
# pip reads the machine's configuration (`pip config list`), so a local wheel index works offline.
set -euo pipefail
venv="${IBRA_VENV:-$HOME/.cache/ibra-snn/venv}"
python=/usr/bin/python3
check='import importlib.metadata as m, numpy, pycocotools.cocoeval; assert m.version("pycocotools") == "2.0.11"'
mkdir -p "$(dirname "$venv")"
exec 9>"$venv.lock"
flock 9
if ! "$venv/bin/python" -c "$check" 2>/dev/null; then
  echo "ibra: making the Python oracle venv $venv (pycocotools 2.0.11, numpy)" >&2
  rm -rf "$venv"
  "$python" -m venv "$venv" >&2 || { echo "ibra: $python -m venv failed: apt-get install python3-venv" >&2; exit 1; }
  "$venv/bin/pip" install -q pycocotools==2.0.11 numpy >&2
  "$venv/bin/python" -c "$check"
fi
echo "$venv/bin/python"
