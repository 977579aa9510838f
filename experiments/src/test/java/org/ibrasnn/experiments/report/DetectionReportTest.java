package org.ibrasnn.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.ibrasnn.core.data.DatasetRecord;
import org.ibrasnn.core.data.Datasets;
import org.ibrasnn.core.data.FashionMnist;
import org.ibrasnn.core.data.LoadOptions;
import org.ibrasnn.core.data.SceneSettings;
import org.ibrasnn.core.data.Splits;
import org.ibrasnn.core.data.SyntheticScenes;
import org.ibrasnn.core.model.Architectures;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.task.detection.CocoStats;
import org.ibrasnn.djl.train.Recipe;
import org.ibrasnn.djl.train.TrainingListener;
import org.ibrasnn.djl.train.TrainingRun;
import org.ibrasnn.experiments.Progress;
import org.ibrasnn.experiments.detection.DetectionGrid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a real (tiny) detector training: one epoch of spikeyolo-pico on a few synthetic scenes, then a page
 * with the detection pictures, the precision-recall chart, a row per class and the twelve COCO statistics, every
 * picture an embedded PNG that decodes.
 */
class DetectionReportTest {

    private static final int TEST_SCENES = 20;

    @TempDir
    static Path dir;

    private static String html;
    private static Map<String, BufferedImage> images;
    private static List<String> notes;

    @BeforeAll
    static void trainAndReport() throws Exception {
        Splits fashion = FashionMnist.loadFrom(FashionMnist.SYSTEM_DIR);
        Path scenes = dir.resolve("scenes");
        SceneSettings settings = new SceneSettings(64, 16, 48, 3, 0.3, 16, TEST_SCENES, 3);
        for (SyntheticScenes.Split split : SyntheticScenes.Split.values()) {
            SyntheticScenes.write(fashion, "fashion-mnist", 200, settings, split, scenes, done -> { });
        }
        Splits data = Datasets.load("coco", scenes, LoadOptions.defaults());
        Path run = dir.resolve("run");
        TrainingRun.execute(new TrainingRun.Plan(Architectures.build("spikeyolo-pico", data.train().shape(),
                data.train().classes(), IbraLifSpec.paperDefault(1)), Recipe.detect(1).withEpochs(1).withBatchSize(8),
                data.train(), data.test(), run, false, Map.of()), TrainingListener.NONE);
        notes = new ArrayList<>();
        Progress progress = new Progress() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        };
        Files.writeString(run.resolve("infer.json"), "{}");
        Path page = TrainingReport.open(run).write(DatasetRecord.of("coco", LoadOptions.defaults()), data, null, null,
                progress);
        html = Files.readString(page);
        images = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<img alt=\"([^\"]+)\" src=\"data:image/png;base64,([^\"]+)\"").matcher(html);
        while (m.find()) {
            images.put(m.group(1), ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(2)))));
        }
    }

    @Test
    void everyPictureIsAnEmbeddedPngThatDecodes() {
        assertEquals(List.of("training loss", "mAP50_95 per epoch", "test images with ground truth and detections",
                "precision-recall curves per class", "firing rate per layer", "1-bits per neuron", "energy per layer",
                "histograms of emitted values"), List.copyOf(images.keySet()));
        images.forEach((alt, png) -> assertNotNull(png, alt + " does not decode"));
        assertTrue(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"));
    }

    @Test
    void theGridShowsTheFirstSixteenTestImagesFourByFour() {
        BufferedImage grid = images.get("test images with ground truth and detections");
        int tile = 64 * DetectionSection.SCALE + DetectionGrid.GAP;
        assertEquals(DetectionGrid.GAP + 4 * tile, grid.getWidth());
        assertEquals(DetectionGrid.GAP + 4 * tile, grid.getHeight());
        assertTrue(html.contains("The first 16 test images"), "grid caption");
        assertEquals(Charts.WIDTH, images.get("precision-recall curves per class").getWidth());
    }

    @Test
    void theTrainingCurvesNameTheDetectionMetrics() {
        assertTrue(html.contains("final test mAP50_95"), "training summary");
        assertEquals(Charts.WIDTH, images.get("mAP50_95 per epoch").getWidth());
    }

    @Test
    void theClassTableHasARowPerClassWithItsColour() {
        String classes = section("<h3>Classes</h3>");
        for (String name : FashionMnist.CLASS_NAMES) {
            assertTrue(classes.contains(">" + name + "</td>"), name + " missing from the class table");
        }
        assertEquals(FashionMnist.CLASS_NAMES.size(), count(classes, "background:#"));
    }

    @Test
    void theConfusionTableAccountsForEveryObjectOfTheClassTable() {
        Matcher truths = Pattern.compile("</span>[^<]+</td><td>(\\d+)</td>").matcher(section("<h3>Classes</h3>"));
        int objects = 0;
        while (truths.find()) {
            objects += Integer.parseInt(truths.group(1));
        }
        String table = section("<h3>Located and named</h3>");
        Matcher located = Pattern.compile("(\\d+) of (\\d+) objects located").matcher(table);
        assertTrue(located.find(), table);
        assertEquals(objects, Integer.parseInt(located.group(2)));
        int classes = FashionMnist.CLASS_NAMES.size();
        Matcher cell = Pattern.compile("<td style=\"background:#[0-9a-f]{6}\">(\\d+)</td>").matcher(table);
        int cells = 0;
        int sum = 0;
        int notLocated = 0;
        while (cell.find()) {
            int count = Integer.parseInt(cell.group(1));
            sum += count;
            notLocated += cells % (classes + 1) == classes ? count : 0;
            cells++;
        }
        assertEquals(classes * (classes + 1), cells, "a row per class, a column per class and one for the missed");
        assertEquals(objects, sum);
        assertEquals(objects - Integer.parseInt(located.group(1)), notLocated);
    }

    @Test
    void theStatisticsTableHoldsCocosTwelveNumbers() {
        String stats = section("<h3>COCO statistics</h3>");
        for (String name : CocoStats.NAMES) {
            Matcher m = Pattern.compile("<tr><td>" + name + "</td><td[^>]*>[^<]*</td><td>(-1|[01]\\.\\d{4})</td></tr>")
                    .matcher(stats);
            assertTrue(m.find(), name + " missing from the statistics table: " + stats);
        }
        assertTrue(html.contains("on " + TEST_SCENES + " test images"), "the run covers every test scene");
    }

    @Test
    void anInferenceRecordIsPassedOverBecauseItKeepsNoDetections() {
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("not using inference record")), notes.toString());
    }

    private static String section(String heading) {
        int from = html.indexOf(heading);
        assertTrue(from >= 0, heading + " missing");
        return html.substring(from, html.indexOf("</table>", from));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
