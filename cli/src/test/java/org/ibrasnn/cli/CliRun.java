package org.ibrasnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Exit code and captured standard output and error of one in-process {@code ibra} invocation. */
record CliRun(int code, String out, String err) {

    static CliRun run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Fails, showing standard error, unless the command exited with 0. */
    CliRun succeeded() {
        assertEquals(0, code, err);
        return this;
    }
}
