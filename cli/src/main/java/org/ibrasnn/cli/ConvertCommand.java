package org.ibrasnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ibrasnn.core.data.Splits;
import org.ibrasnn.core.io.AtomicFiles;
import org.ibrasnn.core.io.ModelFile;
import org.ibrasnn.core.neuron.NeuronSpec;
import org.ibrasnn.experiments.conversion.AnnToSnn;
import org.ibrasnn.experiments.conversion.Calibration;
import org.ibrasnn.experiments.conversion.ConversionComparison;
import org.ibrasnn.experiments.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ibra convert}: a trained ReLU ANN becomes an SNN model file, optionally calibrated. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert a trained ReLU ANN (ibra train --neuron ann) into a spiking model that eval, infer "
                + "and energy accept. By default every ReLU is replaced and the weights are kept as they are; "
                + "--calibrate K rescales each stream so that the --percentile of the ANN's activations on K "
                + "training images reaches the neuron's saturation (D, or the LIF threshold), folded into the "
                + "weights.",
            "With --compare, no file is written: the ANN and its conversions to IBRA-LIF (N = 10, 100, 1000), "
                + "I-LIF (D = 4) and LIF (T = 4, no leak) are run spike-driven on the test set and tabulated with exact energy."})
final class ConvertCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DatasetOptions data = new DatasetOptions();

    @Mixin
    private NeuronOptions neuron = new NeuronOptions();

    @Option(names = "--ann", required = true, description = "Trained ReLU ANN model file.")
    private Path ann;

    @Option(names = "--out", description = "SNN model file to write (not with --compare).")
    private Path out;

    @Option(names = "--calibrate", defaultValue = "0", paramLabel = "K",
            description = "Calibrate per-stream scales on the first K training images (default 0: plain conversion).")
    private int calibrate;

    @Option(names = "--percentile", defaultValue = "99.99",
            description = "Activation percentile that is mapped to saturation when calibrating (default ${DEFAULT-VALUE}).")
    private double percentile;

    @Option(names = "--compare", description = "Tabulate the ANN against several conversions instead of writing one.")
    private boolean compare;

    @Option(names = "--limit", defaultValue = "0", description = "With --compare: first K test images only (0: all).")
    private int limit;

    @Option(names = "--json", description = "With --compare: write the table as JSON here.")
    private Path json;

    @Option(names = "--markdown", description = "With --compare: write the table as Markdown here.")
    private Path markdown;

    @Override
    public Integer call() throws IOException {
        OptionChecks.atLeast("--calibrate", calibrate, 0);
        OptionChecks.atLeast("--limit", limit, 0);
        if (compare == (out != null)) {
            throw new IllegalArgumentException("give exactly one of --out FILE or --compare");
        }
        if (out != null) {
            AtomicFiles.requireWritable(out);
        }
        ModelFile model = ModelFile.read(ann);
        AnnToSnn conversion = AnnToSnn.plain(model);
        NeuronSpec target = compare ? null : target();
        Splits splits = compare || calibrate > 0
                ? data.loadFor(model, calibrate > 0 ? Splits.Part.BOTH : Splits.Part.TEST) : null;
        PrintWriter stdout = spec.commandLine().getOut();
        ConsoleProgress progress = new ConsoleProgress(stdout);
        if (calibrate > 0) {
            conversion = conversion.calibrated(splits.train(), new Calibration(calibrate, percentile), progress);
        }
        if (compare) {
            ConversionComparison.Table table = ConversionComparison.run(conversion, splits.test(), limit, progress);
            stdout.print(table.markdown());
            if (markdown != null) {
                AtomicFiles.writeString(markdown, table.markdown());
            }
            if (json != null) {
                AtomicFiles.writeString(json, Json.pretty(table.json()));
            }
            return 0;
        }
        ModelFile snn = conversion.convert(target);
        snn.write(out);
        stdout.printf("%s: ReLU -> %s (%s) -> %s%n", snn.spec().arch(), target.describe(),
                snn.provenance().get("conversion"), out);
        return 0;
    }

    private NeuronSpec target() {
        if (!(neuron.activation() instanceof NeuronSpec target)) {
            throw new IllegalArgumentException("--neuron must be a spiking neuron (lif, ilif, iblif or ibra), not ann");
        }
        return target;
    }
}
