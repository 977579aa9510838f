package org.ibrasnn.experiments.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Versions of this build and of the libraries it was built with (from a Maven-filtered resource), and the
 * provenance recorded in every model file. The git commit comes from the system property
 * {@code ibra.git.commit}, which the launcher sets.
 */
public record BuildInfo(String version, String djl, String pytorch) {

    /** This build's versions. */
    public static BuildInfo current() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/ibra-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("ibra-version.properties missing from the jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(p.getProperty("version"), p.getProperty("djl"), p.getProperty("pytorch"));
    }

    /** Provenance recorded in every model file: versions, commit, date and the dataset's checksum. */
    public Map<String, String> provenance(String datasetChecksum) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("ibra_snn", version);
        out.put("git_commit", System.getProperty("ibra.git.commit", "unknown"));
        out.put("djl", djl);
        out.put("pytorch", pytorch);
        out.put("java", Runtime.version().toString());
        out.put("dataset_sha256", datasetChecksum);
        out.put("date", Instant.now().toString());
        return out;
    }

    /** Human-readable versions of ibra-snn, Deep Java Library with PyTorch, and Java. */
    public List<String> versionLines() {
        return List.of("ibra-snn " + version, "Deep Java Library " + djl + " (PyTorch " + pytorch + ", CPU)",
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")");
    }
}
