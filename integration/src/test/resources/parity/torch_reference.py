"""PyTorch reference for the DJL parity test (test-only; needs Debian's python3-torch).

Usage: torch_reference.py IN.safetensors OUT.safetensors

IN holds the weights of a conv -> BN -> neuron -> flatten -> linear stack (conv.weight, bn.weight,
bn.bias, fc.weight, fc.bias), the input batch x [B, C, H, W] and float labels [B]; its metadata holds
the neuron setting. With first_layer = standardized the conv and BN are one weight-standardised conv
(conv.weight, conv.gain, conv.bias): weights gain * (w - mean) / sqrt(fan_in * var + eps) per output
channel. OUT receives the logits, the loss, every parameter gradient (grad.<name>) and, with a BN, its
running statistics after the training-mode forward pass.

The neurons are written independently of the Java code, as torch.autograd.Functions whose backward
is the straight-through estimator (integer neurons) or the ATan surrogate (LIF).
"""
import json
import math
import os
import struct
import sys

import torch

# The standard-library safetensors reader of the core module's tests.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "../../../../../core/src/test/resources/io"))
from read_safetensors import read  # noqa: E402


def read_safetensors(path):
    raw, meta = read(path)
    return {name: torch.tensor(values, dtype=torch.float32).reshape(shape)
            for name, (shape, values) in raw.items()}, meta


def write_safetensors(path, tensors):
    header, chunks, offset = {}, [], 0
    for name, t in tensors.items():
        flat = t.detach().contiguous().reshape(-1).tolist()
        data = struct.pack("<%df" % len(flat), *flat)
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    text = json.dumps(header).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for c in chunks:
            f.write(c)


class CountingSpike(torch.autograd.Function):
    """S = clip(rint(v * N), 0, D*N); output S / N; gradient 1 on [0, D], else 0."""

    @staticmethod
    def forward(ctx, v, d, n, dn):
        ctx.save_for_backward(v)
        ctx.d = d
        return torch.clamp(torch.round(v * n), 0, dn) / n

    @staticmethod
    def backward(ctx, grad):
        (v,) = ctx.saved_tensors
        inside = (v >= 0) & (v <= ctx.d)
        return grad * inside.to(grad.dtype), None, None, None


class AtanSpike(torch.autograd.Function):
    """Heaviside(v - th) forward; (a/2) / (1 + (pi/2 * a * (v - th))^2) backward."""

    @staticmethod
    def forward(ctx, v, th, a):
        ctx.save_for_backward(v)
        ctx.th, ctx.a = th, a
        return (v >= th).to(v.dtype)

    @staticmethod
    def backward(ctx, grad):
        (v,) = ctx.saved_tensors
        x = v - ctx.th
        return grad * (ctx.a / 2) / (1 + (math.pi / 2 * ctx.a * x) ** 2), None, None


def neuron(currents, meta):
    """currents: [T, B, ...] -> outputs [T, B, ...], membrane carried with alpha, reset detached."""
    kind = meta["kind"]
    alpha = float(meta["alpha"])
    outputs, membrane = [], None
    for current in currents:
        v_pre = current if membrane is None else alpha * membrane + current
        if kind == "lif":
            th = float(meta["threshold"])
            out = AtanSpike.apply(v_pre, th, float(meta["surrogate_alpha"]))
            if meta["reset"] == "soft":
                membrane = v_pre - th * out.detach()
            else:
                membrane = v_pre * (1 - out.detach())
        else:
            n = float(meta["n"])
            out = CountingSpike.apply(v_pre, float(meta["d"]), n, float(meta["max_count"]))
            membrane = v_pre - out.detach()
        outputs.append(out)
    return torch.stack(outputs)


def standardized(weight, gain, eps):
    """Scaled weight standardisation, per output channel, with the population variance."""
    flat = weight.reshape(weight.shape[0], -1)
    mean = flat.mean(dim=1, keepdim=True)
    var = flat.var(dim=1, unbiased=False, keepdim=True)
    scaled = (flat - mean) / torch.sqrt(flat.shape[1] * var + eps) * gain.reshape(-1, 1)
    return scaled.reshape(weight.shape)


def main(src, dst):
    torch.set_num_threads(1)
    tensors, meta = read_safetensors(src)
    steps = int(meta["timesteps"])
    eps = float(meta["eps"])
    padding = int(meta["padding"])
    weight = tensors["conv.weight"].clone().requires_grad_(True)
    fc = torch.nn.Linear(tensors["fc.weight"].shape[1], tensors["fc.weight"].shape[0])
    with torch.no_grad():
        fc.weight.copy_(tensors["fc.weight"])
        fc.bias.copy_(tensors["fc.bias"])
    x, labels = tensors["x"], tensors["labels"].long()
    batch = x.shape[0]
    timed = x.unsqueeze(0).expand(steps, *x.shape).reshape(steps * batch, *x.shape[1:])
    out = {}
    if meta["first_layer"] == "standardized":
        gain = tensors["conv.gain"].clone().requires_grad_(True)
        bias = tensors["conv.bias"].clone().requires_grad_(True)
        membrane_side = torch.nn.functional.conv2d(timed, standardized(weight, gain, eps), bias, padding=padding)
        trained = {"conv.weight": weight, "conv.gain": gain, "conv.bias": bias}
    else:
        bn = torch.nn.BatchNorm2d(weight.shape[0], eps=eps, momentum=0.1)
        with torch.no_grad():
            bn.weight.copy_(tensors["bn.weight"])
            bn.bias.copy_(tensors["bn.bias"])
        membrane_side = bn(torch.nn.functional.conv2d(timed, weight, padding=padding))
        trained = {"conv.weight": weight, "bn.weight": bn.weight, "bn.bias": bn.bias}
    trained.update({"fc.weight": fc.weight, "fc.bias": fc.bias})
    spikes = neuron(membrane_side.reshape(steps, batch, *membrane_side.shape[1:]), meta)
    logits = fc(spikes.reshape(steps * batch, -1)).reshape(steps, batch, -1).mean(0)
    smoothing = float(meta["label_smoothing"])
    loss = torch.nn.functional.cross_entropy(logits, labels, label_smoothing=smoothing)
    loss.backward()
    out["logits"] = logits
    out["loss"] = loss.reshape(1)
    for name, p in trained.items():
        out["grad." + name] = p.grad
    if meta["first_layer"] != "standardized":
        out["bn.running_mean"] = bn.running_mean
        out["bn.running_var"] = bn.running_var
    write_safetensors(dst, out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
