package dev.veracity.stats;

import dev.veracity.proto.Histogram;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * TFDV's two numeric histograms, read off a KLL sketch plus the exact counts of {@link NumericMoments}.
 *
 * <p>STANDARD: equal-width buckets over [finite min, finite max]; a bucket holds (low, high], the first also its low
 * end; infinities become point buckets [-inf, -inf] and [inf, inf] as in TFDV. Counts are N times differences of the
 * sketch's CDF at the edges, so each is within 2 * rank error * N of the truth (TFDV interpolates from 100 x k
 * quantiles instead). QUANTILES: equal-mass buckets between the sketch's quantiles, each with N / k examples.
 */
final class NumericHistograms {
    private final KllDoublesSketch sketch;
    private final NumericMoments moments;

    NumericHistograms(KllDoublesSketch sketch, NumericMoments moments) {
        this.sketch = sketch;
        this.moments = moments;
    }

    Histogram standard(int buckets) {
        Histogram.Builder histogram = Histogram.newBuilder()
                .setType(Histogram.HistogramType.STANDARD)
                .setNumNan(moments.nanCount());
        long negInf = moments.negativeInfinityCount();
        long posInf = moments.positiveInfinityCount();
        if (negInf > 0) {
            histogram.addBucketsBuilder().setLowValue(Double.NEGATIVE_INFINITY)
                    .setHighValue(Double.NEGATIVE_INFINITY).setSampleCount(negInf);
        }
        long finite = moments.finiteCount();
        if (finite > 0) {
            double low = moments.finiteMin();
            double high = moments.finiteMax();
            if (low == high) {
                histogram.addBucketsBuilder().setLowValue(low).setHighValue(high).setSampleCount(finite);
            } else {
                double n = sketch.getN();
                double below = negInf;
                for (int i = 0; i < buckets; i++) {
                    double edge = i == buckets - 1 ? high : edge(low, high, i + 1, buckets);
                    double upTo = i == buckets - 1 ? negInf + finite
                            : Math.min(negInf + finite, n * sketch.getRank(edge, QuantileSearchCriteria.INCLUSIVE));
                    double count = Math.max(0, upTo - below);
                    histogram.addBucketsBuilder().setLowValue(edge(low, high, i, buckets)).setHighValue(edge)
                            .setSampleCount(count);
                    below = Math.max(below, upTo);
                }
            }
        }
        if (posInf > 0) {
            histogram.addBucketsBuilder().setLowValue(Double.POSITIVE_INFINITY)
                    .setHighValue(Double.POSITIVE_INFINITY).setSampleCount(posInf);
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
                .setNumNan(moments.nanCount());
        long n = moments.count();
        if (n == 0) {
            return histogram.build();
        }
        double[] edges = new double[buckets + 1];
        edges[0] = moments.min();
        edges[buckets] = moments.max();
        for (int i = 1; i < buckets; i++) {
            edges[i] = sketch.getQuantile((double) i / buckets, QuantileSearchCriteria.INCLUSIVE);
        }
        double perBucket = (double) n / buckets;
        for (int i = 0; i < buckets; i++) {
            histogram.addBucketsBuilder().setLowValue(edges[i]).setHighValue(edges[i + 1]).setSampleCount(perBucket);
        }
        return histogram.build();
    }
}
