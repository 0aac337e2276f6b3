package dev.veracity.stats;

import dev.veracity.proto.Histogram;

/**
 * TFDV's two numeric histograms, read off a sketched distribution plus exact masses: counts of values for the
 * unweighted histograms, sums of weights for the weighted ones ({@code weighted_numeric_stats.histograms}).
 *
 * <p>STANDARD: equal-width buckets over [finite min, finite max]; a bucket holds (low, high], the first also its low
 * end; infinities become point buckets [-inf, -inf] and [inf, inf] as in TFDV. Counts are the total mass times
 * differences of the sketch's CDF at the edges, so each is within 2 * rank error * total of the truth (TFDV
 * interpolates from 100 x k quantiles instead). QUANTILES: equal-mass buckets between the sketch's quantiles, each with
 * total / k.
 */
final class NumericHistograms {
    /** A sketched distribution: normalized ranks (inclusive) and their inverse. */
    interface Distribution {
        /** {@return the fraction of the mass on values at most {@code value}} */
        double rank(double value);

        /** {@return the smallest value whose rank is at least {@code rank}} */
        double quantile(double rank);
    }

    private final Distribution distribution;
    private final long nanCount;
    private final double negativeInfinity;
    private final double finite;
    private final double positiveInfinity;
    private final double finiteMin;
    private final double finiteMax;
    private final double min;
    private final double max;

    /**
     * @param negativeInfinity the exact mass on -infinity
     * @param finite           the exact mass on finite values
     * @param positiveInfinity the exact mass on +infinity
     * @param finiteMin        the smallest finite value, the low end of the STANDARD buckets
     * @param finiteMax        the largest finite value, the high end of the STANDARD buckets
     * @param min              the low end of the QUANTILES buckets
     * @param max              the high end of the QUANTILES buckets
     */
    private NumericHistograms(
            Distribution distribution,
            long nanCount,
            double negativeInfinity,
            double finite,
            double positiveInfinity,
            double finiteMin,
            double finiteMax,
            double min,
            double max) {
        this.distribution = distribution;
        this.nanCount = nanCount;
        this.negativeInfinity = negativeInfinity;
        this.finite = finite;
        this.positiveInfinity = positiveInfinity;
        this.finiteMin = finiteMin;
        this.finiteMax = finiteMax;
        this.min = min;
        this.max = max;
    }

    /** {@return the histograms of the values: counts from the moments, ranks from the KLL sketch of all of them} */
    static NumericHistograms of(KllQuantiles sketch, NumericMoments moments) {
        Distribution kll = new Distribution() {
            @Override
            public double rank(double value) {
                return sketch.rank(value);
            }

            @Override
            public double quantile(double rank) {
                return sketch.quantile(rank);
            }
        };
        return new NumericHistograms(
                kll,
                moments.nanCount(),
                moments.negativeInfinityCount(),
                moments.finiteCount(),
                moments.positiveInfinityCount(),
                moments.finiteMin(),
                moments.finiteMax(),
                moments.min(),
                moments.max());
    }

    /**
     * {@return the weighted histograms: masses from the weighted moments, ranks from the weighted quantiles, edges of
     * STANDARD buckets over all finite values as TFDV's, ends of QUANTILES buckets at the values of positive weight}
     */
    static NumericHistograms weighted(WeightedQuantiles.View view, WeightedMoments weighted, NumericMoments moments) {
        return new NumericHistograms(
                view,
                moments.nanCount(),
                weighted.negativeInfinityWeight(),
                weighted.finiteWeight(),
                weighted.positiveInfinityWeight(),
                moments.finiteMin(),
                moments.finiteMax(),
                view.min(),
                view.max());
    }

    Histogram standard(int buckets) {
        Histogram.Builder histogram =
                Histogram.newBuilder().setType(Histogram.HistogramType.STANDARD).setNumNan(nanCount);
        double negInf = negativeInfinity;
        double posInf = positiveInfinity;
        if (negInf > 0) {
            histogram
                    .addBucketsBuilder()
                    .setLowValue(Double.NEGATIVE_INFINITY)
                    .setHighValue(Double.NEGATIVE_INFINITY)
                    .setSampleCount(negInf);
        }
        if (finite > 0) {
            double low = finiteMin;
            double high = finiteMax;
            if (low == high) {
                histogram
                        .addBucketsBuilder()
                        .setLowValue(low)
                        .setHighValue(high)
                        .setSampleCount(finite);
            } else {
                double n = negInf + finite + posInf;
                double below = negInf;
                for (int i = 0; i < buckets; i++) {
                    double edge = i == buckets - 1 ? high : edge(low, high, i + 1, buckets);
                    double upTo =
                            i == buckets - 1 ? negInf + finite : Math.min(negInf + finite, n * distribution.rank(edge));
                    double count = Math.max(0, upTo - below);
                    histogram
                            .addBucketsBuilder()
                            .setLowValue(edge(low, high, i, buckets))
                            .setHighValue(edge)
                            .setSampleCount(count);
                    below = Math.max(below, upTo);
                }
            }
        }
        if (posInf > 0) {
            histogram
                    .addBucketsBuilder()
                    .setLowValue(Double.POSITIVE_INFINITY)
                    .setHighValue(Double.POSITIVE_INFINITY)
                    .setSampleCount(posInf);
        }
        return histogram.build();
    }

    /**
     * {@return the edge {@code i} of {@code buckets} equal-width buckets from low to high}: {@code low + i * width}
     * as TFDV computes it, or, when the range is wider than {@link Double#MAX_VALUE}, a weighted mean that cannot
     * overflow.
     */
    private static double edge(double low, double high, int i, int buckets) {
        double width = (high - low) / buckets;
        if (Double.isFinite(width)) {
            return low + width * i;
        }
        double t = (double) i / buckets;
        return low * (1 - t) + high * t;
    }

    Histogram quantiles(int buckets) {
        Histogram.Builder histogram = Histogram.newBuilder()
                .setType(Histogram.HistogramType.QUANTILES)
                .setNumNan(nanCount);
        double n = negativeInfinity + finite + positiveInfinity;
        if (n == 0) {
            return histogram.build();
        }
        double[] edges = new double[buckets + 1];
        edges[0] = min;
        edges[buckets] = max;
        for (int i = 1; i < buckets; i++) {
            edges[i] = distribution.quantile((double) i / buckets);
        }
        double perBucket = n / buckets;
        for (int i = 0; i < buckets; i++) {
            histogram
                    .addBucketsBuilder()
                    .setLowValue(edges[i])
                    .setHighValue(edges[i + 1])
                    .setSampleCount(perBucket);
        }
        return histogram.build();
    }
}
