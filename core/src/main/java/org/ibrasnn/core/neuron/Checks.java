package org.ibrasnn.core.neuron;

import java.math.BigDecimal;

/** Argument checks shared by the neuron specs; every message names the offending values. */
final class Checks {
    private Checks() {}

    static void alpha(double alpha) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], got alpha=" + alpha);
        }
    }

    static void timesteps(int t) {
        if (t < 1 || t > NeuronSpec.MAX_TIMESTEPS) {
            throw new IllegalArgumentException("T must be between 1 and " + NeuronSpec.MAX_TIMESTEPS + ", got T=" + t);
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
        // Decimal arithmetic on D as written (5.11 * 100 = 511 exactly), not on its binary approximation.
        BigDecimal dn = BigDecimal.valueOf(d).multiply(BigDecimal.valueOf(n)).stripTrailingZeros();
        if (dn.scale() > 0 || dn.compareTo(BigDecimal.valueOf(1 << 24)) > 0) {
            throw new IllegalArgumentException("D*N must be an integer of at most 2^24: D=" + d + ", N=" + n
                    + ", D*N=" + dn.toPlainString());
        }
        return dn.intValueExact();
    }

    /** B = ceil(log2(dn + 1)), the number of bit-planes needed for counts 0..dn. */
    static int bitsFor(int dn) {
        return 32 - Integer.numberOfLeadingZeros(dn);
    }
}
