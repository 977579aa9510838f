"""PyTorch side of the detector training-speed comparison (bench only; Debian's python3-torch).

Builds the network of an ibra-snn model file from the spec in its __metadata__ (the graph: conv, batchnorm,
neuron, maxpool, add, concat, upsample nodes, read as scripts/verify_model.py reads them) with fresh weights,
ReLU or the straight-through integer neuron of the parity reference (CountingSpike: IBRA-LIF, I-LIF), BatchNorm
in training mode (checked to hold exactly the file's tensors, name for name and shape for shape), and trains it on one cached random batch: 64x64 images in [0, 1) with 1-4 random boxes of
16-48 px each. Each timed step is zero_grad, forward, loss, backward and an AdamW step (lr 6e-2, weight decay
1e-2, as the detect recipe). The loss is the YOLOv8 loss of the parity reference (task-aligned assignment,
BCE, CIoU, DFL) in float32, or with --loss sum the sum of the outputs. Prints one JSON line with images/s
(median over windows of 10 steps after 5 warm-up steps), the parameters and the MACs per image.

Usage: torch_detect_train_speed.py --model MODEL.safetensors [--batch 64] [--batches 40] [--threads 2]
       [--loss yolo|sum]
"""
import argparse
import json
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "../integration/src/test/resources/parity"))
sys.path.insert(0, os.path.join(HERE, "../scripts"))
from detection_loss_reference import detection_loss  # noqa: E402
from torch_reference import CountingSpike  # noqa: E402
from torch_timing import median_images_per_second  # noqa: E402
from verify_model import read_safetensors  # noqa: E402


class Neuron(nn.Module):
    """ReLU, or S / N with S = clip(rint(V * N), 0, D * N) and the straight-through gradient on [0, D] (T = 1)."""

    def __init__(self, a):
        super().__init__()
        self.kind = a["kind"]
        if self.kind == "ibra":
            self.d, self.n = a["D"], a["N"]
        elif self.kind == "ilif":
            self.d, self.n = a["D"], 1
        elif self.kind != "ann":
            raise ValueError("neuron " + self.kind + " is not benchmarked")
        if a.get("T", 1) != 1:
            raise ValueError("only T = 1 is benchmarked")

    def forward(self, x):
        if self.kind == "ann":
            return torch.relu(x)
        return CountingSpike.apply(x, self.d, float(self.n), float(round(self.d * self.n)))


class Network(nn.Module):
    """The spec's graph with one module per conv, batchnorm and neuron node; returns the outputs in order."""

    def __init__(self, spec):
        super().__init__()
        self.nodes, self.outputs = spec["nodes"], spec["outputs"]
        self.ops = nn.ModuleDict()
        for n in self.nodes:
            key = n["name"].replace(".", "_")
            if n["type"] == "conv":
                self.ops[key] = nn.Conv2d(n["in"], n["out"], n["kernel"], n["stride"], n["padding"],
                                          groups=n.get("groups", 1), bias=n["bias"])
            elif n["type"] == "batchnorm":
                self.ops[key] = nn.BatchNorm2d(n["channels"], eps=n["eps"])
            elif n["type"] == "neuron":
                self.ops[key] = Neuron(n.get("activation", spec["activation"]))

    def forward(self, x):
        values = {"input": x}
        for n in self.nodes:
            xs = [values[i] for i in n["inputs"]]
            kind = n["type"]
            if kind in ("conv", "batchnorm", "neuron"):
                y = self.ops[n["name"].replace(".", "_")](xs[0])
            elif kind == "maxpool":
                y = F.max_pool2d(xs[0], n["kernel"], n["stride"], n["padding"])
            elif kind == "add":
                y = sum(xs[1:], xs[0])
            elif kind == "concat":
                y = torch.cat(xs, dim=1)
            elif kind == "upsample":
                y = F.interpolate(xs[0], scale_factor=n["scale"], mode="nearest")
            else:
                raise ValueError("op type " + kind + " is not in a detector")
            values[n["name"]] = y
        return [values[o] for o in self.outputs]


def check_tensors(model, tensors):
    """Fails unless the network holds exactly the model file's tensors, name for name and shape for shape."""
    ours = {k.split(".", 1)[1]: v.shape for k, v in model.state_dict().items() if not k.endswith("num_batches_tracked")}
    file = {k.replace(".", "_", k.count(".") - 1): v.shape for k, v in tensors.items()}
    if ours != file:
        raise SystemExit("the rebuilt network differs from the model file: " + str(sorted(set(ours.items())
                                                                                       ^ set(file.items()))[:5]))


def macs_per_image(model, x):
    """Multiply-accumulates of every conv for one image, from the shapes of one forward pass."""
    total = [0]

    def count(m, _, out):
        total[0] += out[0].numel() * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]

    hooks = [m.register_forward_hook(count) for m in model.modules() if isinstance(m, nn.Conv2d)]
    with torch.no_grad():
        model(x[:1])
    for h in hooks:
        h.remove()
    return total[0]


def random_boxes(batch, size, classes, generator):
    """1-4 boxes per image, sides 16-48 px, inside the canvas; x1y1x2y2, classes and mask padded to 4."""
    boxes, labels, mask = torch.zeros(batch, 4, 4), torch.zeros(batch, 4, dtype=torch.long), torch.zeros(batch, 4,
                                                                                                       dtype=torch.bool)
    for b in range(batch):
        for k in range(int(torch.randint(1, 5, (1,), generator=generator))):
            side = float(torch.randint(16, 49, (1,), generator=generator))
            x, y = (torch.rand(2, generator=generator) * (size - side)).tolist()
            boxes[b, k] = torch.tensor([x, y, x + side, y + side])
            labels[b, k] = int(torch.randint(0, classes, (1,), generator=generator))
            mask[b, k] = True
    return boxes, labels, mask


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", required=True)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--batches", type=int, default=40)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--loss", default="yolo", choices=["yolo", "sum"])
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    meta, tensors = read_safetensors(a.model)
    spec = json.loads(meta["spec"])
    channels, height, width = spec["input"]
    model = Network(spec).train()
    check_tensors(model, tensors)
    opt = torch.optim.AdamW(model.parameters(), lr=6e-2, weight_decay=1e-2)
    g = torch.Generator().manual_seed(0)
    x = torch.rand(a.batch, channels, height, width, generator=g)
    boxes, labels, mask = random_boxes(a.batch, min(height, width), spec["classes"], g)
    macs = macs_per_image(model, x)

    def step():
        opt.zero_grad(set_to_none=True)
        outs = model(x)
        loss = detection_loss(outs, boxes, labels, mask)["total"] if a.loss == "yolo" else sum(o.sum() for o in outs)
        loss.backward()
        opt.step()

    speed = median_images_per_second(step, a.batches, a.batch, window=min(10, a.batches))
    print(json.dumps({"framework": "pytorch " + torch.__version__, "arch": spec["arch"],
                      "neuron": spec["activation"]["kind"], "loss": a.loss, "batch": a.batch, "threads": a.threads,
                      "parameters": sum(q.numel() for q in model.parameters()), "macs_per_image": macs,
                      "images_per_second": speed}))


if __name__ == "__main__":
    main()
