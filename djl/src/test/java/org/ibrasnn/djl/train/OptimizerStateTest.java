package org.ibrasnn.djl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gradient clipping by the norm over all parameters, on gradients worked by hand. */
class OptimizerStateTest {

    /** Gradients (3, 4) and (12): norm 13 over both parameters. */
    private static final float[] GRAD_A = {3f, 4f};
    private static final float[] GRAD_B = {12f};

    private static Recipe recipe(OptimizerKind optimizer, float clip) {
        return new Recipe("test", 1, 1, optimizer, 0.5f, 0f, 0f, 0f, 0f, 0, false, 0f, 0f, clip, 1);
    }

    /** Two parameters starting at 1 whose gradients are {@link #GRAD_A} and {@link #GRAD_B}, after one step. */
    private static Map<String, float[]> stepOnce(NDManager manager, Recipe recipe, Map<String, NDArray> states) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        parameters.put("a", parameter(manager, "a", 2));
        parameters.put("b", parameter(manager, "b", 1));
        OptimizerState optimizer = new OptimizerState(recipe, parameters, manager);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = parameters.get("a").getArray().mul(manager.create(GRAD_A)).sum()
                    .add(parameters.get("b").getArray().mul(manager.create(GRAD_B)).sum());
            collector.backward(loss);
        }
        optimizer.step(recipe.learningRate());
        optimizer.tensors().forEach((name, array) -> states.put(name, array));
        Map<String, float[]> after = new LinkedHashMap<>();
        parameters.forEach((name, p) -> after.put(name, p.getArray().toFloatArray()));
        return after;
    }

    private static Parameter parameter(NDManager manager, String name, int size) {
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
        NDArray w = manager.ones(new ai.djl.ndarray.types.Shape(size));
        w.setRequiresGradient(true);
        p.setArray(w);
        return p;
    }

    @Test
    void sgdStepsAlongTheGradientScaledDownToTheClippingNorm() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, float[]> clipped = stepOnce(manager, recipe(OptimizerKind.SGD, 6.5f), new LinkedHashMap<>());
            // norm 13 > 6.5: the gradient is halved, w = 1 - 0.5 * g / 2
            assertArrayEquals(new float[] {1 - 0.75f, 1 - 1f}, clipped.get("a"), 1e-6f);
            assertArrayEquals(new float[] {1 - 3f}, clipped.get("b"), 1e-6f);
            Map<String, float[]> loose = stepOnce(manager, recipe(OptimizerKind.SGD, 26f), new LinkedHashMap<>());
            assertArrayEquals(new float[] {1 - 1.5f, 1 - 2f}, loose.get("a"), 1e-6f, "a norm below the limit is kept");
            Map<String, float[]> off = stepOnce(manager, recipe(OptimizerKind.SGD, 0f), new LinkedHashMap<>());
            assertArrayEquals(new float[] {1 - 6f}, off.get("b"), 1e-6f, "0 turns clipping off");
        }
    }

    @Test
    void adamKeepsTheClippedGradientInItsMoments() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> states = new LinkedHashMap<>();
            stepOnce(manager, recipe(OptimizerKind.ADAMW, 1.3f), states);
            // scale 1.3 / 13 = 0.1: m = 0.1 * (0.1 g), v = 0.001 * (0.1 g)^2
            assertArrayEquals(new float[] {0.1f * 0.3f, 0.1f * 0.4f}, states.get("a.m").toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {0.001f * 1.44f}, states.get("b.v").toFloatArray(), 1e-7f);
        }
    }

    @Test
    void refusesANegativeOrInfiniteNorm() {
        for (float clip : new float[] {-1f, Float.POSITIVE_INFINITY, Float.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> recipe(OptimizerKind.SGD, clip));
        }
    }
}
