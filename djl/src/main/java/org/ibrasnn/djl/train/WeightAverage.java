package org.ibrasnn.djl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An exponential moving average of every trained weight (Polyak averaging, the "model EMA" of image classifiers and
 * YOLO detectors). After update {@code t} (counted from 1) each average moves towards the current value with the
 * decay {@code min(decay, (1 + t) / (10 + t))}, so the first updates, made while the weights still move fast, are
 * soon forgotten. BN statistics are not averaged: the trainer re-estimates them for the averaged weights
 * ({@link BatchNormStatistics}). The trainer evaluates and exports the average; its tensors travel in the
 * checkpoint, so a resumed run ends with the same average as an uninterrupted one.
 */
final class WeightAverage {

    private final float decay;
    private final Map<String, Parameter> parameters;
    private final Map<String, NDArray> averages = new LinkedHashMap<>();

    /** Starts the average of every trained parameter among {@code parameters} at its current value. */
    WeightAverage(float decay, Map<String, Parameter> parameters, NDManager manager) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("weight-averaging decay must be in (0, 1), got " + decay);
        }
        this.decay = decay;
        this.parameters = parameters;
        parameters.forEach((name, p) -> {
            if (!p.requiresGradient()) {
                return;
            }
            NDArray w = p.getArray();
            NDArray average = manager.create(w.getShape(), w.getDataType());
            average.set(FloatBuffer.wrap(w.toFloatArray()));
            averages.put(name, average);
        });
    }

    /** The decay applied at update {@code t} (counted from 1). */
    static float decayAt(float decay, long t) {
        return (float) Math.min(decay, (1.0 + t) / (10.0 + t));
    }

    /** Moves every average towards its parameter's value after update {@code t}. */
    void update(long t) {
        float d = decayAt(decay, t);
        for (Map.Entry<String, NDArray> e : averages.entrySet()) {
            try (NDArray w = parameters.get(e.getKey()).getArray().stopGradient(); NDArray share = w.mul(1 - d)) {
                e.getValue().muli(d).addi(share);
            }
        }
    }

    /**
     * Runs {@code action} with the averages in the network, then puts the trained values of every parameter back,
     * BN statistics included (the action may re-estimate them).
     */
    <T> T during(Supplier<T> action) {
        Map<String, float[]> trained = new LinkedHashMap<>();
        parameters.forEach((name, p) -> trained.put(name, p.getArray().toFloatArray()));
        install();
        try {
            return action.get();
        } finally {
            parameters.forEach((name, p) -> p.getArray().set(FloatBuffer.wrap(trained.get(name))));
        }
    }

    /** Overwrites the network's values with the averages, for good (the end of training). */
    void install() {
        averages.forEach((name, average) -> parameters.get(name).getArray().set(FloatBuffer.wrap(average.toFloatArray())));
    }

    /** The averages by parameter name, for checkpoints. */
    Map<String, NDArray> tensors() {
        return averages;
    }
}
