package org.ibrasnn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.GraphBuilder;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.model.ops.Flatten;
import org.ibrasnn.core.model.ops.Linear;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.neuron.IbLifSpec;
import org.ibrasnn.core.neuron.ILifSpec;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.junit.jupiter.api.Test;

/**
 * Operation counts worked out on paper. The network: a 1x1 identity stem on a 5x5 image, a neuron
 * (N = 1, so S = rint(pixel)), a 3x3 conv with stride 2 and padding 1 to 2 channels (zero weights, bias
 * 1 and 2), a neuron, and a linear layer 18 -> 2.
 *
 * <p>Output size: (5 + 2 - 3) / 2 + 1 = 3. Input row y reaches output row oy when oy * 2 - 1 + ky = y for
 * some ky in {0, 1, 2}: rows 0, 2, 4 reach one output row, rows 1 and 3 reach two. So an event at
 * (y, x) costs reach(y) * reach(x) * 2 output channels, with reach = [1, 2, 1, 2, 1].
 */
class SopCountTest {

    private static final int[][] SPIKES = {{0, 0, 1}, {1, 3, 7}, {4, 2, 4}};

    @Test
    void sopsAreSplitByTimestep() {
        // Whole-number pixels leave no residue after the soft reset, so both steps see the same counts.
        RunReport r = run(new IbLifSpec(3, 0.25, 2));
        assertEquals(List.of(28L, 28L), layer(r, "conv").sopsPerTimestep());
        assertEquals(List.of(28L + 36, 28L + 36), r.sopsPerTimestep());
        assertEquals(56, layer(r, "conv").sops());
    }

    private static RunReport run(NeuronSpec neuron) {
        ModelSpec spec = new ModelSpec("hand", new Shape(1, 5, 5), 2, neuron, new GraphBuilder()
                .then("stem", new Conv(1, 1, 1, 1, 0, true)).then("n1", new Neuron())
                .then("conv", new Conv(1, 2, 3, 2, 1, true)).then("n2", new Neuron()).then("flat", new Flatten())
                .then("fc", new Linear(18, 2, true)).build());
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("stem.weight", Tensor.of(new float[] {1f}, 1, 1, 1, 1));
        t.put("stem.bias", Tensor.of(new float[] {0f}, 1));
        t.put("conv.weight", Tensor.of(new float[2 * 9], 2, 1, 3, 3));
        t.put("conv.bias", Tensor.of(new float[] {1f, 2f}, 2));
        t.put("fc.weight", Tensor.of(new float[36], 2, 18));
        t.put("fc.bias", Tensor.of(new float[] {0f, 0f}, 2));
        SpikeRuntime runtime = SpikeRuntime.of(new ModelFile("inference", spec, Map.of(), t));
        float[] image = new float[25];
        for (int[] s : SPIKES) {
            image[s[0] * 5 + s[1]] = s[2];
        }
        var data = SingleImage.of(image, 5, 5);
        return runtime.run(data, 1, SpikeRuntime.Mode.SPIKE_DRIVEN, 1, i -> { });
    }

    private static LayerReport layer(RunReport r, String name) {
        return r.layers().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void bitPlanes() {
        RunReport r = run(new IbLifSpec(3, 0.25, 1));
        // Stem: 5 x 5 outputs x 1 channel x 1 input x 1 x 1 kernel = 25 MACs (the only MACs).
        assertEquals(25, layer(r, "stem").macs());
        // Events: S=1 -> 1 plane, S=7 -> 3 planes, S=4 -> 1 plane: 5 events.
        assertEquals(5, layer(r, "conv").events());
        // SOPs: (0,0): 1 event x 1*1*2 = 2; (1,3): 3 events x 2*2*2 = 24; (4,2): 1 event x 1*1*2 = 2. Total 28.
        assertEquals(28, layer(r, "conv").sops());
        assertEquals(0, layer(r, "conv").macs());
        // n2 emits S=1 on 9 positions of channel 0 and S=2 on 9 of channel 1: 18 one-bits (planes 0 and 1).
        assertEquals(18, layer(r, "n2").spikes());
        assertEquals(List.of(9L, 9L, 0L), layer(r, "n2").spikesPerSlot());
        // Linear: each of the 18 events reaches both outputs: 36 SOPs.
        assertEquals(36, layer(r, "fc").sops());
        assertEquals(28 + 36, r.totalSops());
        assertEquals(25, r.totalMacs());
    }

    @Test
    void unarySlots() {
        RunReport r = run(new ILifSpec(7, 0.25, 1));
        // Unary: a value 7 costs 7 events. Events 1 + 7 + 4 = 12.
        assertEquals(12, layer(r, "conv").events());
        // SOPs: 1 x 2 + 7 x 8 + 4 x 2 = 66.
        assertEquals(66, layer(r, "conv").sops());
        // n2: S=1 on 9 positions, S=2 on 9: 27 events; linear 27 x 2 = 54.
        assertEquals(27, layer(r, "n2").spikes());
        assertEquals(54, layer(r, "fc").sops());
        // n1 emitted 12 ones over 25 neurons x 7 slots.
        assertEquals(12.0 / (25 * 7), layer(r, "n1").firingRate(), 1e-12);
        assertEquals(12.0 / 25, layer(r, "n1").onesPerNeuronPerStep(), 1e-12);
    }

    @Test
    void literatureEstimateTakesCountsAsSpikesAndAverageFanOut() {
        RunReport r = run(new IbLifSpec(3, 0.25, 1));
        // conv: dense MACs per step = 3 x 3 outputs x 2 channels x 1 x 3 x 3 = 162; mean input count
        // (1 + 7 + 4) / 25; estimate 12 / 25 x 162 = 77.76 against the exact 28.
        assertEquals(12.0 / 25 * 162, layer(r, "conv").literatureSops(), 1e-9);
        // fc: 18 x 2 = 36 MACs, mean count (9 x 1 + 9 x 2) / 18 = 1.5: estimate 54 against the exact 36.
        assertEquals(54, layer(r, "fc").literatureSops(), 1e-9);
        assertEquals(12.0 / 25 * 162 + 54, r.totalLiteratureSops(), 1e-9);
        assertEquals(0, layer(r, "stem").literatureSops(), "the stem sees the image, not spikes");
    }

    @Test
    void histogramsCountEveryEmittedValue() {
        RunReport r = run(new IbLifSpec(3, 0.25, 1));
        // n1: 22 zeros, one each of 1, 4 and 7; n2: nine 1s and nine 2s.
        assertEquals(List.of(22L, 1L, 0L, 0L, 1L, 0L, 0L, 1L), layer(r, "n1").countHistogram());
        assertEquals(List.of(0L, 9L, 9L, 0L, 0L, 0L, 0L, 0L), layer(r, "n2").countHistogram());
        assertEquals(List.of(), layer(r, "conv").countHistogram());
    }
}
