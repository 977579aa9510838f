package org.ibrasnn.core.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ibrasnn.core.io.StrictJson;
import org.ibrasnn.core.model.JsonFields;

/**
 * Reads a COCO {@code instances_*.json} and the pictures it names, strictly. Required and checked: {@code images}
 * (unique integer {@code id}, relative {@code file_name} resolved under the images directory, positive integer
 * {@code width} and {@code height} that the picture must have), {@code categories} (unique integer {@code id},
 * unique non-empty {@code name}) and {@code annotations} (unique integer {@code id}, known {@code image_id} and
 * {@code category_id}, {@code bbox} of four finite numbers x, y, w, h with w, h > 0 overlapping its image, finite
 * {@code area} >= 0, {@code iscrowd} 0 or 1). Other fields (info, licenses, segmentation, ...) are ignored. Labels
 * number the categories in increasing id order. A fault fails the whole read with one line naming the file and the
 * JSON path.
 */
public final class CocoInstances {

    /** The most the JSON file may hold, decompressed. */
    static final long MAX_JSON_BYTES = 1L << 30;

    private CocoInstances() {}

    /** Reads {@code json} and its pictures under {@code imagesDir} as {@code channels} (1: grey, 3: RGB) planes. */
    public static DetectionDataset load(Path json, Path imagesDir, int channels) throws IOException {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        JsonObject root = parse(json);
        try {
            JsonFields top = new JsonFields(root, "$");
            Map<Long, Integer> labels = new HashMap<>();
            List<String> names = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            categories(top.array("categories"), labels, names, ids);
            Entries entries = entries(objects(top.array("images"), "$.images"));
            List<List<DetectionDataset.Box>> boxes = boxes(objects(top.array("annotations"), "$.annotations"),
                    entries, labels);
            List<DetectionDataset.Image> out = new ArrayList<>();
            List<DetectionPictures.Planes> pictures = new ArrayList<>();
            for (int i = 0; i < entries.images().size(); i++) {
                JsonFields image = entries.images().get(i);
                long[] size = entries.sizes().get(i);
                pictures.add(picture(json, imagesDir.resolve(entries.files().get(i)), channels, image, size));
                out.add(new DetectionDataset.Image(integer(image, "id"), entries.files().get(i), (int) size[0],
                        (int) size[1], boxes.get(i)));
            }
            return new DetectionDataset(json.getFileName().toString(), channels, out, names, ids,
                    DetectionPictures.join(json, pictures));
        } catch (IllegalArgumentException e) {
            throw new DatasetFormatException(json, e.getMessage());
        }
    }

    /** The picture an image entry names, which must have the size the entry gives. */
    private static DetectionPictures.Planes picture(Path json, Path file, int channels, JsonFields image, long[] size)
            throws DatasetFormatException {
        String where = image.where() + ".file_name: ";
        DetectionPictures.Planes planes;
        try {
            planes = DetectionPictures.decode(file, channels);
        } catch (IOException e) {
            throw new DatasetFormatException(json, where + e.getMessage());
        }
        if (planes.width() != size[0] || planes.height() != size[1]) {
            throw new DatasetFormatException(json, where + file + ": picture of " + planes.width() + "x"
                    + planes.height() + " pixels, but width x height say " + size[0] + "x" + size[1]);
        }
        return planes;
    }

    private static JsonObject parse(Path json) throws IOException {
        String text = FileBytes.text(json, MAX_JSON_BYTES, "a COCO annotation file");
        JsonElement value;
        try {
            value = StrictJson.parse(text);
        } catch (JsonParseException e) {
            throw new DatasetFormatException(json, e.getMessage());
        }
        if (!value.isJsonObject()) {
            throw new DatasetFormatException(json, "$: must be an object");
        }
        return value.getAsJsonObject();
    }

    /** The image entries, their index by id, their checked file names and their sizes {width, height}. */
    private record Entries(List<JsonFields> images, Map<Long, Integer> index, List<String> files, List<long[]> sizes) {}

    private static Entries entries(List<JsonFields> images) {
        Map<Long, Integer> index = new HashMap<>();
        List<long[]> sizes = new ArrayList<>();
        List<String> files = new ArrayList<>();
        Set<String> seenFiles = new HashSet<>();
        for (JsonFields image : images) {
            long id = integer(image, "id");
            if (index.put(id, index.size()) != null) {
                throw new IllegalArgumentException(image.where() + ".id: duplicate image id " + id);
            }
            String file = image.string("file_name");
            if (!seenFiles.add(file)) {
                throw new IllegalArgumentException(image.where() + ".file_name: '" + file + "' named twice");
            }
            files.add(relative(image.where() + ".file_name", file));
            sizes.add(new long[] {positive(image, "width"), positive(image, "height")});
        }
        return new Entries(images, index, files, sizes);
    }

