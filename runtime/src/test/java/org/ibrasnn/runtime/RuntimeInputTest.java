package org.ibrasnn.runtime;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.Graph;
import org.ibrasnn.core.model.GraphBuilder;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.model.ops.BatchNorm;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.model.ops.GlobalAvgPool;
import org.ibrasnn.core.model.ops.Linear;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.junit.jupiter.api.Test;

/** The runtime refuses what it cannot run, naming the problem. (Broken files are ModelFile's tests.) */
class RuntimeInputTest {

    private static ModelFile model(String kind, boolean withBatchNorm) {
        GraphBuilder b = new GraphBuilder().then("c", new Conv(1, 2, 3, 1, 1, !withBatchNorm));
        if (withBatchNorm) {
            b.then("bn", new BatchNorm(2, 1e-5));
        }
        Graph graph = b.then("n", new Neuron()).then("gap", new GlobalAvgPool()).then("fc", new Linear(2, 2, true))
                .build();
        ModelSpec spec = new ModelSpec("small", new Shape(1, 4, 4), 2, IbraLifSpec.paperDefault(1), graph);
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("c.weight", Tensor.of(new float[18], 2, 1, 3, 3));
        if (withBatchNorm) {
            for (String p : List.of("weight", "bias", "running_mean", "running_var")) {
                t.put("bn." + p, Tensor.of(new float[] {1, 1}, 2));
            }
        } else {
            t.put("c.bias", Tensor.of(new float[2], 2));
        }
        t.put("fc.weight", Tensor.of(new float[4], 2, 2));
        t.put("fc.bias", Tensor.of(new float[2], 2));
        return new ModelFile(kind, spec, Map.of(), t);
    }

    @Test
    void wrongInputSize() {
        SpikeRuntime runtime = SpikeRuntime.of(model("inference", false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> runtime.outputs(new float[15], SpikeRuntime.Mode.SPIKE_DRIVEN));
        assertTrue(e.getMessage().contains("15") && e.getMessage().contains("1x4x4"), e.getMessage());
    }

    @Test
    void trainingModelsMustBeExportedFirst() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpikeRuntime.of(model("training", true)));
        assertTrue(e.getMessage().contains("inference model"), e.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> InferenceExport.fold(model("inference", false)));
        assertTrue(twice.getMessage().contains("training"), twice.getMessage());
    }

    @Test
    void opsWithoutAnExecutorAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpikeRuntime.of(model("inference", true)));
        assertTrue(e.getMessage().startsWith("batchnorm bn: the runtime has no executor"), e.getMessage());
    }

    @Test
    void exportFoldsBatchNormAway() {
        ModelFile folded = InferenceExport.fold(model("training", true));
        assertTrue(folded.spec().graph().nodes().stream().noneMatch(n -> n.op() instanceof BatchNorm));
        assertTrue(folded.tensors().containsKey("c.bias"));
        SpikeRuntime.of(folded).outputs(new float[16], SpikeRuntime.Mode.SPIKE_DRIVEN);
    }
}
