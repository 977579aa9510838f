package org.ibrasnn.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.ibrasnn.core.io.Sha256;

/** SHA-256 over the names and contents of the files of a directory dataset, in the order they are read. */
final class Checksum {

    private final MessageDigest digest = Sha256.digest();

    /** Adds a file's name (not its directory); its content is added as it is read from the returned stream. */
    InputStream tee(Path file, InputStream content) {
        digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        return new DigestInputStream(content, digest);
    }

    /** Adds a file of a split that is not loaded: hashed as {@link #tee} would, but not decoded. */
    void add(Path file) throws IOException {
        FileBytes.requireReadableFile(file);
        try (InputStream in = tee(file, Files.newInputStream(file))) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** {@link #add(Path)} for every item's file, in order. */
    void addAll(List<LabelledFile> items) throws IOException {
        for (LabelledFile item : items) {
            add(item.file());
        }
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
