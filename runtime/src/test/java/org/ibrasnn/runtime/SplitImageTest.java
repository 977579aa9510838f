package org.ibrasnn.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.ModelTensors;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.Architectures;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.neuron.Activation;
import org.ibrasnn.core.neuron.IbLifSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.ILifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.runtime.SpikeRuntime.Mode;
import org.junit.jupiter.api.Test;

/**
 * A single image split over threads (bit-planes or output-row bands per conv) gives the same bits and the
 * same counts as one thread, on resnet-tiny with Gaussian (non-dyadic) weights, where any change in the
 * order of the float additions would show.
 */
class SplitImageTest {

    private static final List<Activation> SETTINGS = List.of(new Relu(), LifSpec.of(2), new ILifSpec(4, 0.25, 1),
            new IbLifSpec(4, 0.25, 2), IbraLifSpec.paperDefault(1), new IbraLifSpec(1.5, 10, 0.25, 2));

    @Test
    void splitImagesMatchOneThreadBitForBit() {
        int checked = 0;
        for (Activation activation : SETTINGS) {
            ModelSpec spec = Architectures.build("resnet-tiny", new Shape(1, 28, 28), 10, activation);
            SpikeRuntime runtime = SpikeRuntime.of(InferenceExport.fold(model(spec, new SplittableRandom(5))));
            SplittableRandom random = new SplittableRandom(11);
            for (Mode mode : Mode.values()) {
                Engine split = new Engine(runtime.program(), spec, mode, true, true);
                Engine single = new Engine(runtime.program(), spec, mode, false, true);
                for (int n = 0; n < 3; n++) {
                    float[] image = new float[784];
                    for (int i = 0; i < image.length; i++) {
                        image[i] = (float) random.nextDouble();
                    }
                    String where = activation.describe() + " " + mode + " image " + n;
                    float[] expected = single.outputs(image);
                    assertArrayEquals(expected, split.outputs(image), 0f, where);
                    assertArrayEquals(expected, new Engine(runtime.program(), spec, mode, true, false).outputs(image), 0f,
                            where + ", not counting");
                    checked++;
                }
                assertArrayEquals(single.counters.sops, split.counters.sops, activation.describe() + " SOPs");
                assertArrayEquals(single.counters.events, split.counters.events, activation.describe() + " events");
                assertArrayEquals(single.counters.macs, split.counters.macs, activation.describe() + " MACs");
                assertTrue(activation instanceof Relu || Arrays.stream(single.counters.events).sum() > 0,
                        activation.describe() + " is silent");
            }
        }
        assertTrue(checked == SETTINGS.size() * 2 * 3);
    }

    /** Gaussian weights scaled so that neurons see currents of order one; BN variances kept positive. */
    private static ModelFile model(ModelSpec spec, SplittableRandom random) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        ModelTensors.expected(spec).forEach((name, shape) -> {
            int size = 1;
            for (int d : shape) {
                size *= d;
            }
            float[] v = new float[size];
            for (int i = 0; i < size; i++) {
                double g = random.nextGaussian();
                v[i] = (float) (name.endsWith("running_var") ? 0.5 + Math.abs(g) : name.endsWith("weight") ? 0.4 * g : 0.2 * g);
            }
            tensors.put(name, Tensor.of(v, shape));
        });
        return new ModelFile("training", spec, Map.of(), tensors);
    }
}
