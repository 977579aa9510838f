"""Independent PyTorch reference of the YOLOv8-style detection loss (test-only; Debian's python3-torch).

Usage: detection_loss_reference.py IN.txt OUT.txt

IN has one tensor a line, "name d0,d1,... v v v ...": the head outputs p8, p16, p32 [B, 4R + C, H, W]
(channel side * R + bin, then C class logits), gt_boxes [B, M, 4] x1y1x2y2 pixels, gt_classes [B, M] and
gt_mask [B, M]. OUT gets, in the same layout, the total loss, its parts box, cls and dfl (before gains),
the gradients grad.p8, grad.p16, grad.p32 of the total, and two counts that show what the case covers:
foreground (anchors assigned) and conflicts (anchors claimed by more than one box).

The script runs in float64. Written from the definitions (task-aligned top-10 assignment with CIoU^6 and
sqrt(probability), conflicts to the highest IoU, BCE, 1 - CIoU and DFL weighted by the target scores, gains
7.5 / 0.5 / 1.5 times the batch size); equal alignment metrics are taken in anchor order.

detection_loss() is the loss alone, in the dtype of its inputs; bench/torch_detect_train_speed.py trains with it.
"""
import math
import sys

import torch
import torch.nn.functional as F

R, TOP_K, STRIDES = 16, 10, (8, 16, 32)


def read(path):
    out = {}
    with open(path) as f:
        for line in f:
            name, dims, *values = line.split()
            out[name] = torch.tensor([float(v) for v in values]).reshape([int(d) for d in dims.split(",")])
    return out


def ciou(a, b, eps=1e-7):
    (ax1, ay1, ax2, ay2), (bx1, by1, bx2, by2) = a.unbind(-1), b.unbind(-1)
    w1, h1, w2, h2 = ax2 - ax1, ay2 - ay1 + eps, bx2 - bx1, by2 - by1 + eps
    overlap_w = (torch.min(ax2, bx2) - torch.max(ax1, bx1)).clamp(min=0)
    overlap_h = (torch.min(ay2, by2) - torch.max(ay1, by1)).clamp(min=0)
    inter = overlap_w * overlap_h
    iou = inter / (w1 * h1 + w2 * h2 - inter + eps)
    diag2 = (torch.max(ax2, bx2) - torch.min(ax1, bx1)) ** 2 + (torch.max(ay2, by2) - torch.min(ay1, by1)) ** 2 + eps
    centre2 = ((bx1 + bx2 - ax1 - ax2) ** 2 + (by1 + by2 - ay1 - ay2) ** 2) / 4
    v = 4 / math.pi ** 2 * (torch.atan(w2 / h2) - torch.atan(w1 / h1)) ** 2
    with torch.no_grad():
        alpha = v / (v - iou + 1 + eps)
    return iou - centre2 / diag2 - alpha * v


