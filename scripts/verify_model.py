#!/usr/bin/env python3
"""Checks an ibra-snn model file's test accuracy on Fashion-MNIST without ibra-snn.

An independent reader: it parses the safetensors file with the standard library, rebuilds the network
from the spec in its __metadata__ (a graph of nodes, or format 1's layer list) with PyTorch (Debian's python3-torch), runs the training-time integer
neuron (DESIGN.md section 1) in inference mode (on a training file; an inference file's folded weights take
the integer counts), and prints the top-1 accuracy on the 10000 test images.
Only the file and the dataset are read.

usage: /usr/bin/python3 scripts/verify_model.py MODEL.safetensors [FASHION_MNIST_DIR]
"""
import gzip
import json
import struct
import sys

import numpy as np
import torch
import torch.nn.functional as F

DTYPES = {"F32": np.float32}


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (size,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + size])
    meta = header.pop("__metadata__", {})
    body = data[8 + size:]
    tensors = {}
    for name, t in header.items():
        start, end = t["data_offsets"]
        values = np.frombuffer(body[start:end], dtype=DTYPES[t["dtype"]]).reshape(t["shape"])
        tensors[name] = torch.from_numpy(values.copy())
    return meta, tensors


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


class Neuron:
    """The activation of the spec: ReLU, LIF, or the integer neuron S = clip(rint(V * N), 0, D * N)."""

    def __init__(self, a, counts):
        self.kind = a["kind"]
        self.counts = counts
        self.alpha = a.get("alpha", 0.25)
        if self.kind == "ibra":
            self.n, self.max_count = a["N"], round(a["D"] * a["N"])
        elif self.kind == "ilif":
            self.n, self.max_count = 1, a["D"]
        elif self.kind == "iblif":
            self.n, self.max_count = 1, 2 ** a["bits"] - 1
        elif self.kind == "lif":
            self.threshold, self.soft = a["threshold"], a["reset"] == "SOFT"

    def __call__(self, x, state, key, t):
        if self.kind == "ann":
            return torch.relu(x)
        v = x if t == 0 else self.alpha * state[key] + x
        if self.kind == "lif":
            s = (v >= self.threshold).float()
            state[key] = v - self.threshold * s if self.soft else v * (1 - s)
            return s
        s = torch.clamp(torch.round(v * self.n), 0, self.max_count)
        state[key] = v - s / self.n
        return s if self.counts else s / self.n


class Network:
    """The spec's graph (format 2: named nodes with inputs) or layer list (format 1), run with PyTorch."""

    def __init__(self, spec, tensors, kind):
        self.spec, self.w = spec, tensors
        # an inference file has 1/N folded into the weights after each neuron, which then emits the count S
        self.counts = kind == "inference"
        self.neuron = Neuron(spec["activation"], self.counts)

    def op(self, l, xs, state, t):
        kind, x = l["type"], xs[0]
        if kind == "conv":
            return F.conv2d(x, self.w[l["name"] + ".weight"], self.w.get(l["name"] + ".bias") if l["bias"] else None,
                            stride=l["stride"], padding=l["padding"], groups=l.get("groups", 1))
        if kind == "batchnorm":
            n = l["name"]
            return F.batch_norm(x, self.w[n + ".running_mean"], self.w[n + ".running_var"], self.w[n + ".weight"],
                                self.w[n + ".bias"], training=False, eps=l["eps"])
        if kind == "neuron":
            neuron = Neuron(l["activation"], self.counts) if "activation" in l else self.neuron
            return neuron(x, state, l["name"], t)
        if kind == "maxpool":
            return F.max_pool2d(x, l["kernel"], l["stride"], l["padding"])
        if kind == "global_avg_pool":
            return x.mean(dim=(2, 3))
        if kind == "flatten":
            return x.flatten(1)
        if kind == "linear":
            return F.linear(x, self.w[l["name"] + ".weight"], self.w.get(l["name"] + ".bias") if l["bias"] else None)
        if kind == "add":
            total = xs[0]
            for other in xs[1:]:
                total = total + other
            return total
        if kind == "concat":
            return torch.cat(xs, dim=1)
        if kind == "upsample":
            return F.interpolate(x, scale_factor=l["scale"], mode="nearest")
        raise ValueError("unknown op type " + kind)

    def graph(self, x, state, t):
        values = {"input": x}
        for node in self.spec["nodes"]:
            values[node["name"]] = self.op(node, [values[i] for i in node["inputs"]], state, t)
        return values[self.spec["outputs"][0]]

    def layers(self, layers, x, state, t):
        for l in layers:
            if l["type"] == "residual":
                s = self.neuron(x, state, l["entry"], t)
                body = self.layers(l["body"], s, state, t)
                x = body + (self.layers(l["projection"], s, state, t) if l["projection"] else x)
            else:
                x = self.op(l, [x], state, t)
        return x

    def forward(self, images):
        frames = self.spec.get("input_frames", 1)
        steps = frames if frames > 1 else self.spec["activation"].get("T", 1)
        per_frame = images.shape[1] // frames
        state, total = {}, 0
        for t in range(steps):
            x = images[:, t * per_frame:(t + 1) * per_frame] if frames > 1 else images
            out = self.graph(x, state, t) if "nodes" in self.spec else self.layers(self.spec["layers"], x, state, t)
            total = total + out
        return total / steps


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    model = sys.argv[1]
    root = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/datasets/fashion-mnist"
    meta, tensors = read_safetensors(model)
    if meta.get("format") != "ibra-snn":
        sys.exit(model + ": not an ibra-snn model file")
    spec = json.loads(meta["spec"])
    images = torch.from_numpy(read_idx(root + "/t10k-images-idx3-ubyte.gz").astype(np.float32) / 255).unsqueeze(1)
    labels = torch.from_numpy(read_idx(root + "/t10k-labels-idx1-ubyte.gz").astype(np.int64))
    torch.set_num_threads(2)
    net, correct = Network(spec, tensors, meta["kind"]), 0
    with torch.no_grad():
        for start in range(0, len(labels), 500):
            logits = net.forward(images[start:start + 500])
            correct += int((logits.argmax(1) == labels[start:start + 500]).sum())
    print(json.dumps({"model": model, "arch": spec["arch"], "activation": spec["activation"], "kind": meta["kind"],
                      "test_images": len(labels), "correct": correct, "test_accuracy": correct / len(labels)}))


if __name__ == "__main__":
    main()
