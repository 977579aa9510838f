package org.ibrasnn.experiments.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ibrasnn.core.record.RecordFormatException;
import org.ibrasnn.core.task.Metrics;
import org.ibrasnn.experiments.Progress;
import org.ibrasnn.runtime.RunReport;
import org.ibrasnn.runtime.SpikeRuntime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spike-driven run is taken from a matching inference record without running the model (no "infer" task starts),
 * and a record of another model content, dataset, mode or image count is ignored with a note, or refused when named.
 */
class RunInputTest {

    /** Counts the inference tasks started and keeps the notes. */
    private static final class Watch implements Progress {
        int runs;
        final List<String> notes = new ArrayList<>();

        @Override
        public Task start(String name, long total) {
            runs++;
            return Task.NONE;
        }

        @Override
        public void note(String line) {
            notes.add(line);
        }
    }

    @TempDir
    Path dir;

    private RunInput input;
    private Path file;
    private InferenceRecord distinctive;

    /** A record of 8 images whose accuracy (42.42 %) no run of this random model makes. */
    @BeforeEach
    void recordARun() throws IOException {
        input = TinyInput.in(dir);
        InferenceRecord real = input.infer(8, SpikeRuntime.Mode.SPIKE_DRIVEN, 1, Progress.NONE);
        distinctive = new InferenceRecord(real.source(), real.arch(), real.neuron(), Metrics.of("accuracy", 0.4242),
                real.seconds(), real.timesteps(), real.virtualSteps(), real.layers());
        file = dir.resolve(InferenceRecord.FILE);
        distinctive.write(file);
    }

    private void rewrite(InferenceSource source) throws IOException {
        new InferenceRecord(source, distinctive.arch(), distinctive.neuron(), distinctive.score(),
                distinctive.seconds(), distinctive.timesteps(), distinctive.virtualSteps(), distinctive.layers())
                .write(file);
    }

    @Test
    void aMatchingRecordIsUsedAndTheModelDoesNotRun() throws IOException {
        for (Integer limit : new Integer[] {null, 8}) {
            Watch watch = new Watch();
            RunReport r = input.spikeDriven(limit, file, false, watch);
            assertEquals(0, watch.runs, "no inference ran");
            assertEquals(0.4242, r.score().value());
            assertEquals(distinctive.layers(), r.layers());
            assertEquals(List.of("using inference record " + file + " (model sha256 matches, 8 images)"), watch.notes);
        }
        Path copy = Files.copy(input.modelFile(), dir.resolve("elsewhere.safetensors"));
        Watch watch = new Watch();
        new RunInput(copy, input.model(), input.data(), input.splits()).spikeDriven(null, file, true, watch);
        assertEquals(0, watch.runs, "the same content under another path matches");
    }

    @Test
    void aMismatchingRecordIsIgnoredWithANoteAndTheModelRuns() throws IOException {
        Watch watch = new Watch();
        RunReport r = input.spikeDriven(4, file, false, watch);
        assertEquals(1, watch.runs);
        assertEquals(4, r.images());
        assertEquals(List.of("ignoring inference record " + file + ": it records 8 images instead of 4"), watch.notes);

        InferenceSource s = distinctive.source();
        rewrite(new InferenceSource(s.modelPath(), "0".repeat(64), s.data(), s.datasetSha256(), s.split(),
                SpikeRuntime.Mode.DENSE, s.images()));
        watch = new Watch();
        input.spikeDriven(null, file, false, watch);
        assertEquals(1, watch.runs);
        assertEquals(List.of("ignoring inference record " + file + ": it records model sha256 000000000000 instead of "
                + s.modelSha256().substring(0, 12) + ", mode DENSE instead of SPIKE_DRIVEN"), watch.notes);

        rewrite(new InferenceSource(s.modelPath(), s.modelSha256(), s.data(), "f".repeat(64), s.split(), s.mode(),
                s.images()));
        watch = new Watch();
        input.spikeDriven(null, file, false, watch);
        assertTrue(watch.notes.getFirst().endsWith(": it records dataset files sha256 ffffffffffff instead of "
                + s.datasetSha256().substring(0, 12)), watch.notes.toString());
    }

    @Test
    void aNamedMismatchingRecordIsRefused() {
        Watch watch = new Watch();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> input.spikeDriven(4, file, true, watch));
        assertEquals("inference record " + file + " does not match this run: it records 8 images instead of 4",
                e.getMessage());
        assertEquals(0, watch.runs);
    }

    @Test
    void anUnreadableRecordIsIgnoredUnlessNamedAndAnAbsentOneIsPassedOver() throws IOException {
        Files.writeString(file, "{\"arch\": \"resnet-tiny\", \"images\": 8}");
        Watch watch = new Watch();
        input.spikeDriven(8, file, false, watch);
        assertEquals(List.of("ignoring inference record " + file + ": field 'schema' is missing"), watch.notes);
        assertEquals(1, watch.runs);
        assertThrows(RecordFormatException.class, () -> input.spikeDriven(8, file, true, Progress.NONE));

        Files.delete(file);
        watch = new Watch();
        assertEquals(8, input.spikeDriven(8, file, false, watch).images());
        assertEquals(List.of(), watch.notes);
        assertThrows(NoSuchFileException.class, () -> input.spikeDriven(8, file, true, Progress.NONE));
    }
}