def detection_loss(levels, gt, gt_cls, gt_mask):
    """The total loss of head outputs levels (p8, p16, p32) against gt_boxes x1y1x2y2 pixels [B, M, 4], gt_classes
    [B, M] (long) and gt_mask [B, M] (bool), with its parts and counts; computed in the outputs' dtype."""
    dtype = levels[0].dtype
    B, M = gt_cls.shape
    C = levels[0].shape[1] - 4 * R

    points, strides = [], []
    for p, s in zip(levels, STRIDES):
        h, w = p.shape[2:]
        ys, xs = torch.meshgrid(torch.arange(h, dtype=dtype) + 0.5, torch.arange(w, dtype=dtype) + 0.5, indexing="ij")
        points.append(torch.stack([xs.reshape(-1), ys.reshape(-1)], 1))
        strides.append(torch.full((h * w, 1), float(s), dtype=dtype))
    anchor, stride = torch.cat(points), torch.cat(strides)   # stride units, pixels
    A = anchor.shape[0]

    flat = torch.cat([p.flatten(2) for p in levels], 2).transpose(1, 2)   # B, A, 4R + C
    bins = flat[..., :4 * R].reshape(B, A, 4, R)
    logits = flat[..., 4 * R:]
    dist = bins.softmax(-1) @ torch.arange(R, dtype=dtype)
    pred = torch.cat([anchor - dist[..., :2], anchor + dist[..., 2:]], -1)   # stride units

    with torch.no_grad():
        prob, pred_px, anchor_px = logits.sigmoid(), pred * stride, anchor * stride
        px, py = anchor_px[:, 0], anchor_px[:, 1]
        margin = torch.stack([px - gt[..., 0:1], py - gt[..., 1:2], gt[..., 2:3] - px, gt[..., 3:4] - py], -1)
        cand = (margin.amin(-1) > 1e-9) & gt_mask[..., None]                                   # B, M, A
        iou = torch.where(cand, ciou(gt[:, :, None, :], pred_px[:, None, :, :]).clamp(min=0), torch.zeros((), dtype=dtype))
        p_cls = torch.gather(prob.transpose(1, 2), 1, gt_cls.clamp(min=0)[..., None].expand(-1, -1, A))
        metric = torch.where(cand, p_cls.sqrt() * iou ** 6, torch.zeros((), dtype=dtype))
        order = torch.sort(metric, dim=-1, descending=True, stable=True).indices[..., :TOP_K]
        top = torch.zeros_like(cand).scatter_(-1, order, True)
        pos = top & cand
        claims = pos.sum(1)
        conflicts = int((claims > 1).sum())
        highest = F.one_hot(iou.argmax(1), M).transpose(1, 2).bool()
        pos = torch.where((claims > 1)[:, None, :], highest, pos)
        fg = pos.any(1)                                                                         # B, A
        owner = pos.long().argmax(1)
        m_pos, iou_pos = metric * pos, iou * pos
        norm = (m_pos * iou_pos.amax(-1, keepdim=True) / (m_pos.amax(-1, keepdim=True) + 1e-9)).amax(1)
        target_cls = torch.gather(gt_cls, 1, owner)
        scores = F.one_hot(target_cls.clamp(min=0), C).to(dtype) * (norm * fg)[..., None]
        target_box = torch.gather(gt, 1, owner[..., None].expand(-1, -1, 4)) / stride

    score_sum = scores.sum().clamp(min=1)
    cls = F.binary_cross_entropy_with_logits(logits, scores, reduction="sum") / score_sum
    weight = scores.sum(-1)[fg]
    box = ((1 - ciou(pred[fg], target_box[fg])) * weight).sum() / score_sum
    ltrb = torch.cat([anchor - target_box[..., :2], target_box[..., 2:] - anchor], -1)[fg].clamp(0, R - 1 - 0.01)
    left = ltrb.floor().long()
    w_left = left + 1 - ltrb
    fg_bins = bins[fg].reshape(-1, R)
    ce_left = F.cross_entropy(fg_bins, left.reshape(-1), reduction="none").reshape(-1, 4)
    ce_right = F.cross_entropy(fg_bins, (left + 1).reshape(-1), reduction="none").reshape(-1, 4)
    dfl = ((ce_left * w_left + ce_right * (1 - w_left)).mean(-1) * weight).sum() / score_sum
    total = (7.5 * box + 0.5 * cls + 1.5 * dfl) * B
    return {"total": total, "box": box, "cls": cls, "dfl": dfl,
            "foreground": torch.tensor(float(fg.sum())), "conflicts": torch.tensor(float(conflicts))}


def main():
    torch.set_default_dtype(torch.float64)
    t = read(sys.argv[1])
    levels = [t["p%d" % s].clone().requires_grad_(True) for s in STRIDES]
    out = detection_loss(levels, t["gt_boxes"], t["gt_classes"].long(), t["gt_mask"] > 0)
    out["total"].backward()
    for s, p in zip(STRIDES, levels):
        out["grad.p%d" % s] = p.grad
    with open(sys.argv[2], "w") as f:
        for name, value in out.items():
            dims = ",".join(str(d) for d in value.shape) or "1"
            f.write(name + " " + dims + " " + " ".join(repr(v) for v in value.detach().reshape(-1).tolist()) + "\n")


if __name__ == "__main__":
    main()
