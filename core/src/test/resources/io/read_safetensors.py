"""Reads a safetensors file with the Python standard library only and prints a JSON summary.

This is what a PyTorch user without our code can do: 8-byte little-endian header length, JSON header,
little-endian float32 data. Prints {"tensors": {name: {"shape": [...], "sum": s, "first": v}},
"metadata_keys": [...], "spec_arch": ...}.
"""
import json
import struct
import sys


def main(path):
    with open(path, "rb") as f:
        blob = f.read()
    (n,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8:8 + n].decode("utf-8"))
    meta = header.pop("__metadata__", {})
    base = 8 + n
    out = {}
    for name, info in header.items():
        assert info["dtype"] == "F32", info
        begin, end = info["data_offsets"]
        values = struct.unpack("<%df" % ((end - begin) // 4), blob[base + begin:base + end])
        out[name] = {"shape": info["shape"], "sum": sum(values), "first": values[0] if values else None}
    spec = json.loads(meta["spec"]) if "spec" in meta else {}
    print(json.dumps({"tensors": out, "metadata_keys": sorted(meta), "spec_arch": spec.get("arch")}))


if __name__ == "__main__":
    main(sys.argv[1])
