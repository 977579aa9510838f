package org.ibrasnn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** Entry point of the {@code ibra} command-line tool. */
@Command(name = "ibra",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Train, convert, run and measure spiking neural networks built around the IBRA-LIF neuron.",
        subcommands = {VersionCommand.class, DataCommand.class, TrainCommand.class, EvalCommand.class,
            ExportCommand.class, InferCommand.class, DetectCommand.class, EnergyCommand.class, ConvertCommand.class,
            RecalibrateCommand.class, AblationCommand.class, ReportCommand.class,
            QuickstartCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.printf("ibra: out of memory: the work needs more than this JVM's %.2f GB heap; raise it with "
                    + "IBRA_JAVA_OPTS=-Xmx...%n", Runtime.getRuntime().maxMemory() / 1e9);
            code = 2;
        }
        System.exit(code);
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new UserErrorHandler());
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
