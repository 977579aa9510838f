package org.ibrasnn.djl.task.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.model.Architectures;
import org.ibrasnn.core.model.GraphBuilder;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.BatchNorm;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.model.ops.MaxPool;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.neuron.Relu;
import org.ibrasnn.core.task.Tasks;
import org.ibrasnn.djl.train.Recipe;
import org.ibrasnn.djl.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * A new detector's class logits start at log(5 / (classes x cells)) per level, found through the head's channel
 * concatenation or on plain biased convs; box bins and every other parameter keep their seeded values.
 */
class ClassPriorTest {

    @Test
    void everyLevelOfSpikeYoloPicoStartsItsClassLogitsAtThePrior() {
        ModelSpec spec = Architectures.build("spikeyolo-pico", new Shape(1, 64, 64), 10, new Relu());
        try (Trainer trainer = new Trainer(spec, Recipe.detect(3))) {
            Map<String, Parameter> p = trainer.parameters();
            String[] levels = {"p3", "p4", "p5"};
            int[] cells = {8 * 8, 4 * 4, 2 * 2};
            for (int l = 0; l < 3; l++) {
                float[] cls = p.get("head." + levels[l] + ".cls.pred.bias").getArray().toFloatArray();
                float[] expected = new float[10];
                Arrays.fill(expected, (float) Math.log(5.0 / (10 * cells[l])));
                assertArrayEquals(expected, cls, levels[l]);
                float[] box = p.get("head." + levels[l] + ".box.pred.bias").getArray().toFloatArray();
                assertArrayEquals(new float[64], box, levels[l] + " box bins keep their zero start");
            }
        }
    }

    @Test
    void onPlainConvOutputsOnlyTheChannelsAfterTheBoxBinsChange() {
        GraphBuilder g = new GraphBuilder();
        g.then("stem.conv", new Conv(1, 8, 3, 8, 1, false)).then("stem.bn", new BatchNorm(8, 1e-5));
        List<String> outputs = new ArrayList<>();
        for (int l = 0; l < 3; l++) {
            if (l > 0) {
                g.node("pool" + l, new MaxPool(1 << l, 1 << l, 0), List.of("stem.bn"));
            }
            g.then("neuron" + l, new Neuron()).then("pred" + l, new Conv(8, 64 + 3, 1, 1, 0, true));
            outputs.add(g.last());
        }
        ModelSpec spec = new ModelSpec("plain-levels", new Shape(1, 64, 64), 3, new Relu(), g.build(outputs), 1,
                Tasks.named("detect"));
        try (Trainer trainer = new Trainer(spec, Recipe.detect(3))) {
            for (int l = 0; l < 3; l++) {
                int side = 8 >> l;
                float[] bias = trainer.parameters().get("pred" + l + ".bias").getArray().toFloatArray();
                float prior = (float) Math.log(5.0 / (3 * side * side));
                for (int c = 0; c < bias.length; c++) {
                    assertEquals(c < 64 ? 0f : prior, bias[c], 0f, "level " + l + ", channel " + c);
                }
            }
        }
    }
}
