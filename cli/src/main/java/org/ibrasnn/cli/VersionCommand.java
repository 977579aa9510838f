package org.ibrasnn.cli;

import org.ibrasnn.experiments.provenance.BuildInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ibra version}: prints the versions of ibra-snn, DJL, PyTorch and the JVM. */
@Command(name = "version", mixinStandardHelpOptions = true,
        description = "Print the versions of ibra-snn, Deep Java Library, PyTorch and Java.")
final class VersionCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        for (String line : BuildInfo.current().versionLines()) {
            spec.commandLine().getOut().println(line);
        }
    }
}
