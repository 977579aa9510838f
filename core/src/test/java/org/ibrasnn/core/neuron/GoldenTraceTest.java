package org.ibrasnn.core.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed traces, T = 4, alpha = 0.25, for every neuron setting. Each covers clip-low, clip-high,
 * a half-way tie that rounds to even, and a reset residue carried into the next step. Values that are
 * not exact binary fractions are written as the float expression the step performs.
 */
class GoldenTraceTest {

    private static final double ALPHA = 0.25;

    /** Asserts one step exactly: vPre, count, output, vAfter, gradient. */
    private static void step(NeuronStep s, float vPre, int count, float output, float vAfter, float gradient) {
        assertEquals(vPre, s.vPre(), 0f, "vPre");
        assertEquals(count, s.count(), "count");
        assertEquals(output, s.output(), 0f, "output");
        assertEquals(vAfter, s.vAfter(), 0f, "vAfter");
        assertEquals(gradient, s.gradient(), 0f, "gradient");
    }

    @Test
    void ilifWithDFour() {
        List<NeuronStep> t = ReferenceNeuron.forward(new ILifSpec(4, ALPHA, 4), new float[] {2.5f, 9f, -4f, 3f});
        // t1: V_pre = 2.5; rint(2.5) = 2 (tie to even); O = 2; V = 0.5; 0 <= 2.5 <= 4 -> grad 1
        step(t.get(0), 2.5f, 2, 2f, 0.5f, 1f);
        // t2: V_pre = 0.25 * 0.5 + 9 = 9.125; rint 9 -> clip-high 4; V = 5.125; 9.125 > 4 -> grad 0
        step(t.get(1), 9.125f, 4, 4f, 5.125f, 0f);
        // t3: V_pre = 0.25 * 5.125 - 4 = -2.71875; rint -3 -> clip-low 0; V = -2.71875; grad 0
        step(t.get(2), -2.71875f, 0, 0f, -2.71875f, 0f);
        // t4: V_pre = 0.25 * -2.71875 + 3 = 2.3203125; rint 2; V = 0.3203125; grad 1
        step(t.get(3), 2.3203125f, 2, 2f, 0.3203125f, 1f);
    }

    @Test
    void iblifWithFourBits() {
        List<NeuronStep> t = ReferenceNeuron.forward(new IbLifSpec(4, ALPHA, 4), new float[] {3.5f, 20f, -8f, 6f});
        // t1: V_pre = 3.5; rint(3.5) = 4 (tie to even); O = 4; V = -0.5; grad 1
        step(t.get(0), 3.5f, 4, 4f, -0.5f, 1f);
        // t2: V_pre = 0.25 * -0.5 + 20 = 19.875; rint 20 -> clip-high 15; V = 4.875; 19.875 > 15 -> grad 0
        step(t.get(1), 19.875f, 15, 15f, 4.875f, 0f);
        // t3: V_pre = 0.25 * 4.875 - 8 = -6.78125; clip-low 0; V = -6.78125; grad 0
        step(t.get(2), -6.78125f, 0, 0f, -6.78125f, 0f);
        // t4: V_pre = 0.25 * -6.78125 + 6 = 4.3046875; rint 4; V = 0.3046875; grad 1
        step(t.get(3), 4.3046875f, 4, 4f, 0.3046875f, 1f);
    }

    @Test
    void ibraLifWithDOnePointFiveAndNTen() {
        List<NeuronStep> t = ReferenceNeuron.forward(new IbraLifSpec(1.5, 10, ALPHA, 4),
                new float[] {0.25f, 2f, -1f, 0.5f});
        // t1: V_pre = 0.25; V_pre * 10 = 2.5 exactly; rint -> 2 (tie to even); O = 2/10 = 0.2f;
        //     V = 0.25 - 0.2f (exact by Sterbenz); grad 1
        float v1 = 0.25f - 0.2f;
        step(t.get(0), 0.25f, 2, 0.2f, v1, 1f);
        // t2: V_pre = 0.25 * v1 + 2 ~ 2.0125; * 10 ~ 20.1 -> clip-high 15 = D*N; O = 1.5; grad 0 (> 1.5)
        float p2 = 0.25f * v1 + 2f;
        step(t.get(1), p2, 15, 1.5f, p2 - 1.5f, 0f);
        // t3: V_pre = 0.25 * (p2 - 1.5) - 1 ~ -0.8719; rint(-8.7) = -9 -> clip-low 0; V = V_pre; grad 0
        float p3 = 0.25f * (p2 - 1.5f) - 1f;
        step(t.get(2), p3, 0, 0f, p3, 0f);
        // t4: V_pre = 0.25 * p3 + 0.5 ~ 0.2820; * 10 ~ 2.82 -> 3; O = 0.3f; grad 1
        float p4 = 0.25f * p3 + 0.5f;
        step(t.get(3), p4, 3, 0.3f, p4 - 0.3f, 1f);
    }

