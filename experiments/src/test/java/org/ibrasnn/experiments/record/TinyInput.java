package org.ibrasnn.experiments.record;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.ibrasnn.core.data.DatasetRecord;
import org.ibrasnn.core.data.FashionMnist;
import org.ibrasnn.core.data.LoadOptions;
import org.ibrasnn.core.data.Splits;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.ModelTensors;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.Architectures;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.neuron.IbraLifSpec;

/** A random resnet-tiny IBRA-LIF training model written to a file, on the first 16 Fashion-MNIST test images. */
final class TinyInput {

    private TinyInput() {}

    static RunInput in(Path dir) throws IOException {
        ModelSpec spec = Architectures.build("resnet-tiny", new Shape(1, 28, 28), 10, IbraLifSpec.paperDefault(1));
        SplittableRandom random = new SplittableRandom(5);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        ModelTensors.expected(spec).forEach((name, shape) -> {
            float[] v = new float[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (name.endsWith("running_var") ? 1 + random.nextDouble() : random.nextGaussian() * 0.3);
            }
            tensors.put(name, Tensor.of(v, shape));
        });
        Path file = dir.resolve("model.safetensors");
        ModelFile model = new ModelFile("training", spec, Map.of("seed", "5"), tensors);
        model.write(file);
        Splits all = FashionMnist.loadFrom(FashionMnist.SYSTEM_DIR);
        Splits slice = new Splits(all.train().head(1), all.test().head(16), all.classNames(), all.directory(),
                all.checksum());
        return new RunInput(file, model, DatasetRecord.of("fashion-mnist", LoadOptions.defaults()), slice);
    }
}
