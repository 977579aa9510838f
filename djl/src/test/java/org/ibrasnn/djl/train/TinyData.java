package org.ibrasnn.djl.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.ibrasnn.core.data.IdxReader;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.model.GraphBuilder;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.BatchNorm;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.model.ops.Flatten;
import org.ibrasnn.core.model.ops.Linear;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.neuron.Activation;

/** A small learnable task for trainer tests: 8x8 images whose label says whether the top or the bottom half is brighter (flip-invariant). */
final class TinyData {

    private TinyData() {}

    static ImageDataset make(Path dir, String name, int count, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        ByteBuffer images = ByteBuffer.allocate(16 + count * 64).putInt(0x803).putInt(count).putInt(8).putInt(8);
        ByteBuffer labels = ByteBuffer.allocate(8 + count).putInt(0x801).putInt(count);
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(2);
            for (int p = 0; p < 64; p++) {
                boolean bright = (p / 8 < 4) == (label == 0);
                images.put((byte) (random.nextInt(80) + (bright ? 150 : 0)));
            }
            labels.put((byte) label);
        }
        Path img = Files.write(dir.resolve(name + "-images"), images.array());
        Path lab = Files.write(dir.resolve(name + "-labels"), labels.array());
        return IdxReader.read(name, img, lab, 2);
    }

    static ModelSpec spec(Activation activation) {
        return new ModelSpec("tiny", new Shape(1, 8, 8), 2, activation, new GraphBuilder()
                .then("conv", new Conv(1, 4, 3, 1, 1, false)).then("bn", new BatchNorm(4, 1e-5))
                .then("spike", new Neuron()).then(new Flatten()).then("fc", new Linear(4 * 64, 2, true))
                .build());
    }
}
