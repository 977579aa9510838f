package org.ibrasnn.djl.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.task.Metrics;
import org.ibrasnn.djl.NamedParameters;
import org.ibrasnn.djl.SpikingNetwork;
import org.ibrasnn.djl.StagingBuffer;
import org.ibrasnn.djl.task.HostArray;
import org.ibrasnn.djl.task.ImageShift;
import org.ibrasnn.djl.task.TrainingTask;
import org.ibrasnn.djl.task.TrainingTasks;

/**
 * Trains a {@link ModelSpec} on an image set with a {@link Recipe} and the loss of its task: seeded initialisation, shuffling and
 * augmentation (so a CPU run is repeatable), one NDManager per batch (so memory stays flat), a test
 * evaluation and an atomic checkpoint after every epoch, and a stop with the last good checkpoint kept
 * when the loss stops being finite.
 */
public final class Trainer implements AutoCloseable {


    private final ModelSpec spec;
    private final TrainingTask task;
    private final Recipe recipe;
    private final NDManager manager;
    private final SpikingNetwork network;
    private final Map<String, Parameter> parameters;
    private final OptimizerState optimizer;
    /** The weight average that is evaluated and exported, or null when the recipe averages nothing. */
    private final WeightAverage average;
    private final ParameterStore store;
    private final List<EpochMetrics> history = new ArrayList<>();

    /** Builds and initialises the network from the recipe's seed. */
    public Trainer(ModelSpec spec, Recipe recipe) {
        this(spec, recipe, null);
    }

