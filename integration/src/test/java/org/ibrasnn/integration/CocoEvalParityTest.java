package org.ibrasnn.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ibrasnn.core.task.detection.CocoEvaluation;
import org.ibrasnn.core.task.detection.CocoJson;
import org.ibrasnn.core.task.detection.CocoResult;
import org.ibrasnn.core.task.detection.CocoStats;
import org.ibrasnn.core.task.detection.DetectionBox;
import org.ibrasnn.core.task.detection.GroundTruthBox;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The twelve COCO statistics of {@link CocoEvaluation}, and each category's precision curve at IoU 0.50, against
 * pycocotools 2.0.11's COCOeval on seeded random scenes written with {@link CocoJson}: crowd boxes, objects of
 * every area range and on the range bounds, an {@code area} that differs from {@code w * h}, images without ground
 * truth or without detections, a category without ground truth, exact score ties within and across images, images
 * with more than 100 detections.
 */
class CocoEvalParityTest {

    private static final double TOLERANCE = 1e-9;
    private static final List<Integer> CATEGORIES = List.of(1, 2, 5, 9);
    private static final int NO_TRUTH_CATEGORY = 9;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void statisticsMatchPycocotools(long seed) throws Exception {
        Scene scene = Scene.random(new SplittableRandom(seed));
        Path truthFile = dir.resolve("gt.json");
        Path resultsFile = dir.resolve("results.json");
        Map<Integer, String> categories = new LinkedHashMap<>();
        CATEGORIES.forEach(c -> categories.put(c, "class" + c));
        CocoJson.writeGroundTruth(truthFile, scene.images(), categories, scene.truths());
        CocoJson.writeResults(resultsFile, scene.detections());

        CocoResult result = CocoEvaluation.accumulate(scene.images(), CATEGORIES, scene.truths(), scene.detections());
        CocoStats ours = result.stats();
        String out = OraclePython.run(Path.of("src/test/resources/coco/cocoeval_reference.py"), truthFile.toString(),
                resultsFile.toString());
        JsonArray theirs = JsonParser.parseString(out).getAsJsonObject().getAsJsonArray("stats");
        assertEquals(12, theirs.size());
        double maxDiff = 0;
        for (int i = 0; i < 12; i++) {
            double expected = theirs.get(i).getAsDouble();
            double actual = ours.values().get(i);
            assertEquals(expected, actual, TOLERANCE, CocoStats.NAMES.get(i) + " (seed " + seed + ")");
            maxDiff = Math.max(maxDiff, Math.abs(expected - actual));
        }
        JsonArray curves = JsonParser.parseString(out).getAsJsonObject().getAsJsonArray("precision50");
        assertEquals(CATEGORIES.size(), curves.size());
        for (int k = 0; k < CATEGORIES.size(); k++) {
            List<Double> curve = result.precision(CATEGORIES.get(k), 0);
            JsonArray expected = curves.get(k).getAsJsonArray();
            assertEquals(expected.size(), curve.size());
            for (int r = 0; r < curve.size(); r++) {
                assertEquals(expected.get(r).getAsDouble(), curve.get(r), TOLERANCE,
                        "precision of category " + CATEGORIES.get(k) + " at recall point " + r + " (seed " + seed + ")");
            }
        }
        assertTrue(ours.ap() > 0 && ours.ap() < 1, "the scene is neither trivial nor hopeless: AP " + ours.ap());
        System.out.printf("seed %d: %d truths, %d detections, stats %s, max |diff| %.3g%n", seed,
                scene.truths().size(), scene.detections().size(), ours.values(), maxDiff);
    }

    /** Images, ground truth and detections of one random evaluation. */
    private record Scene(List<Long> images, List<GroundTruthBox> truths, List<DetectionBox> detections) {

