package org.ibrasnn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
