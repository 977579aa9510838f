package org.ibrasnn.djl.train;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.ibrasnn.core.model.ModelSpec;

/**
 * Bounds the memory one training batch takes, so that a batch too large is refused with the figure before anything
 * is allocated (instead of the kernel's OOM killer ending the process without a word). The bound is the output of
 * every node for every image of the batch at every timestep, in float32, times {@link #AUTOGRAD_FACTOR} (the value
 * kept for the backward pass, its gradient and one temporary); it is compared with the memory of the machine (or
 * container), and the batch's input buffer (a heap array staged through a direct buffer) with the JVM's maximum heap
 * and direct memory.
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
        long heap = Runtime.getRuntime().maxMemory();
        check(spec, batchSize, trainImages, machine, heap, directMemory(heap));
    }

    /** {@code -XX:MaxDirectMemorySize}, or the heap's maximum (the JVM's default) when it is unset or unknown. */
    private static long directMemory(long heap) {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        long direct = hotSpot == null ? 0 : Long.parseLong(hotSpot.getVMOption("MaxDirectMemorySize").getValue());
        return direct > 0 ? direct : heap;
    }

    /**
     * {@link #check(ModelSpec, int, int)} on a machine of {@code machineBytes} with a heap of {@code heapBytes} and
     * {@code directBytes} of direct memory.
     */
    static void check(ModelSpec spec, int batchSize, int trainImages, long machineBytes, long heapBytes,
                      long directBytes) {
        long images = Math.min(batchSize, Math.max(1, trainImages));
        long perImage = spec.activationBytes() / Float.BYTES;
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
        String limit = input > MAX_ARRAY ? "one Java array holds"
                : 4 * input > heapBytes ? "the JVM's maximum heap of " + bytes(heapBytes) + " (-Xmx)"
                : 4 * input > directBytes ? "the JVM's direct memory of " + bytes(directBytes)
                        + " (-XX:MaxDirectMemorySize)" : null;
        if (limit != null) {
            throw new PlanRefusedException("batch_size", batch + "needs an input buffer of " + bytes(4 * input)
                    + ", more than " + limit + "; use a smaller batch size");
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
