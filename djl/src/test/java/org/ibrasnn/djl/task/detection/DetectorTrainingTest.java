package org.ibrasnn.djl.task.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.ibrasnn.core.data.Datasets;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.data.LoadOptions;
import org.ibrasnn.core.data.Splits;
import org.ibrasnn.core.model.GraphBuilder;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.BatchNorm;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.core.task.Metrics;
import org.ibrasnn.core.task.Tasks;
import org.ibrasnn.core.task.detection.GroundTruthBox;
import org.ibrasnn.djl.task.HostArray;
import org.ibrasnn.djl.task.ImageShift;
import org.ibrasnn.djl.task.TrainingTask;
import org.ibrasnn.djl.train.Recipe;
import org.ibrasnn.djl.train.Trainer;
import org.ibrasnn.djl.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detection training end to end on a set read from the COCO layout: the targets of a batch are the moved boxes,
 * padded and masked; the loss is the v8 loss of the outputs; and a small detector trained on solid and hollow
 * squares finds them again, scored by the task's COCO evaluation (so the head layout the loss trains is the one
 * the evaluation decodes).
 */
class DetectorTrainingTest {

    private static final int SIZE = 64;

    @TempDir
    Path dir;

    /** Scenes of one or two squares: solid (class 0) or hollow (class 1), 16-28 px, not overlapping. */
    private Splits writeScenes(int train, int test) throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        for (String split : List.of("train", "test")) {
            int count = split.equals("train") ? train : test;
            Path images = Files.createDirectories(dir.resolve(split).resolve("images"));
            StringBuilder imagesJson = new StringBuilder();
            StringBuilder boxes = new StringBuilder();
            int annotation = 0;
            for (int i = 0; i < count; i++) {
                BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
                int objects = 1 + random.nextInt(2);
                for (int k = 0; k < objects; k++) {
                    int side = 16 + random.nextInt(13);
                    int x = k == 0 ? random.nextInt(SIZE / 2 - side / 2) : SIZE / 2 + random.nextInt(SIZE / 2 - side);
                    int y = random.nextInt(SIZE - side);
                    int cls = random.nextInt(2);
                    for (int r = y; r < y + side; r++) {
                        for (int c = x; c < x + side; c++) {
                            boolean edge = r < y + 3 || r >= y + side - 3 || c < x + 3 || c >= x + side - 3;
                            if (cls == 0 || edge) {
                                image.getRaster().setSample(c, r, 0, 230);
                            }
                        }
                    }
                    boxes.append(annotation == 0 ? "" : ",").append(String.format(Locale.ROOT,
                            "{\"id\": %d, \"image_id\": %d, \"category_id\": %d, \"bbox\": [%d, %d, %d, %d], "
                                    + "\"area\": %d, \"iscrowd\": 0}", ++annotation, i + 1, cls + 1, x, y, side, side,
                            side * side));
                }
                ImageIO.write(image, "png", images.resolve(i + ".png").toFile());
                imagesJson.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                        "{\"id\": %d, \"file_name\": \"%d.png\", \"width\": %d, \"height\": %d}", i + 1, i, SIZE, SIZE));
            }
            Files.writeString(dir.resolve(split).resolve("instances_" + split + ".json"), "{\"images\": [" + imagesJson
                    + "], \"categories\": [{\"id\": 1, \"name\": \"solid\"}, {\"id\": 2, \"name\": \"hollow\"}], "
                    + "\"annotations\": [" + boxes + "]}");
        }
        return Datasets.load("coco", dir, LoadOptions.defaults());
    }

    /**
     * A 4x4 stride-4 stem, then three levels at strides 8, 16, 32, each a neuron, a 3x3 conv and a 1x1 conv to
     * 4 x 16 bins + 2 logits.
     */
    private static ModelSpec detector() {
        GraphBuilder g = new GraphBuilder();
        g.then("stem.conv", new Conv(1, 32, 4, 4, 0, false)).then("stem.bn", new BatchNorm(32, 1e-5));
        g.then("s8.neuron", new Neuron()).then("s8.conv", new Conv(32, 48, 3, 2, 1, false))
                .then("s8.bn", new BatchNorm(48, 1e-5));
        String p3 = g.last();
        g.then("s16.neuron", new Neuron()).then("s16.conv", new Conv(48, 48, 3, 2, 1, false))
                .then("s16.bn", new BatchNorm(48, 1e-5));
        String p4 = g.last();
        g.then("s32.neuron", new Neuron()).then("s32.conv", new Conv(48, 48, 3, 2, 1, false))
                .then("s32.bn", new BatchNorm(48, 1e-5));
        String p5 = g.last();
        List<String> outputs = new ArrayList<>();
        for (String[] level : new String[][] {{"p3", p3}, {"p4", p4}, {"p5", p5}}) {
            g.node(level[0] + ".neuron", new Neuron(), List.of(level[1]));
            g.then(level[0] + ".mid", new Conv(48, 48, 3, 1, 1, false)).then(level[0] + ".midbn",
                    new BatchNorm(48, 1e-5));
            g.then(level[0] + ".neuron2", new Neuron()).then(level[0] + ".pred", new Conv(48, 66, 1, 1, 0, true));
            outputs.add(g.last());
        }
        return new ModelSpec("tiny-detector", new Shape(1, SIZE, SIZE), 2, new Relu(), g.build(outputs), 1,
                Tasks.named("detect"));
    }

    @Test
    void targetsAreTheMovedBoxesPaddedToTheMostOfTheBatch() throws IOException {
        ImageDataset set = writeScenes(6, 1).train();
        TrainingTask task = DetectionTraining.INSTANCE;
        int[] indices = {0, 1, 2};
        List<ImageShift> shifts = List.of(ImageShift.NONE, new ImageShift(0, 4, true), ImageShift.NONE);
        List<HostArray> t = task.targets(set, indices, shifts);
        int most = Math.max(set.boxes(0).size(), Math.max(set.boxes(1).size(), set.boxes(2).size()));
        assertEquals(List.of(new ai.djl.ndarray.types.Shape(3, most, 4), new ai.djl.ndarray.types.Shape(3, most),
                new ai.djl.ndarray.types.Shape(3, most)), t.stream().map(HostArray::shape).toList());
        for (int i = 0; i < 3; i++) {
            List<GroundTruthBox> boxes = set.boxes(indices[i]);
            for (int j = 0; j < most; j++) {
                int at = i * most + j;
                assertEquals(j < boxes.size() ? 1 : 0, t.get(2).longs()[at], "mask of item " + i + ", box " + j);
                if (j < boxes.size()) {
                    GroundTruthBox b = shifts.get(i).apply(boxes.get(j), SIZE, SIZE).orElseThrow();
                    assertEquals(List.of((float) b.x(), (float) b.y(), (float) (b.x() + b.w()), (float) (b.y() + b.h())),
                            List.of(t.get(0).floats()[4 * at], t.get(0).floats()[4 * at + 1],
                                    t.get(0).floats()[4 * at + 2], t.get(0).floats()[4 * at + 3]));
                    assertEquals(boxes.get(j).categoryId(), t.get(1).longs()[at]);
                }
            }
        }
    }

    @Test
    void theLossIsTheV8LossAndTheMetricOneMinusItsBoxPart() {
        try (NDManager m = NDManager.newBaseManager()) {
            SplittableRandom random = new SplittableRandom(9);
            NDList outputs = new NDList();
            for (int s : new int[] {8, 4, 2}) {
                float[] v = new float[2 * 66 * s * s];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) random.nextGaussian();
                }
                outputs.add(m.create(v, new ai.djl.ndarray.types.Shape(2, 66, s, s)));
            }
            NDList targets = new NDList(m.create(new float[] {4, 4, 30, 24, 0, 0, 0, 0, 10, 12, 50, 60, 33, 2, 60, 20},
                    new ai.djl.ndarray.types.Shape(2, 2, 4)), m.create(new long[] {1, 0, 0, 1},
                    new ai.djl.ndarray.types.Shape(2, 2)), m.create(new long[] {1, 0, 1, 1},
                    new ai.djl.ndarray.types.Shape(2, 2)));
            TrainingTask.BatchLoss loss = DetectionTraining.INSTANCE.loss(outputs, targets, 0.1f);
            DetectionLoss.Components expected = DetectionLoss.v8(2).compute(outputs, targets.get(0), targets.get(1),
                    targets.get(2));
            assertEquals(expected.total().getFloat(), loss.loss().getFloat());
            assertEquals((1 - expected.box().getFloat()) * 2, loss.metricSum(), 1e-6);
        }
    }

    @Test
    void aSmallDetectorLearnsToFindSquaresAndTheEvaluationDecodesWhatTheLossTrained() throws IOException {
        Splits scenes = writeScenes(96, 32);
        Recipe recipe = new Recipe("test", 24, 16, org.ibrasnn.djl.train.OptimizerKind.ADAMW, 3e-3f, 0.9f, 1e-4f, 1f,
                0f, 4, true, 0f, 0f, 0f, 1);
        try (Trainer trainer = new Trainer(detector(), recipe)) {
            trainer.train(scenes.train(), scenes.test(), TrainingListener.NONE, (t, m) -> { });
            Metrics first = trainer.history().get(0).test();
            Metrics last = trainer.evaluate(scenes.test(), 0);
            System.out.printf(Locale.ROOT, "tiny detector: test mAP50 %.3f -> %.3f, mAP50_95 %.3f -> %.3f%n",
                    first.values().get("AP50"), last.values().get("AP50"), first.value(), last.value());
            // a head decoded otherwise than the loss trains it stays near 0; seen here after 24 epochs: 0.85 / 0.61,
            // and 0.47 / 0.28 without the class prior (ClassPrior), which these bounds would catch
            assertTrue(last.values().get("AP50") > 0.7, "mAP50 " + last.values());
            assertTrue(last.value() > first.value() + 0.4, "mAP50_95 " + first.value() + " -> " + last.value());
        }
    }

    @Test
    void aClassLabelSetIsRefusedForADetector() throws IOException {
        Splits scenes = writeScenes(4, 2);
        Recipe recipe = Recipe.detect(1).withEpochs(1);
        ModelSpec classifier = new ModelSpec("tiny", new Shape(1, SIZE, SIZE), 2, new Relu(), new GraphBuilder()
                .then("conv", new Conv(1, 2, 3, 1, 1, false)).then(new org.ibrasnn.core.model.ops.GlobalAvgPool())
                .build());
        try (Trainer trainer = new Trainer(classifier, recipe)) {
            var e = assertThrows(IllegalArgumentException.class, () -> trainer.train(scenes.train(), scenes.test(),
                    TrainingListener.NONE, (t, m) -> { }));
            assertEquals("dataset instances_train.json holds boxes but architecture tiny is built for the task "
                    + "'classify'", e.getMessage());
        }
    }
}
