package dev.veracity.drift;

import static dev.veracity.drift.DriftStats.categorical;
import static dev.veracity.drift.DriftStats.numeric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.Histogram;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each test on small statistics whose answer is worked out by hand in the comments. */
class FeatureDriftTest {
    /** Uniform on [0, 2] (5 values in [0, 1], 5 in [1, 2]) with std_dev 2, and uniform on [1, 3]. */
    private static final FeatureNameStatistics ZERO_TO_TWO = numeric("x", 2, 5, 0, 1, 2);

    private static final FeatureNameStatistics ONE_TO_THREE = numeric("x", 1, 5, 1, 2, 3);

    @Nested
    class Numeric {
        @Test
        void kolmogorovSmirnovIsTheLargestGapOfTheCdfs() {
            // F(1) = 0.5 and G(1) = 0: D = 0.5; n = m = 10, effective size 5: p = Q_KS(sqrt(5) * 0.5)
            DriftResult r = FeatureDrift.compare("x", ZERO_TO_TWO, ONE_TO_THREE, DriftTest.KS, 0.05);
            assertThat(r.statistic()).isCloseTo(0.5, within(1e-12));
            double lambda = Math.sqrt(5) * 0.5;
            double series = 0;
            for (int j = 1; j < 50; j++) {
                series += (j % 2 == 1 ? 2 : -2) * Math.exp(-2.0 * j * j * lambda * lambda);
            }
            assertThat(r.pValue()).isCloseTo(series, within(1e-12));
            assertThat(r.drift()).isEqualTo(series < 0.05);
            // two buckets per side, rank error 0.01: (1/2 + 0.01) * 2 = 1.02, capped at 1 (D is in [0, 1])
            assertThat(r.errorBound()).isEqualTo(1);
        }

        @Test
        void kolmogorovSmirnovOfAPointMassAgainstItsNeighbourhood() {
            // all 10 values at 1 against uniform on [0, 2]: F jumps 0 -> 1 at 1, G(1) = 0.5: D = 0.5
            FeatureNameStatistics point = numeric("x", 0, 10, 1, 1);
            DriftResult r = FeatureDrift.compare("x", point, ZERO_TO_TWO, DriftTest.KS, 0.05);
            assertThat(r.statistic()).isCloseTo(0.5, within(1e-12));
        }

        @Test
        void aStandardHistogramWhoseLastBucketIsEmptyStillSharpensTheQuantiles() {
            // QUANTILES say half the mass is somewhere in [1, 10]; the STANDARD histogram (cut over [0, 10], its
            // upper bucket empty, as a sketch may leave it) says all of it is in [0, 5]: the reconstruction must
            // use it, so the distribution equals one whose QUANTILES say [1, 5] directly
            FeatureNameStatistics sketched = numeric("x", 2, 10, 0, 1, 10).toBuilder()
                    .setNumStats(numeric("x", 2, 10, 0, 1, 10).getNumStats().toBuilder()
                            .addHistograms(Histogram.newBuilder()
                                    .setType(Histogram.HistogramType.STANDARD)
                                    .addBuckets(Histogram.Bucket.newBuilder()
                                            .setLowValue(0)
                                            .setHighValue(5)
                                            .setSampleCount(20))
                                    .addBuckets(Histogram.Bucket.newBuilder()
                                            .setLowValue(5)
                                            .setHighValue(10))))
                    .build();
            FeatureNameStatistics exact = numeric("x", 2, 10, 0, 1, 5);
            DriftResult r = FeatureDrift.compare("x", exact, sketched, DriftTest.WASSERSTEIN, 0.1);
            assertThat(r.statistic()).isCloseTo(0, within(1e-12));
        }

        @Test
        void wassersteinOfAShiftIsTheShiftOverTheBaselineStdDev() {
            // shifting a distribution by 1 moves all mass by 1: W1 = 1, normalized by the baseline's std_dev 2
            DriftResult r = FeatureDrift.compare("x", ZERO_TO_TWO, ONE_TO_THREE, DriftTest.WASSERSTEIN, 0.1);
            assertThat(r.statistic()).isCloseTo(0.5, within(1e-12));
            assertThat(r.hasPValue()).isFalse();
            assertThat(r.drift()).isTrue();
        }

        @Test
        void wassersteinOfCrossingCdfs() {
            // uniform [0, 2] vs uniform [0.5, 1.5]: ∫|F - G| = 2 * ∫_0^0.5 x/2 dx + 2 * ∫_0.5^1 (x/2 - (x-0.5)) dx
            //                                           = 2 * 1/16 + 2 * 1/16 = 0.25; std_dev 2 -> 0.125
            FeatureNameStatistics narrow = numeric("x", 1, 10, 0.5, 1.5);
            DriftResult r = FeatureDrift.compare("x", ZERO_TO_TWO, narrow, DriftTest.WASSERSTEIN, 0.1);
            assertThat(r.statistic()).isCloseTo(0.125, within(1e-12));
        }

