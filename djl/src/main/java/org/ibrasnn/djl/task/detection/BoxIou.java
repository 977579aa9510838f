package org.ibrasnn.djl.task.detection;

import ai.djl.ndarray.NDArray;

/** Complete IoU (CIoU) of x1y1x2y2 boxes, as ultralytics 8.x's {@code bbox_iou(..., CIoU=True)} defines it. */
public final class BoxIou {

    /** Added to heights, the union and the enclosing diagonal so that degenerate boxes stay finite. */
    public static final double EPS = 1e-7;

    private BoxIou() {}

    /**
     * CIoU = IoU - (centre distance² / enclosing diagonal²) - alpha·v, with v the aspect-ratio term
     * 4/π²·(atan(w2/h2) - atan(w1/h1))² and alpha = v / (v - IoU + 1 + eps) held constant (no gradient).
     *
     * @param a boxes [..., 4] in x1 y1 x2 y2
     * @param b boxes [..., 4], broadcastable against {@code a}
     * @return CIoU [...] (the broadcast shape without the last axis), in [-1.5, 1]
     */
    public static NDArray ciou(NDArray a, NDArray b) {
        NDArray ax1 = a.get("..., 0"), ay1 = a.get("..., 1"), ax2 = a.get("..., 2"), ay2 = a.get("..., 3");
        NDArray bx1 = b.get("..., 0"), by1 = b.get("..., 1"), bx2 = b.get("..., 2"), by2 = b.get("..., 3");
        NDArray w1 = ax2.sub(ax1), h1 = ay2.sub(ay1).add(EPS);
        NDArray w2 = bx2.sub(bx1), h2 = by2.sub(by1).add(EPS);
        NDArray inter = ax2.minimum(bx2).sub(ax1.maximum(bx1)).maximum(0)
                .mul(ay2.minimum(by2).sub(ay1.maximum(by1)).maximum(0));
        NDArray union = w1.mul(h1).add(w2.mul(h2)).sub(inter).add(EPS);
        NDArray iou = inter.div(union);
        NDArray cw = ax2.maximum(bx2).sub(ax1.minimum(bx1));
        NDArray ch = ay2.maximum(by2).sub(ay1.minimum(by1));
        NDArray c2 = cw.square().add(ch.square()).add(EPS);
        NDArray rho2 = bx1.add(bx2).sub(ax1).sub(ax2).square().add(by1.add(by2).sub(ay1).sub(ay2).square()).div(4);
        NDArray v = w2.div(h2).atan().sub(w1.div(h1).atan()).square().mul(4 / (Math.PI * Math.PI));
        NDArray alpha = v.div(v.sub(iou).add(1 + EPS)).stopGradient();
        return iou.sub(rho2.div(c2).add(v.mul(alpha)));
    }
}
