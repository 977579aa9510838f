package org.ibrasnn.core.task.detection;

import java.util.List;

/** The mean COCOeval takes, bit for bit: numpy's pairwise summation over the entries > -1, divided by their count. */
final class NumpyMean {

    private static final int BLOCK = 128;

    private NumpyMean() {}

    /** The mean of the entries {@code > -1}, or -1 if there are none. */
    static double ofValid(List<Double> values) {
        double[] valid = values.stream().mapToDouble(Double::doubleValue).filter(v -> v > -1).toArray();
        return valid.length == 0 ? -1 : pairwiseSum(valid, 0, valid.length) / valid.length;
    }

    /** numpy's pairwise sum: sequential under 8, eight interleaved partial sums up to 128, halves above. */
    private static double pairwiseSum(double[] a, int from, int n) {
        if (n < 8) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += a[from + i];
            }
            return sum;
        }
        if (n <= BLOCK) {
            double[] r = new double[8];
            System.arraycopy(a, from, r, 0, 8);
            int i = 8;
            for (; i < n - n % 8; i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += a[from + i + j];
                }
            }
            double sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                sum += a[from + i];
            }
            return sum;
        }
        int half = n / 2;
        half -= half % 8;
        return pairwiseSum(a, from, half) + pairwiseSum(a, from + half, n - half);
    }
}
