package dev.veracity.schema.metrics;

import static dev.veracity.schema.metrics.LInfinityTest.counts;
import static dev.veracity.schema.metrics.LInfinityTest.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NormalizedAbsoluteDifferenceTest {
    private static final double TOLERANCE = 1e-5;

    @Test
    void tfdvHelloWorld() {
        Comparison.Value value = value(NormalizedAbsoluteDifference.of(
                counts("hello", 0.1, "world", 0.9), counts("hello", 0.3, "world", 0.7)));
        assertThat(value.value()).isCloseTo(0.1, within(TOLERANCE));
    }

    @Test
    void tfdvVolumeChange() {
        Comparison.Value value = value(
                NormalizedAbsoluteDifference.of(counts("hello", 1, "world", 5), counts("hello", 10, "world", 50)));
        assertThat(value.value()).isCloseTo(45.0 / 66, within(TOLERANCE)).isCloseTo(0.681818, within(TOLERANCE));
        assertThat(value.label()).isEqualTo("world");
    }

    @Test
    void sameShapeDifferentVolumeIsNotZeroWhereLInfinityIs() {
        Map<String, Double> small = counts("a", 1, "b", 1);
        Map<String, Double> large = counts("a", 3, "b", 3);
        assertThat(value(LInfinity.distance(small, large)).value()).isZero();
        // max |1 - 3| / (2 + 6) = 0.25
        assertThat(value(NormalizedAbsoluteDifference.of(small, large)).value()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void disjointLabelsGiveAtMostOneHalf() {
        // max |x - y| = 4 (label a), total 8
        assertThat(value(NormalizedAbsoluteDifference.of(counts("a", 4), counts("b", 4)))
                        .value())
                .isCloseTo(0.5, within(1e-12));
    }

    @Test
    void anEmptySideIsUnavailable() {
        assertThat(NormalizedAbsoluteDifference.of(counts("a", 1), Map.of()))
                .isInstanceOf(Comparison.Unavailable.class);
    }
}
