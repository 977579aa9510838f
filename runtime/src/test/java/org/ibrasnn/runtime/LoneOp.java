package org.ibrasnn.runtime;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ibrasnn.core.io.Tensor;
import org.ibrasnn.core.model.Graph;
import org.ibrasnn.core.model.Node;
import org.ibrasnn.core.model.Op;
import org.ibrasnn.core.neuron.Activation;
import org.ibrasnn.core.neuron.LifSpec;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.runtime.SpikeRuntime.Mode;

/**
 * The executor tests' harness: one op compiled as a lone node named {@code x} (tensors {@code x.weight},
 * {@code x.bias}) on inputs of given ports, run in fresh counting contexts; and seeded random values that
 * keep every sum exact (dyadic weights, integer counts).
 */
final class LoneOp {

    final Compiler compiler;
    final Executor executor;

    LoneOp(Op op, List<Port> inputs, Map<String, Tensor> tensors, Activation network) {
        compiler = new Compiler(tensors, network);
        List<String> names = inputs.size() == 1 ? List.of(Graph.INPUT)
                : IntStream.range(0, inputs.size()).mapToObj(i -> "in" + i).toList();
        executor = compiler.executor(new Node("x", op, names), inputs,
                op.outputShape(inputs.stream().map(Port::shape).toList()));
    }

    LoneOp(Op op, Port input, Map<String, Tensor> tensors) {
        this(op, List.of(input), tensors, LifSpec.of(1));
    }

    /** A counting context for {@code steps} timesteps (at timestep 0). */
    StepContext context(Mode mode, boolean split, int steps) {
        return new StepContext(compiler.stats(), compiler.stateSizes(), steps, mode, split, true, null);
    }

    Value run(StepContext step, Value... inputs) {
        return executor.run(inputs, step);
    }

    /** Spike counts as a neuron of {@code encoding} emits them, with their bit-plane masks. */
    static Value spikes(int[] counts, NeuronSpec encoding) {
        PlaneEvents events = PlaneEvents.empty(counts.length, encoding.slotsPerStep());
        events.fill(counts, 0, 1);
        return Value.spikes(counts, events);
    }

    /** About half zeros, the rest uniform in 1..max. */
    static int[] counts(SplittableRandom random, int n, int max) {
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = random.nextBoolean() ? 0 : random.nextInt(1, max + 1);
        }
        return c;
    }

    /** Multiples of {@code 1 / denominator} in [-range, range]. */
    static float[] dyadic(SplittableRandom random, int n, int range, int denominator) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextInt(-range * denominator, range * denominator + 1) / denominator;
        }
        return v;
    }
}
