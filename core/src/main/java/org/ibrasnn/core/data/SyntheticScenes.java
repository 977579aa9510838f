package org.ibrasnn.core.data;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.ibrasnn.core.io.AtomicFiles;

/**
 * Writes one split of synthetic scenes ({@link SceneGenerator}) as a COCO set: grey PNGs {@code DIR/images/NNNNNN.png}
 * and {@code DIR/instances_<split>.json}, categories the source's class names (ids label + 1), image ids index + 1,
 * boxes tight with area w*h and iscrowd 0, the settings in the {@code info} block. The JSON is deleted before the
 * first picture is written and written last, atomically, so an interrupted run leaves no set a reader accepts; a
 * rerun writes every picture again (the same seed gives the same bytes), deletes the temporaries a killed run left
 * and pictures of higher index than the split now has.
 */
public final class SyntheticScenes {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /** What the resampling of garments is, as the info block records it. */
    public static final String RESAMPLING = "separable triangle filter (area-weighted when shrinking, bilinear when "
            + "enlarging), rounded to 8 bits";

    /** The two splits of a scene set: each composes garments of the same split of the source. */
    public enum Split {
        TRAIN, TEST;

        /** {@code train} or {@code test}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** What the split's scene seeds are salted with. */
        long salt() {
            return ordinal() + 1;
        }
    }

    /** One written split: its scene and garment counts and its annotation file. */
    public record Written(String split, int scenes, int garments, Path instances) {}

    private SyntheticScenes() {}

    /**
     * Writes split {@code split} of a scene set into {@code out/<split>/}: scenes composed by {@code settings} from
     * the first {@code limit} images (0: all) of the same split of {@code source}, called {@code sourceName} in the
     * info block; {@code progress} receives the count of scenes written.
     */
    public static Written write(Splits source, String sourceName, int limit, SceneSettings settings, Split split,
                                Path out, IntConsumer progress) throws IOException {
        if (limit < 0) {
            throw new IllegalArgumentException("the image limit must be >= 0, got " + limit);
        }
        ImageDataset images = split == Split.TRAIN ? source.train() : source.test();
        int sources = limit > 0 ? Math.min(limit, images.size()) : images.size();
        int scenes = split == Split.TRAIN ? settings.trainScenes() : settings.testScenes();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("description", "synthetic detection scenes of " + sourceName + " garments");
        info.put("source", sourceName + " (sha256 " + source.checksum() + ")");
        info.put("source_split", split.label());
        info.put("source_images", sources);
        info.putAll(settings.asMap());
        info.put("placement_tries", SceneGenerator.PLACEMENT_TRIES);
        info.put("resampling", RESAMPLING);
        Path dir = out.resolve(split.label());
        int garments = write(new SceneGenerator(images, sources, settings), source.classNames(), split.label(),
                split.salt(), scenes, info, dir, progress);
        return new Written(split.label(), scenes, garments, instancesFile(dir, split.label()));
    }

    /** The annotation file of split {@code split} in its directory. */
    public static Path instancesFile(Path splitDir, String split) {
        return splitDir.resolve("instances_" + split + ".json");
    }

    /** The folder of a split's pictures. */
    public static Path imagesDir(Path splitDir) {
        return splitDir.resolve("images");
    }

    /** Writes {@code scenes} scenes (seeds salted with {@code salt}) into {@code splitDir}; returns the garments. */
    private static int write(SceneGenerator generator, List<String> classNames, String split, long salt, int scenes,
                            Map<String, Object> info, Path splitDir, IntConsumer progress) throws IOException {
        Path json = instancesFile(splitDir, split);
        Path images = imagesDir(splitDir);
        Files.deleteIfExists(json);
        Files.createDirectories(images);
        Temporaries.deleteIn(images);
        Temporaries.deleteIn(splitDir);
        AtomicInteger done = new AtomicInteger();
        List<List<SceneGenerator.Garment>> garments = IntStream.range(0, scenes).parallel().mapToObj(i -> {
            SceneGenerator.Scene scene = generator.scene(salt, i);
            try {
                writePng(images.resolve(fileName(i)), scene.pixels(), generator.canvas());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            progress.accept(done.incrementAndGet());
            return scene.garments();
        }).toList();
        deleteBeyond(images, scenes);
        JsonObject root = new JsonObject();
        JsonObject infoBlock = GSON.toJsonTree(info).getAsJsonObject();
        infoBlock.addProperty("split", split);
        root.add("info", infoBlock);
        JsonArray imageArray = new JsonArray();
        JsonArray annotations = new JsonArray();
        int canvas = generator.canvas();
        for (int i = 0; i < scenes; i++) {
            JsonObject image = new JsonObject();
            image.addProperty("id", i + 1);
            image.addProperty("file_name", fileName(i));
            image.addProperty("width", canvas);
            image.addProperty("height", canvas);
            imageArray.add(image);
            for (SceneGenerator.Garment g : garments.get(i)) {
                JsonObject a = new JsonObject();
                a.addProperty("id", annotations.size() + 1);
                a.addProperty("image_id", i + 1);
                a.addProperty("category_id", g.label() + 1);
                JsonArray bbox = new JsonArray();
                List.of(g.boxX(), g.boxY(), g.boxWidth(), g.boxHeight()).forEach(bbox::add);
                a.add("bbox", bbox);
                a.addProperty("area", g.boxWidth() * g.boxHeight());
                a.addProperty("iscrowd", 0);
                annotations.add(a);
            }
        }
        root.add("images", imageArray);
        root.add("annotations", annotations);
        JsonArray categories = new JsonArray();
        for (int c = 0; c < classNames.size(); c++) {
            JsonObject category = new JsonObject();
            category.addProperty("id", c + 1);
            category.addProperty("name", classNames.get(c));
            categories.add(category);
        }
        root.add("categories", categories);
        AtomicFiles.writeString(json, GSON.toJson(root) + "\n");
        return annotations.size();
    }

    /** The picture file of scene {@code index}. */
    static String fileName(int index) {
        return String.format("%06d.png", index);
    }

    private static void writePng(Path file, byte[] pixels, int side) throws IOException {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, side, side, pixels);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }

    /** Deletes the scene pictures numbered {@code count} or more (left by an earlier, larger run). */
    private static void deleteBeyond(Path images, int count) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(images, "[0-9][0-9][0-9][0-9][0-9][0-9]*.png")) {
            for (Path f : files) {
                String stem = f.getFileName().toString().replace(".png", "");
                if (stem.matches("[0-9]+") && Long.parseLong(stem) >= count) {
                    Files.delete(f);
                }
            }
        }
    }
}
