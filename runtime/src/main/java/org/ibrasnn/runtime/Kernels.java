package org.ibrasnn.runtime;

/**
 * The runtime's two inner loops: accumulate a run of weights ({@code acc += w}, spike-driven) and
 * multiply-accumulate it ({@code acc += s * w}, real inputs and the dense check). HotSpot's C2 in JDK 21-25
 * does not auto-vectorize them (the two arrays might be the same one at other offsets), so when the JVM
 * runs with {@code --add-modules jdk.incubator.vector} they go through the Vector API, otherwise through
 * plain loops. Each lane does the same IEEE float operations as the plain loop, so both give identical bits.
 */
final class Kernels {

    /** Whether the Vector API is in the boot layer (and so {@link VectorKernels} can be loaded). */
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private Kernels() {}

    /** {@code acc[a .. a+n) += w[b .. b+n)}: accumulate only. */
    static void add(float[] acc, int a, float[] w, int b, int n) {
        if (VECTOR) {
            VectorKernels.add(acc, a, w, b, n);
        } else {
            addScalar(acc, a, w, b, 0, n);
        }
    }

    /** {@code acc[a .. a+n) += scale * w[b .. b+n)}: multiply, then add (two roundings, no fused FMA). */
    static void axpy(float[] acc, int a, float[] w, int b, int n, float scale) {
        if (VECTOR) {
            VectorKernels.axpy(acc, a, w, b, n, scale);
        } else {
            axpyScalar(acc, a, w, b, 0, n, scale);
        }
    }

    /**
     * {@code acc[0 .. n) += w[r .. r+n)} for every offset r of {@code rows}, in order: the same additions as
     * one {@link #add} per row, with the sums held in registers between rows.
     */
    static void addRows(float[] acc, float[] w, int[] rows, int n) {
        if (VECTOR) {
            VectorKernels.addRows(acc, w, rows, n);
        } else {
            addRowsScalar(acc, w, rows, n);
        }
    }

    /** The plain loop of {@link #addRows}. */
    static void addRowsScalar(float[] acc, float[] w, int[] rows, int n) {
        for (int o = 0; o < n; o++) {
            float sum = acc[o];
            for (int r : rows) {
                sum += w[r + o];
            }
            acc[o] = sum;
        }
    }

    /** The plain loop of {@link #add} over elements {@code from .. n}. */
    static void addScalar(float[] acc, int a, float[] w, int b, int from, int n) {
        for (int o = from; o < n; o++) {
            acc[a + o] += w[b + o];
        }
    }

    /** The plain loop of {@link #axpy} over elements {@code from .. n}. */
    static void axpyScalar(float[] acc, int a, float[] w, int b, int from, int n, float scale) {
        for (int o = from; o < n; o++) {
            acc[a + o] += scale * w[b + o];
        }
    }
}
