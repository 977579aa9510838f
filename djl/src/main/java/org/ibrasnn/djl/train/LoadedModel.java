package org.ibrasnn.djl.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.task.Evaluator;
import org.ibrasnn.djl.ParameterTensors;
import org.ibrasnn.djl.NamedParameters;
import org.ibrasnn.djl.SpikingNetwork;

/** A trained model file loaded into a DJL network for dense evaluation. */
public final class LoadedModel implements AutoCloseable {

    private final NDManager manager = NDManager.newBaseManager();
    private final SpikingNetwork network;
    private final ParameterStore store;

    private LoadedModel(ModelFile file) {
        if (!"training".equals(file.kind())) {
            throw new IllegalArgumentException("expected a training model file (from ibra train), got kind '"
                    + file.kind() + "'");
        }
        network = SpikingNetwork.of(file.spec());
        network.block().initialize(manager, DataType.FLOAT32, network.inputShape(1));
        ParameterTensors.loadAll(NamedParameters.of(network), file.tensors());
        store = new ParameterStore(manager, false);
    }

    /** Loads a training model file; the file's tensors were already checked against its spec. */
    public static LoadedModel of(ModelFile file) {
        return new LoadedModel(file);
    }

    public SpikingNetwork network() {
        return network;
    }

    NDManager manager() {
        return manager;
    }

    ParameterStore store() {
        return store;
    }

    /**
     * The task's evaluator holding the decoded outputs of the first {@code limit} images (all when
     * {@code limit <= 0}): its metrics against {@code data} and its predictions by image.
     */
    public Evaluator evaluate(ImageDataset data, int limit) {
        return Evaluation.evaluate(network, store, manager, data, Evaluation.batchSize(network), limit);
    }

    /** Inference-mode outputs of the first {@code limit} images (all when {@code limit <= 0}), image-major. */
    public float[] outputs(ImageDataset data, int limit) {
        return Evaluation.outputs(network, store, manager, data, Evaluation.batchSize(network), limit);
    }

    /** Outputs of a batch of CHW images given contiguously (inference mode). */
    public float[] outputs(float[] images, int count) {
        var in = network.spec().input();
        try (NDManager batch = manager.newSubManager()) {
            var x = batch.create(images, new ai.djl.ndarray.types.Shape(count, in.channels(), in.height(), in.width()));
            return network.imageMajorOutputs(store, x, false);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