    /** The boxes of every image, from annotations whose ids are unique and whose image and category exist. */
    private static List<List<DetectionDataset.Box>> boxes(List<JsonFields> annotations, Entries entries,
                                                          Map<Long, Integer> labels) {
        List<List<DetectionDataset.Box>> boxes = new ArrayList<>();
        entries.images().forEach(i -> boxes.add(new ArrayList<>()));
        Set<Long> ids = new HashSet<>();
        for (JsonFields a : annotations) {
            long id = integer(a, "id");
            if (!ids.add(id)) {
                throw new IllegalArgumentException(a.where() + ".id: duplicate annotation id " + id);
            }
            long imageId = integer(a, "image_id");
            Integer image = entries.index().get(imageId);
            if (image == null) {
                throw new IllegalArgumentException(a.where() + ".image_id: no image has id " + imageId);
            }
            long categoryId = integer(a, "category_id");
            Integer label = labels.get(categoryId);
            if (label == null) {
                throw new IllegalArgumentException(a.where() + ".category_id: no category has id " + categoryId);
            }
            boxes.get(image).add(box(a, label, entries.sizes().get(image)));
        }
        return boxes;
    }

    private static void categories(JsonArray array, Map<Long, Integer> labels, List<String> names, List<Long> ids) {
        TreeMap<Long, String> byId = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (JsonFields c : objects(array, "$.categories")) {
            long id = integer(c, "id");
            String name = c.string("name");
            if (name.isBlank()) {
                throw new IllegalArgumentException(c.where() + ".name: empty");
            }
            if (byId.put(id, name) != null) {
                throw new IllegalArgumentException(c.where() + ".id: duplicate category id " + id);
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException(c.where() + ".name: duplicate category name '" + name + "'");
            }
        }
        byId.forEach((id, name) -> {
            labels.put(id, labels.size());
            names.add(name);
            ids.add(id);
        });
    }

    private static List<JsonFields> objects(JsonArray array, String where) {
        List<JsonFields> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isJsonObject()) {
                throw new IllegalArgumentException(where + "[" + i + "]: must be an object, got "
                        + JsonFields.shown(array.get(i)));
            }
            out.add(new JsonFields(array.get(i).getAsJsonObject(), where + "[" + i + "]"));
        }
        return out;
    }

    private static long integer(JsonFields o, String key) {
        JsonElement e = o.has(key) ? o.o().get(key) : null;
        if (e == null) {
            throw new IllegalArgumentException(o.where() + ": missing field '" + key + "'");
        }
        return JsonFields.exactInteger(e).orElseThrow(() -> new IllegalArgumentException(o.where() + "." + key
                + ": must be an integer, got " + JsonFields.shown(e)));
    }

    private static long positive(JsonFields o, String key) {
        long v = integer(o, key);
        if (v <= 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(o.where() + "." + key + ": must be a positive int, got " + v);
        }
        return v;
    }

    /** {@code file} as a path under the images directory: relative, without {@code ..}. */
    private static String relative(String where, String file) {
        Path p;
        try {
            p = Path.of(file).normalize();
        } catch (InvalidPathException e) {
            p = null;
        }
        if (p == null || file.isEmpty() || p.isAbsolute() || p.startsWith("..") || file.contains("\\")) {
            throw new IllegalArgumentException(where + ": '" + file + "' is not a relative path inside the images "
                    + "directory");
        }
        return file;
    }

    private static DetectionDataset.Box box(JsonFields a, int label, long[] size) {
        String where = a.where() + ".bbox";
        JsonArray bbox = a.array("bbox");
        if (bbox.size() != 4) {
            throw new IllegalArgumentException(where + ": must hold 4 numbers [x, y, w, h], holds " + bbox.size());
        }
        double[] v = new double[4];
        for (int k = 0; k < 4; k++) {
            v[k] = finite(bbox.get(k), where + "[" + k + "]");
        }
        if (v[2] <= 0 || v[3] <= 0) {
            throw new IllegalArgumentException(where + ": width and height must be positive, got " + v[2] + " x "
                    + v[3]);
        }
        if (v[0] >= size[0] || v[1] >= size[1] || v[0] + v[2] <= 0 || v[1] + v[3] <= 0) {
            throw new IllegalArgumentException(where + ": box [" + v[0] + ", " + v[1] + ", " + v[2] + ", " + v[3]
                    + "] lies outside its " + size[0] + "x" + size[1] + " image");
        }
        double area = finite(a.o().get("area"), a.where() + ".area");
        if (area < 0) {
            throw new IllegalArgumentException(a.where() + ".area: must be >= 0, got " + area);
        }
        long crowd = integer(a, "iscrowd");
        if (crowd != 0 && crowd != 1) {
            throw new IllegalArgumentException(a.where() + ".iscrowd: must be 0 or 1, got " + crowd);
        }
        return new DetectionDataset.Box(label, v[0], v[1], v[2], v[3], area, crowd == 1);
    }

    private static double finite(JsonElement e, String where) {
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException(where + ": missing number");
        }
        double v = JsonFields.number(e, where).doubleValue();
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(where + ": must be a finite number, got " + JsonFields.shown(e));
        }
        return v;
    }
}
