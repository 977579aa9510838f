package org.ibrasnn.core.data;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the YOLO label layout, strictly: pictures {@code DIR/images/<split>/*.png|jpg|jpeg}, for each an optional
 * {@code DIR/labels/<split>/<stem>.txt} (absent: an image without boxes) whose lines are
 * {@code class cx cy w h}, the class an integer label and the box centre and size finite numbers in [0, 1]
 * relative to the picture's width and height (w, h > 0), separated by blanks. The class names are the lines of
 * {@code DIR/classes.txt}, one per label in order (unique, non-empty). A label file without a picture, any other
 * file among the pictures, or a bad line fails the whole read naming the file and the line. Images are taken in
 * file-name order; an image's id is its index.
 */
public final class YoloLabels {

    /** The file of class names in the dataset directory. */
    public static final String CLASSES_FILE = "classes.txt";

    private static final long MAX_TEXT_BYTES = 1L << 24;

    private YoloLabels() {}

    /** Reads split {@code split} of the set in {@code dir} as {@code channels} (1: grey, 3: RGB) planes. */
    public static DetectionDataset load(Path dir, String split, int channels) throws IOException {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        List<String> names = classNames(dir.resolve(CLASSES_FILE));
        Path imageDir = dir.resolve("images").resolve(split);
        Path labelDir = dir.resolve("labels").resolve(split);
        TreeMap<String, Path> pictures = pictures(imageDir);
        if (Files.isDirectory(labelDir)) {
            try (DirectoryStream<Path> labels = Files.newDirectoryStream(labelDir)) {
                for (Path label : labels) {
                    String file = label.getFileName().toString();
                    if (!file.endsWith(".txt") || !pictures.containsKey(file.substring(0, file.length() - 4))) {
                        throw new DatasetFormatException(label, "no picture of this name in " + imageDir);
                    }
                }
            }
        }
        List<DetectionDataset.Image> images = new ArrayList<>();
        List<DetectionPictures.Planes> planes = new ArrayList<>();
        for (var entry : pictures.entrySet()) {
            DetectionPictures.Planes p = DetectionPictures.decode(entry.getValue(), channels);
            Path label = labelDir.resolve(entry.getKey() + ".txt");
            List<DetectionDataset.Box> boxes = Files.exists(label) ? boxes(label, names.size(), p) : List.of();
            images.add(new DetectionDataset.Image(images.size(), entry.getValue().getFileName().toString(),
                    p.width(), p.height(), boxes));
            planes.add(p);
        }
        List<Long> ids = new ArrayList<>();
        for (long c = 0; c < names.size(); c++) {
            ids.add(c);
        }
        return new DetectionDataset(dir.getFileName() + "-" + split, channels, images, names, ids,
                DetectionPictures.join(imageDir, planes));
    }

    /** The pictures of a split by stem; anything else in the folder is refused. */
    private static TreeMap<String, Path> pictures(Path imageDir) throws IOException {
        if (!Files.isDirectory(imageDir)) {
            throw new DatasetFormatException(imageDir, "directory not found");
        }
        TreeMap<String, Path> out = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(imageDir)) {
            for (Path f : files) {
                Temporaries.refuse(f);
                String name = f.getFileName().toString();
                int dot = name.lastIndexOf('.');
                String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (!Set.of("png", "jpg", "jpeg").contains(ext)) {
                    throw new DatasetFormatException(f, "not a .png, .jpg or .jpeg picture");
                }
                if (out.put(name.substring(0, dot), f) != null) {
                    throw new DatasetFormatException(f, "a second picture named " + name.substring(0, dot));
                }
            }
        }
        return out;
    }

    private static List<String> classNames(Path file) throws IOException {
        List<String> names = lines(file);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (name.isEmpty() || !seen.add(name)) {
                throw new DatasetFormatException(file, "line " + (i + 1) + ": " + (name.isEmpty() ? "empty class name"
                        : "duplicate class name '" + name + "'"));
            }
            names.set(i, name);
        }
        if (names.isEmpty()) {
            throw new DatasetFormatException(file, "no class names");
        }
        return List.copyOf(names);
    }

    private static List<DetectionDataset.Box> boxes(Path file, int classes, DetectionPictures.Planes picture)
            throws IOException {
        List<DetectionDataset.Box> boxes = new ArrayList<>();
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            String where = "line " + (i + 1) + ": ";
            String[] f = lines.get(i).strip().split("[ \t]+");
            if (f.length != 5) {
                throw new DatasetFormatException(file, where + "expected 'class cx cy w h', got " + f.length
                        + " fields");
            }
            int label;
            try {
                label = Integer.parseInt(f[0]);
            } catch (NumberFormatException e) {
                throw new DatasetFormatException(file, where + "class '" + f[0] + "' is not an integer");
            }
            if (label < 0 || label >= classes) {
                throw new DatasetFormatException(file, where + "class " + label + " is outside [0, " + classes + ")");
            }
            double[] v = new double[4];
            for (int k = 0; k < 4; k++) {
                v[k] = unit(file, where + List.of("cx", "cy", "w", "h").get(k), f[k + 1]);
            }
            if (v[2] == 0 || v[3] == 0) {
                throw new DatasetFormatException(file, where + "w and h must be positive");
            }
            double w = v[2] * picture.width();
            double h = v[3] * picture.height();
            boxes.add(new DetectionDataset.Box(label, v[0] * picture.width() - w / 2, v[1] * picture.height() - h / 2,
                    w, h, w * h, false));
        }
        return boxes;
    }

    private static double unit(Path file, String where, String text) throws DatasetFormatException {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= 0 && v <= 1) || text.matches(".*[^0-9.eE+-].*")) {
            throw new DatasetFormatException(file, where + " '" + text + "' is not a number in [0, 1]");
        }
        return v;
    }

    /** The lines of a UTF-8 text file; a final newline ends the last line, blank lines are refused. */
    private static List<String> lines(Path file) throws IOException {
        String text = FileBytes.text(file, MAX_TEXT_BYTES, "a label file");
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                throw new DatasetFormatException(file, "line " + (i + 1) + ": blank line");
            }
        }
        return lines;
    }
}
