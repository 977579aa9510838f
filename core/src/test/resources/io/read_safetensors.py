"""Reads a safetensors file with the Python standard library only and prints a JSON summary.

This is what a PyTorch user without our code can do: 8-byte little-endian header length, JSON header,
little-endian float32 data. Prints {"tensors": {name: {"shape": [...], "sum": s, "first": v}},
"metadata_keys": [...], "spec_arch": ...}.
"""
import json
import struct
import sys


def read(path):
    """Returns ({name: (shape, tuple of float32 values)}, metadata) for an all-F32 safetensors file."""
    with open(path, "rb") as f:
        blob = f.read()
    (n,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8:8 + n].decode("utf-8"))
    meta = header.pop("__metadata__", {})
    base = 8 + n
    tensors = {}
    for name, info in header.items():
        assert info["dtype"] == "F32", info
        begin, end = info["data_offsets"]
        tensors[name] = (info["shape"], struct.unpack("<%df" % ((end - begin) // 4), blob[base + begin:base + end]))
    return tensors, meta


def main(path):
    tensors, meta = read(path)
    out = {}
    for name, (shape, values) in tensors.items():
        out[name] = {"shape": shape, "sum": sum(values), "first": values[0] if values else None}
    spec = json.loads(meta["spec"]) if "spec" in meta else {}
    print(json.dumps({"tensors": out, "metadata_keys": sorted(meta), "spec_arch": spec.get("arch")}))


if __name__ == "__main__":
    main(sys.argv[1])
