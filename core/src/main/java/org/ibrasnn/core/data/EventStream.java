package org.ibrasnn.core.data;

import java.util.Arrays;

/**
 * Events of one event-camera recording, in file order: pixel {@code (x, y)} on a {@code width x height}
 * sensor, polarity ({@code true}: brightness went up, ON) and timestamp in microseconds.
 */
public final class EventStream {

    private final int width;
    private final int height;
    private final short[] x;
    private final short[] y;
    private final boolean[] on;
    private final long[] t;

    private EventStream(int width, int height, short[] x, short[] y, boolean[] on, long[] t) {
        this.width = width;
        this.height = height;
        this.x = x;
        this.y = y;
        this.on = on;
        this.t = t;
    }

    public int width() { return width; }
    public int height() { return height; }
    public int size() { return t.length; }
    public int x(int i) { return x[i]; }
    public int y(int i) { return y[i]; }
    public boolean on(int i) { return on[i]; }
    public long t(int i) { return t[i]; }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventStream e && width == e.width && height == e.height && Arrays.equals(x, e.x)
                && Arrays.equals(y, e.y) && Arrays.equals(on, e.on) && Arrays.equals(t, e.t);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(t) * 31 + width * 7 + height;
    }

    @Override
    public String toString() {
        return size() + " events on " + width + "x" + height;
    }

    /** Collects events; {@link #add} rejects a pixel off the sensor or a negative timestamp. */
    public static final class Builder {
        private final int width;
        private final int height;
        private short[] x = new short[256];
        private short[] y = new short[256];
        private boolean[] on = new boolean[256];
        private long[] t = new long[256];
        private int size;

        public Builder(int width, int height) {
            if (width < 1 || height < 1 || width > Short.MAX_VALUE || height > Short.MAX_VALUE) {
                throw new IllegalArgumentException("sensor size must be 1.." + Short.MAX_VALUE + ", got " + width + "x" + height);
            }
            this.width = width;
            this.height = height;
        }

        public Builder add(int px, int py, boolean polarity, long micros) {
            if (px < 0 || px >= width || py < 0 || py >= height) {
                throw new IllegalArgumentException("event " + size + ": pixel (" + px + ", " + py + ") is outside the "
                        + width + "x" + height + " sensor");
            }
            if (micros < 0) {
                throw new IllegalArgumentException("event " + size + ": negative timestamp " + micros);
            }
            if (size == t.length) {
                x = Arrays.copyOf(x, size * 2);
                y = Arrays.copyOf(y, size * 2);
                on = Arrays.copyOf(on, size * 2);
                t = Arrays.copyOf(t, size * 2);
            }
            x[size] = (short) px;
            y[size] = (short) py;
            on[size] = polarity;
            t[size] = micros;
            size++;
            return this;
        }

        public EventStream build() {
            return new EventStream(width, height, Arrays.copyOf(x, size), Arrays.copyOf(y, size),
                    Arrays.copyOf(on, size), Arrays.copyOf(t, size));
        }
    }
}
