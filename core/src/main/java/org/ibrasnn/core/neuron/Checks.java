package org.ibrasnn.core.neuron;

/** Argument checks shared by the neuron specs; every message names the offending values. */
final class Checks {
    private Checks() {}

    static void alpha(double alpha) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], got alpha=" + alpha);
        }
    }

    static void timesteps(int t) {
        if (t < 1) {
            throw new IllegalArgumentException("T must be >= 1, got T=" + t);
        }
    }

    /** Returns D*N as an exact integer, or throws naming D, N and D*N. */
    static int countRange(double d, int n) {
        if (!(d > 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("D must be a positive finite number, got D=" + d);
        }
        if (n <= 0) {
            throw new IllegalArgumentException("N must be a positive integer, got N=" + n);
        }
        double dn = d * n;
        double rounded = Math.rint(dn);
        if (Math.abs(dn - rounded) > 1e-9 * Math.max(1.0, Math.abs(dn)) || rounded > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException(
                    "D*N must be an integer: D=" + d + ", N=" + n + ", D*N=" + dn);
        }
        return (int) rounded;
    }

    /** B = ceil(log2(dn + 1)), the number of bit-planes needed for counts 0..dn. */
    static int bitsFor(int dn) {
        return 32 - Integer.numberOfLeadingZeros(dn);
    }
}
