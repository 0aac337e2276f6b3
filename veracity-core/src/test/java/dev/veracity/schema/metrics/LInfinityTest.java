package dev.veracity.schema.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LInfinityTest {
    private static final double TOLERANCE = 1e-5;

    static Map<String, Double> counts(Object... labelsAndCounts) {
        Map<String, Double> counts = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndCounts.length; i += 2) {
            counts.put((String) labelsAndCounts[i], ((Number) labelsAndCounts[i + 1]).doubleValue());
        }
        return counts;
    }

    static Comparison.Value value(Comparison comparison) {
        assertThat(comparison).isInstanceOf(Comparison.Value.class);
        return (Comparison.Value) comparison;
    }

    @Nested
    class TfdvVectors {
        @Test
        void helloWorld() {
            Comparison.Value value =
                    value(LInfinity.distance(counts("hello", 0.1, "world", 0.9), counts("hello", 0.3, "world", 0.7)));
            assertThat(value.value()).isCloseTo(0.2, within(TOLERANCE));
        }

        @Test
        void disjointLabelsBothOrders() {
            Map<String, Double> a = counts("b", 0.9, "c", 0.1);
            Map<String, Double> b = counts("a", 0.3, "b", 0.7);
            assertThat(value(LInfinity.distance(a, b)).value()).isCloseTo(0.3, within(TOLERANCE));
            assertThat(value(LInfinity.distance(b, a)).value()).isCloseTo(0.3, within(TOLERANCE));
            assertThat(value(LInfinity.distance(a, b)).label()).isEqualTo("a");
        }
    }

    @Nested
    class ByHand {
        @Test
        void eachSideIsNormalizedByItsOwnSum() {
            // {a: 1/4, b: 3/4} against {a: 1/2, b: 1/2}: the counts' scale does not matter
            Comparison.Value value = value(LInfinity.distance(counts("a", 10, "b", 30), counts("a", 1, "b", 1)));
            assertThat(value.value()).isCloseTo(0.25, within(1e-12));
        }

        @Test
        void reportsTheArgMaxLabel() {
            Comparison.Value value = value(LInfinity.distance(counts("a", 5, "b", 3, "c", 2), counts("a", 5, "b", 5)));
            // a: 0.5 vs 0.5, b: 0.3 vs 0.5, c: 0.2 vs 0
            assertThat(value.value()).isCloseTo(0.2, within(1e-12));
            assertThat(value.label()).isEqualTo("c");
        }

        @Test
        void tiesGoToTheLastLabelInBytewiseOrder() {
            // a and b differ by 0.5 each; "é" (0xC3 0xA9) sorts after "z" in bytes and in UTF-16 alike, but the
            // supplementary character sorts after U+FF61 only in bytes
            assertThat(value(LInfinity.distance(counts("a", 1), counts("b", 1))).label())
                    .isEqualTo("b");
            assertThat(value(LInfinity.distance(counts("\uFF61", 1), counts("\uD83D\uDE00", 1)))
                            .label())
                    .isEqualTo("\uD83D\uDE00");
        }

        @Test
        void identicalDistributionsGiveZeroWithTheLastLabel() {
            Comparison.Value value = value(LInfinity.distance(counts("x", 2, "y", 2), counts("x", 1, "y", 1)));
            assertThat(value.value()).isZero();
            assertThat(value.label()).isEqualTo("y");
        }

        @Test
        void anEmptySideIsUnavailableNotZero() {
            assertThat(LInfinity.distance(Map.of(), counts("a", 1))).isInstanceOf(Comparison.Unavailable.class);
            assertThat(LInfinity.distance(counts("a", 0), counts("a", 1))).isInstanceOf(Comparison.Unavailable.class);
            assertThat(LInfinity.distance(counts("a", -1, "b", 2), counts("a", 1)))
                    .isInstanceOf(Comparison.Unavailable.class);
        }
    }
}
