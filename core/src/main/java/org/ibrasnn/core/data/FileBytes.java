package org.ibrasnn.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads a whole dataset file, transparently decompressing gzip (recognised by its magic bytes). */
final class FileBytes {

    private FileBytes() {}

    static ByteBuffer read(Path file) throws IOException {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException(file, "file not found");
        }
        if (raw.length >= 2 && (raw[0] & 0xFF) == 0x1f && (raw[1] & 0xFF) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
                raw = in.readAllBytes();
            } catch (ZipException | java.io.EOFException e) {
                throw new DatasetFormatException(file, "corrupt gzip stream (" + e.getMessage() + ")");
            }
        }
        return ByteBuffer.wrap(raw);
    }

    /** Fails unless the content is exactly {@code expected} bytes long. */
    static void checkLength(Path file, ByteBuffer content, long expected, String what) throws DatasetFormatException {
        long actual = content.limit();
        if (actual < expected) {
            throw new DatasetFormatException(file, "too short: " + actual + " bytes, but " + what + " need "
                    + expected);
        }
        if (actual > expected) {
            throw new DatasetFormatException(file, "too long: " + (actual - expected) + " trailing bytes after "
                    + what + " (" + expected + " bytes expected)");
        }
    }

    /** Fails naming the first label outside [0, classes). */
    static void checkLabels(Path file, byte[] labels, int classes) throws DatasetFormatException {
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i] & 0xFF;
            if (label >= classes) {
                throw new DatasetFormatException(file, "label " + label + " of item " + i + " is outside [0, "
                        + classes + ")");
            }
        }
    }

    /** Labels read as unsigned bytes. */
    static int[] unsigned(byte[] labels) {
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i] & 0xFF;
        }
        return out;
    }
}
