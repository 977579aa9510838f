package org.ibrasnn.core.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CIFAR10-DVS as it is distributed: {@code ROOT/<class>/*.aedat}, one AEDAT 2.0 recording of a 128 x 128 DVS128
 * per file ({@link Aedat2Events}), one folder per CIFAR-10 class named as {@link CifarClasses#CIFAR10} names them.
 * The dataset has no official split; as is customary, within every class (files in natural order) the first 90 %
 * train and the rest test, so 900 and 100 of the 1000 recordings per class. Both splits interleave the classes
 * (the first recording of every class, then the second, ...) and are framed by {@link Recordings}.
 */
public final class Cifar10Dvs {

    /** Of every class's recordings, the first {@code TRAIN_TENTHS / 10} train. */
    static final int TRAIN_TENTHS = 9;

    static final DatasetSource SOURCE = new FolderSource("cifar10-dvs", "CIFAR10-DVS AEDAT 2.0 recordings (128x128 "
            + "sensor) in ROOT/<class>/*.aedat, the first 90 % of each class train, cut into T frames", true,
            new DatasetLookup("CIFAR10-DVS", "the CIFAR10-DVS class folders (" + String.join(", ", CifarClasses.CIFAR10)
                    + ") of *.aedat recordings", "",
                    DatasetLookup.holdingFolders(CifarClasses.CIFAR10.toArray(String[]::new))),
            Cifar10Dvs::load);

    private Cifar10Dvs() {}

    /** Reads both splits, as {@link #load(Path, LoadOptions, Splits.Part)}. */
    public static Splits load(Path root, LoadOptions options) throws IOException {
        return load(root, options, Splits.Part.BOTH);
    }

    /** Reads the splits {@code part} names from ROOT and hashes every file (SHA-256 over names and contents). */
    public static Splits load(Path root, LoadOptions options, Splits.Part part) throws IOException {
        Map<String, List<Path>> folders = ClassFolders.list(root);
        List<String> names = CifarClasses.CIFAR10;
        for (String folder : folders.keySet()) {
            if (!names.contains(folder)) {
                throw new DatasetFormatException(root.resolve(folder), "not a CIFAR10-DVS class folder (expected "
                        + String.join(", ", names) + ")");
            }
        }
        List<List<LabelledFile>> train = new ArrayList<>();
        List<List<LabelledFile>> test = new ArrayList<>();
        for (int label = 0; label < names.size(); label++) {
            Path dir = root.resolve(names.get(label));
            List<Path> files = folders.get(names.get(label));
            if (files == null) {
                throw new DatasetFormatException(dir, "class folder missing");
            }
            if (files.size() < 2) {
                throw new DatasetFormatException(dir, "holds " + files.size() + " recording; every class needs at "
                        + "least 2, one for each split");
            }
            List<LabelledFile> items = new ArrayList<>();
            for (Path f : files) {
                if (!f.getFileName().toString().endsWith(".aedat")) {
                    throw new DatasetFormatException(f, "not a recording (expected *.aedat in AEDAT 2.0 format)");
                }
                items.add(new LabelledFile(f, label));
            }
            int trainCount = files.size() * TRAIN_TENTHS / 10;
            train.add(items.subList(0, trainCount));
            test.add(items.subList(trainCount, items.size()));
        }
        Checksum checksum = new Checksum();
        int classes = names.size();
        ImageDataset trainSet = null;
        if (part == Splits.Part.BOTH) {
            trainSet = Recordings.frame("cifar10-dvs-train", root, ClassFolders.interleave(train), classes,
                    Aedat2Events.SIZE, Aedat2Events::decode, options, checksum);
        } else {
            checksum.addAll(ClassFolders.interleave(train));
        }
        ImageDataset testSet = Recordings.frame("cifar10-dvs-test", root, ClassFolders.interleave(test), classes,
                Aedat2Events.SIZE, Aedat2Events::decode, options, checksum);
        return new Splits(trainSet, testSet, names, root, checksum.hex());
    }
}
