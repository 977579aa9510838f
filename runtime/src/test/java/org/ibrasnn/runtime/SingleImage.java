package org.ibrasnn.runtime;

import org.ibrasnn.core.model.Shape;

/** One unlabelled single-channel image with arbitrary values, for hand-worked tests. */
record SingleImage(Shape shape, java.util.List<Float> values) implements ImageSource {

    static SingleImage of(float[] pixels, int height, int width) {
        java.util.List<Float> v = new java.util.ArrayList<>();
        for (float p : pixels) {
            v.add(p);
        }
        return new SingleImage(new Shape(1, height, width), v);
    }

    @Override public int size() { return 1; }
    @Override public int label(int i) { return 0; }

    @Override
    public void image(int i, float[] dst) {
        for (int k = 0; k < dst.length; k++) {
            dst[k] = values.get(k);
        }
    }
}
