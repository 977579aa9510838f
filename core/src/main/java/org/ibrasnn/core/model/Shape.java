package org.ibrasnn.core.model;

import java.math.BigInteger;

/**
 * Shape of one sample's activation: channels x height x width; a flat vector of n is (n, 1, 1). It holds at
 * most {@code 2^31 - 1} values, so that {@link #size()} is exact.
 */
public record Shape(int channels, int height, int width) {
    public Shape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("shape dimensions must be >= 1, got " + channels + "x" + height + "x" + width);
        }
        long area = (long) height * width;
        if (area > Integer.MAX_VALUE || area * channels > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + channels + "x" + height + "x" + width + " holds "
                    + BigInteger.valueOf(area).multiply(BigInteger.valueOf(channels)) + " values, more than "
                    + Integer.MAX_VALUE);
        }
    }

    /** Parses {@code CxHxW}, e.g. {@code 3x32x32}. */
    public static Shape parse(String text) {
        String[] parts = text.trim().split("x");
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected CxHxW such as 3x32x32, got '" + text + "'");
        }
        try {
            return new Shape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected CxHxW such as 3x32x32, got '" + text + "'", e);
        }
    }

    public static Shape flat(int n) {
        return new Shape(n, 1, 1);
    }

    public int size() {
        return channels * height * width;
    }

    public boolean isFlat() {
        return height == 1 && width == 1;
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
