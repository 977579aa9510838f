package org.ibrasnn.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ibrasnn.core.io.AtomicFiles;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.runtime.InferenceExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ibra export}: folds a trained model into an inference model for the spike-driven runtime. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Fold BatchNorm and range alignment (W/N) into the weights and write an inference model "
                + "that the pure-Java runtime loads without DJL.")
final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, description = "Training model file (from ibra train).")
    private Path model;

    @Option(names = "--out", required = true, description = "Inference model file to write.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        AtomicFiles.requireWritable(out);
        ModelFile inference = InferenceExport.fold(ModelFile.read(model));
        inference.write(out);
        spec.commandLine().getOut().printf("%s: %s, %d tensors (BatchNorm folded, 1/N folded) -> %s%n",
                inference.spec().arch(), inference.spec().activation().describe(), inference.tensors().size(), out);
        return 0;
    }
}
