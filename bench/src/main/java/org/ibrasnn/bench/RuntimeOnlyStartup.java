package org.ibrasnn.bench;

import java.nio.file.Path;
import org.ibrasnn.runtime.SpikeRuntime;

/**
 * An inference-only application on runtime + core alone (no DJL, no native code): loads an inference
 * model and classifies one blank image. Its wall time from JVM start is the start-up cost.
 */
public final class RuntimeOnlyStartup {

    private RuntimeOnlyStartup() {}

    public static void main(String[] args) throws Exception {
        SpikeRuntime runtime = SpikeRuntime.load(Path.of(args[0]));
        float[] outputs = runtime.outputs(new float[runtime.spec().input().size()], SpikeRuntime.Mode.SPIKE_DRIVEN);
        System.out.println("outputs[0] = " + outputs[0]);
    }
}
