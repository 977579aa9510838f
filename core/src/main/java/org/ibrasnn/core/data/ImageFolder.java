package org.ibrasnn.core.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ibrasnn.core.model.Shape;

/**
 * Pictures in the ImageNet folder layout, {@code ROOT/train/<class>/*} and {@code ROOT/val/<class>/*} (the val split
 * serves as the test split), decoded by {@link ImageFiles} and scaled to {@code 3 x size x size} by
 * {@link SquareCrop}. Classes are the folder names in sorted order and must be the same in both splits; every file
 * must be a readable picture. Both splits interleave the classes (the first picture of every class, then the second,
 * ...). The memory the pixels need is checked before any picture is decoded.
 */
public final class ImageFolder {

    static final DatasetSource SOURCE = new FolderSource("image-folder", "pictures (JPEG, PNG, ...) in "
            + "ROOT/train/<class>/ and ROOT/val/<class>/, as RGB scaled and centre-cropped to a square (default "
            + LoadOptions.DEFAULT_IMAGE_SIZE + "x" + LoadOptions.DEFAULT_IMAGE_SIZE + ")", false,
            new DatasetLookup("image-folder", "train/<class>/ and val/<class>/ folders of images", "",
                    DatasetLookup.holdingFolders("train", "val")),
            (dir, options, part) -> load(dir, options.imageSize(), part));

    private ImageFolder() {}

    /** Reads both splits, as {@link #load(Path, int, Splits.Part)}. */
    public static Splits load(Path root, int size) throws IOException {
        return load(root, size, Splits.Part.BOTH);
    }

    /** Reads the splits {@code part} names and hashes every file (SHA-256 over names and contents, in order). */
    public static Splits load(Path root, int size, Splits.Part part) throws IOException {
        Path trainDir = root.resolve("train");
        Path valDir = root.resolve("val");
        Map<String, List<Path>> train = ClassFolders.list(trainDir);
        Map<String, List<Path>> val = ClassFolders.list(valDir);
        if (!train.keySet().equals(val.keySet())) {
            throw new DatasetFormatException(valDir, "class folders differ from those of " + trainDir + ": only in "
                    + "train " + missing(train.keySet(), val.keySet()) + ", only in val "
                    + missing(val.keySet(), train.keySet()));
        }
        Shape shape = new Shape(3, size, size);
        boolean both = part == Splits.Part.BOTH;
        ImageDataset.checkFits(root, (both ? count(train) : 0) + count(val), shape);
        Checksum checksum = new Checksum();
        ImageDataset trainSet = null;
        if (both) {
            trainSet = read("image-folder-train", train, shape, checksum);
        } else {
            checksum.addAll(items(train));
        }
        ImageDataset valSet = read("image-folder-val", val, shape, checksum);
        return new Splits(trainSet, valSet, List.copyOf(train.keySet()), root, checksum.hex());
    }

    private static ImageDataset read(String name, Map<String, List<Path>> folders, Shape shape, Checksum checksum)
            throws IOException {
        List<LabelledFile> items = items(folders);
        byte[] pixels = new byte[items.size() * shape.size()];
        int[] labels = new int[items.size()];
        for (int i = 0; i < items.size(); i++) {
            Path file = items.get(i).file();
            ByteBuffer content = FileBytes.read(file, FileBytes.MAX_ITEM_BYTES, "one picture", checksum);
            SquareCrop.writeRgb(ImageFiles.decode(file, content.array()), shape.width(), pixels, i * shape.size());
            labels[i] = items.get(i).label();
        }
        return new ImageDataset(name, shape, folders.size(), pixels, labels);
    }

    /** The files of every class, labelled in class order and interleaved. */
    private static List<LabelledFile> items(Map<String, List<Path>> folders) {
        List<List<LabelledFile>> perClass = new ArrayList<>();
        int label = 0;
        for (List<Path> files : folders.values()) {
            int l = label++;
            perClass.add(files.stream().map(f -> new LabelledFile(f, l)).toList());
        }
        return ClassFolders.interleave(perClass);
    }

    private static long count(Map<String, List<Path>> folders) {
        return folders.values().stream().mapToLong(List::size).sum();
    }

    private static Set<String> missing(Set<String> from, Set<String> in) {
        Set<String> out = new LinkedHashSet<>(from);
        out.removeAll(in);
        return out;
    }
}
