package dev.veracity.schema.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.proto.Histogram;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Laws of the drift and skew metrics over random rank histograms and numeric histograms: identical inputs give 0,
 * all three are symmetric and lie in [0, 1], and they grow as more mass moves to values the other side lacks.
 */
class MetricsProperties {
    private static final String[] LABELS = {"a", "b", "c", "d", "e", "f", "é", "\uFF61", "\uD83D\uDE00", ""};

    private static Map<String, Double> labels(SplittableRandom random) {
        Map<String, Double> counts = new LinkedHashMap<>();
        int size = Gen.size(random, 1, LABELS.length);
        for (int i = 0; i < size; i++) {
            double count = Gen.oneIn(random, 3) ? Gen.between(random, 1, 5) : 1 + random.nextDouble() * 1000;
            counts.merge(Gen.oneOf(random, LABELS), count, Double::sum);
        }
        return counts;
    }

    /** A histogram of contiguous buckets, some points, sometimes infinite bounds and NaNs; all counts positive. */
    private static Histogram histogram(SplittableRandom random, boolean special) {
        Histogram.Builder histogram = Histogram.newBuilder();
        double low = Gen.between(random, -5, 5);
        int buckets = Gen.size(random, 1, 12);
        for (int i = 0; i < buckets; i++) {
            double width = Gen.oneIn(random, 6) ? 0 : Gen.oneIn(random, 3) ? 1 : random.nextDouble() * 3 + 0.01;
            histogram.addBuckets(bucket(
                    low,
                    low + width,
                    Gen.oneIn(random, 3) ? Gen.between(random, 1, 9) : random.nextDouble() * 50 + 0.1));
            low += width;
        }
        if (special && Gen.oneIn(random, 4)) {
            histogram.addBuckets(bucket(low, Double.POSITIVE_INFINITY, Gen.between(random, 1, 5)));
        }
        if (special && Gen.oneIn(random, 4)) {
            histogram.setNumNan(Gen.between(random, 1, 5));
        }
        return histogram.build();
    }

    private static Histogram.Bucket bucket(double low, double high, double count) {
        return Histogram.Bucket.newBuilder()
                .setLowValue(low)
                .setHighValue(high)
                .setSampleCount(count)
                .build();
    }

    private static double value(Comparison comparison) {
        return ((Comparison.Value) comparison).value();
    }

    @SeededProperty(tries = 500)
    void identicalInputsGiveZero(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Double> counts = labels(random);
        assertThat(value(LInfinity.distance(counts, counts))).isZero();
        assertThat(value(NormalizedAbsoluteDifference.of(counts, counts))).isZero();
        assertThat(value(JensenShannon.categorical(counts, counts))).isCloseTo(0, within(1e-12));
        Histogram histogram = histogram(random, false);
        assertThat(value(JensenShannon.numeric(histogram, histogram))).isCloseTo(0, within(1e-12));
    }

    @SeededProperty(tries = 500)
    void scaledCountsGiveZeroExceptTheAbsoluteDifference(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Double> counts = labels(random);
        Map<String, Double> scaled = new LinkedHashMap<>();
        double factor = Gen.oneOf(random, 2.0, 10.0, 0.25);
        counts.forEach((label, count) -> scaled.put(label, count * factor));
        assertThat(value(LInfinity.distance(counts, scaled))).isCloseTo(0, within(1e-12));
        assertThat(value(JensenShannon.categorical(counts, scaled))).isCloseTo(0, within(1e-12));
        assertThat(value(NormalizedAbsoluteDifference.of(counts, scaled))).isPositive();
    }

    @SeededProperty(tries = 500)
    void symmetricAndWithinZeroAndOne(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Double> a = labels(random);
        Map<String, Double> b = labels(random);
        double lInfinity = value(LInfinity.distance(a, b));
        double difference = value(NormalizedAbsoluteDifference.of(a, b));
        double categorical = value(JensenShannon.categorical(a, b));
        assertThat(value(LInfinity.distance(b, a))).isCloseTo(lInfinity, within(1e-12));
        assertThat(value(NormalizedAbsoluteDifference.of(b, a))).isCloseTo(difference, within(1e-12));
        assertThat(value(JensenShannon.categorical(b, a))).isCloseTo(categorical, within(1e-12));
        Histogram x = histogram(random, true);
        Histogram y = histogram(random, true);
        double numeric = value(JensenShannon.numeric(x, y));
        assertThat(value(JensenShannon.numeric(y, x))).isCloseTo(numeric, within(1e-12));
        for (double v : new double[] {lInfinity, difference, categorical, numeric}) {
            assertThat(v).isBetween(0.0, 1.0);
        }
    }

    /**
     * Moving a fraction s of the mass to labels (or a range) the control lacks: L-infinity and the normalized
     * absolute difference grow linearly, the divergence (convex, 0 at s = 0) never decreases and is positive.
     */
    @SeededProperty(tries = 300)
    void growWithAnInjectedShift(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Double> control = labels(random);
        Histogram base = histogram(random, false);
        double previousLInfinity = 0;
        double previousDifference = 0;
        double previousCategorical = 0;
        double previousNumeric = 0;
        for (double s = 0.1; s <= 1.0001; s += 0.1) {
            Map<String, Double> shifted = new LinkedHashMap<>();
            double total = 0;
            for (Map.Entry<String, Double> entry : control.entrySet()) {
                shifted.put(entry.getKey(), entry.getValue() * (1 - s));
                total += entry.getValue();
            }
            shifted.put("new value", total * s);
            shifted.values().removeIf(count -> count <= 1e-12);
            double lInfinity = value(LInfinity.distance(shifted, control));
            double difference = value(NormalizedAbsoluteDifference.of(shifted, control));
            double categorical = value(JensenShannon.categorical(shifted, control));
            double numeric = value(JensenShannon.numeric(shiftHistogram(base, s), base));
            assertThat(lInfinity).isCloseTo(s, within(1e-9)).isGreaterThan(previousLInfinity);
            assertThat(difference).isGreaterThan(previousDifference);
            assertThat(categorical).isPositive().isGreaterThanOrEqualTo(previousCategorical - 1e-12);
            assertThat(numeric).isPositive().isGreaterThanOrEqualTo(previousNumeric - 1e-12);
            previousLInfinity = lInfinity;
            previousDifference = difference;
            previousCategorical = categorical;
            previousNumeric = numeric;
        }
        assertThat(previousCategorical).isCloseTo(1, within(1e-9));
        assertThat(previousNumeric).isCloseTo(1, within(1e-9));
    }

    /** The histogram with its counts times (1 - s), plus a copy times s moved beyond its range. */
    private static Histogram shiftHistogram(Histogram histogram, double s) {
        Histogram.Builder shifted = Histogram.newBuilder();
        double high = histogram.getBucketsList().stream()
                .mapToDouble(Histogram.Bucket::getHighValue)
                .max()
                .orElseThrow();
        double offset = high - histogram.getBuckets(0).getLowValue() + 1;
        for (Histogram.Bucket bucket : histogram.getBucketsList()) {
            if (s < 1) {
                shifted.addBuckets(bucket.toBuilder().setSampleCount(bucket.getSampleCount() * (1 - s)));
            }
        }
        for (Histogram.Bucket bucket : histogram.getBucketsList()) {
            shifted.addBuckets(
                    bucket(bucket.getLowValue() + offset, bucket.getHighValue() + offset, bucket.getSampleCount() * s));
        }
        return shifted.build();
    }
}
