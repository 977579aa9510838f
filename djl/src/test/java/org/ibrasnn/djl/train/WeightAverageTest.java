package org.ibrasnn.djl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The moving average on hand-worked values: the decay ramp, evaluation with the average (trained weights only), and
 * its installation.
 */
class WeightAverageTest {

    private static Parameter parameter(NDManager manager, String name, Parameter.Type type, boolean trained,
                                       float... values) {
        Parameter p = Parameter.builder().setName(name).setType(type).optRequiresGrad(trained).build();
        p.setArray(manager.create(values));
        return p;
    }

    private static void set(Parameter p, float... values) {
        p.getArray().set(FloatBuffer.wrap(values));
    }

    @Test
    void decayRampsUpToItsCap() {
        assertEquals(2f / 11, WeightAverage.decayAt(0.5f, 1), 1e-7f);
        assertEquals(0.25f, WeightAverage.decayAt(0.5f, 2), 1e-7f);
        assertEquals(0.5f, WeightAverage.decayAt(0.5f, 8), 1e-7f, "(1 + 8) / (10 + 8) is exactly the cap");
        assertEquals(0.5f, WeightAverage.decayAt(0.5f, 1_000_000), 0f);
        assertEquals(0.999f, WeightAverage.decayAt(0.999f, 1_000_000), 0f);
    }

    @Test
    void averagesTrainedWeightsOnlyAndRestoresEveryTrainedValueAfterAnEvaluation() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter weight = parameter(manager, "w", Parameter.Type.WEIGHT, true, 0f, 10f);
            Parameter mean = parameter(manager, "bn.running_mean", Parameter.Type.RUNNING_MEAN, false, 4f);
            Map<String, Parameter> parameters = new LinkedHashMap<>();
            parameters.put("w", weight);
            parameters.put("bn.running_mean", mean);
            WeightAverage average = new WeightAverage(0.5f, parameters, manager);
            assertEquals(Set.of("w"), average.tensors().keySet(), "BN statistics are re-estimated, not averaged");

            set(weight, 1f, 20f);
            set(mean, 8f);
            average.update(1); // decay 2/11: a = 2/11 * start + 9/11 * now
            assertArrayEquals(new float[] {9f / 11, 2f * 10 / 11 + 9f * 20 / 11},
                    average.tensors().get("w").toFloatArray(), 1e-5f);

            set(weight, 3f, 30f);
            set(mean, 0f);
            average.update(2); // decay 1/4
            float[] expectedW = {0.25f * 9f / 11 + 0.75f * 3f, 0.25f * (20f / 11 + 180f / 11) + 0.75f * 30f};
            assertArrayEquals(expectedW, average.tensors().get("w").toFloatArray(), 1e-5f);

            float[] seen = average.during(() -> {
                set(mean, 5f); // as a re-estimation of the statistics would
                return weight.getArray().toFloatArray();
            });
            assertArrayEquals(expectedW, seen, 0f, "the action sees the average");
            assertArrayEquals(new float[] {3f, 30f}, weight.getArray().toFloatArray(), 0f, "trained values are back");
            assertArrayEquals(new float[] {0f}, mean.getArray().toFloatArray(), 0f, "so are the trained statistics");

            average.install();
            assertArrayEquals(expectedW, weight.getArray().toFloatArray(), 0f);
            assertArrayEquals(new float[] {0f}, mean.getArray().toFloatArray(), 0f, "statistics are left as they are");
        }
    }

    @Test
    void refusesADecayOutsideTheOpenUnitInterval() {
        for (float decay : new float[] {0f, 1f, -0.5f, Float.NaN}) {
            try (NDManager manager = NDManager.newBaseManager()) {
                assertThrows(IllegalArgumentException.class, () -> new WeightAverage(decay, Map.of(), manager));
            }
        }
    }
}
