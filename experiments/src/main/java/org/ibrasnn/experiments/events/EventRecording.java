package org.ibrasnn.experiments.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.ibrasnn.core.data.EventCamera;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.data.NMnistEvents;
import org.ibrasnn.core.data.Splits;
import org.ibrasnn.core.io.AtomicFiles;
import org.ibrasnn.experiments.Progress;
import org.ibrasnn.experiments.report.Json;

/**
 * Records every image of a dataset with the simulated {@link EventCamera} (three saccades, as N-MNIST was made)
 * into N-MNIST-format files {@code out/train/<label>/<index>.bin} and {@code out/test/<label>/<index>.bin}, plus a
 * summary {@code out/events.json}. Files already present are kept, so an interrupted recording continues.
 */
public final class EventRecording {

    /** The summary file in the output directory. */
    public static final String SUMMARY_FILE = "events.json";

    private static final int BYTES_PER_EVENT = 5;

    private EventRecording() {}

    /** One split's recordings: how many, their mean number of events, and where they are. */
    public record Split(String name, int recordings, double meanEvents, Path directory) {}

    /**
     * Records the first {@code limit} images of each split of {@code source} (0: all) with a camera of contrast
     * threshold {@code threshold} on log intensity; {@code sourceName} names the source in the summary.
     */
    public static List<Split> record(Splits source, String sourceName, double threshold, int limit, Path out,
                                     Progress progress) throws IOException {
        if (limit < 0) {
            throw new IllegalArgumentException("the image limit must be >= 0, got " + limit);
        }
        EventCamera camera = new EventCamera(threshold);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("format", "N-MNIST binary, " + BYTES_PER_EVENT + " bytes per event, " + (28 + 2 * EventCamera.MARGIN)
                + "x" + (28 + 2 * EventCamera.MARGIN) + " sensor");
        summary.put("source", sourceName + " (sha256 " + source.checksum() + ")");
        summary.put("contrast_threshold", threshold);
        summary.put("saccades", "3 x " + EventCamera.SACCADE_MICROS + " us");
        List<Split> splits = new ArrayList<>();
        for (String name : List.of("train", "test")) {
            ImageDataset images = name.equals("train") ? source.train() : source.test();
            int count = limit > 0 ? Math.min(limit, images.size()) : images.size();
            long events = record(camera, images, count, out.resolve(name), name, progress);
            Split split = new Split(name, count, count == 0 ? 0.0 : (double) events / count, out.resolve(name));
            Map<String, Object> splitSummary = new LinkedHashMap<>();
            splitSummary.put("recordings", split.recordings());
            splitSummary.put("mean_events", split.meanEvents());
            summary.put(name, splitSummary);
            splits.add(split);
        }
        AtomicFiles.writeString(out.resolve(SUMMARY_FILE), Json.pretty(summary));
        return List.copyOf(splits);
    }

    /** Records the first {@code count} images in parallel; returns the total number of events. */
    private static long record(EventCamera camera, ImageDataset images, int count, Path dir, String split,
                               Progress progress) throws IOException {
        for (int c = 0; c < images.classes(); c++) {
            Files.createDirectories(dir.resolve(Integer.toString(c)));
        }
        AtomicInteger done = new AtomicInteger();
        int pixels = images.shape().size();
        try (Progress.Task task = progress.start("events " + split, count)) {
            return IntStream.range(0, count).parallel().mapToLong(i -> {
                Path file = dir.resolve(Integer.toString(images.label(i))).resolve(String.format("%05d.bin", i));
                try {
                    if (Files.exists(file)) {
                        return Files.size(file) / BYTES_PER_EVENT;
                    }
                    int[] image = new int[pixels];
                    for (int p = 0; p < pixels; p++) {
                        image[p] = images.pixel(i, p);
                    }
                    var events = camera.record(image, images.shape().width(), images.shape().height());
                    NMnistEvents.write(file, events);
                    return events.size();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    task.stepTo(done.incrementAndGet());
                }
            }).sum();
        }
    }
}