    /**
     * Builds the network and starts it from {@code initial}'s weights and statistics, or from the recipe's seed when
     * null; the optimizer and the weight averages start from those values.
     */
    public Trainer(ModelSpec spec, Recipe recipe, InitialWeights initial) {
        this.spec = spec;
        this.task = TrainingTasks.of(spec.task());
        this.recipe = recipe;
        this.manager = NDManager.newBaseManager();
        Engine.getInstance().setRandomSeed((int) recipe.seed());
        this.network = SpikingNetwork.of(spec);
        network.block().setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                XavierInitializer.FactorType.IN, 2), Parameter.Type.WEIGHT);
        network.block().initialize(manager, DataType.FLOAT32, network.inputShape(recipe.batchSize()));
        this.parameters = NamedParameters.of(network);
        task.initialize(spec, parameters);
        if (initial != null) {
            initial.load(spec, parameters);
        }
        this.optimizer = new OptimizerState(recipe, parameters, manager);
        this.average = recipe.averaging() > 0 ? new WeightAverage(recipe.averaging(), parameters, manager) : null;
        this.store = new ParameterStore(manager, false);
    }

    public ModelSpec spec() {
        return spec;
    }

    public Recipe recipe() {
        return recipe;
    }

    public SpikingNetwork network() {
        return network;
    }

    /** Parameters by tensor name (weights and BN statistics). */
    public Map<String, Parameter> parameters() {
        return parameters;
    }

    /** Epochs finished so far (restored from a checkpoint on resume). */
    public List<EpochMetrics> history() {
        return List.copyOf(history);
    }

    OptimizerState optimizer() {
        return optimizer;
    }

    /** The weight averages by parameter name, for checkpoints (none when the recipe averages nothing). */
    Map<String, NDArray> averages() {
        return average == null ? Map.of() : average.tensors();
    }

    void restoreHistory(List<EpochMetrics> epochs) {
        history.clear();
        history.addAll(epochs);
    }

    /**
     * Runs the remaining epochs; after each, {@code afterEpoch} is called (the checkpoint). With weight averaging
     * the test metrics are the average's, with BN statistics re-estimated for it, and the network holds both when
     * this returns.
     */
    public void train(ImageDataset train, ImageDataset test, TrainingListener listener, EpochHook afterEpoch)
            throws IOException {
        checkData(spec, train);
        checkData(spec, test);
        for (int epoch = history.size() + 1; epoch <= recipe.epochs(); epoch++) {
            long start = System.nanoTime();
            Running running = runEpoch(epoch, train, listener);
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            listener.evaluating(test.size());
            int finished = epoch;
            Metrics testMetrics = average == null ? evaluate(test, 0) : average.during(() -> {
                reestimateStatistics(train, finished);
                return evaluate(test, 0);
            });
            EpochMetrics metrics = new EpochMetrics(epoch, running.loss(), running.metric(), testMetrics,
                    (System.nanoTime() - start) / 1e9, train.size() / trainSeconds,
                    recipe.learningRateAt(epoch - 1), ProcessStats.rssBytes(), ProcessStats.peakRssBytes());
            history.add(metrics);
            afterEpoch.epochDone(this, metrics);
            listener.epochFinished(metrics);
        }
        if (average != null) {
            average.install();
            reestimateStatistics(train, recipe.epochs());
        }
    }

    /** The task's metrics of the current weights in inference mode ({@code limit <= 0}: all images). */
    public Metrics evaluate(ImageDataset data, int limit) {
        return Evaluation.score(network, store, manager, data, Evaluation.batchSize(network), limit);
    }

    /**
     * Re-estimates the BN statistics of the present weights on {@link BatchNormStatistics#BATCHES} full training
     * batches, shuffled and augmented as an epoch's are (seeded by {@code epoch}, so the last epoch's evaluation and
     * the exported model get the same statistics).
     */
    private void reestimateStatistics(ImageDataset train, int epoch) {
        int n = Math.min(recipe.batchSize(), train.size());
        int[] order = permutation(train.size(), new SplittableRandom(mix(recipe.seed(), epoch, 3)));
        SplittableRandom augmentRandom = new SplittableRandom(mix(recipe.seed(), epoch, 4));
        Augmentation augmentation = augmentation();
        BatchNormStatistics statistics = new BatchNormStatistics(parameters.values());
        statistics.addBatches(network, store, manager, Math.min(BatchNormStatistics.BATCHES, train.size() / n), n,
                (b, buffer) -> {
                    train.copyImages(Arrays.copyOfRange(order, b * n, (b + 1) * n), buffer);
                    augmentation.apply(buffer, n, augmentRandom);
                }, done -> { });
        statistics.install();
    }

    private Augmentation augmentation() {
        var shape = spec.input();
        return new Augmentation(shape.channels(), shape.height(), shape.width(), recipe.cropPadding(),
                recipe.horizontalFlip(), recipe.erasing());
    }

    /** An epoch's running mean loss and training metric. */
    private record Running(double loss, Metrics metric) {}

    private Running runEpoch(int epoch, ImageDataset train, TrainingListener listener) {
        var shape = spec.input();
        int size = shape.size();
        int batchSize = recipe.batchSize();
        int batches = (train.size() + batchSize - 1) / batchSize;
        int[] order = permutation(train.size(), new SplittableRandom(mix(recipe.seed(), epoch, 1)));
        SplittableRandom augmentRandom = new SplittableRandom(mix(recipe.seed(), epoch, 2));
        Augmentation augmentation = augmentation();
        float[] buffer = new float[Math.min(batchSize, train.size()) * size];
        StagingBuffer images = new StagingBuffer();
        List<StagingBuffer> targetBuffers = new ArrayList<>();
        listener.epochStarted(epoch, recipe.epochs(), batches);
        double lossSum = 0;
        double metricSum = 0;
        long seen = 0;
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            int from = b * batchSize;
            int n = Math.min(batchSize, train.size() - from);
            int[] indices = Arrays.copyOfRange(order, from, from + n);
            train.copyImages(indices, buffer);
            List<ImageShift> shifts = augmentation.apply(buffer, n, augmentRandom);
            List<HostArray> hostTargets = task.targets(train, indices, shifts);
            float rate = recipe.learningRateAt(epoch - 1 + (double) b / batches);
            try (NDManager batch = manager.newSubManager()) {
                NDArray x = images.floats(batch, buffer, new Shape(n, shape.channels(), shape.height(), shape.width()));
                NDList y = stage(batch, hostTargets, targetBuffers);
                float loss;
                double batchMetric;
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDList outputs = network.forwardAll(store, x, true);
                    TrainingTask.BatchLoss batchLoss = task.loss(outputs, y, recipe.labelSmoothing());
                    loss = batchLoss.loss().getFloat();
                    if (!Float.isFinite(loss)) {
                        throw new TrainingDivergedException("the loss became " + loss + " at epoch " + epoch
                                + ", batch " + (b + 1) + " of " + batches);
                    }
                    collector.backward(batchLoss.loss());
                    batchMetric = batchLoss.metricSum();
                }
                optimizer.step(rate);
                if (average != null) {
                    average.update(optimizer.updates());
                }
                lossSum += loss * n;
                metricSum += batchMetric;
                seen += n;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            listener.batchFinished(b + 1, lossSum / seen, trainMetric(metricSum / seen), seen / seconds);
        }
        return new Running(lossSum / seen, trainMetric(metricSum / seen));
    }

    private Metrics trainMetric(double value) {
        return Metrics.of(task.metricName(), value);
    }

    /** The targets as tensors, each through its own reusable buffer. */
    private static NDList stage(NDManager batch, List<HostArray> targets, List<StagingBuffer> buffers) {
        while (buffers.size() < targets.size()) {
            buffers.add(new StagingBuffer());
        }
        NDList out = new NDList(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            HostArray t = targets.get(i);
            out.add(t.floats() != null ? buffers.get(i).floats(batch, t.floats(), t.shape())
                    : buffers.get(i).longs(batch, t.longs(), t.shape()));
        }
        return out;
    }

    /** Refuses data whose shape, classes or kind of targets do not fit {@code spec}. */
    static void checkData(ModelSpec spec, ImageDataset data) {
        if (!data.shape().equals(spec.input())) {
            throw new IllegalArgumentException("dataset " + data.name() + " has images of " + data.shape()
                    + " but architecture " + spec.arch() + " was built for " + spec.input());
        }
        if (data.hasBoxes() != spec.task().boxTargets()) {
            throw new IllegalArgumentException("dataset " + data.name() + (data.hasBoxes() ? " holds boxes" : " holds"
                    + " class labels") + " but architecture " + spec.arch() + " is built for the task '"
                    + spec.task().name() + "'" + (data.hasBoxes() ? "" : ", which trains on boxes (coco, yolo)"));
        }
        if (data.classes() != spec.classes()) {
            throw new IllegalArgumentException("dataset " + data.name() + " has " + data.classes()
                    + " classes but the model has " + spec.classes());
        }
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static long mix(long seed, int epoch, int stream) {
        return seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + stream;
    }

    @Override
    public void close() {
        manager.close();
    }

    /** Called after every epoch with the trainer and the epoch's metrics (checkpointing). */
    @FunctionalInterface
    public interface EpochHook {
        void epochDone(Trainer trainer, EpochMetrics metrics) throws IOException;
    }
}
