package org.ibrasnn.cli;

import static org.ibrasnn.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ibrasnn.core.data.CocoInstances;
import org.ibrasnn.core.data.DatasetFormatException;
import org.ibrasnn.core.data.DetectionDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ibra data make-detection} on the real Fashion-MNIST files: layout, settings shown, determinism, refusals,
 * and a run killed with SIGKILL.
 */
class MakeDetectionCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesReadableCocoSplitsPrintsItsSettingsAndRepeatsByteForByte() throws Exception {
        Path a = dir.resolve("a");
        String[] options = {"--train-scenes", "6", "--test-scenes", "3", "--seed", "3", "--limit", "50",
            "--max-objects", "3"};
        CliRun made = run(concat("--out", a.toString(), options)).succeeded();
        assertTrue(made.out().contains("settings: {canvas=64, min_side=16, max_side=48, max_objects=3, max_iou=0.3, "
                + "train_scenes=6, test_scenes=3, seed=3}, limit 50"), made.out());
        assertTrue(made.out().contains("train: 6 scenes") && made.out().contains("test: 3 scenes"), made.out());
        DetectionDataset test = CocoInstances.load(a.resolve("test/instances_test.json"), a.resolve("test/images"), 1);
        assertEquals(3, test.size());
        assertTrue(test.images().stream().allMatch(i -> !i.boxes().isEmpty() && i.boxes().size() <= 3));
        assertTrue(Files.readString(a.resolve("train/instances_train.json")).contains("\"seed\":3"));

        Path b = dir.resolve("b");
        run(concat("--out", b.toString(), options)).succeeded();
        List<Path> files = files(a);
        assertEquals(files, files(b));
        assertEquals(2 + 9, files.size(), files.toString());
        for (Path f : files) {
            assertEquals(-1, Files.mismatch(a.resolve(f), b.resolve(f)), f + " differs between two runs");
        }
    }

    @Test
    void badOptionsAreRefusedNamingTheOptionAndNothingIsWritten() {
        Path out = dir.resolve("never");
        List<List<String>> cases = List.of(List.of("--max-side", "65"), List.of("--min-side", "1"),
                List.of("--min-side", "40", "--max-side", "30"), List.of("--max-iou", "0"), List.of("--max-iou", "1.5"),
                List.of("--canvas", "4"), List.of("--train-scenes", "0"), List.of("--test-scenes", "-1"),
                List.of("--max-objects", "0"), List.of("--limit", "-1"), List.of("--from", "cifar10"));
        for (List<String> bad : cases) {
            CliRun refused = run(concat("--out", out.toString(), bad.toArray(String[]::new)));
            assertEquals(2, refused.code(), bad + ": " + refused.err());
            assertTrue(refused.err().startsWith("ibra: " + bad.get(bad.size() - 2)), bad + ": " + refused.err());
            assertEquals(1, refused.err().strip().lines().count(), refused.err());
            assertFalse(Files.exists(out), bad + " wrote " + out);
        }
    }

    @Test
    void anOutputThatIsAFileIsRefusedBeforeAnyWork() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        CliRun refused = run("data", "make-detection", "--out", file.toString(), "--train-scenes", "2");
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains(file + " is not a directory"), refused.err());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void aRunKilledWithSigkillLeavesNoSetAReaderAcceptsAndARerunCompletesIt() throws Exception {
        Path out = dir.resolve("scenes");
        String[] small = {"--train-scenes", "5", "--test-scenes", "2"};
        run(concat("--out", out.toString(), small)).succeeded();
        Path json = out.resolve("train/instances_train.json");
        Path images = out.resolve("train/images");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "data", "make-detection", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                while (pictures(images) < 200) {
                    assertTrue(p.isAlive(), () -> "make-detection ended early");
                    Thread.sleep(50);
                }
            });
        } finally {
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
        DatasetFormatException refused = assertThrows(DatasetFormatException.class,
                () -> CocoInstances.load(json, images, 1));
        assertEquals(json + ": file not found", refused.getMessage(), "the old set's JSON went before any picture");
        run(concat("--out", out.toString(), small)).succeeded();
        assertEquals(5, CocoInstances.load(json, images, 1).size());
        List<Path> left = files(out);
        assertEquals(2 + 7, left.size(), "no temporaries and no pictures of the killed run are left: " + left);
    }

    /** The pictures in a folder being written (its listing does not stat the files, which may be renamed). */
    private static long pictures(Path images) throws Exception {
        if (!Files.isDirectory(images)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(images)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".png")).count();
        }
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    private static String[] concat(String out, String dir, String... rest) {
        return Stream.concat(Stream.of("data", "make-detection", out, dir), Stream.of(rest)).toArray(String[]::new);
    }
}
