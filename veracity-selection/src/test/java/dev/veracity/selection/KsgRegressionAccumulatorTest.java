package dev.veracity.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KsgRegressionAccumulatorTest {
    @Test
    void theTreeFindsTheSameKthNeighbourAsBruteForceOnHeavilyTiedPoints() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 2000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            // Five values per axis, some exact duplicates, some a hair apart: the tree splits on ties.
            x[i] = random.nextInt(5) + (random.nextInt(4) == 0 ? 1e-10 * random.nextGaussian() : 0);
            y[i] = random.nextInt(5) * 0.5;
        }
        KsgRegressionAccumulator.ChebyshevTree tree = new KsgRegressionAccumulator.ChebyshevTree(x, y);
        for (int q = 0; q < n; q += 7) {
            double[] d = new double[n - 1];
            int j = 0;
            for (int p = 0; p < n; p++) {
                if (p != q) {
                    d[j++] = Math.max(Math.abs(x[p] - x[q]), Math.abs(y[p] - y[q]));
                }
            }
            Arrays.sort(d);
            assertThat(tree.kthNeighbourDistance(q, 3)).as("row " + q).isEqualTo(d[2]);
        }
    }

    @Test
    void aGaussianPairGivesItsKnownMutualInformation() {
        // I(X; Y) = -ln(1 - rho^2) / 2 for a bivariate normal pair; KSG is nearly unbiased there.
        SplittableRandom random = new SplittableRandom(11);
        double rho = 0.8;
        KsgRegressionAccumulator mi = new KsgRegressionAccumulator(100_000, 42);
        for (int i = 0; i < 20_000; i++) {
            double a = random.nextGaussian();
            double b = rho * a + Math.sqrt(1 - rho * rho) * random.nextGaussian();
            mi.add(10 + 3 * a, -5 + 0.01 * b);
        }
        assertThat(mi.mutualInformation()).isCloseTo(-0.5 * Math.log(1 - rho * rho), within(0.02));
    }

    @Test
    void independentVariablesGiveAboutZeroAndTooFewRowsGiveNaN() {
        SplittableRandom random = new SplittableRandom(5);
        KsgRegressionAccumulator mi = new KsgRegressionAccumulator(100_000, 42);
        for (int i = 0; i < 5000; i++) {
            mi.add(random.nextDouble(), random.nextGaussian());
        }
        assertThat(mi.mutualInformation()).isBetween(0.0, 0.02);
        KsgRegressionAccumulator three = new KsgRegressionAccumulator(100, 42);
        three.add(1, 2);
        three.add(2, 3);
        three.add(3, 1);
        assertThat(three.mutualInformation()).isNaN();
    }

    @Test
    void aSampleIsSeededAndSaysSo() {
        KsgRegressionAccumulator a = new KsgRegressionAccumulator(500, 42);
        KsgRegressionAccumulator b = new KsgRegressionAccumulator(500, 42);
        for (int i = 0; i < 3000; i++) {
            a.add(i, Math.sin(i));
            b.add(i, Math.sin(i));
        }
        assertThat(a.isSampled()).isTrue();
        assertThat(a.sampleSize()).isEqualTo(500);
        assertThat(a.count()).isEqualTo(3000);
        assertThat(a.mutualInformation()).isEqualTo(b.mutualInformation());
    }
}
