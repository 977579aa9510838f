package org.ibrasnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import me.tongfei.progressbar.ProgressBar;
import org.ibrasnn.core.data.EventCamera;
import org.ibrasnn.core.data.FashionMnist;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.data.NMnistEvents;
import org.ibrasnn.core.data.Splits;
import org.ibrasnn.core.io.AtomicFiles;
import org.ibrasnn.experiments.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ibra data make-events}: a neuromorphic Fashion-MNIST from the simulated event camera. */
@Command(name = "make-events", mixinStandardHelpOptions = true,
        description = "Record every image with the simulated event camera (three saccades, as N-MNIST was made) and "
                + "write N-MNIST-format files DIR/train/<label>/<index>.bin and DIR/test/<label>/<index>.bin, plus "
                + "DIR/events.json. Files already present are kept, so an interrupted run continues.")
final class MakeEventsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--from", defaultValue = "fashion-mnist", description = "Source dataset (default: ${DEFAULT-VALUE}).")
    private String from;

    @Option(names = "--root", description = "Directory holding the Fashion-MNIST files (default: $IBRA_DATA, then "
            + "/usr/share/datasets/fashion-mnist).")
    private Path root;

    @Option(names = "--limit", defaultValue = "0", description = "First K images of each split (0: all).")
    private int limit;

    @Option(names = "--threshold", defaultValue = "0.2",
            description = "Contrast threshold on log intensity (default: ${DEFAULT-VALUE}).")
    private double threshold;

    @Option(names = "--out", required = true, description = "Directory to write.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        if (!"fashion-mnist".equals(from)) {
            throw new IllegalArgumentException("unknown source '" + from + "'; supported: fashion-mnist");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be >= 0, got " + limit);
        }
        EventCamera camera = new EventCamera(threshold);
        Splits splits = FashionMnist.load(root);
        PrintWriter stdout = spec.commandLine().getOut();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("format", "N-MNIST binary, 5 bytes per event, " + (28 + 2 * EventCamera.MARGIN) + "x"
                + (28 + 2 * EventCamera.MARGIN) + " sensor");
        summary.put("source", from + " (sha256 " + splits.checksum() + ")");
        summary.put("contrast_threshold", threshold);
        summary.put("saccades", "3 x " + EventCamera.SACCADE_MICROS + " us");
        for (String split : new String[] {"train", "test"}) {
            ImageDataset images = split.equals("train") ? splits.train() : splits.test();
            int count = limit > 0 ? Math.min(limit, images.size()) : images.size();
            long events = record(camera, images, count, out.resolve(split), split);
            summary.put(split, Map.of("recordings", count, "mean_events", count == 0 ? 0 : (double) events / count));
            stdout.printf("%s: %d recordings, %.0f events each on average -> %s%n", split, count,
                    count == 0 ? 0.0 : (double) events / count, out.resolve(split));
        }
        AtomicFiles.writeString(out.resolve("events.json"), Json.pretty(summary));
        return 0;
    }

    /** Records the first {@code count} images in parallel; returns the total number of events. */
    private static long record(EventCamera camera, ImageDataset images, int count, Path dir, String task)
            throws IOException {
        for (int c = 0; c < images.classes(); c++) {
            Files.createDirectories(dir.resolve(Integer.toString(c)));
        }
        AtomicInteger done = new AtomicInteger();
        int pixels = images.shape().size();
        try (ProgressBar bar = ConsoleProgress.bar("events " + task, count)) {
            return IntStream.range(0, count).parallel().mapToLong(i -> {
                Path file = dir.resolve(Integer.toString(images.label(i))).resolve(String.format("%05d.bin", i));
                try {
                    if (Files.exists(file)) {
                        return Files.size(file) / 5;
                    }
                    int[] image = new int[pixels];
                    for (int p = 0; p < pixels; p++) {
                        image[p] = images.pixel(i, p);
                    }
                    var events = camera.record(image, images.shape().width(), images.shape().height());
                    NMnistEvents.write(file, events);
                    return events.size();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } finally {
                    bar.stepTo(done.incrementAndGet());
                }
            }).sum();
        }
    }
}
