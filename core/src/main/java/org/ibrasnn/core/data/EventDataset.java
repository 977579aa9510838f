package org.ibrasnn.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.ibrasnn.core.model.Shape;

/**
 * A directory of N-MNIST-format recordings laid out as {@code ROOT/train/<label>/*.bin} and
 * {@code ROOT/test/<label>/*.bin} (what {@code ibra data make-events} writes, and N-MNIST's own layout), read
 * into image sets whose channels hold the event frames: shape {@code (T * 2, H / pool, W / pool)}, channel
 * {@code 2t} the OFF and {@code 2t + 1} the ON counts of frame t, each clipped to 255. Recordings are ordered
 * by file name, then label, so the order of the source images is kept.
 */
public final class EventDataset {

    private EventDataset() {}

    /** Reads both splits and hashes every file read (SHA-256 over names and contents, in order). */
    public static Splits load(Path root, int classes, int frames, EventFrames.Split split, int pool) throws IOException {
        MessageDigest sha = sha256();
        ImageDataset train = read(root.resolve("train"), "train", classes, frames, split, pool, sha);
        ImageDataset test = read(root.resolve("test"), "test", classes, frames, split, pool, sha);
        return new Splits(train, test, root, HexFormat.of().formatHex(sha.digest()));
    }

    private record Item(Path file, int label) {}

    private static ImageDataset read(Path dir, String name, int classes, int frames, EventFrames.Split split, int pool,
                                     MessageDigest sha) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new DatasetFormatException(dir, "missing: expected a directory of label folders 0.." + (classes - 1));
        }
        List<Item> items = new ArrayList<>();
        try (Stream<Path> labels = Files.list(dir)) {
            for (Path labelDir : labels.sorted().toList()) {
                String label = labelDir.getFileName().toString();
                if (!Files.isDirectory(labelDir) || !label.matches("[0-9]+") || Integer.parseInt(label) >= classes) {
                    throw new DatasetFormatException(labelDir, "not a label folder (expected 0.." + (classes - 1) + ")");
                }
                try (Stream<Path> files = Files.list(labelDir)) {
                    for (Path f : files.sorted().toList()) {
                        if (!f.getFileName().toString().endsWith(".bin")) {
                            throw new DatasetFormatException(f, "not a recording (expected *.bin in N-MNIST format)");
                        }
                        items.add(new Item(f, Integer.parseInt(label)));
                    }
                }
            }
        }
        if (items.isEmpty()) {
            throw new DatasetFormatException(dir, "holds no recordings");
        }
        items.sort(Comparator.comparing((Item i) -> i.file().getFileName().toString()).thenComparingInt(Item::label));
        int side = NMnistEvents.SIZE;
        Shape shape = new Shape(frames * 2, side / pool, side / pool);
        byte[] pixels = new byte[items.size() * shape.size()];
        byte[] labels = new byte[items.size()];
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            sha.update(item.file().getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(item.file()));
            float[] f = EventFrames.of(NMnistEvents.read(item.file(), side, side), frames, split, pool);
            for (int p = 0; p < f.length; p++) {
                pixels[i * shape.size() + p] = (byte) Math.min(255, (int) f[p]);
            }
            labels[i] = (byte) item.label();
        }
        return new ImageDataset(name, shape, classes, pixels, labels);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
