#!/usr/bin/env bash
# Installs the Debian packages ibra-snn needs, when missing and when we can (root + apt-get).
#   install-deps.sh run    -> what running the tool needs (Fashion-MNIST files, jemalloc)
#   install-deps.sh test   -> plus what the tests need (PyTorch for the reference/parity tests, Chromium
#                             to check that HTML reports render, python3-venv for the pycocotools venv that
#                             scripts/python-oracles.sh then makes)
set -euo pipefail
packages=(dataset-fashion-mnist libjemalloc2)
if [[ "${1:-run}" == test ]]; then
  packages+=(python3 python3-torch python3-numpy python3-venv chromium)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if (( ${#missing[@]} > 0 )) && [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
  echo "ibra: installing Debian packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
elif (( ${#missing[@]} > 0 )); then
  echo "ibra: missing Debian packages (${missing[*]}); install them with: sudo apt-get install ${missing[*]}" >&2
fi
if [[ "${1:-run}" == test ]]; then
  "$(dirname "${BASH_SOURCE[0]}")/python-oracles.sh" >/dev/null \
    || echo "ibra: could not make the Python oracle venv; the COCO parity test will fail" >&2
fi
