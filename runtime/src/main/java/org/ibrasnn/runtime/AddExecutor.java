package org.ibrasnn.runtime;

/** The element-wise sum of real values, in input order (a residual block's body plus its shortcut). */
final class AddExecutor implements Executor {

    private final Port out;

    AddExecutor(Compiler.Site site) {
        out = Port.real(site.output());
    }

    @Override
    public Port output() {
        return out;
    }

    @Override
    public Value run(Value[] inputs, StepContext step) {
        float[] sum = inputs[0].real.clone();
        for (int k = 1; k < inputs.length; k++) {
            float[] x = inputs[k].real;
            for (int i = 0; i < sum.length; i++) {
                sum[i] += x[i];
            }
        }
        return Value.real(sum);
    }
}
