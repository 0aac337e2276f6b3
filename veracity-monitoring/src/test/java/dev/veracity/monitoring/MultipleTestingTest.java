package dev.veracity.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Holm's adjustment by hand, and the span names of times in each accepted form. */
class MultipleTestingTest {
    @Test
    void holmMatchesTheStepDownByHand() {
        // sorted 0.01, 0.03, 0.04 (m = 3): 0.03, max(0.03, 0.06) = 0.06, max(0.06, 0.04) = 0.06
        double[] adjusted = MultipleTesting.holm(new double[] {0.01, 0.04, 0.03});
        assertThat(adjusted[0]).isCloseTo(0.03, within(1e-15));
        assertThat(adjusted[1]).isCloseTo(0.06, within(1e-15));
        assertThat(adjusted[2]).isCloseTo(0.06, within(1e-15));
        assertThat(MultipleTesting.holm(new double[] {0.5, 0.9})).containsExactly(1.0, 1.0);
    }

    @Test
    void timesInEveryFormNameTheirSpan() {
        assertThat(TimeValues.parse("2024-05-06T23:30:00")).contains(LocalDateTime.parse("2024-05-06T23:30:00"));
        assertThat(TimeValues.parse("2024-05-06T23:30:00+02:00")).contains(LocalDateTime.parse("2024-05-06T21:30"));
        assertThat(TimeValues.parse("2024-05-06T21:30:00Z")).contains(LocalDateTime.parse("2024-05-06T21:30"));
        assertThat(TimeValues.parse("2024-05-06")).contains(LocalDateTime.parse("2024-05-06T00:00"));
        assertThat(TimeValues.parse("1714989600")).contains(LocalDateTime.parse("2024-05-06T10:00"));
        assertThat(TimeValues.parse("yesterday")).isEmpty();
        assertThat(TimeValues.parse("")).isEmpty();
        LocalDateTime sunday = LocalDateTime.parse("2024-05-12T08:00");
        assertThat(Span.WEEK.of(sunday)).isEqualTo("2024-05-06");
        assertThat(Span.DAY.of(sunday)).isEqualTo("2024-05-12");
        assertThat(Span.HOUR.of(sunday)).isEqualTo("2024-05-12T08");
    }
}
