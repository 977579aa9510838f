package org.ibrasnn.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fashion-MNIST's four IDX files with few images (label i mod 10, a bright band whose row says the label). */
final class TinyFashionMnist {

    private TinyFashionMnist() {}

    /** Writes {@code train} training and {@code test} test images into {@code root}; {@code shade} varies the pixels. */
    static Path write(Path root, int train, int test, int shade) throws IOException {
        Files.createDirectories(root);
        split(root, "train", train, shade);
        split(root, "t10k", test, shade);
        return root;
    }

    private static void split(Path root, String prefix, int count, int shade) throws IOException {
        ByteBuffer images = ByteBuffer.allocate(16 + count * 784).putInt(0x803).putInt(count).putInt(28).putInt(28);
        ByteBuffer labels = ByteBuffer.allocate(8 + count).putInt(0x801).putInt(count);
        for (int i = 0; i < count; i++) {
            int label = i % 10;
            for (int p = 0; p < 784; p++) {
                images.put((byte) (p / 28 / 3 == label ? 200 + shade : (p * 7 + i) % 40));
            }
            labels.put((byte) label);
        }
        Files.write(root.resolve(prefix + "-images-idx3-ubyte"), images.array());
        Files.write(root.resolve(prefix + "-labels-idx1-ubyte"), labels.array());
    }
}
