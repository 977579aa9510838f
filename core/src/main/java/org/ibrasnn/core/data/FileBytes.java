package org.ibrasnn.core.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ibrasnn.core.io.FileAccess;
import org.ibrasnn.core.io.FileAccessException;

/**
 * Opens and reads dataset files, transparently decompressing gzip (recognised by its magic bytes, see
 * {@link GzipInput}). A file is checked before it is opened: a missing file, a directory, a FIFO or device (which
 * could block forever) or an unreadable file is refused naming the file. Reads are bounded, so a file that is (or
 * decompresses to) more than the caller expects is refused before it is held in memory.
 */
final class FileBytes {

    /** The most one item file (one recording or one picture) may hold, decompressed. */
    static final long MAX_ITEM_BYTES = 1L << 26;

    private FileBytes() {}

    /** The decoded content of {@code file} as a stream; {@code raw} (may be null) also receives the bytes on disk. */
    static InputStream open(Path file, Checksum raw) throws IOException {
        requireReadableFile(file);
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (AccessDeniedException e) {
            throw new DatasetFormatException(file, "permission denied");
        }
        BufferedInputStream buffered = new BufferedInputStream(raw == null ? in : raw.tee(file, in), 1 << 16);
        buffered.mark(2);
        boolean gzip = GzipInput.isGzip(buffered.read(), buffered.read());
        buffered.reset();
        return gzip ? new GzipInput(file, buffered) : buffered;
    }

    /** The whole decoded content of {@code file}, refused when it is more than {@code max} bytes of {@code what}. */
    static ByteBuffer read(Path file, long max, String what) throws IOException {
        return read(file, max, what, null);
    }

    /** {@link #read(Path, long, String)}, passing the bytes on disk to {@code raw} (may be null). */
    static ByteBuffer read(Path file, long max, String what, Checksum raw) throws IOException {
        try (InputStream in = open(file, raw)) {
            byte[] content = in.readNBytes((int) Math.min(max, ImageDataset.MAX_BYTES));
            if (in.read() >= 0) {
                throw new DatasetFormatException(file, "holds more than " + max + " bytes (decompressed), the most "
                        + what + " may take");
            }
            return ByteBuffer.wrap(content);
        }
    }

    /** The whole decoded content of {@code file} as UTF-8 text, refused when it is not UTF-8 or too long. */
    static String text(Path file, long max, String what) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(read(file, max, what)).toString();
        } catch (CharacterCodingException e) {
            throw new DatasetFormatException(file, "not UTF-8 text");
        }
    }

    /** Fails unless {@code file} is an existing, readable regular file; checked before it is opened. */
    static void requireReadableFile(Path file) throws DatasetFormatException {
        try {
            FileAccess.requireReadableFile(file);
        } catch (FileAccessException e) {
            throw new DatasetFormatException(file, e.fault().equals("no such file") ? "file not found" : e.fault());
        }
    }

    /** Parses the decoded content of a file. */
    interface Parser<T> {
        T parse(InputStream content) throws IOException;
    }

    /** Opens {@code file} and parses its content; a content fault is blamed on damaged gzip when it is that. */
    static <T> T parse(Path file, Parser<T> parser) throws IOException {
        try (InputStream in = open(file, null)) {
            try {
                return parser.parse(in);
            } catch (DatasetFormatException e) {
                throw blame(in, e);
            }
        }
    }

    /**
     * The fault to report when {@code content}, a stream from {@link #open}, was found wrong: for gzip, a damaged
     * compressed stream explains a wrong content, so up to {@link #MAX_ITEM_BYTES} more bytes are inflated to find
     * it; else {@code fault} itself.
     */
    private static DatasetFormatException blame(InputStream content, DatasetFormatException fault) {
        if (content instanceof GzipInput) {
            try {
                byte[] scratch = new byte[8192];
                for (long read = 0; read < MAX_ITEM_BYTES; ) {
                    int n = content.read(scratch);
                    if (n < 0) {
                        break;
                    }
                    read += n;
                }
            } catch (DatasetFormatException damaged) {
                return damaged;
            } catch (IOException ignored) {
                // the fault found in the content stands
            }
        }
        return fault;
    }

    /**
     * Fails unless {@code in}, which held {@code expected} bytes of {@code what}, has ended; counts at most a
     * mebibyte of what follows, so that a decompression bomb is not inflated to the end.
     */
    static void checkEnded(Path file, InputStream in, long expected, String what) throws IOException {
        long cap = 1L << 20;
        long extra = 0;
        byte[] scratch = new byte[8192];
        for (int n; extra <= cap && (n = in.read(scratch)) >= 0; ) {
            extra += n;
        }
        if (extra > 0) {
            throw new DatasetFormatException(file, "too long: " + (extra > cap ? "more than " + cap : extra)
                    + " trailing bytes after " + what + " (" + expected + " bytes expected)");
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
