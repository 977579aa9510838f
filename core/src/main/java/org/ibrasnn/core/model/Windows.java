package org.ibrasnn.core.model;

/** Sliding-window arithmetic shared by convolution and pooling. */
public final class Windows {

    private Windows() {}

    /** Output length {@code (in + 2 * pad - kernel) / stride + 1}, or an error naming the layer. */
    public static int out(int in, int kernel, int stride, int pad, String what) {
        if (in + 2 * pad < kernel) {
            throw new IllegalArgumentException(what + ": kernel " + kernel + " does not fit input " + in
                    + " with padding " + pad);
        }
        return (in + 2 * pad - kernel) / stride + 1;
    }
}
