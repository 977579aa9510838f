package org.ibrasnn.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.ibrasnn.djl.task.detection.DetectionLoss;
import org.ibrasnn.djl.train.ProcessStats;

/**
 * The resident memory of the YOLOv8 detection loss alone, computed batch after batch as training computes it (one
 * NDManager per batch): spikeyolo-pico's three outputs for a batch of 64 64x64 scenes with 10 classes, four seeded
 * random boxes per image. Run it on a heap pre-touched to its maximum ({@code -Xms = -Xmx}, {@code
 * -XX:+AlwaysPreTouch}) so that any growth is native memory. Prints the resident size every {@code every} batches and
 * the growth per batch after the first report.
 *
 * <p>Usage: {@code DetectionLossMemory BATCHES EVERY}
 */
public final class DetectionLossMemory {

    private static final int BATCH = 64;
    private static final int BOXES = 4;

    private DetectionLossMemory() {}

    public static void main(String[] args) {
        int batches = Integer.parseInt(args[0]);
        int every = Integer.parseInt(args[1]);
        SplittableRandom random = new SplittableRandom(1);
        Engine.getInstance().setRandomSeed(1);
        long first = -1;
        try (NDManager base = NDManager.newBaseManager()) {
            for (int b = 1; b <= batches; b++) {
                try (NDManager batch = base.newSubManager()) {
                    NDList outputs = new NDList();
                    for (int side : new int[] {8, 4, 2}) {
                        outputs.add(batch.randomNormal(new Shape(BATCH, 64 + 10, side, side)));
                    }
                    float[] boxes = new float[BATCH * BOXES * 4];
                    long[] classes = new long[BATCH * BOXES];
                    long[] mask = new long[BATCH * BOXES];
                    for (int i = 0; i < BATCH * BOXES; i++) {
                        float x = random.nextInt(32), y = random.nextInt(32), w = 16 + random.nextInt(16);
                        boxes[4 * i] = x;
                        boxes[4 * i + 1] = y;
                        boxes[4 * i + 2] = x + w;
                        boxes[4 * i + 3] = y + w;
                        classes[i] = random.nextInt(10);
                        mask[i] = 1;
                    }
                    NDArray loss = DetectionLoss.v8(10).compute(outputs, batch.create(boxes, new Shape(BATCH, BOXES, 4)),
                            batch.create(classes, new Shape(BATCH, BOXES)), batch.create(mask, new Shape(BATCH, BOXES)))
                            .total();
                    loss.getFloat();
                }
                if (b % every == 0) {
                    long rss = ProcessStats.rssBytes();
                    if (rss < 0) {
                        throw new IllegalStateException("no resident size: /proc/self/status is not readable here");
                    }
                    first = first < 0 ? rss : first;
                    System.out.printf("batch %d: resident %d MiB, growth %.1f KiB per batch since batch %d%n", b,
                            rss >> 20, b == every ? 0.0 : (rss - first) / 1024.0 / (b - every), every);
                }
            }
        }
    }
}
