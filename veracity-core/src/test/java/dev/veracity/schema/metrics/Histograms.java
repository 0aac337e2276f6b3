package dev.veracity.schema.metrics;

import dev.veracity.proto.Histogram;

/** Numeric histograms for metric tests: {@code of(low, high, count, ...)} triples. */
final class Histograms {
    private Histograms() {}

    static Histogram of(double... lowHighCount) {
        return withNan(0, lowHighCount);
    }

    static Histogram withNan(double nan, double... lowHighCount) {
        Histogram.Builder histogram = Histogram.newBuilder().setNumNan((long) nan);
        for (int i = 0; i < lowHighCount.length; i += 3) {
            histogram.addBuckets(Histogram.Bucket.newBuilder()
                    .setLowValue(lowHighCount[i])
                    .setHighValue(lowHighCount[i + 1])
                    .setSampleCount(lowHighCount[i + 2]));
        }
        return histogram.build();
    }
}
