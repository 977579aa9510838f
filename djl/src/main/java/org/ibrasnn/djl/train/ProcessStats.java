package org.ibrasnn.djl.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about this process that go into metrics files (and benchmarks). */
public final class ProcessStats {

    private ProcessStats() {}

    /** Peak resident set size (VmHWM) in bytes, or -1 where /proc is not available. */
    public static long peakRssBytes() {
        return status("VmHWM:");
    }

    /** Current resident set size (VmRSS) in bytes, or -1 where /proc is not available. */
    public static long rssBytes() {
        return status("VmRSS:");
    }

    private static long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    String[] parts = line.trim().split("\\s+");
                    return Long.parseLong(parts[1]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
