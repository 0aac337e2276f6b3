package dev.veracity.drift;

import dev.veracity.proto.Histogram;

/**
 * The infinite values of a numeric feature's histograms, which drift tests leave out and count: their mass below
 * and above the finite values, and the finite range the QUANTILES buckets are cut back to (see
 * {@link HistogramDistribution}).
 *
 * @param negative  the mass at -infinity
 * @param positive  the mass at +infinity
 * @param finiteMin the smallest finite value, NaN when unknown (no STANDARD histogram)
 * @param finiteMax the largest finite value, NaN when unknown
 */
record Infinities(double negative, double positive, double finiteMin, double finiteMax) {
    /**
     * {@return the infinities of the histograms}: exact from the STANDARD histogram's point buckets at infinity when
     * there is one, else the mass of the QUANTILES buckets whose bounds are both infinite
     */
    static Infinities of(Histogram quantiles, Histogram standard) {
        double negative = 0;
        double positive = 0;
        double finiteMin = Double.NaN;
        double finiteMax = Double.NaN;
        Histogram source = standard != null ? standard : quantiles;
        for (Histogram.Bucket bucket : source.getBucketsList()) {
            double low = bucket.getLowValue();
            double high = bucket.getHighValue();
            if (!(bucket.getSampleCount() > 0)) {
                continue;
            }
            if (low == Double.NEGATIVE_INFINITY && high == Double.NEGATIVE_INFINITY) {
                negative += bucket.getSampleCount();
            } else if (low == Double.POSITIVE_INFINITY && high == Double.POSITIVE_INFINITY) {
                positive += bucket.getSampleCount();
            } else if (standard != null && Double.isFinite(low) && Double.isFinite(high)) {
                finiteMin = Double.isNaN(finiteMin) ? low : Math.min(finiteMin, low);
                finiteMax = Double.isNaN(finiteMax) ? high : Math.max(finiteMax, high);
            }
        }
        return new Infinities(negative, positive, finiteMin, finiteMax);
    }

    /** {@return the mass of all infinite values} */
    double mass() {
        return negative + positive;
    }

    /** {@return the STANDARD histogram without its point buckets at infinity} */
    static Histogram withoutPointsAtInfinity(Histogram standard) {
        Histogram.Builder finite = standard.toBuilder().clearBuckets();
        for (Histogram.Bucket bucket : standard.getBucketsList()) {
            if (!(Double.isInfinite(bucket.getLowValue()) && bucket.getLowValue() == bucket.getHighValue())) {
                finite.addBuckets(bucket);
            }
        }
        return finite.build();
    }

    /**
     * {@return the QUANTILES histogram without the infinite mass}: taken from the buckets with an infinite bound,
     * outermost first; what remains of such a bucket is cut back to the finite range
     *
     * @throws NotApplicable if a bucket with one infinite bound keeps mass and the finite range is unknown (no
     *                       STANDARD histogram): how many of its values are infinite cannot be known
     */
    Histogram finitePart(Histogram quantiles) throws NotApplicable {
        int n = quantiles.getBucketsCount();
        double[] lows = new double[n];
        double[] highs = new double[n];
        double[] counts = new double[n];
        for (int i = 0; i < n; i++) {
            Histogram.Bucket bucket = quantiles.getBuckets(i);
            lows[i] = bucket.getLowValue();
            highs[i] = bucket.getHighValue();
            counts[i] = bucket.getSampleCount() > 0 ? bucket.getSampleCount() : 0;
        }
        double above = positive;
        for (int i = n - 1; i >= 0 && above > 0; i--) {
            if (highs[i] == Double.POSITIVE_INFINITY) {
                double taken = Math.min(counts[i], above);
                counts[i] -= taken;
                above -= taken;
            }
        }
        double below = negative;
        for (int i = 0; i < n && below > 0; i++) {
            if (lows[i] == Double.NEGATIVE_INFINITY) {
                double taken = Math.min(counts[i], below);
                counts[i] -= taken;
                below -= taken;
            }
        }
        Histogram.Builder finite = quantiles.toBuilder().clearBuckets();
        for (int i = 0; i < n; i++) {
            if (!(counts[i] > 0)) {
                continue;
            }
            if (Double.isNaN(finiteMax) && Double.isInfinite(lows[i]) != Double.isInfinite(highs[i])) {
                throw new NotApplicable("a QUANTILES bucket [" + lows[i] + ", " + highs[i] + "] holds finite and "
                        + "infinite values, and no STANDARD histogram counts the infinite ones");
            }
            double low = clip(lows[i], highs[i]);
            double high = clip(highs[i], lows[i]);
            if (Double.isInfinite(low) || Double.isInfinite(high)) {
                continue; // both bounds infinite and no finite range known: nothing finite to keep
            }
            finite.addBucketsBuilder()
                    .setLowValue(low)
                    .setHighValue(Math.max(low, high))
                    .setSampleCount(counts[i]);
        }
        return finite.build();
    }

    /** A finite bound stays; an infinite one becomes the end of the finite range, or the bucket's other bound. */
    private double clip(double bound, double other) {
        if (Double.isFinite(bound)) {
            return bound;
        }
        double end = bound > 0 ? finiteMax : finiteMin;
        return Double.isNaN(end) ? other : end;
    }
}
