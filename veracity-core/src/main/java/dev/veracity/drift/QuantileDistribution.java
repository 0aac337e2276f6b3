package dev.veracity.drift;

import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.Histogram;
import java.util.Arrays;

/**
 * A numeric feature's distribution reconstructed from its QUANTILES histogram (equal-mass buckets): the mass of
 * each bucket spread uniformly over it, a point bucket (low == high) kept as a point mass. NaNs ({@code num_nan})
 * are left out, as TFDV leaves them out of the buckets.
 *
 * <p><b>Error bound.</b> With k buckets whose edges are quantiles of a sketch with rank error ε (KLL, ε = 0.01 in
 * our generator and in TFDV), the true CDF F at an edge e_i is within ε of i/k, and between two edges both F and
 * the reconstruction F̂ stay within one bucket's mass, so |F̂(x) − F(x)| <= 1/k + ε for every x. Hence a
 * Kolmogorov-Smirnov statistic from two reconstructions is within (1/k₁ + ε) + (1/k₂ + ε) of the exact one
 * (0.22 with TFDV's default k = 10), and a Wasserstein-1 distance within (1/k₁ + ε)·range₁ + (1/k₂ + ε)·range₂.
 * These are worst cases (a distribution whose mass sits at one end of every bucket); for smooth densities the
 * uniform spread inside a bucket is much closer, see the measured errors in DECISIONS.md.
 *
 * <pre>{@code
 * QuantileDistribution d = QuantileDistribution.of(feature);   // throws NotApplicable without QUANTILES
 * double median = ...; d.cdf(median);                           // about 0.5
 * }</pre>
 */
final class QuantileDistribution {
    private final double[] lows;
    private final double[] highs;
    private final double[] masses;
    private final double total;

    private QuantileDistribution(double[] lows, double[] highs, double[] masses, double total) {
        this.lows = lows;
        this.highs = highs;
        this.masses = masses;
        this.total = total;
    }

    /** {@return the distribution of a numeric feature's QUANTILES histogram} */
    static QuantileDistribution of(FeatureNameStatistics feature) throws NotApplicable {
        if (!feature.hasNumStats()) {
            throw new NotApplicable("not a numeric feature (" + feature.getType() + ")");
        }
        Histogram quantiles = null;
        for (Histogram histogram : feature.getNumStats().getHistogramsList()) {
            if (histogram.getType() == Histogram.HistogramType.QUANTILES) {
                quantiles = histogram;
                break;
            }
        }
        if (quantiles == null) {
            throw new NotApplicable("no QUANTILES histogram");
        }
        return of(quantiles);
    }

    /** {@return the distribution of a histogram's buckets (buckets of no mass are dropped)} */
    static QuantileDistribution of(Histogram histogram) throws NotApplicable {
        int n = 0;
        double[] lows = new double[histogram.getBucketsCount()];
        double[] highs = new double[lows.length];
        double[] masses = new double[lows.length];
        double total = 0;
        for (Histogram.Bucket bucket : histogram.getBucketsList()) {
            if (!(bucket.getSampleCount() > 0)) {
                continue;
            }
            if (!Double.isFinite(bucket.getLowValue()) || !Double.isFinite(bucket.getHighValue())) {
                throw new NotApplicable("infinite values in the QUANTILES histogram");
            }
            if (bucket.getHighValue() < bucket.getLowValue()) {
                throw new NotApplicable("a QUANTILES bucket with high < low");
            }
            lows[n] = bucket.getLowValue();
            highs[n] = bucket.getHighValue();
            masses[n] = bucket.getSampleCount();
            total += masses[n];
            n++;
        }
        if (n == 0) {
            throw new NotApplicable("no values (the QUANTILES histogram is empty)");
        }
        return new QuantileDistribution(Arrays.copyOf(lows, n), Arrays.copyOf(highs, n), Arrays.copyOf(masses, n),
                total);
    }

    /** {@return the total mass: the number of (non-NaN) values, or their weight} */
    double total() {
        return total;
    }

    /** {@return the number of buckets of positive mass} */
    int buckets() {
        return masses.length;
    }

    /** {@return the smallest bucket edge} */
    double min() {
        double min = Double.POSITIVE_INFINITY;
        for (double low : lows) {
            min = Math.min(min, low);
        }
        return min;
    }

    /** {@return the largest bucket edge} */
    double max() {
        double max = Double.NEGATIVE_INFINITY;
        for (double high : highs) {
            max = Math.max(max, high);
        }
        return max;
    }

    /** {@return the fraction of the mass at or below x (right-continuous CDF)} */
    double cdf(double x) {
        double mass = 0;
        for (int i = 0; i < masses.length; i++) {
            if (x >= highs[i]) {
                mass += masses[i];
            } else if (x > lows[i]) {
                mass += masses[i] * (x - lows[i]) / (highs[i] - lows[i]);
            }
        }
        return Math.min(1, mass / total);
    }

    /** {@return the fraction of the mass strictly below x (the CDF's left limit)} */
    double cdfBelow(double x) {
        double mass = 0;
        for (int i = 0; i < masses.length; i++) {
            if (x > highs[i]) {
                mass += masses[i];
            } else if (x > lows[i]) {
                mass += masses[i] * (x - lows[i]) / (highs[i] - lows[i]);
            }
        }
        return Math.min(1, mass / total);
    }

    /** {@return every bucket edge, sorted, without repeats} */
    double[] edges() {
        double[] edges = new double[2 * masses.length];
        System.arraycopy(lows, 0, edges, 0, lows.length);
        System.arraycopy(highs, 0, edges, lows.length, highs.length);
        return distinctSorted(edges);
    }

    /** {@return the edges of both distributions, sorted, without repeats} */
    static double[] edges(QuantileDistribution a, QuantileDistribution b) {
        double[] ea = a.edges();
        double[] eb = b.edges();
        double[] all = Arrays.copyOf(ea, ea.length + eb.length);
        System.arraycopy(eb, 0, all, ea.length, eb.length);
        return distinctSorted(all);
    }

    private static double[] distinctSorted(double[] values) {
        Arrays.sort(values);
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (n == 0 || values[i] != values[n - 1]) {
                values[n++] = values[i];
            }
        }
        return Arrays.copyOf(values, n);
    }
}
