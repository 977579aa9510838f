package org.ibrasnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.ibrasnn.core.data.DatasetSource;
import org.ibrasnn.core.data.Datasets;
import org.ibrasnn.core.data.ImageDataset;
import org.ibrasnn.core.data.Splits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ibra data}: dataset utilities. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Dataset utilities (check, list, make-events, make-detection).",
        subcommands = {DataCommand.Check.class, DataCommand.ListDatasets.class, MakeEventsCommand.class,
            MakeDetectionCommand.class})
final class DataCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code ibra data check}: validates the files and prints counts per split and class. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate a dataset's files and print image counts per split and class.")
    static final class Check implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private DatasetOptions data = new DatasetOptions();

        @Override
        public Integer call() throws IOException {
            Splits splits = data.load();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s in %s: all files valid (sha256 %s)%n", data.name(), splits.directory(),
                    splits.checksum());
            print(out, "train", splits.train(), splits.classNames());
            print(out, "test", splits.test(), splits.classNames());
            return 0;
        }

        private static void print(PrintWriter out, String split, ImageDataset set, List<String> names) {
            out.printf("%-5s %6d images of %s, %d classes%n", split, set.size(), set.shape(), set.classes());
            int[] counts = set.classCounts();
            for (int c = 0; c < counts.length; c++) {
                out.printf("  %d %-12s %6d%n", c, names.get(c), counts[c]);
            }
        }
    }

    /** {@code ibra data list}: the datasets {@code --dataset} accepts. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the datasets --dataset accepts.")
    static final class ListDatasets implements Runnable {

        @Spec
        private CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            for (DatasetSource source : Datasets.all()) {
                out.printf("%-15s %-6s %s%n", source.name(), source.events() ? "events" : "images", source.description());
            }
        }
    }
}
