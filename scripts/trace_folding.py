#!/usr/bin/env python3
"""Finds the Fashion-MNIST test images on which a trained model and its folded inference file disagree, and why.

The spike-driven runtime runs the inference file (ibra export): BatchNorm and 1/N folded into the weights. In exact
arithmetic that is the same function as the training file, but its float32 weights round differently, so a membrane
lying within float rounding of a half-step (V * N = k + 0.5) can round to a different count in the two forms. This
script runs both files with PyTorch (the reader of scripts/verify_model.py, nothing of ibra-snn), in float32, and for
each image whose predicted class differs it names the first neuron layer whose counts differ and the membranes V * N
that rounded differently there, in both forms. It prints one JSON object.

usage: /usr/bin/python3 scripts/trace_folding.py TRAINING.safetensors INFERENCE.safetensors [FASHION_MNIST_DIR]
"""
import json
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import verify_model  # noqa: E402  (the independent reader beside this script)

BATCH = 500
SHOWN = 4


class Form:
    """One model file, run with verify_model's network; optionally recording each neuron's V * N."""

    active = None  # the form whose neurons record, set before each run

    def __init__(self, path):
        meta, tensors = verify_model.read_safetensors(path)
        if meta.get("format") != "ibra-snn":
            sys.exit(path + ": not an ibra-snn model file")
        self.kind = meta["kind"]
        self.net = verify_model.Network(json.loads(meta["spec"]), tensors, self.kind)
        self.membranes = None

    def logits(self, images):
        with torch.no_grad():
            return torch.cat([self.net.forward(images[s:s + BATCH]) for s in range(0, len(images), BATCH)])

    def trace(self, image):
        """V * N and the largest count at every neuron layer for one image, in the order the layers run."""
        self.membranes = {}
        self.logits(image)
        traced, self.membranes = self.membranes, None
        return traced


def recording(call):
    """verify_model's neuron call, also keeping V * N of each integer neuron layer of the active form (per timestep)."""
    def record(neuron, x, state, key, t):
        form = Form.active
        if form is not None and form.membranes is not None and neuron.kind in ("ibra", "ilif", "iblif"):
            v = x if t == 0 else neuron.alpha * state[key] + x  # the membrane the neuron rounds
            form.membranes.setdefault(key if t == 0 else f"{key} t={t}", ((v * neuron.n).flatten(), neuron.max_count))
        return call(neuron, x, state, key, t)
    return record


def counts(vn, most):
    """The counts a neuron emits for membranes V * N: rounded to the nearest integer (half to even) and clipped."""
    return torch.clamp(torch.round(vn), 0, most)


def first_difference(a, b):
    """The first neuron layer whose counts differ between the two traces, with up to SHOWN membranes there."""
    for key, (va, most) in a.items():
        vb = b[key][0]
        where = (counts(va, most) != counts(vb, most)).nonzero().flatten()
        if len(where):
            return {"layer": key, "counts_differing": len(where),
                    "membranes": [{"index": int(i), "training_VN": float(va[i]), "inference_VN": float(vb[i])}
                                  for i in where[:SHOWN]]}
    return None


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    root = sys.argv[3] if len(sys.argv) > 3 else "/usr/share/datasets/fashion-mnist"
    training, inference = Form(sys.argv[1]), Form(sys.argv[2])
    if training.kind == inference.kind:
        sys.exit("expected a training file and its inference file, got two " + training.kind + " files")
    if training.kind == "inference":
        training, inference = inference, training
    images = torch.from_numpy(verify_model.read_idx(root + "/t10k-images-idx3-ubyte.gz").astype(np.float32) / 255)
    images = images.unsqueeze(1)
    labels = torch.from_numpy(verify_model.read_idx(root + "/t10k-labels-idx1-ubyte.gz").astype(np.int64))
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))
    verify_model.Neuron.__call__ = recording(verify_model.Neuron.__call__)
    predictions = {}
    for form in (training, inference):
        Form.active = form
        predictions[form.kind] = form.logits(images).argmax(1)
    differing = []
    for i in (predictions["training"] != predictions["inference"]).nonzero().flatten().tolist():
        traces = []
        for form in (training, inference):
            Form.active = form
            traces.append(form.trace(images[i:i + 1]))
        differing.append({"image": i, "label": int(labels[i]), "training": int(predictions["training"][i]),
                          "inference": int(predictions["inference"][i]),
                          "first_difference": first_difference(*traces)})
    print(json.dumps({"test_images": len(labels),
                      "training_correct": int((predictions["training"] == labels).sum()),
                      "inference_correct": int((predictions["inference"] == labels).sum()),
                      "differing": differing}, indent=1))


if __name__ == "__main__":
    main()