        @Test
        void psiOnTheBaselineBucketsWithOpenEnds() {
            // buckets (-inf, 0], (0, 1], (1, 2], (2, inf): baseline 0, .5, .5, 0; current 0, 0, .5, .5
            // floored at 1e-4: (1e-4 - .5) ln(1e-4 / .5) + (.5 - 1e-4) ln(.5 / 1e-4) = 2 (.5 - 1e-4) ln 5000
            DriftResult r = FeatureDrift.compare("x", ZERO_TO_TWO, ONE_TO_THREE, DriftTest.PSI, 0.1);
            assertThat(r.statistic()).isCloseTo(2 * (0.5 - 1e-4) * Math.log(5000), within(1e-12));
        }

        @Test
        void jensenShannonOnTheBaselineBuckets() {
            // p = (.5, .5, 0), q = (0, .5, .5), m = (.25, .5, .25): KL(p|m) = KL(q|m) = .5 ln 2; JSD = .5 ln 2
            DriftResult r = FeatureDrift.compare("x", ZERO_TO_TWO, ONE_TO_THREE, DriftTest.JENSEN_SHANNON, 0.1);
            assertThat(r.statistic()).isCloseTo(Math.sqrt(0.5 * Math.log(2)), within(1e-12));
        }

        @Test
        void identicalStatisticsAreAtDistanceZero() {
            for (DriftTest test :
                    new DriftTest[] {DriftTest.KS, DriftTest.WASSERSTEIN, DriftTest.PSI, DriftTest.JENSEN_SHANNON}) {
                DriftResult r = FeatureDrift.compare("x", ZERO_TO_TWO, ZERO_TO_TWO, test, test.defaultThreshold());
                assertThat(r.statistic()).as(test.testName()).isZero();
                assertThat(r.drift()).as(test.testName()).isFalse();
            }
        }
    }

    @Nested
    class Categorical {
        @Test
        void chiSquareOfHomogeneity() {
            // totals 60 | 60, columns 30 40 50: expected 15 20 25 per row
            // χ² = 2 (25/15) + 2 (25/25) = 16/3, 2 degrees of freedom: p = e^(-8/3)
            DriftResult r = FeatureDrift.compare(
                    "c",
                    categorical("c", "a", 10, "b", 20, "c", 30),
                    categorical("c", "a", 20, "b", 20, "c", 20),
                    DriftTest.CHI_SQUARE,
                    0.05);
            assertThat(r.statistic()).isCloseTo(16.0 / 3, within(1e-12));
            assertThat(r.pValue()).isCloseTo(Math.exp(-8.0 / 3), within(1e-12));
            assertThat(r.drift()).isFalse();
            assertThat(r.errorBound()).isZero();
        }

        @Test
        void chiSquareWithALabelOnlyOneSideHas() {
            // a: 10 | 10, new: 0 | 10; totals 10 | 20, columns 20 10: expected a 20/3 | 40/3, new 10/3 | 20/3
            // χ² = (10/3)²/(20/3) + (10/3)²/(40/3) + (10/3)²/(10/3) + (10/3)²/(20/3) = 5/3 + 5/6 + 10/3 + 5/3 = 7.5
            DriftResult r = FeatureDrift.compare(
                    "c", categorical("c", "a", 10), categorical("c", "a", 10, "new", 10), DriftTest.CHI_SQUARE, 0.05);
            assertThat(r.statistic()).isCloseTo(7.5, within(1e-12));
            assertThat(r.pValue()).isCloseTo(ChiSquareDistribution.survival(7.5, 1), within(1e-15));
            assertThat(r.drift()).isTrue();
        }

        @Test
        void zTestOfTwoProportions() {
            // yes 30 of 100, then 50 of 100: pooled .4, se = sqrt(.4 * .6 * 2 / 100), z = .2 / se
            double z = 0.2 / Math.sqrt(0.4 * 0.6 * 0.02);
            DriftResult r = FeatureDrift.compare(
                    "c",
                    categorical("c", "yes", 30, "no", 70),
                    categorical("c", "yes", 50, "no", 50),
                    DriftTest.Z,
                    0.05);
            assertThat(r.statistic()).isCloseTo(z, within(1e-12));
            // two-sided normal tail at z = 2.88675: 0.0038924 (tables); equals P(χ²₁ > z²)
            assertThat(r.pValue()).isCloseTo(0.0038924, within(1e-6));
            assertThat(r.drift()).isTrue();
        }

