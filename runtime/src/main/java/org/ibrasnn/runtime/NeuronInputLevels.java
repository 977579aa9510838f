package org.ibrasnn.runtime;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Measures, per neuron layer, a percentile of the positive values reaching the layer over a set of images:
 * the activation levels that calibrate an ANN-to-SNN conversion. At most {@value #SAMPLE} values per layer
 * are kept, taken at a fixed stride, so the measurement is deterministic and bounded in memory.
 */
public final class NeuronInputLevels {

    static final int SAMPLE = 1 << 21;

    private NeuronInputLevels() {}

    /**
     * Runs the first {@code count} images through {@code runtime} and returns, by neuron layer name in graph
     * order, the {@code percentile} (0, 100] of the positive inputs seen ({@code 0} when none was positive).
     */
    public static Map<String, Double> measure(SpikeRuntime runtime, ImageSource images, int count, double percentile,
                                              IntConsumer progress) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + percentile);
        }
        if (count < 1 || count > images.size()) {
            throw new IllegalArgumentException("calibration needs 1.." + images.size() + " images, got " + count);
        }
        List<Compiler.StatInfo> stats = runtime.program().stats();
        long steps = (long) count * runtime.spec().steps();
        Sampler[] samplers = new Sampler[stats.size()];
        for (int i = 0; i < stats.size(); i++) {
            if ("neuron".equals(stats.get(i).kind())) {
                samplers[i] = new Sampler(Math.max(1, (int) Math.ceil((double) steps * stats.get(i).neurons() / SAMPLE)));
            }
        }
        Engine engine = runtime.probedEngine((stat, input) -> samplers[stat].add(input));
        float[] image = new float[runtime.spec().input().size()];
        for (int i = 0; i < count; i++) {
            images.image(i, image);
            engine.outputs(image);
            progress.accept(i + 1);
        }
        Map<String, Double> levels = new LinkedHashMap<>();
        for (int i = 0; i < stats.size(); i++) {
            if (samplers[i] != null) {
                levels.put(stats.get(i).name(), samplers[i].percentile(percentile));
            }
        }
        return levels;
    }

    /** Keeps every {@code stride}-th value it is shown, and of those the positive ones. */
    private static final class Sampler {
        private final int stride;
        private float[] kept = new float[1024];
        private int size;
        private long seen;

        Sampler(int stride) {
            this.stride = stride;
        }

        void add(float[] values) {
            for (float v : values) {
                if (seen++ % stride == 0 && v > 0) {
                    if (size == kept.length) {
                        kept = Arrays.copyOf(kept, size * 2);
                    }
                    kept[size++] = v;
                }
            }
        }

        /** Nearest-rank percentile of the kept values. */
        double percentile(double p) {
            if (size == 0) {
                return 0;
            }
            float[] sorted = Arrays.copyOf(kept, size);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100 * size);
            return sorted[Math.max(0, rank - 1)];
        }
    }
}
