package dev.veracity.drift;

/** Distances between two distributions over the same buckets (labels or aligned numeric buckets), as fractions. */
final class BucketDistances {
    /** Evidently's floor for an empty bucket in the population stability index. */
    static final double PSI_FLOOR = 1e-4;

    private BucketDistances() {}

    /**
     * {@return the population stability index Σ (q − p) ln(q / p) of baseline fractions p and current fractions q,
     * each floored at {@link #PSI_FLOOR}}
     */
    static double populationStability(double[] baseline, double[] current) {
        double psi = 0;
        for (int i = 0; i < baseline.length; i++) {
            double p = Math.max(baseline[i], PSI_FLOOR);
            double q = Math.max(current[i], PSI_FLOOR);
            psi += (q - p) * Math.log(q / p);
        }
        return psi;
    }

    /**
     * {@return the Jensen-Shannon distance sqrt(½ KL(p ‖ m) + ½ KL(q ‖ m)), m = (p + q) / 2, natural logarithm (as
     * scipy's {@code jensenshannon}, which Evidently calls): 0 for equal fractions, at most sqrt(ln 2) ≈ 0.833}
     */
    static double jensenShannon(double[] p, double[] q) {
        double divergence = 0;
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2;
            if (p[i] > 0) {
                divergence += 0.5 * p[i] * Math.log(p[i] / m);
            }
            if (q[i] > 0) {
                divergence += 0.5 * q[i] * Math.log(q[i] / m);
            }
        }
        return Math.sqrt(Math.max(0, divergence));
    }

    /** {@return the values divided by their sum (all zero if the sum is 0)} */
    static double[] fractions(double[] counts) {
        double sum = 0;
        for (double count : counts) {
            sum += count;
        }
        double[] fractions = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            fractions[i] = sum > 0 ? counts[i] / sum : 0;
        }
        return fractions;
    }
}
