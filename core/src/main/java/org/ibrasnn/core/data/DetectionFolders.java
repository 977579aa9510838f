package org.ibrasnn.core.data;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The detection sets reachable by name, read into {@link ImageDataset}s with boxes (so every picture must have
 * the size of the first): {@code coco}, the layout {@code ibra data make-detection} writes
 * ({@code ROOT/<split>/instances_<split>.json} and {@code ROOT/<split>/images/}, splits {@code train} and
 * {@code test}), and {@code yolo} ({@code ROOT/classes.txt}, {@code ROOT/images/<split>/},
 * {@code ROOT/labels/<split>/*.txt}, splits {@code train} and {@code val}, val serving as the test split).
 * Pictures are read as one grey plane when the first picture of the train split is grey, else as RGB planes. The
 * checksum covers the annotation files and every picture, by name and content.
 */
final class DetectionFolders {

    static final DatasetSource COCO = new FolderSource("coco", "detection scenes in the COCO layout of ibra data "
            + "make-detection: ROOT/train/instances_train.json with ROOT/train/images/, the same for test", false,
            new DatasetLookup("coco", "train/instances_train.json and test/instances_test.json", "make one with "
                    + "ibra data make-detection", dir -> Files.isRegularFile(SyntheticScenes.instancesFile(
                    dir.resolve("train"), "train")) && Files.isRegularFile(SyntheticScenes.instancesFile(
                    dir.resolve("test"), "test")) ? Optional.of(dir) : Optional.empty()),
            (dir, options, part) -> coco(dir, part));

    static final DatasetSource YOLO = new FolderSource("yolo", "detection pictures in the YOLO layout: "
            + "ROOT/classes.txt, ROOT/images/{train,val}/, ROOT/labels/{train,val}/*.txt (class cx cy w h, "
            + "normalised)", false,
            new DatasetLookup("yolo", "classes.txt, images/train/ and images/val/", "",
                    dir -> Files.isRegularFile(dir.resolve(YoloLabels.CLASSES_FILE))
                            && Files.isDirectory(dir.resolve("images/train"))
                            && Files.isDirectory(dir.resolve("images/val")) ? Optional.of(dir) : Optional.empty()),
            (dir, options, part) -> yolo(dir, part));

    private DetectionFolders() {}

    private static Splits coco(Path dir, Splits.Part part) throws IOException {
        Checksum checksum = new Checksum();
        Path trainDir = dir.resolve("train");
        Path testDir = dir.resolve("test");
        int channels = DetectionPictures.channelsOf(SyntheticScenes.imagesDir(trainDir));
        ImageDataset train = null;
        if (part == Splits.Part.BOTH) {
            train = CocoInstances.load(SyntheticScenes.instancesFile(trainDir, "train"),
                    SyntheticScenes.imagesDir(trainDir), channels).asImageSet();
        }
        hash(checksum, SyntheticScenes.instancesFile(trainDir, "train"), SyntheticScenes.imagesDir(trainDir));
        DetectionDataset test = CocoInstances.load(SyntheticScenes.instancesFile(testDir, "test"),
                SyntheticScenes.imagesDir(testDir), channels);
        hash(checksum, SyntheticScenes.instancesFile(testDir, "test"), SyntheticScenes.imagesDir(testDir));
        return splits(train, test, dir, checksum);
    }

    private static Splits yolo(Path dir, Splits.Part part) throws IOException {
        Checksum checksum = new Checksum();
        int channels = DetectionPictures.channelsOf(dir.resolve("images/train"));
        ImageDataset train = part == Splits.Part.BOTH ? YoloLabels.load(dir, "train", channels).asImageSet() : null;
        DetectionDataset test = YoloLabels.load(dir, "val", channels);
        checksum.add(dir.resolve(YoloLabels.CLASSES_FILE));
        for (String split : List.of("train", "val")) {
            hash(checksum, null, dir.resolve("images").resolve(split));
            Path labels = dir.resolve("labels").resolve(split);
            if (Files.isDirectory(labels)) {
                hash(checksum, null, labels);
            }
        }
        return splits(train, test, dir, checksum);
    }

    private static Splits splits(ImageDataset train, DetectionDataset test, Path dir, Checksum checksum) {
        ImageDataset testSet = test.asImageSet();
        if (train != null && !train.shape().equals(testSet.shape())) {
            throw new IllegalArgumentException(dir + ": the train pictures are " + train.shape() + " but the test "
                    + "pictures are " + testSet.shape() + "; a network takes one size");
        }
        return new Splits(train, testSet, test.classNames(), dir, checksum.hex());
    }

    /** Adds {@code annotations} (may be null) and every file in {@code folder}, by name, in sorted order. */
    private static void hash(Checksum checksum, Path annotations, Path folder) throws IOException {
        if (annotations != null) {
            checksum.add(annotations);
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            stream.forEach(files::add);
        }
        files.sort(null);
        for (Path f : files) {
            checksum.add(f);
        }
    }
}
