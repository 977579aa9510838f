package org.ibrasnn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.runtime.SpikeRuntime.Mode;
import org.junit.jupiter.api.Test;

/**
 * The trained resnet-wide IBRA-LIF of {@code models/} (a format 1 file, migrated on load), exported and run
 * on seeded random images, gives the logit bits and the per-layer counts the layer-list runtime gave
 * (commit 008fa59) before the runtime walked graphs.
 */
class TrainedModelRegressionTest {

    private static final Path MODEL = Path.of("../models/resnet-wide-ibra-lif.safetensors");

    private static final List<String> SPIKE_DRIVEN = List.of(
            "3f0f94e6 bf34c929 3fd2d32f be9047f8 3da69958 bf846b21 3f9e8b06 bf3e8db9 3f59db6a bfce3f67",
            "3f208482 bf57f355 3fa51ec1 be0ad66c 3e68080b bf91aebd 3f9c2d1a bf4c6d4d 3f6a2afa bfae4f6a",
            "3eac04d8 bf69d95a 3fde17ce be773122 3e867ab1 bf854a8a 3fa80105 bf724272 3f96d837 bfd73228",
            "3ef94a79 bf0d4cc1 3fc516f4 be1c3c92 3e8be0a4 bf85c576 3fa6f758 bf49e078 3f1692a0 bfd3a19d");

    private static final List<String> DENSE = List.of(
            "3f0f9508 bf34c920 3fd2d333 be9047ce 3da6997b bf846b1a 3f9e8ae8 bf3e8dc9 3f59db82 bfce3f87",
            "3f208499 bf57f385 3fa51ec2 be0ad69e 3e680846 bf91aeae 3f9c2d1d bf4c6d58 3f6a2b08 bfae4f6f",
            "3eac0503 bf69d95a 3fde17cb be7730ec 3e867ad4 bf854a7f 3fa800c8 bf724254 3f96d83f bfd73225",
            "3ef94aaf bf0d4ce0 3fc51703 be1c3c62 3e8be0a6 bf85c580 3fa6f727 bf49e097 3f1692a5 bfd3a1be");

    /** Name, MACs, SOPs, events and emitted 1-bits of every counted layer over the four images. */
    private static final List<String> LAYERS = List.of(
            "stem.conv 1806336 0 0 0",
            "layer1.0.neuron0 0 0 0 40017",
            "layer1.0.conv1 0 20420480 40017 0",
            "layer1.0.neuron1 0 0 0 15530",
            "layer1.0.conv2 0 7567104 15530 0",
            "layer2.0.neuron0 0 0 0 25243",
            "layer2.0.conv1 0 6181888 25243 0",
            "layer2.0.neuron1 0 0 0 6262",
            "layer2.0.conv2 0 5622656 6262 0",
            "layer2.0.down.conv 0 818176 25243 0",
            "head.neuron 0 0 0 46886",
            "head.fc 0 468860 46886 0");

    @Test
    void logitsAndCountsAreThoseOfTheLayerListRuntime() throws IOException {
        SpikeRuntime runtime = SpikeRuntime.of(InferenceExport.fold(ModelFile.read(MODEL)));
        ImageSource images = images();
        float[] image = new float[784];
        for (int i = 0; i < images.size(); i++) {
            images.image(i, image);
            assertEquals(SPIKE_DRIVEN.get(i), bits(runtime.outputs(image, Mode.SPIKE_DRIVEN)), "image " + i);
            assertEquals(DENSE.get(i), bits(runtime.outputs(image, Mode.DENSE)), "image " + i);
        }
        for (Mode mode : Mode.values()) {
            List<String> layers = new ArrayList<>();
            for (LayerReport l : runtime.run(images, 0, mode, 2, i -> { }).layers()) {
                layers.add(l.name() + " " + l.macs() + " " + l.sops() + " " + l.events() + " " + l.spikes());
            }
            assertEquals(LAYERS, layers, mode.name());
        }
    }

    private static String bits(float[] values) {
        List<String> hex = new ArrayList<>();
        for (float v : values) {
            hex.add(Integer.toHexString(Float.floatToIntBits(v)));
        }
        return String.join(" ", hex);
    }

    /** Four 1x28x28 images of uniform [0, 1) pixels, seed 42. */
    private static ImageSource images() {
        SplittableRandom random = new SplittableRandom(42);
        float[][] pixels = new float[4][784];
        for (float[] p : pixels) {
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) random.nextDouble();
            }
        }
        return new ImageSource() {
            @Override public Shape shape() { return new Shape(1, 28, 28); }
            @Override public int size() { return pixels.length; }
            @Override public int label(int i) { return 0; }
            @Override public void image(int i, float[] dst) { System.arraycopy(pixels[i], 0, dst, 0, dst.length); }
        };
    }
}