        static Scene random(SplittableRandom random) {
            List<Long> images = new ArrayList<>();
            List<GroundTruthBox> truths = new ArrayList<>();
            List<DetectionBox> detections = new ArrayList<>();
            int imageCount = 14;
            for (int i = 0; i < imageCount; i++) {
                long image = 3L * i + 1 + random.nextInt(3);
                images.add(image);
                boolean noTruth = i < 2;
                boolean noDetections = i == 2 || i == 3;
                boolean manyDetections = i == 4 || i == 5;
                for (int category : CATEGORIES) {
                    List<GroundTruthBox> here = new ArrayList<>();
                    int objects = noTruth || category == NO_TRUTH_CATEGORY ? 0 : random.nextInt(5);
                    for (int o = 0; o < objects; o++) {
                        here.add(truth(random, image, category));
                    }
                    truths.addAll(here);
                    if (noDetections) {
                        continue;
                    }
                    for (GroundTruthBox g : here) {
                        for (int copies = random.nextInt(4); copies > 0; copies--) {
                            detections.add(near(random, g));
                        }
                        for (int inner = g.iscrowd() ? 3 : 0; inner > 0; inner--) {
                            detections.add(inside(random, g));
                        }
                    }
                    int falsePositives = manyDetections && category == CATEGORIES.get(0) ? 130 : random.nextInt(4);
                    for (int f = 0; f < falsePositives; f++) {
                        double[] b = box(random);
                        detections.add(new DetectionBox(image, category, b[0], b[1], b[2], b[3], score(random, 0, 0.7)));
                    }
                }
            }
            // Shuffle so that images and categories interleave in the results file.
            for (int i = detections.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                detections.set(i, detections.set(j, detections.get(i)));
            }
            return new Scene(images, truths, detections);
        }

        private static GroundTruthBox truth(SplittableRandom random, long image, int category) {
            double[] b = box(random);
            double area = b[2] * b[3];
            if (random.nextInt(5) == 0) {
                area *= 0.5 + random.nextDouble() * 0.5; // a mask's area, smaller than its box
            }
            boolean crowd = random.nextInt(8) == 0;
            return new GroundTruthBox(image, category, b[0], b[1], b[2], b[3], area, crowd);
        }

        /** A box of a random area range, on integer or fractional pixels, now and then exactly on a bound. */
        private static double[] box(SplittableRandom random) {
            double x = random.nextDouble() * 500;
            double y = random.nextDouble() * 500;
            return switch (random.nextInt(5)) {
                case 0 -> new double[] {x, y, 4 + random.nextDouble() * 28, 4 + random.nextDouble() * 28};
                case 1 -> new double[] {x, y, 33 + random.nextDouble() * 60, 33 + random.nextDouble() * 60};
                case 2 -> new double[] {x, y, 97 + random.nextDouble() * 200, 97 + random.nextDouble() * 200};
                case 3 -> random.nextBoolean() ? new double[] {Math.floor(x), Math.floor(y), 32, 32}
                        : new double[] {Math.floor(x), Math.floor(y), 96, 96};
                default -> new double[] {Math.floor(x), Math.floor(y), 2 + random.nextInt(150), 2 + random.nextInt(150)};
            };
        }

        /** A detection of {@code g} moved and resized by up to a sixth of its size, or exactly on it. */
        private static DetectionBox near(SplittableRandom random, GroundTruthBox g) {
            double dx = (random.nextDouble() - 0.5) / 3 * g.w();
            double dy = (random.nextDouble() - 0.5) / 3 * g.h();
            double sw = 5 / 6.0 + random.nextDouble() / 3;
            double sh = 5 / 6.0 + random.nextDouble() / 3;
            if (random.nextInt(6) == 0) {
                dx = dy = 0;
                sw = sh = 1;
            }
            return new DetectionBox(g.imageId(), g.categoryId(), g.x() + dx, g.y() + dy, g.w() * sw, g.h() * sh,
                    score(random, 0.3, 1));
        }

        /** A detection inside the crowd {@code g}, a fifth to a half of its size: IoU 1 only by the crowd rule. */
        private static DetectionBox inside(SplittableRandom random, GroundTruthBox g) {
            double w = g.w() * (0.2 + random.nextDouble() * 0.3);
            double h = g.h() * (0.2 + random.nextDouble() * 0.3);
            return new DetectionBox(g.imageId(), g.categoryId(), g.x() + random.nextDouble() * (g.w() - w),
                    g.y() + random.nextDouble() * (g.h() - h), w, h, score(random, 0.3, 1));
        }

        /** A score in {@code [low, high)}, half of them on a 0.05 grid, so that many are exactly equal. */
        private static double score(SplittableRandom random, double low, double high) {
            double u = low + random.nextDouble() * (high - low);
            return random.nextBoolean() ? Math.round(u * 20) / 20.0 : u;
        }
    }
}
