package org.ibrasnn.core.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.ibrasnn.core.io.AtomicFiles;

/**
 * The N-MNIST binary event format (Orchard et al. 2015): 5 bytes per event, no header. Byte 0 is x,
 * byte 1 is y, bit 7 of byte 2 the polarity (1: ON), and the remaining 23 bits of bytes 2..4 the timestamp
 * in microseconds, big-endian. N-MNIST recordings are 34 x 34 pixels.
 */
public final class NMnistEvents {

    /** Sensor size of N-MNIST recordings. */
    public static final int SIZE = 34;
    /** Largest timestamp the 23-bit field holds. */
    public static final long MAX_TIMESTAMP = (1L << 23) - 1;
    private static final int BYTES_PER_EVENT = 5;

    private NMnistEvents() {}

    /** Reads a recording; every event must lie on the {@code width x height} sensor. */
    public static EventStream read(Path file, int width, int height) throws IOException {
        return decode(file, FileBytes.read(file, FileBytes.MAX_ITEM_BYTES, "one recording"), width, height);
    }

    /** Decodes the content {@code b} of {@code file}. */
    static EventStream decode(Path file, ByteBuffer b, int width, int height) throws DatasetFormatException {
        int length = b.limit();
        if (length % BYTES_PER_EVENT != 0) {
            throw new DatasetFormatException(file, "truncated: " + length + " bytes is not a whole number of 5-byte events");
        }
        EventStream.Builder events = new EventStream.Builder(width, height);
        for (int i = 0; i < length / BYTES_PER_EVENT; i++) {
            int base = i * BYTES_PER_EVENT;
            int x = b.get(base) & 0xFF;
            int y = b.get(base + 1) & 0xFF;
            int b2 = b.get(base + 2) & 0xFF;
            long t = ((long) (b2 & 0x7F) << 16) | ((b.get(base + 3) & 0xFF) << 8) | (b.get(base + 4) & 0xFF);
            if (x >= width || y >= height) {
                throw new DatasetFormatException(file, "event " + i + " at byte " + base + ": pixel (" + x + ", " + y
                        + ") is outside the " + width + "x" + height + " sensor");
            }
            events.add(x, y, (b2 & 0x80) != 0, t);
        }
        return events.build();
    }

    /** Writes a recording atomically; pixels must fit a byte and timestamps 23 bits. */
    public static void write(Path file, EventStream events) throws IOException {
        byte[] out = new byte[events.size() * BYTES_PER_EVENT];
        for (int i = 0; i < events.size(); i++) {
            long t = events.t(i);
            if (events.x(i) > 255 || events.y(i) > 255 || t > MAX_TIMESTAMP) {
                throw new IllegalArgumentException("event " + i + " does not fit the N-MNIST format: (" + events.x(i)
                        + ", " + events.y(i) + ") at " + t + " us (pixels <= 255, timestamps <= " + MAX_TIMESTAMP + ")");
            }
            int base = i * BYTES_PER_EVENT;
            out[base] = (byte) events.x(i);
            out[base + 1] = (byte) events.y(i);
            out[base + 2] = (byte) ((events.on(i) ? 0x80 : 0) | (int) (t >> 16));
            out[base + 3] = (byte) (t >> 8);
            out[base + 4] = (byte) t;
        }
        AtomicFiles.write(file, o -> o.write(out));
    }
}
