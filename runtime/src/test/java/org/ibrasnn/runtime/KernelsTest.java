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

    private static float[] values(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
