package dev.veracity.drift;

import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.Histogram;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A numeric feature's CDF reconstructed from its two histograms: the QUANTILES one (equal-mass buckets, required)
 * and the STANDARD one (equal-width buckets, used when present). Each histogram gives the CDF at its bucket edges;
 * the reconstruction passes through the edges of both (their mean where both have an edge, made non-decreasing)
 * and is linear in between; a point bucket (low == high) is a jump. NaNs ({@code num_nan}) are left out, as TFDV
 * leaves them out of the buckets. The equal-width edges matter in the tails, where one equal-mass bucket can span
 * most of the range (a lognormal's top decile).
 *
 * <p><b>Infinities</b> are left out too, and counted ({@link #infinite()}): one infinite value must not make every
 * test of the feature inapplicable. Their exact mass is the STANDARD histogram's point buckets [-inf, -inf] and
 * [inf, inf] (as our generator and TFDV write them); it is taken from the QUANTILES buckets with an infinite bound,
 * outermost first, and what remains of such a bucket ends at the finite minimum or maximum (the STANDARD histogram's
 * finite range). Without a STANDARD histogram, buckets with both bounds infinite count as infinite, and a bucket with
 * one infinite bound makes the tests inapplicable (how many of its values are infinite is unknown).
 *
 * <p><b>Error bound.</b> Every edge comes from a sketch with rank error ε (KLL, ε = 0.01 in our generator and in
 * TFDV): the CDF there is within ε of the truth. Between two consecutive edges x_i < x_j the true CDF stays between
 * its values at the edges, so |F̂(x) − F(x)| <= g_i + ε where g_i = F̂(x_j−) − F̂(x_i) is the reconstructed mass in
 * between. Hence {@link #maxError(double)} = max g_i + ε bounds the CDF error (at most 1/k + ε with k QUANTILES
 * buckets), and {@link #integratedError(double)} = Σ (g_i + ε)(x_j − x_i) bounds ∫ |F̂ − F|. A Kolmogorov-Smirnov
 * statistic between two reconstructions is within the sum of their {@code maxError}s of the exact one, a
 * Wasserstein-1 distance within the sum of their {@code integratedError}s. These are worst cases (all mass of a
 * bucket at one end); measured errors are much smaller, see DECISIONS.md.
 */
final class HistogramDistribution {
    /** Edges in increasing order, the CDF's left limit and value at each. */
    private final double[] edges;

    private final double[] below;
    private final double[] at;
    private final double[] quantileEdges;
    private final double total;
    private final double infinite;
    private final double stdDev;

    private HistogramDistribution(
            double[] edges,
            double[] below,
            double[] at,
            double[] quantileEdges,
            double total,
            double infinite,
            double stdDev) {
        this.edges = edges;
        this.below = below;
        this.at = at;
        this.quantileEdges = quantileEdges;
        this.total = total;
        this.infinite = infinite;
        this.stdDev = stdDev;
    }

    /** {@return the distribution of a numeric feature's histograms} */
    static HistogramDistribution of(FeatureNameStatistics feature) throws NotApplicable {
        if (!feature.hasNumStats()) {
            throw new NotApplicable("not a numeric feature (" + feature.getType() + ")");
        }
        Histogram quantiles = null;
        Histogram standard = null;
        for (Histogram histogram : feature.getNumStats().getHistogramsList()) {
            if (histogram.getType() == Histogram.HistogramType.QUANTILES && quantiles == null) {
                quantiles = histogram;
            } else if (histogram.getType() == Histogram.HistogramType.STANDARD && standard == null) {
                standard = histogram;
            }
        }
        if (quantiles == null) {
            throw new NotApplicable("no QUANTILES histogram");
        }
        Infinities infinities = Infinities.of(quantiles, standard);
        Histogram finite = infinities.finitePart(quantiles);
        if (finite.getBucketsCount() == 0 && infinities.mass() > 0) {
            throw new NotApplicable("no finite values, only " + count(infinities.mass()) + " infinite");
        }
        Buckets byMass = Buckets.of(finite);
        List<Buckets> sources = new ArrayList<>(List.of(byMass));
        if (standard != null) {
            try {
                Buckets byWidth = Buckets.of(Infinities.withoutPointsAtInfinity(standard));
                if (byWidth.rangeLow() == byMass.rangeLow() && byWidth.rangeHigh() == byMass.rangeHigh()) {
                    sources.add(byWidth);
                }
            } catch (NotApplicable e) {
                // a STANDARD histogram that cannot be read only costs precision
            }
        }
        return merge(sources, byMass, infinities.mass());
    }

    /** {@return a mass as a count when whole, e.g. "3" or "2.5"} */
    static String count(double mass) {
        return mass == Math.rint(mass) && Math.abs(mass) < 1e15 ? String.valueOf((long) mass) : String.valueOf(mass);
    }

    private static HistogramDistribution merge(List<Buckets> sources, Buckets quantiles, double infinite) {
        double[] all = new double[0];
        for (Buckets source : sources) {
            double[] edges = source.edges();
            double[] joined = Arrays.copyOf(all, all.length + edges.length);
            System.arraycopy(edges, 0, joined, all.length, edges.length);
            all = joined;
        }
        double[] edges = distinctSorted(all);
        double[] below = new double[edges.length];
        double[] at = new double[edges.length];
        double previous = 0;
        for (int i = 0; i < edges.length; i++) {
            double sumBelow = 0;
            double sumAt = 0;
            int count = 0;
            for (Buckets source : sources) {
                if (source.hasEdge(edges[i])) {
                    sumBelow += source.cdfBelow(edges[i]);
                    sumAt += source.cdf(edges[i]);
                    count++;
                }
            }
            below[i] = Math.max(previous, sumBelow / count);
            at[i] = Math.max(below[i], sumAt / count);
            previous = at[i];
        }
        at[edges.length - 1] = 1;
        return new HistogramDistribution(
                edges, below, at, quantiles.edges(), quantiles.total(), infinite, quantiles.stdDev());
    }

    /** {@return the total mass: the number of finite values, or their weight} */
    double total() {
        return total;
    }

    /** {@return the mass of infinite values left out: their number, or their weight} */
    double infinite() {
        return infinite;
    }

    /** {@return the standard deviation of the QUANTILES buckets' finite mass, each spread uniformly} */
    double stdDev() {
        return stdDev;
    }

    /** {@return the fraction of the mass at or below x (right-continuous CDF)} */
    double cdf(double x) {
        int i = Arrays.binarySearch(edges, x);
        if (i >= 0) {
            return at[i];
        }
        return between(-i - 1, x);
    }

    /** {@return the fraction of the mass strictly below x (the CDF's left limit)} */
    double cdfBelow(double x) {
        int i = Arrays.binarySearch(edges, x);
        if (i >= 0) {
            return below[i];
        }
        return between(-i - 1, x);
    }

    /** The CDF at x strictly between edges[next - 1] and edges[next]. */
    private double between(int next, double x) {
        if (next == 0) {
            return 0;
        }
        if (next == edges.length) {
            return 1;
        }
        double a = edges[next - 1];
        double b = edges[next];
        return at[next - 1] + (below[next] - at[next - 1]) * (x - a) / (b - a);
    }

    /** {@return every edge of the reconstruction, sorted, without repeats} */
    double[] edges() {
        return edges.clone();
    }

    /** {@return the edges of the QUANTILES histogram, sorted, without repeats (the buckets of PSI and JS)} */
    double[] quantileEdges() {
        return quantileEdges.clone();
    }

    /** {@return a bound on sup |F̂ − F|: the largest reconstructed mass between two edges plus the rank error} */
    double maxError(double rankError) {
        double gap = 0;
        for (int i = 0; i + 1 < edges.length; i++) {
            gap = Math.max(gap, below[i + 1] - at[i]);
        }
        return gap + rankError;
    }

    /** {@return a bound on ∫ |F̂ − F| dx: Σ (mass between edges + rank error) × width, in the feature's unit} */
    double integratedError(double rankError) {
        double error = 0;
        for (int i = 0; i + 1 < edges.length; i++) {
            error += (below[i + 1] - at[i] + rankError) * (edges[i + 1] - edges[i]);
        }
        return error;
    }

    /** {@return the edges of both distributions, sorted, without repeats} */
    static double[] edges(HistogramDistribution a, HistogramDistribution b) {
        double[] joined = Arrays.copyOf(a.edges, a.edges.length + b.edges.length);
        System.arraycopy(b.edges, 0, joined, a.edges.length, b.edges.length);
        return distinctSorted(joined);
    }

    static double[] distinctSorted(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (n == 0 || sorted[i] != sorted[n - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }

    /**
     * One histogram's buckets with positive mass, its mass spread uniformly over each (a point bucket a point), and
     * the range all its finite buckets span, empty ones included (a sketch may leave the outermost bucket empty: the
     * range still says where the histogram's buckets were cut).
     */
    private record Buckets(
            double[] lows, double[] highs, double[] masses, double total, double rangeLow, double rangeHigh) {
        static Buckets of(Histogram histogram) throws NotApplicable {
            int n = 0;
            double[] lows = new double[histogram.getBucketsCount()];
            double[] highs = new double[lows.length];
            double[] masses = new double[lows.length];
            double total = 0;
            double rangeLow = Double.POSITIVE_INFINITY;
            double rangeHigh = Double.NEGATIVE_INFINITY;
            for (Histogram.Bucket bucket : histogram.getBucketsList()) {
                if (Double.isFinite(bucket.getLowValue()) && Double.isFinite(bucket.getHighValue())) {
                    rangeLow = Math.min(rangeLow, bucket.getLowValue());
                    rangeHigh = Math.max(rangeHigh, bucket.getHighValue());
                }
                if (!(bucket.getSampleCount() > 0)) {
                    continue;
                }
                if (!Double.isFinite(bucket.getLowValue()) || !Double.isFinite(bucket.getHighValue())) {
                    throw new NotApplicable("infinite values in the " + histogram.getType() + " histogram");
                }
                if (bucket.getHighValue() < bucket.getLowValue()) {
                    throw new NotApplicable("a " + histogram.getType() + " bucket with high < low");
                }
                lows[n] = bucket.getLowValue();
                highs[n] = bucket.getHighValue();
                masses[n] = bucket.getSampleCount();
                total += masses[n];
                n++;
            }
            if (n == 0) {
                throw new NotApplicable("no values (the " + histogram.getType() + " histogram is empty)");
            }
            return new Buckets(
                    Arrays.copyOf(lows, n),
                    Arrays.copyOf(highs, n),
                    Arrays.copyOf(masses, n),
                    total,
                    rangeLow,
                    rangeHigh);
        }

        /** The standard deviation of the mixture of uniform buckets (a point bucket a point). */
        double stdDev() {
            double mean = 0;
            for (int i = 0; i < masses.length; i++) {
                mean += masses[i] * (lows[i] + highs[i]) / 2;
            }
            mean /= total;
            double variance = 0;
            for (int i = 0; i < masses.length; i++) {
                double a = lows[i] - mean;
                double b = highs[i] - mean;
                variance += masses[i] * (a * a + a * b + b * b) / 3;
            }
            return Math.sqrt(Math.max(0, variance / total));
        }

        double[] edges() {
            double[] edges = Arrays.copyOf(lows, lows.length + highs.length);
            System.arraycopy(highs, 0, edges, lows.length, highs.length);
            return distinctSorted(edges);
        }

        boolean hasEdge(double x) {
            for (int i = 0; i < lows.length; i++) {
                if (lows[i] == x || highs[i] == x) {
                    return true;
                }
            }
            return false;
        }

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
    }
}
