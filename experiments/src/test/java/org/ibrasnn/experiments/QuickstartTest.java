package org.ibrasnn.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ibrasnn.core.data.FashionMnist;
import org.ibrasnn.core.data.Splits;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.djl.train.Recipe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quickstart pipeline on a slice of the real Fashion-MNIST files: every file it promises, in one run. */
class QuickstartTest {

    @TempDir
    Path dir;

    @Test
    void trainsFoldsRunsAndReports() throws Exception {
        Splits all = FashionMnist.loadFrom(FashionMnist.SYSTEM_DIR);
        Splits slice = new Splits(all.train().head(256), all.test().head(24), all.classNames(), all.directory(), all.checksum());
        Path run = dir.resolve("run");
        List<String> notes = new ArrayList<>();
        Progress progress = new Progress() {
            @Override
            public void note(String line) {
                notes.add(line);
            }
        };
        Quickstart.Result result = Quickstart.execute(slice, Recipe.quick(1).withEpochs(1), run, progress);

        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.getFirst().startsWith("[2/4] training resnet-tiny with IBRA-LIF(D=5.11, N=100"), notes.getFirst());
        assertEquals("inference", ModelFile.read(result.inferenceModel()).kind());
        assertEquals(24, result.inference().report().images());
        assertEquals(run.resolve("model.safetensors").toAbsolutePath().toString(), result.inference().source().modelPath());
        JsonObject infer = JsonParser.parseString(Files.readString(result.inferJson())).getAsJsonObject();
        assertEquals("ibra-snn/inference", infer.get("schema").getAsString());
        assertEquals(24, infer.get("images").getAsInt());
        assertTrue(infer.getAsJsonArray("layers").get(0).getAsJsonObject().has("ones_per_neuron_per_step"), infer.toString());
        assertEquals(run.resolve("report.html"), result.report());
        assertTrue(Files.readString(result.report()).contains("<h2>Energy per image</h2>"));
        assertThrows(IllegalArgumentException.class,
                () -> Quickstart.execute(slice, Recipe.quick(1).withEpochs(1), run, Progress.NONE),
                "a second quickstart into the same directory is refused");
    }
}
