package org.ibrasnn.experiments.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ibrasnn.core.io.Sha256;
import org.ibrasnn.core.record.RecordFormatException;
import org.ibrasnn.experiments.Progress;
import org.ibrasnn.experiments.SpikeRun;
import org.ibrasnn.runtime.RunReport;
import org.ibrasnn.runtime.SpikeRuntime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** infer.json of a real run: what it was computed from, the full run report, and strict reading. */
class InferenceRecordTest {

    @TempDir
    Path dir;

    private RunInput input;
    private InferenceRecord record;
    private Path file;

    @BeforeEach
    void recordARun() throws IOException {
        input = TinyInput.in(dir);
        record = input.infer(8, SpikeRuntime.Mode.SPIKE_DRIVEN, 1, Progress.NONE);
        file = dir.resolve(InferenceRecord.FILE);
        record.write(file);
    }

    @Test
    void roundTripsTheRunAndWhatItWasComputedFrom() throws IOException {
        assertEquals(record, InferenceRecord.read(file));
        InferenceSource source = record.source();
        assertEquals(new InferenceSource(input.modelFile().toAbsolutePath().toString(), Sha256.of(input.modelFile()),
                input.data(), input.splits().checksum(), "test", SpikeRuntime.Mode.SPIKE_DRIVEN, 8), source);

        RunReport direct = SpikeRun.of(input.model(), input.splits().test(), 8, SpikeRuntime.Mode.SPIKE_DRIVEN, 1,
                Progress.NONE).report();
        RunReport recorded = InferenceRecord.read(file).report();
        assertEquals(direct.mode(), recorded.mode());
        assertEquals(direct.images(), recorded.images());
        assertEquals(direct.score(), recorded.score());
        assertEquals(direct.layers(), recorded.layers(), "every layer's counts, rates and histograms");
        assertEquals(direct.virtualSteps(), recorded.virtualSteps());

        JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals("ibra-snn/inference", json.get("schema").getAsString());
        assertEquals(1, json.get("schema_version").getAsInt());
        assertEquals(direct.totalSops(), json.get("total_sops").getAsLong());
        assertEquals(direct.score().value(), json.get("accuracy").getAsDouble());
        assertEquals("spike_driven", json.get("mode").getAsString());
        assertEquals(8, json.get("images").getAsInt());
        assertTrue(json.getAsJsonArray("layers").get(0).getAsJsonObject().has("count_histogram"), json.toString());
    }

    @Test
    void recordsTheDenseMode() throws IOException {
        InferenceRecord dense = input.infer(0, SpikeRuntime.Mode.DENSE, 1, Progress.NONE);
        assertEquals(SpikeRuntime.Mode.DENSE, dense.source().mode());
        assertEquals(16, dense.source().images());
        assertEquals("dense", dense.report().mode());
    }

    private String broken(String from, String to) throws IOException {
        record.write(file);
        String json = Files.readString(file);
        assertTrue(json.contains(from), from);
        Files.writeString(file, json.replaceFirst(java.util.regex.Pattern.quote(from), to));
        RecordFormatException e = assertThrows(RecordFormatException.class, () -> InferenceRecord.read(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        return e.fault();
    }

    @Test
    void namesTheMissingField() throws IOException {
        assertEquals("field 'layers[0].sops' is missing", broken("\"sops\": 0,", ""));
    }

    @Test
    void namesTheIllTypedField() throws IOException {
        assertEquals("field 'source.images' must be an integer, got \"8\"", broken("\"images\": 8", "\"images\": \"8\""));
        assertEquals("field 'source.mode' is 'FAST', not one of [SPIKE_DRIVEN, DENSE]", broken("\"SPIKE_DRIVEN\"", "\"FAST\""));
        assertTrue(broken("\"model_sha256\": \"", "\"model_sha256\": \"x").startsWith("field 'source' is invalid: a SHA-256"));
    }

    @Test
    void refusesAnotherSchemaAFutureVersionAndAnOldInferJson() throws IOException {
        assertEquals("field 'schema' is 'ibra-snn/training-metrics', not 'ibra-snn/inference'",
                broken("ibra-snn/inference", "ibra-snn/training-metrics"));
        assertTrue(broken("\"schema_version\": 1", "\"schema_version\": 7").startsWith(
                "field 'schema_version' is 7: written by a newer ibra-snn"));
        assertEquals("field 'schema' is missing", broken("\"schema\": \"ibra-snn/inference\",", ""));
    }

    @Test
    void namesWhereTruncatedJsonEnds() throws IOException {
        String json = Files.readString(file);
        Files.writeString(file, json.substring(0, json.indexOf("\"dataset_sha256\"") + 20));
        RecordFormatException e = assertThrows(RecordFormatException.class, () -> InferenceRecord.read(file));
        assertTrue(e.getMessage().startsWith(file + ": is not complete JSON") && e.getMessage().contains("$.source"),
                e.getMessage());
    }
}
