package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import dev.veracity.testing.StatisticsAssertions;
import dev.veracity.testing.WeightedAssertions;
import dev.veracity.testing.WeightedBruteForce;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** {@link WeightedQuantiles} against exact weighted ranks: exact for few values of few bits, else within bounds. */
class WeightedQuantilesProperties {
    private static final StatisticsOptions OPTIONS = StatisticsOptions.DEFAULT;
    private static final double RANK_ERROR = OPTIONS.quantilesRankError();

    /** Values and their weights, one value per row. */
    record Sample(double[] values, double[] weights) {
        List<double[]> rows() {
            List<double[]> rows = new ArrayList<>(values.length);
            for (double v : values) {
                rows.add(new double[] {v});
            }
            return rows;
        }

        WeightedBruteForce.Numeric oracle() {
            return WeightedBruteForce.numeric(rows(), weights);
        }

        WeightedQuantiles accumulate(int from, int to) {
            WeightedQuantiles q = new WeightedQuantiles(OPTIONS.kllK(), RANK_ERROR);
            q.update(Arrays.copyOfRange(values, from, to), Arrays.copyOfRange(weights, from, to), to - from);
            return q;
        }
    }

    private static double value(SplittableRandom random) {
        return switch (Gen.weighted(random, 6, 2, 1)) {
            case 0 -> random.nextGaussian() * 1000;
            case 1 -> Gen.between(random, -20, 20);
            default -> Gen.oneOf(random, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0);
        };
    }

    static Sample sample(SplittableRandom random, int n, WeightedRows.Kind kind) {
        double[] values = new double[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = value(random);
            weights[i] = WeightedRows.weight(random, kind);
        }
        return new Sample(values, weights);
    }

    /** Checks rank and quantile queries at every 1/40 against the oracle, within {@code bound}. */
    private static void assertWithin(WeightedQuantiles q, WeightedBruteForce.Numeric oracle, double bound) {
        if (oracle.sortedValues().length == 0) {
            assertThat(q.isEmpty()).isTrue();
            return;
        }
        WeightedQuantiles.View view = q.view();
        double[] sorted = oracle.sortedValues();
        StatisticsAssertions.assertSame("min", view.min(), sorted[0]);
        StatisticsAssertions.assertSame("max", view.max(), sorted[sorted.length - 1]);
        for (int i = 0; i <= 40; i++) {
            double rank = i / 40.0;
            WeightedAssertions.assertRank("quantile(" + rank + ")", oracle, view.quantile(rank), rank, bound);
        }
        for (int i = 0; i < sorted.length; i += Math.max(1, sorted.length / 50)) {
            double truth = oracle.weightBetween(Double.NEGATIVE_INFINITY, sorted[i], true) / oracle.totalWeight();
            assertThat(Math.abs(view.rank(sorted[i]) - truth))
                    .as("rank(%s)", sorted[i])
                    .isLessThanOrEqualTo(bound + 1e-12);
        }
    }

    @SeededProperty(tries = 300)
    void exactForFewValuesOfFewSignificantBits(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Sample sample = sample(
                random,
                Gen.size(random, 0, 200),
                Gen.oneOf(random, WeightedRows.Kind.INTEGERS, WeightedRows.Kind.EIGHTHS));
        assertWithin(sample.accumulate(0, sample.values().length), sample.oracle(), 0);
    }

    @SeededProperty(tries = 60)
    void mergeOfPartsStaysWithinTheBound(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        WeightedRows.Kind kind = Gen.oneOf(random, WeightedRows.Kind.values());
        Sample sample = sample(random, Gen.uniformSize(random, 0, 20_000), kind);
        int n = sample.values().length;
        List<List<Integer>> parts =
                Rows.split(new ArrayList<>(java.util.Collections.nCopies(n, 0)), RowGenerators.cuts(random));
        WeightedQuantiles merged = new WeightedQuantiles(OPTIONS.kllK(), RANK_ERROR);
        int from = 0;
        for (List<Integer> part : parts) {
            merged.merge(sample.accumulate(from, from + part.size()));
            from += part.size();
        }
        double bound = OPTIONS.weightedQuantilesRankError();
        assertWithin(merged, sample.oracle(), bound);
        assertWithin(sample.accumulate(0, n), sample.oracle(), bound);
    }

    /** Weights over 2^-300 to 2^300: only 64 exponents are kept, and what is dropped weighs nothing in comparison. */
    @SeededProperty(tries = 30)
    void aWideRangeOfWeightsKeepsAtMostTheWindow(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = Gen.uniformSize(random, 1, 5_000);
        double[] values = new double[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextGaussian();
            weights[i] = Math.scalb(1 + random.nextDouble(), random.nextInt(-300, 301));
        }
        Sample sample = new Sample(values, weights);
        WeightedQuantiles q = sample.accumulate(0, n);
        assertThat(q.retainedBytes())
                .isLessThan(
                        32 + 8L * WeightedQuantiles.EXPONENT_WINDOW + WeightedQuantiles.EXPONENT_WINDOW * 8L * 1024);
        assertWithin(q, sample.oracle(), OPTIONS.weightedQuantilesRankError() + n * Math.scalb(1.0, -63));
    }

    @SeededProperty(tries = 100)
    void roundTripAndMergeIntoEmptyKeepTheQuantiles(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Sample sample =
                sample(random, Gen.uniformSize(random, 0, 3_000), Gen.oneOf(random, WeightedRows.Kind.values()));
        WeightedQuantiles q = sample.accumulate(0, sample.values().length);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            q.write(out);
        }
        WeightedQuantiles restored = WeightedQuantiles.read(
                new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), OPTIONS.kllK(), RANK_ERROR);
        WeightedQuantiles empty = new WeightedQuantiles(OPTIONS.kllK(), RANK_ERROR);
        empty.merge(q);
        assertThat(restored.isEmpty()).isEqualTo(q.isEmpty());
        if (!q.isEmpty()) {
            for (WeightedQuantiles other : List.of(restored, empty)) {
                assertThat(other.view().values()).isEqualTo(q.view().values());
                assertThat(other.view().cumulative()).isEqualTo(q.view().cumulative());
            }
        }
    }

    @SeededProperty(tries = 20)
    void significantBitsBoundTheRoundingByAQuarterOfTheRankError(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double epsilon = Math.exp(random.nextDouble(Math.log(0.001), Math.log(0.5)));
        int bits = WeightedQuantiles.significantBits(epsilon);
        double u = Math.scalb(1.0, -bits);
        assertThat(WeightedQuantiles.roundingRankError(epsilon))
                .isEqualTo(u / (2 * (1 - u)))
                .isLessThanOrEqualTo(epsilon / 4);
        double fewer = 2 * u;
        assertThat(fewer / (2 * (1 - fewer))).as("one bit fewer").isGreaterThan(epsilon / 4);
    }
}