    @Test
    void ibraLifPaperDefault() {
        List<NeuronStep> t = ReferenceNeuron.forward(new IbraLifSpec(5.11, 100, ALPHA, 4),
                new float[] {0.125f, 6f, -3f, 1f});
        // t1: V_pre = 0.125; * 100 = 12.5 exactly; rint -> 12 (tie to even); O = 12/100 = 0.12f; grad 1
        float v1 = 0.125f - 0.12f;
        step(t.get(0), 0.125f, 12, 0.12f, v1, 1f);
        // t2: V_pre = 0.25 * v1 + 6 ~ 6.00125; * 100 ~ 600.1 -> clip-high 511; O = 511/100 = 5.11f;
        //     grad 0 because 6.00125 > 5.11
        float p2 = 0.25f * v1 + 6f;
        step(t.get(1), p2, 511, 5.11f, p2 - 5.11f, 0f);
        // t3: V_pre = 0.25 * (p2 - 5.11) - 3 ~ -2.777; clip-low 0; grad 0
        float p3 = 0.25f * (p2 - 5.11f) - 3f;
        step(t.get(2), p3, 0, 0f, p3, 0f);
        // t4: V_pre = 0.25 * p3 + 1 ~ 0.3057; * 100 ~ 30.57 -> 31; O = 0.31f; grad 1
        float p4 = 0.25f * p3 + 1f;
        step(t.get(3), p4, 31, 0.31f, p4 - 0.31f, 1f);
    }

    /** ATan surrogate with a = 2: (a/2) / (1 + (pi/2 * a * x)^2) = 1 / (1 + (pi x)^2). */
    private static float atan2(double x) {
        return (float) (1 / (1 + Math.PI * x * Math.PI * x));
    }

    @Test
    void lifSoftReset() {
        List<NeuronStep> t = ReferenceNeuron.forward(LifSpec.of(4), new float[] {1.5f, 0.875f, -0.5f, 1.25f});
        // t1: V_pre = 1.5 >= 1 -> spike; V = 1.5 - 1 = 0.5; x = 0.5
        step(t.get(0), 1.5f, 1, 1f, 0.5f, atan2(0.5));
        // t2: V_pre = 0.25 * 0.5 + 0.875 = 1.0 -> exactly at threshold, spikes; V = 0; x = 0 -> grad a/2 = 1
        step(t.get(1), 1f, 1, 1f, 0f, 1f);
        // t3: V_pre = 0 - 0.5 = -0.5 -> no spike; V = -0.5; x = -1.5
        step(t.get(2), -0.5f, 0, 0f, -0.5f, atan2(-1.5));
        // t4: V_pre = 0.25 * -0.5 + 1.25 = 1.125 -> spike; V = 0.125; x = 0.125
        step(t.get(3), 1.125f, 1, 1f, 0.125f, atan2(0.125));
    }

    @Test
    void lifHardReset() {
        LifSpec hard = new LifSpec(1.0, ResetMode.HARD, 2.0, ALPHA, 4);
        List<NeuronStep> t = ReferenceNeuron.forward(hard, new float[] {1.5f, 0.875f, -0.5f, 1.25f});
        // t1: 1.5 -> spike; hard reset V = 0
        step(t.get(0), 1.5f, 1, 1f, 0f, atan2(0.5));
        // t2: V_pre = 0 + 0.875 -> no spike; V = 0.875; x = -0.125
        step(t.get(1), 0.875f, 0, 0f, 0.875f, atan2(-0.125));
        // t3: V_pre = 0.21875 - 0.5 = -0.28125 -> no spike; x = -1.28125
        step(t.get(2), -0.28125f, 0, 0f, -0.28125f, atan2(-1.28125));
        // t4: V_pre = 0.25 * -0.28125 + 1.25 = 1.1796875 -> spike; V = 0; x = 0.1796875
        step(t.get(3), 1.1796875f, 1, 1f, 0f, atan2(0.1796875));
    }

    @Test
    void backwardThroughTimeForIntegerNeuron() {
        IbLifSpec spec = new IbLifSpec(4, ALPHA, 4);
        List<NeuronStep> t = ReferenceNeuron.forward(spec, new float[] {3.5f, 20f, -8f, 6f});
        // STE mask from the forward trace above: [1, 0, 0, 1]; dL/dO = 1 everywhere.
        // g4 = 1; g3 = 0 + 0.25 * 1 = 0.25; g2 = 0 + 0.25 * 0.25 = 0.0625; g1 = 1 + 0.25 * 0.0625 = 1.015625
        assertArrayEquals(new float[] {1.015625f, 0.0625f, 0.25f, 1f},
                ReferenceNeuron.backward(spec, t, new float[] {1, 1, 1, 1}), 0f);
    }

    @Test
    void backwardThroughTimeForLif() {
        float[] in = {1.5f, 0.875f, -0.5f, 1.25f};
        LifSpec soft = LifSpec.of(4);
        // Soft reset keeps dV/dV_pre = 1: g4 = s4; g3 = s3 + 0.25 g4; g2 = s2 + 0.25 g3; g1 = s1 + 0.25 g2
        float s1 = atan2(0.5);
        float s2 = 1f;
        float s3 = atan2(-1.5);
        float s4 = atan2(0.125);
        float g3 = s3 + 0.25f * s4;
        float g2 = s2 + 0.25f * g3;
        assertArrayEquals(new float[] {s1 + 0.25f * g2, g2, g3, s4},
                ReferenceNeuron.backward(soft, ReferenceNeuron.forward(soft, in), new float[] {1, 1, 1, 1}), 0f);
        // Hard reset multiplies the carried gradient by (1 - O_t): spikes at t1 and t4 cut it at t1.
        LifSpec hard = new LifSpec(1.0, ResetMode.HARD, 2.0, ALPHA, 4);
        float h4 = atan2(0.1796875);
        float h3 = atan2(-1.28125) + 0.25f * h4;
        float h2 = atan2(-0.125) + 0.25f * h3;
        assertArrayEquals(new float[] {atan2(0.5), h2, h3, h4},
                ReferenceNeuron.backward(hard, ReferenceNeuron.forward(hard, in), new float[] {1, 1, 1, 1}), 0f);
    }
}
