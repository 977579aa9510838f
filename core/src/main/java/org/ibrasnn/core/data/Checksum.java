package org.ibrasnn.core.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.ibrasnn.core.io.Sha256;

/** SHA-256 over the names and contents of the files of a directory dataset, in the order they are read. */
final class Checksum {

    private final MessageDigest digest = Sha256.digest();

    /** Adds a file's name (not its directory) and its content. */
    void add(Path file, byte[] content) {
        digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        digest.update(content);
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
