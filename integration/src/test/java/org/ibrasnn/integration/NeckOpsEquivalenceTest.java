package org.ibrasnn.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.ibrasnn.core.model.GraphBuilder;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.Add;
import org.ibrasnn.core.model.ops.BatchNorm;
import org.ibrasnn.core.model.ops.Concat;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.model.ops.GlobalAvgPool;
import org.ibrasnn.core.model.ops.Linear;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.model.ops.Upsample;
import org.ibrasnn.core.neuron.IbLifSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.junit.jupiter.api.Test;

/**
 * The ops a detector's neck needs, in one small spike-driven graph, give the same logits in DJL's training
 * form and in the spike-driven runtime (and its dense check), at zero tolerance: a strided conv, 2x
 * upsampling of spikes and of membrane values, concatenation of spikes (read by a depthwise conv) and of
 * membrane values, a pointwise conv and a membrane shortcut.
 */
class NeckOpsEquivalenceTest {

    private static final double EPS = EquivalenceCheck.EPS;

    static ModelSpec neck(NeuronSpec neuron) {
        GraphBuilder g = new GraphBuilder()
                .then("stem", new Conv(1, 4, 3, 1, 1, false)).then("stem_bn", new BatchNorm(4, EPS))
                .then("n0", new Neuron())
                .then("down", new Conv(4, 4, 3, 2, 1, false)).then("down_bn", new BatchNorm(4, EPS))
                .then("n1", new Neuron()).then("up", new Upsample(2))
                .node("cat", new Concat(), List.of("n0", "up"))
                .then("dw", new Conv(8, 8, 3, 1, 1, 8, false)).then("dw_bn", new BatchNorm(8, EPS))
                .then("n2", new Neuron())
                .then("pw", new Conv(8, 4, 1, 1, 0, false)).then("pw_bn", new BatchNorm(4, EPS))
                .node("sum", new Add(), List.of("pw_bn", "stem_bn"))
                .node("up_real", new Upsample(2), List.of("down_bn"))
                .node("cat_real", new Concat(), List.of("sum", "up_real"))
                .then("n3", new Neuron()).then("gap", new GlobalAvgPool()).then("fc", new Linear(8, 3, true));
        return new ModelSpec("neck", new Shape(1, 8, 8), 3, neuron, g.build());
    }

    @Test
    void upsampleConcatAndDepthwiseConvRunSpikeDrivenAsTheyTrain() {
        int cases = 0;
        for (int steps : new int[] {1, 3}) {
            for (NeuronSpec neuron : List.of(new IbraLifSpec(1.9375, 16, 0.25, steps), new IbLifSpec(3, 0.25, steps),
                    LifSpec.of(steps))) {
                for (int seed = 0; seed < 3; seed++) {
                    EquivalenceCheck.check(neck(neuron), new SplittableRandom(seed * 17L + steps));
                    cases++;
                }
            }
        }
        assertEquals(18, cases);
    }
}
