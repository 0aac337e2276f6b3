package dev.veracity.privacy.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelDistancesTest {
    @Test
    void knownValues() {
        Map<String, Long> half = Map.of("a", 5L, "b", 5L);
        Map<String, Long> quarter = Map.of("a", 1L, "b", 3L);
        assertThat(LabelDistances.kullbackLeibler(half, quarter)).isCloseTo(0.143841036, within(1e-9));
        assertThat(LabelDistances.totalVariation(half, quarter)).isCloseTo(0.25, within(1e-12));
        assertThat(LabelDistances.jensenShannon(Map.of("a", 3L), Map.of("b", 7L)))
                .isCloseTo(Math.log(2), within(1e-12));
        assertThat(LabelDistances.jensenShannon(half, Map.of("a", 1L, "b", 1L))).isZero();
        assertThat(LabelDistances.kullbackLeibler(half, Map.of("a", 2L))).isInfinite();
        // JS of (0.5, 0.5) and (0.25, 0.75): 0.5 (0.5 ln(0.5/0.375) + 0.5 ln(0.5/0.625)) + 0.5 (0.25 ln(0.25/0.375)
        // + 0.75 ln(0.75/0.625)) = 0.033822...
        assertThat(LabelDistances.jensenShannon(half, quarter)).isCloseTo(0.0338220756, within(1e-9));
    }
}
