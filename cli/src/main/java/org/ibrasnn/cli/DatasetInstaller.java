package org.ibrasnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ibrasnn.core.data.FashionMnist;
import org.ibrasnn.core.data.Splits;

/** Finds Fashion-MNIST, installing Debian's dataset-fashion-mnist package when it is missing and we can. */
final class DatasetInstaller {

    private DatasetInstaller() {}

    static Splits findOrInstall(PrintWriter out) throws IOException, InterruptedException {
        try {
            return FashionMnist.load(null);
        } catch (IOException notFound) {
            if (!canInstall()) {
                throw notFound;
            }
            out.println("      not found; installing Debian package dataset-fashion-mnist with apt-get...");
            out.flush();
            run("apt-get", "update", "-qq");
            run("apt-get", "install", "-y", "-qq", "dataset-fashion-mnist");
            return FashionMnist.load(null);
        }
    }

    private static boolean canInstall() {
        return Files.isExecutable(Path.of("/usr/bin/apt-get")) && "root".equals(System.getProperty("user.name"));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit code " + p.exitValue());
        }
    }
}
