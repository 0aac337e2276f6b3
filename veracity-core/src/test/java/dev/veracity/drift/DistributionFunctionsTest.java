package dev.veracity.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The chi-square and Kolmogorov distributions against tabulated values and closed forms. */
class DistributionFunctionsTest {
    @Nested
    class ChiSquare {
        @Test
        void criticalValuesOfTheTablesGiveTheirLevels() {
            assertThat(ChiSquareDistribution.cdf(3.841, 1)).isCloseTo(0.95, within(1e-4));
            assertThat(ChiSquareDistribution.cdf(6.635, 1)).isCloseTo(0.99, within(1e-4));
            assertThat(ChiSquareDistribution.cdf(5.991, 2)).isCloseTo(0.95, within(1e-4));
            assertThat(ChiSquareDistribution.cdf(11.070, 5)).isCloseTo(0.95, within(1e-4));
            assertThat(ChiSquareDistribution.cdf(18.307, 10)).isCloseTo(0.95, within(1e-4));
            assertThat(ChiSquareDistribution.cdf(124.342, 100)).isCloseTo(0.95, within(1e-4));
            assertThat(ChiSquareDistribution.survival(3.841, 1)).isCloseTo(0.05, within(1e-4));
        }

        @Test
        void twoDegreesOfFreedomIsExponential() {
            for (double x : new double[] {1e-6, 0.1, 1, 2, 5, 20, 60}) {
                assertThat(ChiSquareDistribution.cdf(x, 2)).isCloseTo(-Math.expm1(-x / 2), within(1e-13));
                assertThat(ChiSquareDistribution.survival(x, 2))
                        .isCloseTo(Math.exp(-x / 2), within(1e-13 * Math.exp(-x / 2) + 1e-300));
            }
        }

        @Test
        void evenDegreesOfFreedomHaveAClosedForm() {
            // P(X > x) for 2k degrees of freedom = e^(-x/2) Σ_{i<k} (x/2)^i / i!
            for (double x : new double[] {0.5, 3, 9, 30}) {
                double half = x / 2;
                double term = 1;
                double sum = 1;
                for (int i = 1; i < 5; i++) {
                    term *= half / i;
                    sum += term;
                }
                assertThat(ChiSquareDistribution.survival(x, 10)).isCloseTo(Math.exp(-half) * sum, within(1e-12));
            }
        }

        @Test
        void boundsAndArguments() {
            assertThat(ChiSquareDistribution.cdf(0, 3)).isZero();
            assertThat(ChiSquareDistribution.survival(-1, 3)).isEqualTo(1);
            assertThat(ChiSquareDistribution.survival(Double.POSITIVE_INFINITY, 3))
                    .isZero();
            assertThatThrownBy(() -> ChiSquareDistribution.cdf(1, 0)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void logGammaMatchesFactorials() {
            assertThat(ChiSquareDistribution.logGamma(5)).isCloseTo(Math.log(24), within(1e-13));
            assertThat(ChiSquareDistribution.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-13));
            assertThat(ChiSquareDistribution.logGamma(101)).isCloseTo(363.73937555556347, within(1e-10));
        }
    }

    @Nested
    class Kolmogorov {
        @Test
        void criticalValuesOfTheTablesGiveTheirLevels() {
            assertThat(KolmogorovDistribution.cdf(1.358)).isCloseTo(0.95, within(1e-3));
            assertThat(KolmogorovDistribution.cdf(1.628)).isCloseTo(0.99, within(1e-3));
            assertThat(KolmogorovDistribution.cdf(1.224)).isCloseTo(0.90, within(1e-3));
        }

        @Test
        void matchesTheSeriesAtKnownPoints() {
            // 1 - 2 Σ (-1)^(j-1) e^(-2 j² λ²), summed far enough by hand
            assertThat(KolmogorovDistribution.cdf(1.0)).isCloseTo(0.7300003283, within(1e-9));
            assertThat(KolmogorovDistribution.cdf(0.5)).isCloseTo(0.0360547563, within(1e-9));
        }

        @Test
        void bothFormsAgreeWhereTheyMeet() {
            double below = KolmogorovDistribution.cdf(0.2 - 1e-12);
            double above = KolmogorovDistribution.cdf(0.2);
            assertThat(below).isCloseTo(above, within(1e-12));
            assertThat(KolmogorovDistribution.cdf(0.1)).isCloseTo(0, within(1e-40));
            assertThat(KolmogorovDistribution.cdf(0)).isZero();
            assertThat(KolmogorovDistribution.cdf(5)).isEqualTo(1);
        }

        @Test
        void twoSamplePValueUsesTheEffectiveSampleSize() {
            // n = m = 200: n m / (n + m) = 100, so D = 0.1358 sits at the 5 % level
            assertThat(KolmogorovDistribution.twoSamplePValue(0.1358, 200, 200)).isCloseTo(0.05, within(1e-3));
        }
    }
}
