package org.ibrasnn.cli;

import static org.ibrasnn.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.ibrasnn.core.data.NMnistEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ibra data make-events} on the real Fashion-MNIST files: layout, readable recordings, resumption. */
class MakeEventsCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesReadableRecordingsPerSplitAndLabelAndResumes() throws Exception {
        Path out = dir.resolve("nfm");
        run("data", "make-events", "--limit", "3", "--out", out.toString()).succeeded();
        List<Path> files;
        try (Stream<Path> s = Files.walk(out)) {
            files = s.filter(p -> p.toString().endsWith(".bin")).sorted().toList();
        }
        assertEquals(6, files.size(), files.toString());
        for (Path f : files) {
            var events = NMnistEvents.read(f, NMnistEvents.SIZE, NMnistEvents.SIZE);
            assertTrue(events.size() > 100, f + " holds only " + events.size() + " events");
            String label = f.getParent().getFileName().toString();
            assertTrue(label.matches("[0-9]"), f.toString());
        }
        assertTrue(Files.readString(out.resolve("events.json")).contains("\"contrast_threshold\": 0.2"));
        FileTime first = Files.getLastModifiedTime(files.getFirst());
        run("data", "make-events", "--limit", "3", "--out", out.toString()).succeeded();
        assertEquals(first, Files.getLastModifiedTime(files.getFirst()), "existing recordings are kept");

        CliRun bad = run("data", "make-events", "--limit", "-1", "--out", out.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--limit"), bad.err());
        bad = run("data", "make-events", "--from", "cifar10", "--out", out.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown source 'cifar10'"), bad.err());
    }

    @Test
    void eventModelsTrainOverFramesAndRunSpikeDriven() throws Exception {
        Path events = dir.resolve("nfm");
        run("data", "make-events", "--limit", "8", "--out", events.toString()).succeeded();
        Path runDir = dir.resolve("run");
        String[] data = {"--dataset", "nfashion-mnist", "--root", events.toString(), "--pool", "2"};
        run(concat(new String[] {"train", "--neuron", "lif", "--T", "4", "--epochs", "1", "--out",
            runDir.toString()}, data)).succeeded();
        Path model = runDir.resolve("model.safetensors");
        assertEquals(4, org.ibrasnn.core.io.ModelFile.read(model).spec().inputFrames());
        String out = run(concat(new String[] {"infer", "--model", model.toString()}, data)).succeeded().out();
        assertTrue(out.contains("T=4") && out.contains("on 8 images"), out);
        String own = run("infer", "--model", model.toString(), "--root", events.toString()).succeeded().out();
        assertEquals(out.replaceAll("[0-9.]+ images/s", "-"), own.replaceAll("[0-9.]+ images/s", "-"),
                "the recorded dataset and pooling give the same run, counts included");
        CliRun noRoot = run("infer", "--model", model.toString());
        assertEquals(2, noRoot.code());
        assertTrue(noRoot.err().contains("nfashion-mnist not found") && noRoot.err().contains("--root"), noRoot.err());
        CliRun still = run("infer", "--model", model.toString(), "--dataset", "fashion-mnist");
        assertEquals(2, still.code());
        assertTrue(still.err().contains("trained on nfashion-mnist but the options ask for dataset fashion-mnist"),
                still.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
