package dev.veracity.schema.metrics;

import static dev.veracity.schema.metrics.LInfinityTest.counts;
import static dev.veracity.schema.metrics.LInfinityTest.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.proto.Histogram;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JensenShannonTest {
    private static final double TOLERANCE = 1e-5;
    private static final double INF = Double.POSITIVE_INFINITY;

    private static double numeric(Histogram a, Histogram b) {
        return value(JensenShannon.numeric(a, b)).value();
    }

    /** The vectors of TFDV's own tests (tfdv.md section 5.2). */
    @Nested
    class TfdvVectors {
        @Test
        void identicalHistogramsGiveZero() {
            Histogram h = Histograms.of(1, 2, 3, 2, 3, 5, 3, 4, 1);
            assertThat(numeric(h, h)).isCloseTo(0, within(TOLERANCE));
        }

        @Test
        void differentBoundariesAreRebucketedUniformly() {
            assertThat(numeric(Histograms.of(1, 2, 2, 2, 3, 2), Histograms.of(2, 4, 2, 4, 6, 2)))
                    .isCloseTo(0.65563906222, within(TOLERANCE));
        }

        @Test
        void disjointSupportGivesOne() {
            assertThat(numeric(Histograms.of(1, 2, 5), Histograms.of(3, 4, 5))).isCloseTo(1, within(TOLERANCE));
        }

        @Test
        void nanOnlyAgainstItselfGivesOne() {
            Histogram nan = Histograms.withNan(3);
            assertThat(numeric(nan, nan)).isCloseTo(1.0, within(TOLERANCE));
        }

        @Test
        void nanNeverMatches() {
            assertThat(numeric(Histograms.withNan(1, 1, 2, 3), Histograms.of(1, 2, 4)))
                    .isCloseTo(0.13792538096, within(TOLERANCE));
        }

        @Test
        void rankHistograms() {
            assertThat(value(JensenShannon.categorical(
                                    counts("b", 2, "a", 2, "c", 1), counts("a", 2, "Z", 1, "Y", 1, "X", 1)))
                            .value())
                    .isCloseTo(0.6, within(TOLERANCE));
        }

        @Test
        void pointBuckets() {
            assertThat(numeric(Histograms.of(0, 0, 1, 1, 1, 1), Histograms.of(0, 0, 1, 2, 2, 1)))
                    .isCloseTo(0.5, within(TOLERANCE));
        }

        @Test
        void pointsNeverMatchRanges() {
            assertThat(numeric(Histograms.of(0, 0, 1, 1, 2, 1), Histograms.of(1, 1, 1, 2, 2, 1)))
                    .isCloseTo(1.0, within(TOLERANCE));
        }

        @Test
        void infiniteBucketsOnBothSidesNeverMatch() {
            Histogram infinite = Histograms.of(-INF, 0, 2, 0, INF, 2);
            assertThat(numeric(infinite, infinite)).isCloseTo(1.0, within(TOLERANCE));
        }
    }

    @Nested
    class ByHand {
        @Test
        void halfOverlapOfTwoLabels() {
            // P = (1/2, 1/2, 0), Q = (1/2, 0, 1/2), M = (1/2, 1/4, 1/4): each KL is 1/2
            assertThat(value(JensenShannon.categorical(counts("a", 2, "b", 2), counts("a", 2, "c", 2)))
                            .value())
                    .isCloseTo(0.5, within(1e-12));
        }

        @Test
        void aBucketSplitsInProportionToWidth() {
            // [0, 4): 4 against [0, 1): 1, [1, 4): 3 is the same uniform density: 0
            assertThat(numeric(Histograms.of(0, 4, 4), Histograms.of(0, 1, 1, 1, 4, 3)))
                    .isCloseTo(0, within(1e-12));
        }

        @Test
        void gapsHoldNoMass() {
            // [0, 1): 1, [3, 4): 1 against [0, 4): 2 -> P = (1/2, 0, 1/2), Q = (1/4, 1/2, 1/4)
            double p = 0.5;
            double m1 = (0.5 + 0.25) / 2;
            double expected =
                    0.5 * (2 * p * log2(p / m1)) + 0.5 * (2 * 0.25 * log2(0.25 / m1) + 0.5 * log2(0.5 / 0.25));
            assertThat(numeric(Histograms.of(0, 1, 1, 3, 4, 1), Histograms.of(0, 4, 2)))
                    .isCloseTo(expected, within(1e-12));
        }

        @Test
        void infiniteMassOnOneSideOnly() {
            // P = (1/2, 1/2 infinite), Q = (1, 0): M = (3/4, 1/4)
            double expected = 0.5 * (0.5 * log2(0.5 / 0.75) + 0.5 * log2(0.5 / 0.25)) + 0.5 * log2(1 / 0.75);
            assertThat(numeric(Histograms.of(0, 1, 1, 1, INF, 1), Histograms.of(0, 1, 1)))
                    .isCloseTo(expected, within(1e-12));
        }

        @Test
        void emptyOrNonPositiveInputsAreUnavailable() {
            assertThat(JensenShannon.numeric(Histograms.of(), Histograms.of(0, 1, 1)))
                    .isInstanceOf(Comparison.Unavailable.class);
            assertThat(JensenShannon.numeric(Histograms.of(0, 1, -1, 1, 2, 3), Histograms.of(0, 1, 1)))
                    .isInstanceOf(Comparison.Unavailable.class);
            assertThat(JensenShannon.categorical(counts("a", 0, "b", 1), counts("a", 1)))
                    .isInstanceOf(Comparison.Unavailable.class);
            assertThat(JensenShannon.categorical(Map.of(), counts("a", 1))).isInstanceOf(Comparison.Unavailable.class);
        }

        @Test
        void alignmentKeepsEachSidesMass() {
            Histogram a = Histograms.withNan(2, -INF, 0, 1, 0, 0, 3, 0, 5, 4, 5, 5, 2);
            Histogram b = Histograms.withNan(0, 1, 2, 7, 5, 5, 1, 2, INF, 1);
            HistogramAlignment.Aligned aligned = HistogramAlignment.align(a, b);
            assertThat(aligned.treatment()).hasSameSizeAs(aligned.control());
            assertThat(java.util.Arrays.stream(aligned.treatment()).sum()).isCloseTo(1 + 3 + 4 + 2 + 2, within(1e-9));
            assertThat(java.util.Arrays.stream(aligned.control()).sum()).isCloseTo(7 + 1 + 1, within(1e-9));
        }
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
