package org.ibrasnn.cli;

import static org.ibrasnn.cli.CliRun.run;
import static org.ibrasnn.cli.Refused.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ibrasnn.core.task.detection.CocoStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ibra eval} and {@code ibra infer} of a detector: mAP@50, mAP@50:95 and the twelve COCOeval statistics printed,
 * all metrics in {@code --json}, the COCO results file of {@code --detections} in the dataset's own ids.
 */
class DetectorEvalCommandTest {

    @TempDir
    Path dir;

    @Test
    void evalPrintsTheCocoStatisticsAndWritesResultsInTheDatasetsIds() throws Exception {
        TinyDetector tiny = TinyDetector.get();
        Path results = dir.resolve("out/detections.json");
        Path json = dir.resolve("metrics.json");
        CliRun done = run("eval", "--model", tiny.model().toString(), "--root", tiny.scenes().toString(),
                "--detections", results.toString(), "--json", json.toString()).succeeded();
        Matcher headline = Pattern.compile("test mAP@50 (\\d+\\.\\d\\d)%, mAP@50:95 (\\d+\\.\\d\\d)% on 6 images")
                .matcher(done.out());
        assertTrue(headline.find(), done.out());
        JsonObject metrics = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        for (String name : CocoStats.NAMES) {
            Matcher line = Pattern.compile("(?m)^  " + Pattern.quote(name) + " +Average (Precision|Recall) .* = +(-?\\d\\.\\d{4})$")
                    .matcher(done.out());
            assertTrue(line.find(), name + " in " + done.out());
            assertEquals(metrics.get(name).getAsDouble(), Double.parseDouble(line.group(2)), 5e-5, name);
        }
        assertEquals(String.format("%.2f", 100 * metrics.get("AP50").getAsDouble()), headline.group(1));
        assertEquals(metrics.get("mAP50_95").getAsDouble(), metrics.get("AP").getAsDouble());

        JsonObject instances = JsonParser.parseString(Files.readString(tiny.scenes().resolve("test/instances_test.json")))
                .getAsJsonObject();
        Set<Long> imageIds = ids(instances.getAsJsonArray("images"));
        Set<Long> categoryIds = ids(instances.getAsJsonArray("categories"));
        JsonArray written = JsonParser.parseString(Files.readString(results)).getAsJsonArray();
        assertFalse(written.isEmpty());
        Set<Long> imagesWithDetections = new HashSet<>();
        for (JsonElement e : written) {
            JsonObject d = e.getAsJsonObject();
            assertEquals(Set.of("image_id", "category_id", "bbox", "score"), d.keySet());
            assertTrue(imageIds.contains(d.get("image_id").getAsLong()), d.toString());
            assertTrue(categoryIds.contains(d.get("category_id").getAsLong()), d.toString());
            assertEquals(4, d.getAsJsonArray("bbox").size());
            imagesWithDetections.add(d.get("image_id").getAsLong());
        }
        assertEquals(imageIds, imagesWithDetections, "every image has detections");
        assertTrue(done.out().contains("detections of 6 images (COCO results): " + results), done.out());
        assertTrue(LOCATED.matcher(done.out()).find(), done.out());
    }

    @Test
    void inferWritesTheResultsOfTheImagesItRan() throws Exception {
        TinyDetector tiny = TinyDetector.get();
        Path results = dir.resolve("infer-detections.json");
        CliRun done = run("infer", "--model", tiny.model().toString(), "--root", tiny.scenes().toString(),
                "--limit", "2", "--threads", "1", "--detections", results.toString()).succeeded();
        assertTrue(Pattern.compile("spike_driven mode: mAP@50 \\d+\\.\\d\\d%, mAP@50:95 \\d+\\.\\d\\d% on 2 images")
                .matcher(done.out()).find(), done.out());
        assertTrue(done.out().contains("COCOeval bbox statistics:"), done.out());
        assertTrue(LOCATED.matcher(done.out()).find(), done.out());
        JsonArray written = JsonParser.parseString(Files.readString(results)).getAsJsonArray();
        Set<Long> images = new HashSet<>();
        written.forEach(e -> images.add(e.getAsJsonObject().get("image_id").getAsLong()));
        assertEquals(2, images.size(), "the first two images only: " + images);
    }

    @Test
    void anUnwritableDetectionsFileIsRefusedBeforeAnyWork() throws Exception {
        assertRefused(run("eval", "--model", TinyDetector.get().model().toString(), "--detections", dir.toString()),
                "--detections", dir.toString(), "directory");
    }

    /** The located-and-named line: counts, then their shares. */
    private static final Pattern LOCATED = Pattern.compile("at IoU >= 0\\.50 by a detection of any class: \\d+ of "
            + "\\d+ objects located \\(\\d+\\.\\d%\\), \\d+ of them named rightly \\((\\d+\\.\\d%|n/a)\\)");

    private static Set<Long> ids(JsonArray objects) {
        Set<Long> ids = new HashSet<>();
        objects.forEach(o -> ids.add(o.getAsJsonObject().get("id").getAsLong()));
        return ids;
    }
}
