package org.ibrasnn.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KernelsTest {

    @Test
    void testsRunWithTheVectorApi() {
        assertTrue(Kernels.VECTOR, "the build's test argLine adds jdk.incubator.vector; without it the vector"
                + " kernels would go untested");
    }

    @Test
    void vectorKernelsGiveTheBitsOfThePlainLoops() {
        SplittableRandom random = new SplittableRandom(7);
        for (int c = 0; c < 500; c++) {
            int n = random.nextInt(0, 300);
            float[] w = values(random, 400);
            float[] start = values(random, 400);
            int a = random.nextInt(0, 400 - n + 1);
            int b = random.nextInt(0, 400 - n + 1);
            float scale = random.nextInt(1, 512) * (random.nextBoolean() ? 1f : 0.37f);
            float[] plain = start.clone();
            float[] vector = start.clone();
            Kernels.addScalar(plain, a, w, b, 0, n);
            VectorKernels.add(vector, a, w, b, n);
            assertArrayEquals(plain, vector, 0f, "add, case " + c);
            Kernels.axpyScalar(plain, a, w, b, 0, n, scale);
            VectorKernels.axpy(vector, a, w, b, n, scale);
            assertArrayEquals(plain, vector, 0f, "axpy, case " + c);
        }
    }

    @Test
    void addRowsGivesTheBitsOfOneAddPerRow() {
        SplittableRandom random = new SplittableRandom(11);
        for (int c = 0; c < 300; c++) {
            int n = random.nextInt(1, 40);
            float[] w = values(random, 50 * n);
            int[] rows = new int[random.nextInt(0, 60)];
            for (int r = 0; r < rows.length; r++) {
                rows[r] = random.nextInt(0, 50) * n;
            }
            float[] start = values(random, n);
            float[] oneByOne = start.clone();
            for (int r : rows) {
                Kernels.addScalar(oneByOne, 0, w, r, 0, n);
            }
            float[] plain = start.clone();
            Kernels.addRowsScalar(plain, w, rows, n);
            float[] vector = start.clone();
            VectorKernels.addRows(vector, w, rows, n);
            assertArrayEquals(oneByOne, plain, 0f, "plain addRows, case " + c);
            assertArrayEquals(oneByOne, vector, 0f, "vector addRows, case " + c);
        }
    }

    @Test
    void vectorPlaneMasksGiveTheBitsOfThePlainLoop() {
        SplittableRandom random = new SplittableRandom(13);
        for (int c = 0; c < 200; c++) {
            int[] counts = new int[random.nextInt(1, 400)];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = random.nextInt(4) == 0 ? random.nextInt(512) : 0;
            }
            int planes = 9;
            long[][] plain = new long[planes][(counts.length + 63) / 64];
            long[][] vector = new long[planes][(counts.length + 63) / 64];
            for (int part = 0; part < 2; part++) {
                int from = PlaneEvents.partStart(counts.length, part, 2);
                int to = PlaneEvents.partStart(counts.length, part + 1, 2);
                PlaneEvents.planeMasksScalar(counts, from, to, plain);
                VectorKernels.planeMasks(counts, from, to, vector);
            }
            for (int b = 0; b < planes; b++) {
                assertArrayEquals(plain[b], vector[b], "plane " + b + ", case " + c);
                for (int i = 0; i < counts.length; i++) {
                    boolean set = (plain[b][i / 64] >>> (i % 64) & 1) == 1;
                    assertTrue(set == ((counts[i] >>> b & 1) == 1), "neuron " + i + " plane " + b + ", case " + c);
                }
            }
        }
    }

    private static float[] values(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
