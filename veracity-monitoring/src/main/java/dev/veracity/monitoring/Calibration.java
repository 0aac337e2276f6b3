package dev.veracity.monitoring;

import dev.veracity.drift.ChiSquareDistribution;

/**
 * The Hosmer-Lemeshow calibration test of the shift diagnosis's model check: (probability, 0/1 outcome) pairs sorted
 * by probability cut into 10 groups of equal size, the statistic summed over groups with a positive variance,
 * chi-squared with as many degrees of freedom as groups (the test is on held-out rows).
 *
 * <pre>{@code
 * double[] test = Calibration.hosmerLemeshow(sortedPairs); // {statistic, groups, p-value}
 * }</pre>
 */
final class Calibration {
    static final int GROUPS = 10;

    private Calibration() {}

    /** {@return {statistic, degrees of freedom, p-value} of pairs sorted by probability} */
    static double[] hosmerLemeshow(double[][] pairs) {
        int n = pairs.length;
        double hl = 0;
        int groups = 0;
        for (int g = 0; g < GROUPS; g++) {
            int from = (int) ((long) g * n / GROUPS);
            int to = (int) ((long) (g + 1) * n / GROUPS);
            double observed = 0;
            double expected = 0;
            for (int i = from; i < to; i++) {
                observed += pairs[i][1];
                expected += pairs[i][0];
            }
            double size = to - from;
            double variance = expected * (1 - expected / Math.max(size, 1));
            if (size > 0 && variance > 1e-12) {
                hl += (observed - expected) * (observed - expected) / variance;
                groups++;
            }
        }
        return new double[] {hl, groups, groups == 0 ? 1 : ChiSquareDistribution.survival(hl, groups)};
    }
}
