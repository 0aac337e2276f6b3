package dev.veracity.labeling.propagate;

/**
 * Sums doubles in the order NumPy's {@code add.reduce} sums a contiguous array (pairwise, with eight partial sums
 * per block of up to 128 values), so the convergence test and the row normalization round exactly as scikit-learn's
 * do and a run stops at the same iteration.
 */
final class PairwiseSum {
    private static final int BLOCK = 128;

    private PairwiseSum() {}

    /** {@return the sum of {@code values[from, from + n)}} */
    static double of(double[] values, int from, int n) {
        if (n < 8) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[from + i];
            }
            return sum;
        }
        if (n <= BLOCK) {
            double[] r = new double[8];
            System.arraycopy(values, from, r, 0, 8);
            int i = 8;
            for (; i < n - n % 8; i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += values[from + i + j];
                }
            }
            double sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                sum += values[from + i];
            }
            return sum;
        }
        int half = n / 2;
        half -= half % 8;
        return of(values, from, half) + of(values, from + half, n - half);
    }

    /** {@return the sum of {@code |a[i] - b[i]|} over both arrays, summed as {@link #of} sums} */
    static double absoluteDifference(double[] a, double[] b) {
        double[] difference = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            difference[i] = Math.abs(a[i] - b[i]);
        }
        return of(difference, 0, difference.length);
    }
}
