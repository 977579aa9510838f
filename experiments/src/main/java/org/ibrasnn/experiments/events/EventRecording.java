package org.ibrasnn.experiments.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.ibrasnn.core.data.EventCamera;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.data.NMnistEvents;
import org.ibrasnn.core.data.Splits;
import org.ibrasnn.core.data.Temporaries;
import org.ibrasnn.core.io.AtomicFiles;
import org.ibrasnn.experiments.Progress;
import org.ibrasnn.experiments.report.Json;

/**
 * Records every image of a dataset with the simulated {@link EventCamera} (three saccades, as N-MNIST was made)
 * into N-MNIST-format files {@code out/train/<label>/<index>.bin} and {@code out/test/<label>/<index>.bin}, plus a
 * summary {@code out/events.json}. Files already present are kept, so an interrupted recording continues; the
 * temporaries an interrupted (killed) run left are deleted first ({@link Temporaries}). One run at a time may write
 * into a directory.
 */
public final class EventRecording {

    /** The summary file in the output directory. */
    public static final String SUMMARY_FILE = "events.json";

    private static final int BYTES_PER_EVENT = 5;

    private EventRecording() {}

    /** One split's recordings: how many, their mean number of events, and where they are. */
    public record Split(String name, int recordings, double meanEvents, Path directory) {}

    /**
     * Records the first {@code limit} images of each split of {@code source} (0: all) with {@code camera};
     * {@code sourceName} names the source in the summary.
     */
    public static List<Split> record(Splits source, String sourceName, EventCamera camera, int limit, Path out,
                                     Progress progress) throws IOException {
        if (limit < 0) {
            throw new IllegalArgumentException("the image limit must be >= 0, got " + limit);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IOException(out + ": not a directory");
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("format", "N-MNIST binary, " + BYTES_PER_EVENT + " bytes per event, " + (28 + 2 * EventCamera.MARGIN)
                + "x" + (28 + 2 * EventCamera.MARGIN) + " sensor");
        summary.put("source", sourceName + " (sha256 " + source.checksum() + ")");
        summary.put("contrast_threshold", camera.threshold());
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

    /** Creates {@code dir} and its parents, or fails naming the path in the way and why; checks it is writable. */
    private static void createDirectory(Path dir) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (FileSystemException e) {
            String why = e instanceof FileAlreadyExistsException ? "not a directory"
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e.getReason() != null ? e.getReason().toLowerCase(Locale.ROOT) : e.getClass().getSimpleName();
            throw new IOException(e.getFile() + ": " + why + ", so " + dir + " cannot be made", e);
        }
        if (!Files.isWritable(dir)) {
            throw new IOException(dir + ": permission denied: the directory is not writable");
        }
    }

    /** Records the first {@code count} images in parallel; returns the total number of events. */
    private static long record(EventCamera camera, ImageDataset images, int count, Path dir, String split,
                               Progress progress) throws IOException {
        int removed = 0;
        for (int c = 0; c < images.classes(); c++) {
            Path labelDir = dir.resolve(Integer.toString(c));
            createDirectory(labelDir);
            removed += Temporaries.deleteIn(labelDir);
        }
        if (removed > 0) {
            progress.note("deleted " + removed + " temporary files an interrupted run left in " + dir);
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
