package dev.veracity.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NonUniformityTest {
    @Test
    void uniformIsZeroAndOneBucketIsOne() {
        assertThat(NonUniformity.of(new double[] {5, 5, 5, 5})).isZero();
        assertThat(NonUniformity.of(new double[] {0, 9, 0})).isEqualTo(1.0, within(1e-12));
        assertThat(NonUniformity.of(new double[] {7})).isZero();
        assertThat(NonUniformity.of(new double[] {0, 0})).isZero();
    }

    @Test
    void aKnownValue() {
        // counts 1 and 3: mean 2, population sd 1, coefficient 0.5, divided by sqrt(1)
        assertThat(NonUniformity.of(new double[] {1, 3})).isEqualTo(0.5, within(1e-12));
    }

    @SeededProperty(tries = 200)
    void liesInZeroOneAndIgnoresScaleAndOrder(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = Gen.between(random, 2, 30);
        double[] counts = new double[n];
        double[] scaledReversed = new double[n];
        double scale = Gen.between(random, 1, 1000);
        for (int i = 0; i < n; i++) {
            counts[i] = Gen.between(random, 0, 100);
        }
        for (int i = 0; i < n; i++) {
            scaledReversed[i] = counts[n - 1 - i] * scale;
        }
        double value = NonUniformity.of(counts);
        assertThat(value).isBetween(0.0, 1.0);
        assertThat(NonUniformity.of(scaledReversed)).isEqualTo(value, within(1e-9));
    }
}
