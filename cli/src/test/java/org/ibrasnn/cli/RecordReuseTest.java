package org.ibrasnn.cli;

import static org.ibrasnn.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ibrasnn.core.io.Sha256;
import org.ibrasnn.core.task.Metrics;
import org.ibrasnn.experiments.record.InferenceRecord;
import org.ibrasnn.runtime.LayerReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ibra infer --json} writes the inference record that {@code report} and {@code energy} take instead of
 * running the model: the run directory's record of 40 images is rewritten with numbers no run makes (accuracy
 * 12.34 %, 987654321 SOPs per image in every linear layer), so they show in the output only when it was used.
 */
class RecordReuseTest {

    @TempDir
    static Path dir;

    private static Path runDir;
    private static Path model;
    private static Path record;

    @BeforeAll
    static void trainAndRecord() throws IOException {
        runDir = dir.resolve("run");
        run("train", "--epochs", "1", "--train-limit", "256", "--out", runDir.toString()).succeeded();
        model = runDir.resolve("model.safetensors");
        record = runDir.resolve(InferenceRecord.FILE);
        run("infer", "--model", model.toString(), "--limit", "40", "--json", record.toString()).succeeded();
        InferenceRecord real = InferenceRecord.read(record);
        List<LayerReport> layers = real.layers().stream().map(l -> !l.kind().equals("linear") ? l : new LayerReport(
                l.name(), l.kind(), l.macs(), 40L * 987654321, l.literatureSops(), l.events(), l.spikes(),
                l.firingRate(), l.onesPerNeuronPerStep(), l.spikesPerSlot(), l.countHistogram(),
                l.sopsPerTimestep())).toList();
        new InferenceRecord(real.source(), real.arch(), real.neuron(), Metrics.of("accuracy", 0.1234), real.seconds(),
                real.timesteps(), real.virtualSteps(), layers).write(record);
    }

    @Test
    void inferWritesARecordOfWhatItRanOn() throws IOException {
        Path json = dir.resolve("infer-8.json");
        run("infer", "--model", model.toString(), "--limit", "8", "--json", json.toString()).succeeded();
        JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals("ibra-snn/inference", o.get("schema").getAsString());
        JsonObject source = o.getAsJsonObject("source");
        assertEquals(Sha256.of(model), source.get("model_sha256").getAsString());
        assertEquals("fashion-mnist", source.getAsJsonObject("data").get("dataset").getAsString());
        assertEquals("test", source.get("split").getAsString());
        assertEquals("SPIKE_DRIVEN", source.get("mode").getAsString());
        assertEquals(8, source.get("images").getAsInt());
        assertEquals(8, o.get("images").getAsInt());
        assertTrue(o.has("accuracy") && o.getAsJsonArray("layers").get(0).getAsJsonObject()
                .has("ones_per_neuron_per_step"), o.toString());
    }

    @Test
    void reportTakesTheRunsRecordInsteadOfRunning() throws IOException {
        String out = run("report", runDir.toString()).succeeded().out();
        assertTrue(out.contains("using inference record " + record + " (model sha256 matches, 40 images)"), out);
        String html = Files.readString(runDir.resolve("report.html"));
        assertTrue(html.contains("on 40 test images: accuracy 12.34 %"), html);
    }

    @Test
    void reportIgnoresARecordOfOtherImagesAndRuns() throws IOException {
        Path page = dir.resolve("report-8.html");
        String out = run("report", runDir.toString(), "--limit", "8", "--out", page.toString()).succeeded().out();
        assertTrue(out.contains("ignoring inference record " + record + ": it records 40 images instead of 8"), out);
        String html = Files.readString(page);
        assertTrue(html.contains("on 8 test images") && !html.contains("12.34 %"), html);
    }

    @Test
    void energyTakesTheRecordBesideTheModel() {
        String out = run("energy", "--model", model.toString()).succeeded().out();
        assertTrue(out.contains("using inference record " + record + " (model sha256 matches, 40 images)"), out);
        assertTrue(out.contains("on 40 test images (accuracy 12.34%)") && out.contains(" 987654321 "), out);
        String named = run("energy", "--model", model.toString(), "--record", record.toString()).succeeded().out();
        assertTrue(named.contains("using inference record " + record), named);
    }

    @Test
    void energyRefusesANamedRecordOfAnotherModelAndIgnoresOneBesideTheModel() throws IOException {
        InferenceRecord r = InferenceRecord.read(record);
        String sha = r.source().modelSha256();
        Path other = dir.resolve("other.json");
        Files.writeString(other, Files.readString(record).replace(sha, "0".repeat(64)));
        CliRun refused = run("energy", "--model", model.toString(), "--record", other.toString());
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("inference record " + other + " does not match this run: it records model "
                + "sha256 000000000000 instead of " + sha.substring(0, 12)), refused.err());

        String out = run("energy", "--model", model.toString(), "--limit", "8").succeeded().out();
        assertTrue(out.contains("ignoring inference record " + record + ": it records 40 images instead of 8")
                && out.contains("on 8 test images"), out);
        assertFalse(out.contains("987654321"), out);
    }
}