        @Test
        void psiOfShares() {
            // (.25 - .5) ln(.25 / .5) + (.75 - .5) ln(.75 / .5) = .25 ln 2 + .25 ln 1.5
            DriftResult r = FeatureDrift.compare(
                    "c", categorical("c", "a", 50, "b", 50), categorical("c", "a", 25, "b", 75), DriftTest.PSI, 0.1);
            assertThat(r.statistic()).isCloseTo(0.25 * Math.log(2) + 0.25 * Math.log(1.5), within(1e-12));
            assertThat(r.drift()).isTrue();
        }

        @Test
        void jensenShannonMatchesTfdvsConformanceValue() {
            // TFDV's test: {b:2, a:2, c:1} vs {a:2, Z:1, Y:1, X:1} has a base-2 divergence of 0.6
            DriftResult r = FeatureDrift.compare(
                    "c",
                    categorical("c", "b", 2, "a", 2, "c", 1),
                    categorical("c", "a", 2, "Z", 1, "Y", 1, "X", 1),
                    DriftTest.JENSEN_SHANNON,
                    0.1);
            assertThat(r.statistic()).isCloseTo(Math.sqrt(0.6 * Math.log(2)), within(1e-12));
        }
    }

    @Nested
    class NotApplicable {
        @Test
        void numericTestsOnAStringFeatureSayWhy() {
            DriftResult r =
                    FeatureDrift.compare("c", categorical("c", "a", 1), categorical("c", "a", 2), DriftTest.KS, 0.05);
            assertThat(r.status()).isEqualTo(DriftResult.Status.NOT_APPLICABLE);
            assertThat(r.reason()).isEqualTo("baseline: not a numeric feature (STRING)");
            assertThat(r.statistic()).isNaN();
            assertThat(r.drift()).isFalse();
        }

        @Test
        void categoricalTestsOnANumericFeatureSayWhy() {
            DriftResult r = FeatureDrift.compare("x", ZERO_TO_TWO, ZERO_TO_TWO, DriftTest.CHI_SQUARE, 0.05);
            assertThat(r.reason()).isEqualTo("baseline: not a categorical feature (FLOAT)");
        }

        @Test
        void zTestNeedsAtMostTwoLabels() {
            DriftResult r = FeatureDrift.compare(
                    "c", categorical("c", "a", 1, "b", 1), categorical("c", "a", 2, "c", 1), DriftTest.Z, 0.05);
            assertThat(r.reason()).isEqualTo("the z-test needs at most 2 labels, found 3");
        }

        @Test
        void emptyAndInfiniteHistogramsSayWhy() {
            FeatureNameStatistics empty = numeric("x", 0, 0, 0, 1);
            assertThat(FeatureDrift.compare("x", ZERO_TO_TWO, empty, DriftTest.KS, 0.05)
                            .reason())
                    .isEqualTo("current: no values (the QUANTILES histogram is empty)");
            FeatureNameStatistics infinite = numeric("x", 0, 5, 0, Double.POSITIVE_INFINITY);
            assertThat(FeatureDrift.compare("x", infinite, ZERO_TO_TWO, DriftTest.WASSERSTEIN, 0.1)
                            .reason())
                    .isEqualTo("baseline: a QUANTILES bucket [0.0, Infinity] holds finite and infinite values, and no "
                            + "STANDARD histogram counts the infinite ones");
        }
    }

    @Nested
    class Defaults {
        @Test
        void evidentlysRuleByTypeAndBaselineSize() {
            assertThat(FeatureDrift.defaultTest(ZERO_TO_TWO, 1000)).contains(DriftTest.KS);
            assertThat(FeatureDrift.defaultTest(ZERO_TO_TWO, 1001)).contains(DriftTest.WASSERSTEIN);
            FeatureNameStatistics three = categorical("c", "a", 1, "b", 1, "c", 1);
            FeatureNameStatistics two = categorical("c", "a", 1, "b", 1);
            assertThat(FeatureDrift.defaultTest(three, 1000)).contains(DriftTest.CHI_SQUARE);
            assertThat(FeatureDrift.defaultTest(two, 1000)).contains(DriftTest.Z);
            assertThat(FeatureDrift.defaultTest(three, 1001)).contains(DriftTest.JENSEN_SHANNON);
            assertThat(FeatureDrift.defaultTest(
                            FeatureNameStatistics.newBuilder()
                                    .setType(FeatureNameStatistics.Type.BYTES)
                                    .build(),
                            10))
                    .isEmpty();
        }
    }

    @Nested
    class Infinities {
        /** The 10 values of ZERO_TO_TWO and one +inf, as our generator writes them: 2 QUANTILES buckets of 5.5. */
        private static final FeatureNameStatistics WITH_INFINITY = withStandard(
                numeric("x", Double.NaN, 5.5, 0, 1, Double.POSITIVE_INFINITY),
                new double[] {0, 1, 5, 1, 2, 5, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1});

