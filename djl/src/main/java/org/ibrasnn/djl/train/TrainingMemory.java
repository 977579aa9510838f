package org.ibrasnn.djl.train;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;

/**
 * Bounds the memory one training batch takes, so that a batch too large is refused with the figure before anything
 * is allocated (instead of the kernel's OOM killer ending the process without a word). The bound is the output of
 * every node for every image of the batch at every timestep, in float32, times {@link #AUTOGRAD_FACTOR} (the value
 * kept for the backward pass, its gradient and one temporary); it is compared with the memory of the machine (or
 * container), and the batch's input buffer with the JVM's maximum heap.
 */
final class TrainingMemory {

    /** Copies of every activation a training step holds at once. */
    static final int AUTOGRAD_FACTOR = 3;

    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private TrainingMemory() {}

    /** Refuses a batch size whose training step would not fit this machine or this JVM. */
    static void check(ModelSpec spec, int batchSize, int trainImages) {
        long machine = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        check(spec, batchSize, trainImages, machine, Runtime.getRuntime().maxMemory());
    }

    /** {@link #check(ModelSpec, int, int)} on a machine of {@code machineBytes} with a heap of {@code heapBytes}. */
    static void check(ModelSpec spec, int batchSize, int trainImages, long machineBytes, long heapBytes) {
        long images = Math.min(batchSize, Math.max(1, trainImages));
        long perImage = 0;
        for (Shape s : spec.analysis().shapes().values()) {
            perImage += s.size();
        }
        double needed = 4.0 * AUTOGRAD_FACTOR * perImage * spec.steps() * images;
        double input = (double) images * spec.input().size();
        String batch = "training in batches of " + images + " images (batch size " + batchSize + ", "
                + trainImages + " training images) ";
        if (needed > machineBytes) {
            throw new PlanRefusedException("batch_size", batch + "needs about " + bytes(needed) + " for "
                    + spec.analysis().shapes().size() + " node outputs of " + perImage + " values per image and "
                    + "timestep over " + spec.steps() + " timestep(s), x" + AUTOGRAD_FACTOR + " for the backward pass, "
                    + "more than the " + bytes(machineBytes) + " of memory this machine has; use a smaller batch size");
        }
        if (input > MAX_ARRAY || 4 * input > heapBytes) {
            throw new PlanRefusedException("batch_size", batch + "needs an input buffer of " + bytes(4 * input)
                    + ", more than " + (input > MAX_ARRAY ? "one Java array holds" : "the JVM's maximum heap of "
                    + bytes(heapBytes) + " (-Xmx)") + "; use a smaller batch size");
        }
    }

    /** Bytes exactly and in binary units, e.g. "3.2 GiB (3435973837 bytes)". */
    static String bytes(double b) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"};
        int u = 0;
        double v = b;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s (%.0f bytes)", v, units[u], b);
    }
}
