package org.ibrasnn.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import org.ibrasnn.core.data.FashionMnist;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.runtime.InferenceExport;
import org.ibrasnn.runtime.RunReport;
import org.ibrasnn.runtime.SpikeRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code resnet10-small} IBRA-LIF model, on the whole Fashion-MNIST test set: the spike-driven
 * runtime gets as many images right as PyTorch running the folded inference file, and every image on which the
 * folded and the training file disagree is explained by {@code scripts/trace_folding.py} as a count rounded the
 * other way from a membrane within float rounding of a half-step: the first neuron layer whose counts differ holds
 * membranes V * N that the two forms computed within 1e-3 of each other, on either side of k + 1/2.
 */
class ShippedModelFoldingTest {

    private static final Path MODEL = Path.of("../models/resnet10-small-ibra-lif.safetensors");

    @TempDir
    Path dir;

    @Test
    void everyDisagreementOfTheFoldedFileIsACountRoundedAtAHalfStep() throws Exception {
        ImageDataset test = FashionMnist.loadFrom(FashionMnist.SYSTEM_DIR).test();
        ModelFile folded = InferenceExport.fold(ModelFile.read(MODEL));
        Path inference = dir.resolve("inference.safetensors");
        folded.write(inference);
        RunReport runtime = SpikeRuntime.of(folded).run(test, 0, SpikeRuntime.Mode.SPIKE_DRIVEN, 2, i -> { });

        JsonObject trace = JsonParser.parseString(SystemPython.run(Path.of("../scripts/trace_folding.py"),
                MODEL.toString(), inference.toString(), FashionMnist.SYSTEM_DIR.toString())).getAsJsonObject();
        int training = trace.get("training_correct").getAsInt();
        int inferenceCorrect = trace.get("inference_correct").getAsInt();
        assertEquals(Math.round(runtime.score().value() * test.size()), inferenceCorrect,
                "the runtime runs the folded file: " + trace);
        var differing = trace.getAsJsonArray("differing");
        assertTrue(Math.abs(training - inferenceCorrect) <= differing.size(), trace.toString());
        assertTrue(differing.size() <= 5, "at most 5 of 10000 images may differ: " + trace);
        for (JsonElement e : differing) {
            JsonObject image = e.getAsJsonObject();
            assertTrue(image.get("training").getAsInt() != image.get("inference").getAsInt(), image.toString());
            JsonElement first = image.get("first_difference");
            assertTrue(first != null && first.isJsonObject(), "no neuron layer explains " + image);
            for (JsonElement m : first.getAsJsonObject().getAsJsonArray("membranes")) {
                double a = m.getAsJsonObject().get("training_VN").getAsDouble();
                double b = m.getAsJsonObject().get("inference_VN").getAsDouble();
                assertTrue(Math.abs(a - b) <= 1e-3, "membranes far apart: " + m);
                assertTrue(Math.abs(a - Math.floor(a) - 0.5) <= 1e-3, "not at a half-step: " + m);
            }
        }
    }
}
