package org.ibrasnn.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ibrasnn.core.data.FashionMnist;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.djl.train.LoadedModel;
import org.ibrasnn.runtime.InferenceExport;
import org.ibrasnn.runtime.LayerReport;
import org.ibrasnn.runtime.RunReport;
import org.ibrasnn.runtime.SpikeRuntime;

/**
 * Spike-driven runtime vs DJL dense inference of the same trained model, side by side: batch-1 latency
 * (median of many single-image calls; the runtime splits each image's convolutions over the cores), batch-64 throughput (runtime: 64
 * images across all cores; DJL: one batch of 64), and runtime throughput as the firing rate changes. The
 * firing rate is moved by shifting every neuron's input: a constant delta added to the bias of every
 * conv/linear except the classifier (scaling the input image does not work: the stem's BatchNorm is
 * affine, so spikes hardly change). Usage: RuntimeVsDjl TRAINING_MODEL_FILE [REPEATS].
 */
public final class RuntimeVsDjl {

    /** Calls before timing starts: enough for C2 to compile the Vector API kernels. */
    private static final int WARM_UP = 300;

    private RuntimeVsDjl() {}

    public static void main(String[] args) throws Exception {
        ModelFile trained = ModelFile.read(Path.of(args[0]));
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        ImageDataset test = FashionMnist.load(null).test();
        SpikeRuntime runtime = SpikeRuntime.of(InferenceExport.fold(trained));
        int size = test.shape().size();
        float[] batch = new float[64 * size];
        test.copyImages(java.util.stream.IntStream.range(0, 64).toArray(), batch);
        int cores = Runtime.getRuntime().availableProcessors();
        try (LoadedModel djl = LoadedModel.of(trained)) {
            double djlOne = median(repeats, i -> djl.outputs(image(test, i % 1000), 1));
            double rtOne = median(repeats, i -> runtime.outputs(image(test, i % 1000), SpikeRuntime.Mode.SPIKE_DRIVEN));
            double djl64 = median(Math.max(5, repeats / 20), i -> djl.outputs(batch, 64));
            double rt64 = median(Math.max(5, repeats / 20), i -> runtime.run(test, 64, SpikeRuntime.Mode.SPIKE_DRIVEN,
                    cores, k -> { }));
            System.out.printf("model %s, %s%n", trained.spec().arch(), trained.spec().activation().describe());
            System.out.printf("batch 1 latency (median of %d): runtime %.2f ms (one image split over %d cores),"
                    + " DJL %.2f ms -> runtime/DJL %.2f%n", repeats, rtOne * 1e3, cores, djlOne * 1e3, rtOne / djlOne);
            System.out.printf("batch 64 throughput: runtime %.0f images/s (%d threads), DJL %.0f images/s -> ratio %.2f%n",
                    64 / rt64, cores, 64 / djl64, djl64 / rt64);
        }
        System.out.println("runtime throughput vs firing rate (every neuron input shifted by delta; 500 images, "
                + "all cores):");
        ModelFile folded = InferenceExport.fold(trained);
        for (float delta : new float[] {-0.5f, -0.25f, 0f, 0.25f, 0.5f, 1f}) {
            RunReport r = SpikeRuntime.of(shifted(folded, delta)).run(test, 500, SpikeRuntime.Mode.SPIKE_DRIVEN,
                    Runtime.getRuntime().availableProcessors(), k -> { });
            double ones = r.layers().stream().filter(l -> l.kind().equals("neuron"))
                    .mapToDouble(LayerReport::onesPerNeuronPerStep).average().orElse(0);
            double sops = r.sopsPerImage();
            System.out.printf("  delta %+.2f: %.2f 1-bits/neuron/step, %.2f M SOPs/image, %.0f images/s, %.2f ns/SOP, "
                    + "%s %.1f %%%n", delta, ones, sops / 1e6, r.imagesPerSecond(),
                    1e9 / (r.imagesPerSecond() * sops), r.score().primary(), 100 * r.score().value());
        }
    }

    /** The inference model with {@code delta} added to every bias except the classifier's. */
    private static ModelFile shifted(ModelFile folded, float delta) {
        String classifier = folded.spec().graph().outputs().getFirst() + ".bias";
        Map<String, Tensor> tensors = new LinkedHashMap<>(folded.tensors());
        tensors.replaceAll((name, t) -> {
            if (!name.endsWith(".bias") || name.equals(classifier)) {
                return t;
            }
            float[] v = t.toArray();
            for (int i = 0; i < v.length; i++) {
                v[i] += delta;
            }
            return Tensor.of(v, t.shape());
        });
        return folded.derive("inference", folded.spec(), folded.provenance(), tensors);
    }

    private interface Call {
        void run(int i) throws Exception;
    }

    private static double median(int n, Call call) throws Exception {
        for (int i = 0; i < Math.max(WARM_UP, n / 10); i++) {
            call.run(i);
        }
        double[] seconds = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            call.run(i);
            seconds[i] = (System.nanoTime() - t) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[n / 2];
    }

    private static float[] image(ImageDataset data, int i) {
        float[] x = new float[data.shape().size()];
        data.copyImages(new int[] {i}, x);
        return x;
    }
}
