package org.ibrasnn.cli;

import static org.ibrasnn.cli.CliRun.run;
import static org.ibrasnn.core.data.DatasetFixtures.concat;
import static org.ibrasnn.core.data.DatasetFixtures.fifo;
import static org.ibrasnn.core.data.DatasetFixtures.gzipWithZeros;
import static org.ibrasnn.core.data.DatasetFixtures.idxImages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ibrasnn.core.data.DatasetFixtures;
import org.ibrasnn.core.data.TreeSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile dataset files and options through the commands: every case exits with 2 and one line naming the file or
 * option and the fault, no stack trace, and changes nothing under the dataset or {@code --out}. A killed
 * {@code data make-events} (SIGKILL) is resumed by a rerun into a folder every reader accepts, and the commands
 * that measure a model decode only the test split.
 */
class HostileDatasetCommandsTest {

    private static final Path MODEL = Path.of("../models/resnet-wide-ibra-lif.safetensors");

    @TempDir
    Path dir;

    @Test
    void fashionMnistBombGarbageFifoMissingFileAndDirectoryAreNamed() throws Exception {
        Path root = DatasetFixtures.writeFashionMnist(dir.resolve("fm"), 3, 2);
        Path test = root.resolve("t10k-images-idx3-ubyte.gz");
        Files.write(test, gzipWithZeros(idxImages(2), 200L << 20));
        refused(root, root, test + ": too long: more than 1048576 trailing bytes", "data", "check", "--root", root);
        Files.write(test, concat(gzipWithZeros(idxImages(2), 0), new byte[] {'j', 'u', 'n', 'k'}));
        refused(root, root, test + ": trailing garbage after the end of the gzip data", "data", "check", "--root", root);
        Files.delete(test);
        fifo(test);
        refused(root, root, test + ": is not a regular file (a FIFO", "data", "check", "--root", root);
        Files.delete(test);
        refused(root, root, root.resolve("t10k-images-idx3-ubyte") + ": file not found (nor t10k-images-idx3-ubyte.gz)",
                "data", "check", "--root", root);
        Files.createDirectory(test);
        refused(root, root, test + ": is a directory, not a file", "infer", "--model", MODEL, "--root", root);
    }

    @Test
    void inferDecodesOnlyTheTestSplit() throws Exception {
        Path root = DatasetFixtures.writeFashionMnist(dir.resolve("fm"), 3, 2);
        Path train = root.resolve("train-images-idx3-ubyte.gz");
        Files.write(train, concat(gzipWithZeros(idxImages(3), 0), new byte[] {1}));
        Map<String, String> before = TreeSnapshot.of(root);
        String out = run("infer", "--model", MODEL.toString(), "--root", root.toString()).succeeded().out();
        assertTrue(out.contains("on 2 images"), out);
        assertEquals(before, TreeSnapshot.of(root));
        refused(root, root, train + ": trailing garbage", "data", "check", "--root", root);
    }

    @Test
    void badFramingAndImageOptionsNameTheOption() throws Exception {
        Path dvs = dir.resolve("dvs");
        DatasetFixtures.writeCifar10Dvs(dvs, 2);
        refused(dvs, dvs, "--pool: down-sampling factor must be >= 1, got 0", "data", "check", "--dataset",
                "cifar10-dvs", "--root", dvs, "--pool", "0");
        refused(dvs, dvs, "--pool: down-sampling factor 3 must divide the sensor size 128x128", "data", "check",
                "--dataset", "cifar10-dvs", "--root", dvs, "--pool", "3");
        refused(dvs, dvs, "--pool: down-sampling factor must be >= 1, got -2", "infer", "--model", MODEL, "--pool",
                "-2");
        Path images = dir.resolve("images");
        DatasetFixtures.writeImageFolder(images, List.of("cat", "dog"), 1, 8);
        refused(images, images, "--image-size: image size must be 1..4096, got 5000", "data", "check", "--dataset",
                "image-folder", "--root", images, "--image-size", "5000");
        refused(images, images, "--pool applies to event datasets only, not to image-folder", "data", "check",
                "--dataset", "image-folder", "--root", images, "--pool", "2");
        refused(dvs, dvs, "--image-size applies to image-folder only, not to cifar10-dvs", "data", "check",
                "--dataset", "cifar10-dvs", "--root", dvs, "--image-size", "64");
        refused(dir, dir, "--pool applies to event datasets only, not to fashion-mnist", "infer", "--model",
                MODEL, "--pool", "1");
        Path out = dir.resolve("events");
        refused(dir, out, "--threshold: contrast threshold must be positive, got NaN", "data", "make-events",
                "--threshold", "NaN", "--limit", "1", "--out", out);
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        refused(dir, file, file + ": not a directory", "data", "make-events", "--limit", "1", "--out", file);
    }

