package org.ibrasnn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;

/** Versions of this build and of the libraries it was built with, from a Maven-filtered resource. */
final class BuildInfo implements CommandLine.IVersionProvider {

    static Properties properties() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/ibra-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("ibra-version.properties missing from the jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Provenance recorded in every model file: versions, commit, date and the dataset's checksum. */
    static Map<String, String> provenance(String datasetChecksum) {
        Properties p = properties();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("ibra_snn", p.getProperty("version"));
        out.put("git_commit", System.getProperty("ibra.git.commit", "unknown"));
        out.put("djl", p.getProperty("djl"));
        out.put("pytorch", p.getProperty("pytorch"));
        out.put("java", Runtime.version().toString());
        out.put("dataset_sha256", datasetChecksum);
        out.put("date", Instant.now().toString());
        return out;
    }

    @Override
    public String[] getVersion() {
        Properties p = properties();
        return new String[] {
            "ibra-snn " + p.getProperty("version"),
            "Deep Java Library " + p.getProperty("djl") + " (PyTorch " + p.getProperty("pytorch") + ", CPU)",
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
