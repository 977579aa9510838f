package org.ibrasnn.core.task.detection;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.io.AtomicFiles;

/**
 * Writes detections as a COCO results file and ground truth as a minimal COCO instances file, both readable by
 * pycocotools ({@code COCO(gt).loadRes(results)}). Numbers are written in the shortest form that reads back to
 * the same double.
 */
public final class CocoJson {

    private CocoJson() {}

    /** {@code [{"image_id", "category_id", "bbox": [x, y, w, h], "score"}, ...]}, in list order. */
    public static void writeResults(Path file, List<DetectionBox> detections) throws IOException {
        AtomicFiles.write(file, out -> {
            JsonWriter json = new JsonWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            json.beginArray();
            for (DetectionBox d : detections) {
                json.beginObject();
                json.name("image_id").value(d.imageId());
                json.name("category_id").value(d.categoryId());
                bbox(json, d.x(), d.y(), d.w(), d.h());
                json.name("score").value(d.score());
                json.endObject();
            }
            json.endArray();
            json.flush();
        });
    }

    /**
     * {@code {"images": [{"id"}], "categories": [{"id", "name"}], "annotations": [{"id", "image_id",
     * "category_id", "bbox", "area", "iscrowd"}]}}, annotations numbered from 1 in list order (COCOeval treats
     * id 0 as no match).
     */
    public static void writeGroundTruth(Path file, Collection<Long> imageIds, Map<Integer, String> categories,
            List<GroundTruthBox> truths) throws IOException {
        AtomicFiles.write(file, out -> {
            JsonWriter json = new JsonWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            json.beginObject();
            json.name("images").beginArray();
            for (long id : imageIds) {
                json.beginObject().name("id").value(id).endObject();
            }
            json.endArray();
            json.name("categories").beginArray();
            for (Map.Entry<Integer, String> c : categories.entrySet()) {
                json.beginObject().name("id").value(c.getKey()).name("name").value(c.getValue()).endObject();
            }
            json.endArray();
            json.name("annotations").beginArray();
            long id = 1;
            for (GroundTruthBox g : truths) {
                json.beginObject();
                json.name("id").value(id++);
                json.name("image_id").value(g.imageId());
                json.name("category_id").value(g.categoryId());
                bbox(json, g.x(), g.y(), g.w(), g.h());
                json.name("area").value(g.area());
                json.name("iscrowd").value(g.iscrowd() ? 1 : 0);
                json.endObject();
            }
            json.endArray();
            json.endObject();
            json.flush();
        });
    }

    private static void bbox(JsonWriter json, double x, double y, double w, double h) throws IOException {
        json.name("bbox").beginArray().value(x).value(y).value(w).value(h).endArray();
    }
}
