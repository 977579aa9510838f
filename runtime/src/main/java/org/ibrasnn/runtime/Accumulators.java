package org.ibrasnn.runtime;

/**
 * The last step of a weight layer: its per-plane accumulators (channel-last, one per bit-plane or a single
 * one) combined into the CHW output, {@code out[o][p] = bias[o] + sum_b 2^b acc_b[p][o]}, once per output
 * neuron rather than per synapse.
 */
final class Accumulators {

    private Accumulators() {}

    /** The combination of all {@code positions}. */
    static float[] combine(float[][] acc, float[] bias, int positions, int channels) {
        float[] out = new float[positions * channels];
        combine(acc, bias, positions, channels, 0, positions, out);
        return out;
    }

    /** {@link #combine(float[][], float[], int, int)} for output positions {@code [from, to)} only. */
    static void combine(float[][] acc, float[] bias, int positions, int channels, int from, int to, float[] out) {
        float[] sum = new float[(to - from) * channels];
        for (int b = 0; b < acc.length; b++) {
            float[] plane = acc[b];
            float weight = 1 << b;
            for (int i = 0, j = from * channels; i < sum.length; i++, j++) {
                sum[i] += weight * plane[j];
            }
        }
        for (int p = from; p < to; p++) {
            for (int o = 0; o < channels; o++) {
                out[o * positions + p] = sum[(p - from) * channels + o] + bias[o];
            }
        }
    }
}
