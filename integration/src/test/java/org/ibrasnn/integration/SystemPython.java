package org.ibrasnn.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a Python script with Debian's {@code /usr/bin/python3} (which has python3-torch) and returns its output. */
final class SystemPython {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private SystemPython() {}

    /** Runs {@code script args...}, failing the test on a missing interpreter, a timeout or a non-zero exit. */
    static String run(Path script, String... args) throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 is missing: apt-get install python3 python3-torch");
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), script + " timed out");
        assertEquals(0, p.exitValue(), script + " failed (is python3-torch installed? apt-get install python3-torch):\n"
                + log);
        return log;
    }
}
