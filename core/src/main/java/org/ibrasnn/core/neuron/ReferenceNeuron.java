package org.ibrasnn.core.neuron;

import java.util.ArrayList;
import java.util.List;

/**
 * Pure reference step functions of DESIGN.md §1 for one neuron over T timesteps, in float32 and in the
 * same operation order as the DJL training blocks, so both agree bit for bit:
 * <pre>
 *   V_pre = alpha * V_prev + I             (V_prev = 0 at t = 1)
 *   integer neurons: S = clip(rint(V_pre * N), 0, D*N), O = S / N, V = V_pre - O, dO/dV_pre = [0 <= V_pre <= D]
 *   LIF: O = [V_pre >= V_th], V = V_pre - V_th * O (soft) or V_pre * (1 - O) (hard),
 *        dO/dV_pre = (a/2) / (1 + (pi/2 * a * (V_pre - V_th))^2)
 * </pre>
 */
public final class ReferenceNeuron {

    private ReferenceNeuron() {}

    /** Runs one neuron over {@code currents.length == spec.timesteps()} steps. */
    public static List<NeuronStep> forward(NeuronSpec spec, float[] currents) {
        if (currents.length != spec.timesteps()) {
            throw new IllegalArgumentException("expected T=" + spec.timesteps() + " input currents, got "
                    + currents.length);
        }
        float alpha = (float) spec.alpha();
        List<NeuronStep> steps = new ArrayList<>(currents.length);
        float membrane = 0f;
        for (int t = 0; t < currents.length; t++) {
            float vPre = t == 0 ? currents[t] : alpha * membrane + currents[t];
            NeuronStep step = switch (spec) {
                case LifSpec lif -> lif(lif, currents[t], vPre);
                case CountingNeuronSpec counting -> counting(counting, currents[t], vPre);
            };
            steps.add(step);
            membrane = step.vAfter();
        }
        return steps;
    }

    /**
     * Backpropagation through time with the reset detached: given dL/dO_t, returns dL/dI_t where
     * {@code g[t] = dL/dO_t * gradient_t + alpha * r_t * g[t+1]}, with {@code r_t = 1} for soft resets and
     * {@code r_t = 1 - O_t} for the LIF hard reset (the spike is treated as a constant).
     */
    public static float[] backward(NeuronSpec spec, List<NeuronStep> trace, float[] gradOutputs) {
        if (gradOutputs.length != trace.size()) {
            throw new IllegalArgumentException("expected " + trace.size() + " output gradients, got "
                    + gradOutputs.length);
        }
        float alpha = (float) spec.alpha();
        boolean hard = spec instanceof LifSpec lif && lif.reset() == ResetMode.HARD;
        float[] grads = new float[trace.size()];
        float later = 0f;
        for (int t = trace.size() - 1; t >= 0; t--) {
            NeuronStep step = trace.get(t);
            float carried = hard ? later * (1f - step.output()) : later;
            grads[t] = gradOutputs[t] * step.gradient() + alpha * carried;
            later = grads[t];
        }
        return grads;
    }

    private static NeuronStep counting(CountingNeuronSpec spec, float current, float vPre) {
        float n = spec.n();
        float scaled = vPre * n;
        int count = (int) Math.max(0, Math.min(spec.maxCount(), Math.rint(scaled)));
        float output = count / n;
        float gradient = vPre >= 0f && vPre <= (float) spec.d() ? 1f : 0f;
        return new NeuronStep(current, vPre, count, output, vPre - output, gradient);
    }

    private static NeuronStep lif(LifSpec spec, float current, float vPre) {
        float threshold = (float) spec.threshold();
        int spike = vPre >= threshold ? 1 : 0;
        float vAfter = spec.reset() == ResetMode.SOFT ? vPre - threshold * spike : (spike == 1 ? 0f : vPre);
        double a = spec.surrogateAlpha();
        double x = Math.PI / 2 * a * (vPre - threshold);
        float gradient = (float) (a / 2 / (1 + x * x));
        return new NeuronStep(current, vPre, spike, spike, vAfter, gradient);
    }
}
