package org.ibrasnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.ibrasnn.core.data.NMnistEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ibra data make-events} on the real Fashion-MNIST files: layout, readable recordings, resumption. */
class MakeEventsCommandTest {

    @TempDir
    Path dir;

    private static int run(StringWriter err, String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void writesReadableRecordingsPerSplitAndLabelAndResumes() throws Exception {
        Path out = dir.resolve("nfm");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "data", "make-events", "--limit", "3", "--out", out.toString()), err.toString());
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
        assertEquals(0, run(err, "data", "make-events", "--limit", "3", "--out", out.toString()), err.toString());
        assertEquals(first, Files.getLastModifiedTime(files.getFirst()), "existing recordings are kept");

        StringWriter bad = new StringWriter();
        assertEquals(2, run(bad, "data", "make-events", "--limit", "-1", "--out", out.toString()));
        assertTrue(bad.toString().contains("--limit"), bad.toString());
        assertEquals(2, run(bad, "data", "make-events", "--from", "cifar10", "--out", out.toString()));
        assertTrue(bad.toString().contains("unknown source 'cifar10'"), bad.toString());
    }

    @Test
    void eventModelsTrainOverFramesAndRunSpikeDriven() throws Exception {
        Path events = dir.resolve("nfm");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "data", "make-events", "--limit", "8", "--out", events.toString()), err.toString());
        Path runDir = dir.resolve("run");
        String[] data = {"--dataset", "nfashion-mnist", "--root", events.toString(), "--pool", "2"};
        assertEquals(0, run(err, concat(new String[] {"train", "--neuron", "lif", "--T", "4", "--epochs", "1", "--out",
            runDir.toString()}, data)), err.toString());
        Path model = runDir.resolve("model.safetensors");
        assertEquals(4, org.ibrasnn.core.io.ModelFile.read(model).spec().inputFrames());
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        assertEquals(0, cli.execute(concat(new String[] {"infer", "--model", model.toString()}, data)), err.toString());
        assertTrue(out.toString().contains("T=4") && out.toString().contains("on 8 images"), out.toString());
        StringWriter bad = new StringWriter();
        assertEquals(2, run(bad, "infer", "--model", model.toString()));
        assertTrue(bad.toString().contains("takes 4 event frames"), bad.toString());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
