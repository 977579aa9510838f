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

/**
 * Runs a Python script in the oracle venv (pycocotools, numpy) that {@code scripts/python-oracles.sh} makes or
 * finds; the test fails, with the script's log, when the venv cannot be made.
 */
final class OraclePython {

    private static final Path MAKE_VENV = Path.of("../scripts/python-oracles.sh");

    private OraclePython() {}

    /** Runs {@code script args...}; returns its standard output, failing on a timeout or a non-zero exit. */
    static String run(Path script, String... args) throws IOException, InterruptedException {
        String python = exec(List.of("bash", MAKE_VENV.toString()), "could not make the oracle venv").strip();
        List<String> command = new ArrayList<>(List.of(python, script.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return exec(command, script + " failed");
    }

    private static String exec(List<String> command, String failure) throws IOException, InterruptedException {
        Path log = Files.createTempFile("ibra-oracle", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(600, TimeUnit.SECONDS), command + " timed out");
            assertEquals(0, p.exitValue(), failure + " (" + command + "):\n" + Files.readString(log));
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
