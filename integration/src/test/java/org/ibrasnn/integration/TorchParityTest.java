package org.ibrasnn.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ibrasnn.core.io.SafeTensors;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.GraphBuilder;
import org.ibrasnn.core.model.ops.BatchNorm;
import org.ibrasnn.core.model.ops.Conv;
import org.ibrasnn.core.model.ops.Flatten;
import org.ibrasnn.core.model.ops.Linear;
import org.ibrasnn.core.model.ops.Neuron;
import org.ibrasnn.core.model.ops.StandardizedConv;
import org.ibrasnn.core.model.ModelSpec;
import org.ibrasnn.core.model.Shape;
import org.ibrasnn.core.neuron.CountingNeuronSpec;
import org.ibrasnn.core.neuron.IbraLifSpec;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.djl.NamedParameters;
import org.ibrasnn.djl.ParameterTensors;
import org.ibrasnn.djl.SpikingNetwork;
import org.ibrasnn.djl.task.ClassificationTraining;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forward and backward parity with PyTorch (Debian's python3-torch) on a conv -> BN -> neuron -> flatten
 * -> linear stack with identical weights, in training mode with label-smoothed cross-entropy, and on the same
 * stack with a weight-standardised conv (gain and bias, no BN) in front. The Python side implements the
 * neurons independently as autograd Functions, and the standardisation with torch's own mean and variance.
 * Tolerance: every tensor within 1e-5 of its largest magnitude (relative, per tensor), because libtorch 2.7
 * and PyTorch 1.13 may sum convolutions and batch statistics in different orders.
 */
class TorchParityTest {

    private static final int BATCH = 4;
    private static final double EPS = 1e-5;

    @TempDir
    Path dir;

    @Test
    void ibraLifMatchesPyTorch() throws Exception {
        compare(IbraLifSpec.paperDefault(1), false);
    }

    @Test
    void lifOverFourStepsMatchesPyTorch() throws Exception {
        compare(LifSpec.of(4), false);
    }

    @Test
    void standardizedConvMatchesPyTorch() throws Exception {
        compare(IbraLifSpec.paperDefault(1), true);
    }

    private void compare(NeuronSpec neuron, boolean standardized) throws Exception {
        GraphBuilder g = standardized
                ? new GraphBuilder().then("conv", new StandardizedConv(2, 3, 3, 1, 1, EPS))
                : new GraphBuilder().then("conv", new Conv(2, 3, 3, 1, 1, false)).then("bn", new BatchNorm(3, EPS));
        ModelSpec spec = new ModelSpec("parity", new Shape(2, 6, 6), 5, neuron, g
                .then("spike", new Neuron()).then(new Flatten()).then("fc", new Linear(3 * 36, 5, true)).build());
        SplittableRandom random = new SplittableRandom(42);
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        inputs.put("conv.weight", gaussian(random, 0.5, 3, 2, 3, 3));
        String scale = standardized ? "conv.gain" : "bn.weight";
        String shift = standardized ? "conv.bias" : "bn.bias";
        inputs.put(scale, shifted(gaussian(random, 0.3, 3), 1.5f));
        inputs.put(shift, shifted(gaussian(random, 0.3, 3), 1f));
        inputs.put("fc.weight", gaussian(random, 0.2, 5, 108));
        inputs.put("fc.bias", gaussian(random, 0.1, 5));
        inputs.put("x", gaussian(random, 1.0, BATCH, 2, 6, 6));
        inputs.put("labels", Tensor.of(new float[] {0, 3, 4, 1}, BATCH));

        List<String> trained = List.of("conv.weight", scale, shift, "fc.weight", "fc.bias");
        Map<String, Tensor> ours = runDjl(spec, inputs, trained, !standardized);
        Map<String, Tensor> theirs = runTorch(neuron, inputs, standardized);
        assertEquals(ours.keySet(), theirs.keySet());
        for (Map.Entry<String, Tensor> e : theirs.entrySet()) {
            Tensor mine = ours.get(e.getKey());
            assertEquals(e.getValue().size(), mine.size(), e.getKey());
            float largest = 0;
            float worst = 0;
            for (int i = 0; i < mine.size(); i++) {
                largest = Math.max(largest, Math.abs(e.getValue().get(i)));
                worst = Math.max(worst, Math.abs(mine.get(i) - e.getValue().get(i)));
            }
            assertTrue(largest > 0, e.getKey() + " is all zeros: the comparison would prove nothing");
            assertTrue(worst <= 1e-5f * largest, neuron.describe() + " " + e.getKey() + ": max difference " + worst
                    + " exceeds 1e-5 x " + largest);
        }
    }

    private static Map<String, Tensor> runDjl(ModelSpec spec, Map<String, Tensor> in, List<String> trained,
                                              boolean batchNorm) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            SpikingNetwork network = SpikingNetwork.of(spec);
            network.block().initialize(manager, DataType.FLOAT32, network.inputShape(BATCH));
            Map<String, Parameter> params = NamedParameters.of(network);
            params.forEach((name, p) -> {
                if (in.containsKey(name)) {
                    ParameterTensors.load(p.getArray(), in.get(name), name);
                }
            });
            NDArray x = manager.create(in.get("x").toArray(), new ai.djl.ndarray.types.Shape(BATCH, 2, 6, 6));
            NDArray labels = manager.create(in.get("labels").toArray(), new ai.djl.ndarray.types.Shape(BATCH))
                    .toType(DataType.INT64, false);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = network.forward(new ParameterStore(manager, false), x, true);
                NDArray loss = ClassificationTraining.smoothedCrossEntropy(logits, labels, 0.1f);
                collector.backward(loss);
                out.put("logits", ParameterTensors.toTensor(logits));
                out.put("loss", ParameterTensors.toTensor(loss.reshape(1)));
            }
            for (String name : trained) {
                out.put("grad." + name, ParameterTensors.toTensor(params.get(name).getArray().getGradient()));
            }
            if (batchNorm) {
                out.put("bn.running_mean", ParameterTensors.toTensor(params.get("bn.running_mean").getArray()));
                out.put("bn.running_var", ParameterTensors.toTensor(params.get("bn.running_var").getArray()));
            }
        }
        return out;
    }

    private Map<String, Tensor> runTorch(NeuronSpec neuron, Map<String, Tensor> in, boolean standardized)
            throws IOException, InterruptedException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("kind", neuron.kind());
        meta.put("alpha", Double.toString(neuron.alpha()));
        meta.put("timesteps", Integer.toString(neuron.timesteps()));
        meta.put("padding", "1");
        meta.put("eps", Double.toString(EPS));
        meta.put("label_smoothing", "0.1");
        meta.put("first_layer", standardized ? "standardized" : "conv_bn");
        switch (neuron) {
            case LifSpec lif -> {
                meta.put("threshold", Double.toString(lif.threshold()));
                meta.put("reset", lif.reset().name().toLowerCase());
                meta.put("surrogate_alpha", Double.toString(lif.surrogateAlpha()));
            }
            case CountingNeuronSpec c -> {
                meta.put("d", Double.toString(c.d()));
                meta.put("n", Integer.toString(c.n()));
                meta.put("max_count", Integer.toString(c.maxCount()));
            }
        }
        Path src = dir.resolve("in.safetensors");
        Path dst = dir.resolve("out.safetensors");
        SafeTensors.write(src, in, meta);
        SystemPython.run(Path.of("src/test/resources/parity/torch_reference.py"), src.toString(), dst.toString());
        return SafeTensors.read(dst).tensors();
    }

    private static Tensor shifted(Tensor t, float by) {
        float[] v = t.toArray();
        for (int i = 0; i < v.length; i++) {
            v[i] += by;
        }
        return Tensor.of(v, t.shape());
    }

    private static Tensor gaussian(SplittableRandom random, double std, int... shape) {
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) (random.nextGaussian() * std);
        }
        return Tensor.of(v, shape);
    }
}
