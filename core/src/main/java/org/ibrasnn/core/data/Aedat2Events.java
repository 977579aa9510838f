package org.ibrasnn.core.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * AEDAT 2.0, the jAER format CIFAR10-DVS ships in (recorded with a 128 x 128 DVS128). The file starts with
 * text header lines beginning with {@code #}, the first being {@code #!AER-DAT2.0}; then 8-byte events,
 * big-endian: a 32-bit address and a 32-bit timestamp in microseconds. DVS128 addresses hold the polarity
 * bit in bit 0 (0: ON), the column in bits 1..7 and the row in bits 8..14; higher bits are ignored. Events
 * are turned the way SpikingJelly and tonic present CIFAR10-DVS: {@code x = 127 - row}, {@code y = 127 - column}.
 */
public final class Aedat2Events {

    /** Sensor size of the DVS128. */
    public static final int SIZE = 128;
    private static final String MAGIC = "#!AER-DAT";

    private Aedat2Events() {}

    /** Reads a recording. */
    public static EventStream read(Path file) throws IOException {
        return decode(file, FileBytes.read(file, FileBytes.MAX_ITEM_BYTES, "one recording"));
    }

    /** Decodes the content {@code b} of {@code file}. */
    static EventStream decode(Path file, ByteBuffer b) throws DatasetFormatException {
        int start = header(file, b);
        int length = b.limit() - start;
        if (length % 8 != 0) {
            throw new DatasetFormatException(file, "truncated: " + length + " bytes of events after the header is not "
                    + "a whole number of 8-byte events");
        }
        EventStream.Builder events = new EventStream.Builder(SIZE, SIZE);
        for (int pos = start; pos < b.limit(); pos += 8) {
            int address = b.getInt(pos);
            long t = Integer.toUnsignedLong(b.getInt(pos + 4));
            int column = (address >> 1) & 0x7F;
            int row = (address >> 8) & 0x7F;
            events.add(SIZE - 1 - row, SIZE - 1 - column, (address & 1) == 0, t);
        }
        return events.build();
    }

    /** Checks the header and returns the offset of the first event. */
    private static int header(Path file, ByteBuffer b) throws DatasetFormatException {
        int pos = 0;
        boolean first = true;
        while (pos < b.limit() && b.get(pos) == '#') {
            int end = pos;
            while (end < b.limit() && b.get(end) != '\n') {
                end++;
            }
            if (end == b.limit()) {
                throw new DatasetFormatException(file, "header line at byte " + pos + " is not terminated");
            }
            if (first) {
                String line = new String(bytes(b, pos, end), StandardCharsets.US_ASCII).strip();
                if (!line.startsWith(MAGIC)) {
                    throw new DatasetFormatException(file, "not an AEDAT file: first line is '" + line + "'");
                }
                String version = line.substring(MAGIC.length());
                if (!version.equals("2.0")) {
                    throw new DatasetFormatException(file, "AEDAT version " + version + " is not supported; "
                            + "CIFAR10-DVS uses 2.0");
                }
                first = false;
            }
            pos = end + 1;
        }
        if (first) {
            throw new DatasetFormatException(file, "not an AEDAT file: no '#!AER-DAT2.0' header line");
        }
        return pos;
    }

    private static byte[] bytes(ByteBuffer b, int from, int to) {
        byte[] out = new byte[to - from];
        b.get(from, out);
        return out;
    }
}
