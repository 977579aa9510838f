package org.ibrasnn.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ibrasnn.core.io.Sha256;

/**
 * The names, sizes and SHA-256 of every regular file under a directory (other entries by name and kind), to show
 * that a refused read or command changed nothing there.
 */
public final class TreeSnapshot {

    private TreeSnapshot() {}

    /** Relative path to "size sha256" for files, to "directory" or "other" for the rest. */
    public static Map<String, String> of(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String kind = Files.isDirectory(p) ? "directory"
                        : Files.isRegularFile(p) && Files.isReadable(p) ? Files.size(p) + " " + Sha256.of(p) : "other";
                out.put(dir.relativize(p).toString(), kind);
            }
        }
        return out;
    }
}