    @Test
    void anOverflowingLabelFolderIsNamed() throws Exception {
        Path events = dir.resolve("events");
        run("data", "make-events", "--limit", "1", "--out", events.toString()).succeeded();
        Path label = Files.createDirectories(events.resolve("test/99999999999"));
        refused(events, events, label + ": not a label folder: 99999999999 is out of range", "data", "check",
                "--dataset", "nfashion-mnist", "--root", events);
    }

    @Test
    void leftoverTemporariesAreNamedByReadersAndDeletedByTheRerun() throws Exception {
        Path events = dir.resolve("events");
        run("data", "make-events", "--limit", "2", "--out", events.toString()).succeeded();
        Path recording;
        try (Stream<Path> s = Files.walk(events.resolve("train"))) {
            recording = s.filter(p -> p.toString().endsWith(".bin")).sorted().findFirst().orElseThrow();
        }
        Files.delete(recording);
        Path temp = Files.write(recording.resolveSibling("." + recording.getFileName() + ".5119934.tmp"), new byte[7]);
        Path dead = Files.write(events.resolve("test/0/.00001.bin.tmp-99999999-zz"), new byte[3]);
        refused(events, events, temp + ": temporary file of an interrupted writer: the file it was writing is "
                + "missing; delete this file", "data", "check", "--dataset", "nfashion-mnist", "--root", events);
        String rerun = run("data", "make-events", "--limit", "2", "--out", events.toString()).succeeded().out();
        assertTrue(rerun.contains("deleted 1 temporary files an interrupted run left in " + events.resolve("train")),
                rerun);
        assertFalse(Files.exists(temp) || Files.exists(dead), "temporaries deleted");
        assertTrue(Files.isRegularFile(recording), "the missing recording is written again");
        run("data", "check", "--dataset", "nfashion-mnist", "--root", events.toString()).succeeded();
    }

    @Test
    void aMakeEventsRunKilledWithSigkillIsResumedIntoAReadableFolder() throws Exception {
        Path events = dir.resolve("events");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "data", "make-events", "--limit", "5000", "--out", events.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                while (recordings(events) < 50) {
                    assertTrue(p.isAlive(), () -> "make-events ended early: " + log());
                    Thread.sleep(50);
                }
            });
        } finally {
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
        assertFalse(Files.exists(events.resolve("events.json")), "the killed run wrote no summary");
        run("data", "make-events", "--limit", "20", "--out", events.toString()).succeeded();
        try (Stream<Path> s = Files.walk(events)) {
            assertEquals(List.of(), s.filter(f -> f.getFileName().toString().endsWith(".tmp")
                    || f.getFileName().toString().contains(".tmp-")).toList(), "no temporary is left");
        }
        String check = run("data", "check", "--dataset", "nfashion-mnist", "--root", events.toString()).succeeded()
                .out();
        assertTrue(check.contains("all files valid"), check);
    }

    /**
     * Runs {@code ibra args}, which must exit with 2 and one line holding {@code words} (no stack trace), leaving
     * everything under {@code tree} unchanged and {@code out} (when not the tree itself) unmade.
     */
    private static void refused(Path tree, Path out, String words, Object... args) throws IOException {
        Map<String, String> before = TreeSnapshot.of(tree);
        boolean outExisted = Files.exists(out);
        CliRun o = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> run(Stream.of(args).map(Object::toString).toArray(String[]::new)));
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(words), "'" + o.err() + "' should say " + words);
        assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
        assertEquals(before, TreeSnapshot.of(tree), "nothing under " + tree + " changed");
        assertEquals(outExisted, Files.exists(out), "--out is not made");
    }

    /** Finished recordings under {@code events} while a writer runs: a walk that meets a renamed temporary counts 0. */
    private static long recordings(Path events) throws IOException {
        if (!Files.isDirectory(events)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(events)) {
            return s.filter(f -> f.toString().endsWith(".bin")).count();
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof java.nio.file.NoSuchFileException) {
                return 0;
            }
            throw e;
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("killed.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
