package org.ibrasnn.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.ibrasnn.djl.train.TrainingDivergedException;
import picocli.CommandLine;

/**
 * Turns the errors a user can fix (bad arguments, bad files, a training run that diverged) into one clear line and
 * exit code 2; anything else is a bug and keeps its stack trace (exit code 1).
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (e instanceof IllegalArgumentException || e instanceof IOException || e instanceof UncheckedIOException
                || e instanceof TrainingDivergedException) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            cli.getErr().println(cli.getColorScheme().errorText("ibra: " + message));
            return 2;
        }
        cli.getErr().println("ibra: internal error (please report):");
        e.printStackTrace(cli.getErr());
        return 1;
    }
}
