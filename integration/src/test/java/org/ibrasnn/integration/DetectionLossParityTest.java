package org.ibrasnn.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.ibrasnn.djl.task.detection.DetectionLoss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detection loss against an independent PyTorch implementation of the same definitions
 * ({@code parity/detection_loss_reference.py}, Debian's python3-torch): batch 2, a 64x64 input (levels 8x8, 4x4,
 * 2x2), 3 classes, three overlapping boxes in one image and a single box plus padding in the other. The total,
 * its three parts and the gradients with respect to the three head outputs must agree to 1e-9 relative in
 * float64, and to 1e-5 relative when DJL runs in float32.
 */
class DetectionLossParityTest {

    private static final int BATCH = 2;
    private static final int CHANNELS = 4 * 16 + 3;
    private static final int[] SIZES = {8, 4, 2};
    private static final String[] PARTS = {"total", "box", "cls", "dfl"};

    @TempDir
    Path dir;

    @Test
    void float64MatchesPyTorchTo1e9() throws Exception {
        compare(DataType.FLOAT64, 1e-9);
    }

    @Test
    void float32MatchesPyTorchTo1e5() throws Exception {
        compare(DataType.FLOAT32, 1e-5);
    }

    private void compare(DataType type, double tolerance) throws Exception {
        Map<String, double[]> in = inputs();
        Map<String, double[]> ours = runDjl(in, type);
        Map<String, double[]> theirs = runTorch(in);
        assertTrue(theirs.get("foreground")[0] >= 20, "too few foreground anchors: " + theirs.get("foreground")[0]);
        assertTrue(theirs.get("conflicts")[0] >= 1, "no anchor is claimed twice: the conflict rule is untested");
        List<String> report = new ArrayList<>();
        for (String name : ours.keySet()) {
            double[] mine = ours.get(name), ref = theirs.get(name);
            assertEquals(ref.length, mine.length, name);
            double scale = 0, worst = 0;
            for (int i = 0; i < mine.length; i++) {
                scale = Math.max(scale, Math.abs(ref[i]));
                worst = Math.max(worst, Math.abs(mine[i] - ref[i]));
            }
            assertTrue(scale > 0, name + " is all zeros: the comparison would prove nothing");
            report.add(name + " " + worst + " (of " + scale + ")");
            assertTrue(worst <= tolerance * scale, type + " " + name + ": max difference " + worst + " exceeds "
                    + tolerance + " x " + scale);
        }
        System.out.println("detection loss parity, " + type + ", " + theirs.get("foreground")[0] + " foreground anchors, "
                + theirs.get("conflicts")[0] + " claimed twice; max abs differences: " + String.join(", ", report));
    }

    /** Seeded head outputs with bins leaning to short distances, and fixed ground truth. */
    private static Map<String, double[]> inputs() {
        SplittableRandom random = new SplittableRandom(15);
        Map<String, double[]> in = new LinkedHashMap<>();
        for (int l = 0; l < SIZES.length; l++) {
            int cells = SIZES[l] * SIZES[l];
            double[] v = new double[BATCH * CHANNELS * cells];
            for (int i = 0; i < v.length; i++) {
                int channel = (i / cells) % CHANNELS;
                double lean = channel < 64 ? -0.35 * (channel % 16) : 0;
                v[i] = (float) (random.nextGaussian() + lean);
            }
            in.put("p" + (8 << l), v);
        }
        in.put("gt_boxes", new double[] {4, 6, 30, 40, 18, 16, 60, 58, 34, 2, 62, 26, 10, 12, 50, 44, 0, 0, 0, 0,
                0, 0, 0, 0});
        in.put("gt_classes", new double[] {0, 2, 1, 1, 0, 0});
        in.put("gt_mask", new double[] {1, 1, 1, 1, 0, 0});
        return in;
    }

    private static Shape shape(String name) {
        return switch (name) {
            case "gt_boxes" -> new Shape(BATCH, 3, 4);
            case "gt_classes", "gt_mask" -> new Shape(BATCH, 3);
            default -> {
                int size = SIZES[Integer.numberOfTrailingZeros(Integer.parseInt(name.substring(1))) - 3];
                yield new Shape(BATCH, CHANNELS, size, size);
            }
        };
    }

    private static Map<String, double[]> runDjl(Map<String, double[]> in, DataType type) {
        Map<String, double[]> out = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList levels = new NDList();
            for (String name : List.of("p8", "p16", "p32")) {
                NDArray level = manager.create(in.get(name), shape(name)).toType(type, false);
                level.setRequiresGradient(true);
                levels.add(level);
            }
            NDArray boxes = manager.create(in.get("gt_boxes"), shape("gt_boxes")).toType(type, false);
            NDArray classes = manager.create(in.get("gt_classes"), shape("gt_classes")).toType(DataType.INT64, false);
            NDArray mask = manager.create(in.get("gt_mask"), shape("gt_mask")).toType(DataType.INT32, false);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                DetectionLoss.Components c = DetectionLoss.v8(3).compute(levels, boxes, classes, mask);
                collector.backward(c.total());
                NDArray[] parts = {c.total(), c.box(), c.cls(), c.dfl()};
                for (int i = 0; i < PARTS.length; i++) {
                    out.put(PARTS[i], parts[i].toType(DataType.FLOAT64, false).reshape(1).toDoubleArray());
                }
            }
            for (int l = 0; l < levels.size(); l++) {
                out.put("grad.p" + (8 << l), levels.get(l).getGradient().toType(DataType.FLOAT64, false)
                        .toDoubleArray());
            }
        }
        return out;
    }

    private Map<String, double[]> runTorch(Map<String, double[]> in) throws IOException, InterruptedException {
        Path src = dir.resolve("in.txt");
        Path dst = dir.resolve("out.txt");
        List<String> lines = new ArrayList<>();
        in.forEach((name, v) -> lines.add(name + " " + Arrays.stream(shape(name).getShape()).mapToObj(Long::toString)
                .collect(Collectors.joining(",")) + " " + Arrays.stream(v).mapToObj(Double::toString)
                .collect(Collectors.joining(" "))));
        Files.write(src, lines);
        SystemPython.run(Path.of("src/test/resources/parity/detection_loss_reference.py"), src.toString(),
                dst.toString());
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dst)) {
            String[] f = line.split(" ");
            out.put(f[0], Arrays.stream(f, 2, f.length).mapToDouble(Double::parseDouble).toArray());
        }
        return out;
    }
}
