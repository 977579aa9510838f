package org.ibrasnn.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses a gzip file (RFC 1952, one member or several in a row) as it is read, so that a caller bounds how
 * much it takes, and strictly: every member's CRC-32 and length are checked, and anything after the last member
 * that is not another member (trailing garbage, which {@link java.util.zip.GZIPInputStream} skips) is a fault.
 */
final class GzipInput extends InputStream {

    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final Path file;
    private final PushbackInputStream in;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[1 << 16];
    private final byte[] one = new byte[1];
    private int buffered;
    private boolean ended;

    /** Reads the first member's header from {@code raw}, the file's bytes from its start. */
    GzipInput(Path file, InputStream raw) throws IOException {
        this.file = file;
        this.in = new PushbackInputStream(raw, buffer.length);
        header();
    }

    /** Whether content starting with these two bytes is gzip. */
    static boolean isGzip(int first, int second) {
        return first == 0x1f && second == 0x8b;
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!ended) {
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw corrupt(e.getMessage());
            }
            if (n > 0) {
                crc.update(b, off, n);
                return n;
            }
            if (inflater.finished()) {
                endMember();
            } else if (inflater.needsDictionary()) {
                throw corrupt("a preset dictionary is needed");
            } else if (inflater.needsInput()) {
                buffered = in.read(buffer);
                if (buffered < 0) {
                    throw corrupt("the compressed data ends early");
                }
                inflater.setInput(buffer, 0, buffered);
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }

    /** Checks the trailer of the member just inflated, then starts the next member or ends the stream. */
    private void endMember() throws IOException {
        int left = inflater.getRemaining();
        in.unread(buffer, buffered - left, left);
        long expectedCrc = littleEndian(4);
        long expectedLength = littleEndian(4);
        if (expectedCrc != crc.getValue()) {
            throw corrupt("CRC-32 mismatch");
        }
        if (expectedLength != (inflater.getBytesWritten() & 0xFFFFFFFFL)) {
            throw corrupt("length mismatch");
        }
        int next = in.read();
        if (next < 0) {
            ended = true;
            return;
        }
        int second = in.read();
        if (!isGzip(next, second)) {
            throw new DatasetFormatException(file, "trailing garbage after the end of the gzip data");
        }
        in.unread(second);
        in.unread(next);
        inflater.reset();
        crc.reset();
        header();
    }

    private void header() throws IOException {
        if (!isGzip(headerByte(), headerByte()) || headerByte() != 8) {
            throw corrupt("not a gzip header");
        }
        int flags = headerByte();
        if ((flags & 0xE0) != 0) {
            throw corrupt("reserved header flags set");
        }
        skip(6);
        if ((flags & FEXTRA) != 0) {
            skip(headerByte() | headerByte() << 8);
        }
        for (int text : new int[] {FNAME, FCOMMENT}) {
            if ((flags & text) != 0) {
                while (headerByte() != 0) {
                    // skips the zero-terminated name or comment
                }
            }
        }
        if ((flags & FHCRC) != 0) {
            skip(2);
        }
    }

    private long littleEndian(int bytes) throws IOException {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value |= (long) headerByte() << (8 * i);
        }
        return value;
    }

    private void skip(int bytes) throws IOException {
        for (int i = 0; i < bytes; i++) {
            headerByte();
        }
    }

    private int headerByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw corrupt("the file ends inside a gzip header or trailer");
        }
        return b;
    }

    private DatasetFormatException corrupt(String detail) {
        return new DatasetFormatException(file, "corrupt gzip stream (" + detail + ")");
    }
}
