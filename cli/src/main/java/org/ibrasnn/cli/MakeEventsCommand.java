package org.ibrasnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ibrasnn.core.data.EventCamera;
import org.ibrasnn.core.data.Splits;
import org.ibrasnn.experiments.events.EventRecording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ibra data make-events}: a neuromorphic Fashion-MNIST from the simulated event camera. */
@Command(name = "make-events", mixinStandardHelpOptions = true,
        description = "Record every image with the simulated event camera (three saccades, as N-MNIST was made) and "
                + "write N-MNIST-format files DIR/train/<label>/<index>.bin and DIR/test/<label>/<index>.bin, plus "
                + "DIR/events.json. Files already present are kept, so an interrupted run continues (deleting the temporary "
                + "files it left).")
final class MakeEventsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SourceOptions source = new SourceOptions();

    @Option(names = "--threshold", defaultValue = "0.2",
            description = "Contrast threshold on log intensity (default: ${DEFAULT-VALUE}).")
    private double threshold;

    @Option(names = "--out", required = true, description = "Directory to write.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        source.check();
        EventCamera camera;
        try {
            camera = new EventCamera(threshold);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--threshold: " + e.getMessage(), e);
        }
        Splits splits = source.load();
        PrintWriter stdout = spec.commandLine().getOut();
        for (EventRecording.Split split : EventRecording.record(splits, source.from, camera, source.limit, out,
                new ConsoleProgress(stdout))) {
            stdout.printf("%s: %d recordings, %.0f events each on average -> %s%n", split.name(), split.recordings(),
                    split.meanEvents(), split.directory());
        }
        return 0;
    }
}
