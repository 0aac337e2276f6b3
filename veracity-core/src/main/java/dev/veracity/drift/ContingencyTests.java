package dev.veracity.drift;

/** Tests of homogeneity on a 2 × K table of counts (row 0 the baseline, row 1 the current statistics). */
final class ContingencyTests {
    private ContingencyTests() {}

    /** A statistic and its p-value. */
    record Outcome(double statistic, double pValue) {}

    /**
     * {@return Pearson's chi-square Σ (O − E)² / E with E = row total × column total / N, K − 1 degrees of freedom;
     * statistic 0 and p-value 1 with a single label}
     */
    static Outcome chiSquare(double[][] table) {
        int k = table[0].length;
        double row0 = sum(table[0]);
        double row1 = sum(table[1]);
        double n = row0 + row1;
        double statistic = 0;
        for (int j = 0; j < k; j++) {
            double column = table[0][j] + table[1][j];
            double expected0 = row0 * column / n;
            double expected1 = row1 * column / n;
            statistic += square(table[0][j] - expected0) / expected0 + square(table[1][j] - expected1) / expected1;
        }
        return k < 2 ? new Outcome(0, 1) : new Outcome(statistic, ChiSquareDistribution.survival(statistic, k - 1));
    }

    /**
     * {@return the pooled two-proportion z statistic (current minus baseline share of the first label) and its
     * two-sided p-value 2 (1 − Φ(|z|)) = P(χ²₁ > z²); z = 0 and p = 1 when the pooled share is 0 or 1}
     */
    static Outcome twoProportionZ(double[][] table) {
        double n0 = sum(table[0]);
        double n1 = sum(table[1]);
        double p0 = table[0][0] / n0;
        double p1 = table[1][0] / n1;
        double pooled = (table[0][0] + table[1][0]) / (n0 + n1);
        double variance = pooled * (1 - pooled) * (1 / n0 + 1 / n1);
        if (!(variance > 0)) {
            return new Outcome(0, 1);
        }
        double z = (p1 - p0) / Math.sqrt(variance);
        return new Outcome(z, ChiSquareDistribution.survival(z * z, 1));
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }

    private static double square(double x) {
        return x * x;
    }
}
