package dev.veracity.monitoring;

import dev.veracity.drift.ChiSquareDistribution;
import dev.veracity.drift.KolmogorovDistribution;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The two-sample tests of a shift diagnosis, with core's distributions: Kolmogorov-Smirnov on numbers (exact D,
 * asymptotic p-value, as {@code drift} uses it) and Pearson's chi-squared test of homogeneity on counts.
 */
final class ShiftTests {
    private ShiftTests() {}

    /** A test result. */
    record Outcome(String test, double statistic, double dof, double pValue) {}

    /** {@return the KS test of the non-NaN values of two samples; p = 1 when either is empty} */
    static Outcome kolmogorovSmirnov(double[] a, double[] b) {
        double[] x = Arrays.stream(a).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] y = Arrays.stream(b).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (x.length == 0 || y.length == 0) {
            return new Outcome("ks", 0, 0, 1);
        }
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] == v) {
                i++;
            }
            while (j < y.length && y[j] == v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return new Outcome("ks", d, 0, KolmogorovDistribution.twoSamplePValue(d, x.length, y.length));
    }

    /** {@return the chi-squared test of homogeneity of two count vectors over the same categories (zero columns dropped)} */
    static Outcome chiSquare(double[] a, double[] b) {
        double totalA = 0;
        double totalB = 0;
        for (int k = 0; k < a.length; k++) {
            totalA += a[k];
            totalB += b[k];
        }
        double n = totalA + totalB;
        double statistic = 0;
        int columns = 0;
        for (int k = 0; k < a.length; k++) {
            double column = a[k] + b[k];
            if (column == 0) {
                continue;
            }
            columns++;
            double expectedA = totalA * column / n;
            double expectedB = totalB * column / n;
            statistic += (a[k] - expectedA) * (a[k] - expectedA) / expectedA
                    + (b[k] - expectedB) * (b[k] - expectedB) / expectedB;
        }
        if (totalA == 0 || totalB == 0 || columns < 2) {
            return new Outcome("chi2", 0, 0, 1);
        }
        return new Outcome("chi2", statistic, columns - 1, ChiSquareDistribution.survival(statistic, columns - 1));
    }

    /**
     * {@return the chi-squared test of two text samples' value counts; values with an expected count below 5 are
     * pooled into one category first (missing values, "", are left out)}
     */
    static Outcome categorical(List<String> a, List<String> b) {
        Map<String, double[]> counts = new TreeMap<>();
        for (String v : a) {
            if (!v.isEmpty()) {
                counts.computeIfAbsent(v, k -> new double[2])[0]++;
            }
        }
        for (String v : b) {
            if (!v.isEmpty()) {
                counts.computeIfAbsent(v, k -> new double[2])[1]++;
            }
        }
        double totalA = counts.values().stream().mapToDouble(c -> c[0]).sum();
        double totalB = counts.values().stream().mapToDouble(c -> c[1]).sum();
        double n = totalA + totalB;
        double[] pooled = new double[2];
        java.util.List<double[]> kept = new java.util.ArrayList<>();
        for (double[] c : counts.values()) {
            double column = c[0] + c[1];
            if (Math.min(totalA, totalB) * column / n < 5) {
                pooled[0] += c[0];
                pooled[1] += c[1];
            } else {
                kept.add(c);
            }
        }
        if (pooled[0] + pooled[1] > 0) {
            kept.add(pooled);
        }
        double[] x = new double[kept.size()];
        double[] y = new double[kept.size()];
        for (int k = 0; k < kept.size(); k++) {
            x[k] = kept.get(k)[0];
            y[k] = kept.get(k)[1];
        }
        return chiSquare(x, y);
    }
}
