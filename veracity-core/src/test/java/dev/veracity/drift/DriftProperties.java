package dev.veracity.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Identical statistics are at distance zero, and distances grow with an injected shift. */
class DriftProperties {
    private static final double TOLERANCE = 1e-12;

    /** Sorted QUANTILES edges: 1 to 20 buckets, some of them points (repeated edges). */
    private static double[] edges(SplittableRandom random) {
        int buckets = Gen.size(random, 1, 20);
        double[] edges = new double[buckets + 1];
        edges[0] = random.nextDouble(-100, 100);
        for (int i = 1; i <= buckets; i++) {
            edges[i] = edges[i - 1] + (Gen.oneIn(random, 5) ? 0 : random.nextDouble(0.001, 10));
        }
        return edges;
    }

    private static double[] shifted(double[] edges, double shift) {
        double[] moved = Arrays.copyOf(edges, edges.length);
        for (int i = 0; i < moved.length; i++) {
            moved[i] += shift;
        }
        return moved;
    }

    private static double distance(DriftTest test, FeatureNameStatistics a, FeatureNameStatistics b) {
        DriftResult result = FeatureDrift.compare("f", a, b, test, test.defaultThreshold());
        assertThat(result.isComputed()).as(result.reason()).isTrue();
        return result.statistic();
    }

    @SeededProperty(tries = 200)
    void identicalNumericStatisticsAreAtDistanceZero(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FeatureNameStatistics x =
                DriftStats.numeric("f", random.nextDouble(0.5, 5), Gen.between(random, 1, 1000), edges(random));
        for (DriftTest test :
                new DriftTest[] {DriftTest.KS, DriftTest.WASSERSTEIN, DriftTest.PSI, DriftTest.JENSEN_SHANNON}) {
            assertThat(distance(test, x, x)).as(test.testName()).isCloseTo(0, within(TOLERANCE));
        }
    }

    @SeededProperty(tries = 200)
    void numericDistancesGrowWithAShift(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] edges = edges(random);
        double stdDev = random.nextDouble(0.5, 5);
        double perBucket = Gen.between(random, 1, 1000);
        double small = random.nextDouble(0, 20);
        double large = small + random.nextDouble(0, 20);
        FeatureNameStatistics base = DriftStats.numeric("f", stdDev, perBucket, edges);
        FeatureNameStatistics near = DriftStats.numeric("f", stdDev, perBucket, shifted(edges, small));
        FeatureNameStatistics far = DriftStats.numeric("f", stdDev, perBucket, shifted(edges, large));
        // a shift moves every unit of mass by the shift: W1 is exactly the shift
        assertThat(distance(DriftTest.WASSERSTEIN, base, near)).isCloseTo(small / stdDev, within(1e-9));
        assertThat(distance(DriftTest.WASSERSTEIN, base, far)).isCloseTo(large / stdDev, within(1e-9));
        // sup_x F(x) - F(x - s) cannot shrink as s grows
        assertThat(distance(DriftTest.KS, base, far))
                .isGreaterThanOrEqualTo(distance(DriftTest.KS, base, near) - TOLERANCE);
        if (small > 0) {
            assertThat(distance(DriftTest.KS, base, near)).isPositive();
            assertThat(distance(DriftTest.JENSEN_SHANNON, base, near)).isPositive();
            assertThat(distance(DriftTest.PSI, base, near)).isPositive();
        }
    }

    @SeededProperty(tries = 200)
    void categoricalDistancesGrowAsMassMovesBetweenLabels(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int labels = Gen.between(random, 2, 12);
        double[] counts = new double[labels];
        for (int i = 0; i < labels; i++) {
            counts[i] = Gen.between(random, 1, 500);
        }
        double small = random.nextDouble(0, 1);
        double large = small + random.nextDouble(0, 1 - small);
        FeatureNameStatistics base = categorical(counts, 0);
        FeatureNameStatistics near = categorical(counts, small);
        FeatureNameStatistics far = categorical(counts, large);
        for (DriftTest test : new DriftTest[] {DriftTest.CHI_SQUARE, DriftTest.PSI, DriftTest.JENSEN_SHANNON}) {
            assertThat(distance(test, base, base)).as(test.testName()).isCloseTo(0, within(TOLERANCE));
            // each is convex along the move and zero at its start, so it cannot decrease
            assertThat(distance(test, base, far))
                    .as(test.testName())
                    .isGreaterThanOrEqualTo(distance(test, base, near) - 1e-9);
        }
    }

    /** Counts with a fraction of the first label's count moved to the second. */
    private static FeatureNameStatistics categorical(double[] counts, double moved) {
        Object[] labelsAndCounts = new Object[2 * counts.length];
        for (int i = 0; i < counts.length; i++) {
            double count = counts[i];
            if (i == 0) {
                count -= moved * counts[0];
            } else if (i == 1) {
                count += moved * counts[0];
            }
            labelsAndCounts[2 * i] = "label" + i;
            labelsAndCounts[2 * i + 1] = count;
        }
        return DriftStats.categorical("f", labelsAndCounts);
    }
}
