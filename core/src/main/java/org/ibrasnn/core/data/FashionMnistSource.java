package org.ibrasnn.core.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Fashion-MNIST as IDX files, found and read by {@link FashionMnist}. */
final class FashionMnistSource implements DatasetSource {

    @Override
    public String name() {
        return "fashion-mnist";
    }

    @Override
    public String description() {
        return "Fashion-MNIST IDX files: 10 classes of 1x28x28 grey images (default place: "
                + FashionMnist.SYSTEM_DIR + ")";
    }

    @Override
    public boolean events() {
        return false;
    }

    @Override
    public Path locate(Path root, Map<String, String> env) throws IOException {
        return FashionMnist.locate(root, env, FashionMnist.SYSTEM_DIR);
    }

    @Override
    public Splits load(Path dir, LoadOptions options, Splits.Part part) throws IOException {
        return FashionMnist.loadFrom(dir, part);
    }
}
