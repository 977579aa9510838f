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
}
