package org.ibrasnn.djl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies SGD-with-momentum or AdamW updates with libtorch's fused kernels while keeping the state
 * tensors (momentum, Adam moments, step count) here, so that a checkpoint can save and restore them and a
 * resumed run continues exactly. Updating zeroes each parameter's gradient.
 */
final class OptimizerState {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;
    private static final float NO_CLIP = -1f;

    private final Recipe recipe;
    private final Map<String, Parameter> trainable = new LinkedHashMap<>();
    private final Map<String, NDArray> states = new LinkedHashMap<>();
    private long updates;

    OptimizerState(Recipe recipe, Map<String, Parameter> parameters, NDManager manager) {
        this.recipe = recipe;
        parameters.forEach((name, p) -> {
            if (p.requiresGradient()) {
                trainable.put(name, p);
                NDArray w = p.getArray();
                states.put(name + ".m", manager.zeros(w.getShape(), w.getDataType()));
                if (recipe.optimizer() == OptimizerKind.ADAMW) {
                    states.put(name + ".v", manager.zeros(w.getShape(), w.getDataType()));
                }
            }
        });
    }

    /**
     * One update of every trainable parameter at the given learning rate, from the gradient scaled down to the
     * recipe's clipping norm where its L2 norm over all parameters exceeds it.
     */
    void step(float learningRate) {
        updates++;
        float rescale = recipe.gradientClip() > 0 ? (float) Math.min(1, recipe.gradientClip() / gradientNorm()) : 1f;
        for (Map.Entry<String, Parameter> e : trainable.entrySet()) {
            NDArray w = e.getValue().getArray();
            try (NDArray grad = w.getGradient()) {
                NDArray m = states.get(e.getKey() + ".m");
                switch (recipe.optimizer()) {
                    case SGD -> w.getNDArrayInternal().sgdUpdate(new NDList(w, grad, m), new NDList(w),
                            learningRate, recipe.weightDecay(), rescale, NO_CLIP, recipe.momentum(), false);
                    case ADAMW -> {
                        double correction = Math.sqrt(1 - Math.pow(BETA2, updates)) / (1 - Math.pow(BETA1, updates));
                        w.getNDArrayInternal().adamUpdate(new NDList(w, grad, m, states.get(e.getKey() + ".v")),
                                new NDList(w), learningRate, (float) (learningRate * correction),
                                recipe.weightDecay(), rescale, NO_CLIP, BETA1, BETA2, EPSILON, false, true);
                    }
                }
            }
        }
    }

    /** The L2 norm of the gradient of all trainable parameters together, read back once. */
    private double gradientNorm() {
        NDList norms = new NDList(trainable.size());
        try {
            for (Parameter p : trainable.values()) {
                try (NDArray grad = p.getArray().getGradient()) {
                    norms.add(grad.norm());
                }
            }
            try (NDArray stacked = NDArrays.stack(norms); NDArray total = stacked.norm()) {
                return total.getFloat();
            }
        } finally {
            norms.close();
        }
    }

    /** The state tensors by name ({@code param.m}, {@code param.v}), for checkpoints. */
    Map<String, NDArray> tensors() {
        return states;
    }

    long updates() {
        return updates;
    }

    void restoreUpdates(long count) {
        this.updates = count;
    }
}
