package org.ibrasnn.bench;

import java.nio.file.Path;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.djl.train.LoadedModel;

/** The same one-image classification through DJL and libtorch, for the start-up comparison. */
public final class DjlStartup {

    private DjlStartup() {}

    public static void main(String[] args) throws Exception {
        ModelFile trained = ModelFile.read(Path.of(args[0]));
        try (LoadedModel model = LoadedModel.of(trained)) {
            float[] outputs = model.outputs(new float[trained.spec().input().size()], 1);
            System.out.println("outputs[0] = " + outputs[0]);
        }
    }
}
