package dev.veracity.labeling.agreement;

import dev.veracity.labeling.ratings.RatingTable;

/**
 * Krippendorff's alpha, {@code 1 - Do / De}, computed from the coincidence matrix as in Krippendorff, "Computing
 * Krippendorff's Alpha-Reliability" (2011): every ordered pair of ratings of a unit adds {@code 1 / (m_u - 1)} to
 * its cell, units with one rating are not pairable, and the difference function depends on the {@link Level}.
 *
 * <pre>{@code
 * double alpha = KrippendorffAlpha.of(table, Level.ORDINAL);
 * }</pre>
 */
public final class KrippendorffAlpha {
    private KrippendorffAlpha() {}

    /**
     * {@return alpha of the table at {@code level}; NaN when there are no pairable ratings or no variation}
     *
     * @throws dev.veracity.ConfigException for INTERVAL or RATIO when a label is not a number
     */
    public static double of(RatingTable table, Level level) {
        int[][] counts = table.countsPerItem();
        int labels = table.labels().size();
        double[][] coincidence = new double[labels][labels];
        for (int[] unit : counts) {
            int m = PairwiseAgreement.total(unit);
            if (m < 2) {
                continue;
            }
            for (int c = 0; c < labels; c++) {
                for (int k = 0; k < labels; k++) {
                    double pairs = c == k ? (double) unit[c] * (unit[c] - 1) : (double) unit[c] * unit[k];
                    coincidence[c][k] += pairs / (m - 1);
                }
            }
        }
        double[] marginal = new double[labels];
        double n = 0;
        for (int c = 0; c < labels; c++) {
            for (int k = 0; k < labels; k++) {
                marginal[c] += coincidence[c][k];
            }
            n += marginal[c];
        }
        double[][] delta = differences(table, level, marginal);
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < labels; c++) {
            for (int k = 0; k < labels; k++) {
                observed += coincidence[c][k] * delta[c][k];
                expected += marginal[c] * marginal[k] * delta[c][k];
            }
        }
        if (n <= 1 || expected == 0) {
            return Double.NaN;
        }
        return 1 - (n - 1) * observed / expected;
    }

    private static double[][] differences(RatingTable table, Level level, double[] marginal) {
        int labels = marginal.length;
        double[][] delta = new double[labels][labels];
        double[] value = level == Level.INTERVAL || level == Level.RATIO
                ? table.numericLabels(level.name().toLowerCase(java.util.Locale.ROOT) + " alpha")
                : null;
        for (int c = 0; c < labels; c++) {
            for (int k = 0; k < labels; k++) {
                delta[c][k] = switch (level) {
                    case NOMINAL -> c == k ? 0 : 1;
                    case ORDINAL -> {
                        double between = 0;
                        for (int g = Math.min(c, k); g <= Math.max(c, k); g++) {
                            between += marginal[g];
                        }
                        double d = between - (marginal[c] + marginal[k]) / 2;
                        yield d * d;
                    }
                    case INTERVAL -> (value[c] - value[k]) * (value[c] - value[k]);
                    case RATIO ->
                        value[c] + value[k] == 0 ? 0 : Math.pow((value[c] - value[k]) / (value[c] + value[k]), 2);
                };
            }
        }
        return delta;
    }
}
