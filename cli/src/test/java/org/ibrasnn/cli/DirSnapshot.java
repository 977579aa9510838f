package org.ibrasnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every entry under a directory (not the directory itself) by relative path: kind, size, modification time and
 * SHA-256 of the content.
 */
record DirSnapshot(Path root, Map<String, String> entries) {

    /** The entries under {@code root} now (none if it does not exist). */
    static DirSnapshot of(Path root) {
        Map<String, String> entries = new TreeMap<>();
        if (Files.exists(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : (Iterable<Path>) walk.filter(p -> !p.equals(root))::iterator) {
                    entries.put(root.relativize(p).toString(), describe(p));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new DirSnapshot(root, entries);
    }

    /** Fails unless nothing under the root was created, deleted or changed since this snapshot. */
    void assertUnchanged(String why) {
        assertEquals(entries, of(root).entries(), why + ": nothing under " + root + " may change");
    }

    private static String describe(Path p) throws IOException {
        String time = Files.getLastModifiedTime(p).toString();
        if (Files.isDirectory(p)) {
            return "dir " + time;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
            return Files.size(p) + " bytes " + time + " " + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