        private static FeatureNameStatistics withStandard(FeatureNameStatistics feature, double[] lowHighCount) {
            dev.veracity.proto.Histogram.Builder standard = dev.veracity.proto.Histogram.newBuilder()
                    .setType(dev.veracity.proto.Histogram.HistogramType.STANDARD);
            for (int i = 0; i < lowHighCount.length; i += 3) {
                standard.addBucketsBuilder()
                        .setLowValue(lowHighCount[i])
                        .setHighValue(lowHighCount[i + 1])
                        .setSampleCount(lowHighCount[i + 2]);
            }
            FeatureNameStatistics.Builder builder = feature.toBuilder();
            builder.getNumStatsBuilder().addHistograms(standard);
            return builder.build();
        }

        @Test
        void oneInfiniteValueIsLeftOutAndCountedInsteadOfSwitchingEveryTestOff() {
            for (DriftTest test :
                    new DriftTest[] {DriftTest.KS, DriftTest.WASSERSTEIN, DriftTest.PSI, DriftTest.JENSEN_SHANNON}) {
                DriftResult r = FeatureDrift.compare("x", ZERO_TO_TWO, WITH_INFINITY, test, test.defaultThreshold());
                assertThat(r.isComputed()).as(test + ": " + r.reason()).isTrue();
                assertThat(r.currentInfinite()).isEqualTo(1);
                assertThat(r.baselineInfinite()).isZero();
                assertThat(r.excludedInfinities()).isTrue();
            }
            // finite part: [0, 1] 5.5 and [1, 2] 4.5 (the infinity taken from the top bucket, cut back to max 2);
            // merged with STANDARD's 5 and 5 the CDF at 1 is (0.55 + 0.5) / 2 = 0.525 against 0.5: D = 0.025
            DriftResult ks = FeatureDrift.compare("x", ZERO_TO_TWO, WITH_INFINITY, DriftTest.KS, 0.05);
            assertThat(ks.statistic()).isCloseTo(0.025, within(1e-12));
            assertThat(ks.drift()).isFalse();
        }

        @Test
        void aBaselineWithAnInfiniteStdDevIsNormalizedByItsFiniteValues() {
            DriftResult r = FeatureDrift.compare("x", WITH_INFINITY, ONE_TO_THREE, DriftTest.WASSERSTEIN, 0.1);
            assertThat(r.isComputed()).as(r.reason()).isTrue();
            assertThat(r.baselineInfinite()).isEqualTo(1);
            assertThat(r.drift()).isTrue();
        }

        @Test
        void aShiftIsStillFoundBesideAnInfiniteValue() {
            DriftResult r = FeatureDrift.compare("x", WITH_INFINITY, numeric("x", 1, 5, 5, 6, 7), DriftTest.KS, 0.05);
            assertThat(r.isComputed()).as(r.reason()).isTrue();
            assertThat(r.statistic()).isCloseTo(1, within(1e-12));
            assertThat(r.drift()).isTrue();
        }

        @Test
        void onlyInfiniteValuesCannotBeTested() {
            FeatureNameStatistics infinite = withStandard(
                    numeric("x", Double.NaN, 3, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY),
                    new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 3});
            DriftResult r = FeatureDrift.compare("x", ZERO_TO_TWO, infinite, DriftTest.KS, 0.05);
            assertThat(r.isComputed()).isFalse();
            assertThat(r.reason()).isEqualTo("current: no finite values, only 3 infinite");
        }

        @Test
        void withoutAStandardHistogramBucketsAtInfinityCountAsInfinite() {
            FeatureNameStatistics quantilesOnly =
                    numeric("x", Double.NaN, 5, 0, 1, 2, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
            DriftResult mixed = FeatureDrift.compare("x", ZERO_TO_TWO, quantilesOnly, DriftTest.KS, 0.05);
            assertThat(mixed.isComputed()).isFalse(); // [2, inf] holds an unknown number of infinities
            FeatureNameStatistics pointsAtInfinity =
                    numeric("x", Double.NaN, 5, 0, 1, 2, 2, Double.POSITIVE_INFINITY).toBuilder()
                            .build();
            FeatureNameStatistics.Builder onlyPoints = pointsAtInfinity.toBuilder();
            onlyPoints
                    .getNumStatsBuilder()
                    .getHistogramsBuilder(0)
                    .getBucketsBuilder(3)
                    .setLowValue(Double.POSITIVE_INFINITY);
            DriftResult r = FeatureDrift.compare("x", ZERO_TO_TWO, onlyPoints.build(), DriftTest.KS, 0.05);
            assertThat(r.isComputed()).as(r.reason()).isTrue();
            assertThat(r.currentInfinite()).isEqualTo(5); // the bucket [inf, inf]
        }
    }
}
