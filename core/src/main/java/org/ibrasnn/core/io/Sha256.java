package org.ibrasnn.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 of files, as lower-case hex. */
public final class Sha256 {

    private Sha256() {}

    /** SHA-256 of one file's content. */
    public static String of(Path file) throws IOException {
        return of(List.of(file));
    }

    /** SHA-256 over the files' contents, in order. */
    public static String of(List<Path> files) throws IOException {
        MessageDigest digest = digest();
        for (Path f : files) {
            try (InputStream in = new DigestInputStream(Files.newInputStream(f), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A fresh SHA-256 digest. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
