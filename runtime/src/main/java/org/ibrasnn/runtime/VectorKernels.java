package org.ibrasnn.runtime;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link Kernels} on the Vector API; loaded only when {@code jdk.incubator.vector} is present. */
final class VectorKernels {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;

    private VectorKernels() {}

    static void add(float[] acc, int a, float[] w, int b, int n) {
        int o = 0;
        for (int end = SPECIES.loopBound(n); o < end; o += SPECIES.length()) {
            FloatVector.fromArray(SPECIES, acc, a + o).add(FloatVector.fromArray(SPECIES, w, b + o))
                    .intoArray(acc, a + o);
        }
        Kernels.addScalar(acc, a, w, b, o, n);
    }

    static void addRows(float[] acc, float[] w, int[] rows, int n) {
        for (int o = 0; o < n; o += SPECIES.length()) {
            VectorMask<Float> lanes = SPECIES.indexInRange(o, n);
            FloatVector sum = FloatVector.fromArray(SPECIES, acc, o, lanes);
            for (int r : rows) {
                sum = sum.add(FloatVector.fromArray(SPECIES, w, r + o, lanes));
            }
            sum.intoArray(acc, o, lanes);
        }
    }

    /**
     * {@link PlaneEvents#planeMasksScalar}, a chunk of neurons per instruction; {@code from} is a multiple of 64.
     * Lanes past {@code to} load as 0, so their bits stay clear.
     */
    static void planeMasks(int[] counts, int from, int to, long[][] words) {
        int lanes = INTS.length();
        for (int i = from; i < to; i += lanes) {
            VectorMask<Integer> inRange = INTS.indexInRange(i, to);
            IntVector v = IntVector.fromArray(INTS, counts, i, inRange);
            int word = i >>> 6;
            int shift = i & 63;
            for (int b = 0; b < words.length; b++) {
                long bits = v.and(1 << b).compare(VectorOperators.NE, 0).toLong();
                words[b][word] |= bits << shift;
            }
        }
    }

    static void axpy(float[] acc, int a, float[] w, int b, int n, float scale) {
        int o = 0;
        for (int end = SPECIES.loopBound(n); o < end; o += SPECIES.length()) {
            FloatVector.fromArray(SPECIES, w, b + o).mul(scale).add(FloatVector.fromArray(SPECIES, acc, a + o))
                    .intoArray(acc, a + o);
        }
        Kernels.axpyScalar(acc, a, w, b, o, n, scale);
    }
}
