"""PyTorch side of the training-speed comparison (bench only; Debian's python3-torch).

Trains resnet-tiny (the same layout as ibra-snn's spec: 3x3 stem + BN + 2x2 max-pool on the membrane
side, one residual block at 14x14 with 32 channels, one at 7x7 with 64, neuron, global average pool,
linear) with the IBRA-LIF neuron or ReLU for a given number of batches on random data shaped like
Fashion-MNIST, and prints one JSON line with images/s (median over timed windows).

Usage: torch_train_speed.py --neuron ibra|ann --batch 128 --batches 60 --threads 2
"""
import argparse
import json
import os
import sys

import torch
import torch.nn as nn

# The straight-through IBRA-LIF neuron of the parity test's PyTorch reference.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../integration/src/test/resources/parity"))
from torch_reference import CountingSpike  # noqa: E402
from torch_timing import median_images_per_second  # noqa: E402


class Neuron(nn.Module):
    def __init__(self, kind):
        super().__init__()
        self.kind = kind

    def forward(self, x):
        if self.kind == "ann":
            return torch.relu(x)
        return CountingSpike.apply(x, 5.11, 100.0, 511.0)


class Block(nn.Module):
    def __init__(self, kind, cin, cout, stride):
        super().__init__()
        self.entry = Neuron(kind)
        self.body = nn.Sequential(
            nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), Neuron(kind),
            nn.Conv2d(cout, cout, 3, 1, 1, bias=False), nn.BatchNorm2d(cout))
        self.down = None
        if stride != 1 or cin != cout:
            self.down = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, 0, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        s = self.entry(x)
        return self.body(s) + (x if self.down is None else self.down(s))


def resnet_tiny(kind):
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, 1, 1, bias=False), nn.BatchNorm2d(32), nn.MaxPool2d(2),
        Block(kind, 32, 32, 1), Block(kind, 32, 64, 2),
        Neuron(kind), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, 10))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--neuron", default="ibra", choices=["ibra", "ann"])
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--batches", type=int, default=60)
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    model = resnet_tiny(a.neuron)
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-4)
    loss_fn = nn.CrossEntropyLoss(label_smoothing=0.1)
    x = torch.rand(a.batch, 1, 28, 28)
    y = torch.randint(0, 10, (a.batch,))

    def step():
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()

    speed = median_images_per_second(step, a.batches, a.batch, window=min(10, a.batches))
    print(json.dumps({"framework": "pytorch " + torch.__version__, "neuron": a.neuron, "batch": a.batch,
                      "threads": a.threads, "images_per_second": speed}))


if __name__ == "__main__":
    main()
