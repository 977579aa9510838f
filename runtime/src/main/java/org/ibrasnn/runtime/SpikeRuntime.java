package org.ibrasnn.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.core.task.Evaluator;

/**
 * The spike-driven runtime for an inference model file (see {@link InferenceExport}): pure Java, no DJL,
 * no native code. The model's graph compiles to one executor per node; batches run images in parallel, one
 * engine per thread; a single image splits its convolutions' bit-planes or output rows over the cores.
 */
public final class SpikeRuntime {

    /** How layers fed by neurons compute: event-driven accumulates, or dense multiplies for checking. */
    public enum Mode { SPIKE_DRIVEN, DENSE }

    private final ModelSpec spec;
    private final Compiler.Program program;

    private SpikeRuntime(ModelFile model) {
        this.spec = model.spec();
        this.program = Compiler.compile(model);
    }

    /** Compiles an inference model. */
    public static SpikeRuntime of(ModelFile inferenceModel) {
        return new SpikeRuntime(inferenceModel);
    }

    /** Reads and compiles an inference model file. */
    public static SpikeRuntime load(Path file) throws IOException {
        return of(ModelFile.read(file));
    }

    public ModelSpec spec() {
        return spec;
    }

    /**
     * The first (for a classifier, the only) output of the model's graph for one image given as CHW floats
     * in [0, 1], averaged over the timesteps, with the least latency: its layers split
     * over all cores (same sums in the same order, so the same bits as a single thread) and nothing is
     * counted ({@link #run} gives the operation counts).
     */
    public float[] outputs(float[] image, Mode mode) {
        return new Engine(program, spec, mode, true, false).outputs(image);
    }

    /** As {@link #outputs}, with one array per output of the model's graph, in the graph's order. */
    public float[][] allOutputs(float[] image, Mode mode) {
        return new Engine(program, spec, mode, true, false).allOutputs(image);
    }

    /** As {@link #allOutputs}, joined into one array in the graph's order (as a task's evaluator takes them). */
    public float[] joinedOutputs(float[] image, Mode mode) {
        return new Engine(program, spec, mode, true, false).joinedOutputs(image);
    }

    /** Runs the first {@code limit} images ({@code <= 0}: all) on {@code threads} threads, scored by the task. */
    public RunReport run(ImageDataset data, int limit, Mode mode, int threads, IntConsumer progress) {
        return run(ImageSource.of(data), limit, mode, threads, progress);
    }

    /** Runs the first {@code limit} images of a source ({@code <= 0}: all) on {@code threads} threads. */
    public RunReport run(ImageSource data, int limit, Mode mode, int threads, IntConsumer progress) {
        spec.requireInput(data.shape());
        int count = limit > 0 ? Math.min(limit, data.size()) : data.size();
        Evaluator evaluator = spec.task().evaluator(spec.heads(), count);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        List<Counters> perThread = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads))) {
            List<Future<Counters>> futures = new ArrayList<>();
            for (int t = 0; t < Math.max(1, threads); t++) {
                futures.add(pool.submit(() -> {
                    Engine engine = new Engine(program, spec, mode, false, true);
                    float[] image = new float[spec.input().size()];
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        data.image(i, image);
                        evaluator.add(i, engine.joinedOutputs(image));
                        progress.accept(done.incrementAndGet());
                    }
                    return engine.counters;
                }));
            }
            for (Future<Counters> f : futures) {
                perThread.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Counters total = new Counters(program.stats(), spec.steps());
        perThread.forEach(total::add);
        return new RunReport(mode.name().toLowerCase(), count, evaluator.score(data), seconds,
                spec.steps(), spec.steps() * slots(), layers(total), evaluator.predictions());
    }

    private List<LayerReport> layers(Counters c) {
        List<LayerReport> out = new ArrayList<>();
        for (int i = 0; i < program.stats().size(); i++) {
            Compiler.StatInfo info = program.stats().get(i);
            long spikes = Arrays.stream(c.slotOnes[i]).sum();
            long steps = c.neuronSteps[i];
            boolean neuron = "neuron".equals(info.kind());
            out.add(new LayerReport(info.name(), info.kind(), c.macs[i], c.sops[i], c.literatureSops[i], c.events[i], spikes,
                    neuron && steps > 0 ? (double) spikes / (steps * info.slots()) : 0,
                    neuron && steps > 0 ? (double) spikes / steps : 0,
                    neuron ? Arrays.stream(c.slotOnes[i]).boxed().toList() : List.of(),
                    neuron ? Arrays.stream(c.histograms[i]).boxed().toList() : List.of(),
                    neuron ? List.of() : Arrays.stream(c.sopsByStep[i]).boxed().toList()));
        }
        return out;
    }

    /** Slots per timestep of the network's default activation. */
    private int slots() {
        return spec.activation() instanceof NeuronSpec n ? n.slotsPerStep() : 1;
    }

    /** A single-threaded engine that shows every neuron layer's input to {@code probe}. */
    Engine probedEngine(StepContext.NeuronProbe probe) {
        return new Engine(program, spec, Mode.DENSE, false, true, probe);
    }

    Compiler.Program program() {
        return program;
    }
}
