package org.ibrasnn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.ibrasnn.core.data.DatasetRecord;
import org.ibrasnn.core.data.LoadOptions;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.ModelTensors;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.Architectures;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.neuron.IbraLifSpec;

/**
 * A few synthetic scenes ({@code ibra data make-detection} from the real Fashion-MNIST: 4 train, 6 test) and an
 * untrained {@code spikeyolo-pico} model file on them (IBRA-LIF D=5.11, N=100, T=1; seeded Gaussian weights scaled
 * by 1/sqrt(fan-in), BatchNorm as identity, so that its outputs are of order 1 and it detects many boxes); made
 * once per test JVM, deleted when it exits.
 */
record TinyDetector(Path scenes, Path model) {

    private static TinyDetector shared;

    static synchronized TinyDetector get() throws IOException {
        if (shared == null) {
            Path root = Files.createTempDirectory("ibra-tiny-detector");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TinyRun.delete(root)));
            Path scenes = root.resolve("scenes");
            CliRun.run("data", "make-detection", "--out", scenes.toString(), "--train-scenes", "4", "--test-scenes",
                    "6", "--limit", "60", "--seed", "5").succeeded();
            ModelSpec spec = Architectures.build("spikeyolo-pico", new Shape(1, 64, 64), 10,
                    new IbraLifSpec(5.11, 100, 0.25, 1));
            Path model = root.resolve("model.safetensors");
            new ModelFile("training", spec, Map.of("seed", "3"), tensors(spec, new SplittableRandom(3)),
                    DatasetRecord.of("coco", LoadOptions.defaults())).write(model);
            shared = new TinyDetector(scenes, model);
        }
        return shared;
    }

    /** A test scene's picture. */
    Path testPicture(int index) {
        return scenes.resolve(String.format("test/images/%06d.png", index));
    }

    private static Map<String, Tensor> tensors(ModelSpec spec, SplittableRandom random) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        ModelTensors.expected(spec).forEach((name, shape) -> {
            float[] v = new float[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
            double scale = 1 / Math.sqrt(v.length / (double) shape[0]);
            for (int i = 0; i < v.length; i++) {
                v[i] = shape.length > 1 ? (float) (random.nextGaussian() * scale)
                        : name.endsWith(".weight") || name.endsWith(".running_var") ? 1f : 0f;
            }
            out.put(name, Tensor.of(v, shape));
        });
        return out;
    }
}
