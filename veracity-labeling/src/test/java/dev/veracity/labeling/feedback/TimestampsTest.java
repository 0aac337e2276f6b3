package dev.veracity.labeling.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimestampsTest {
    private static final long T = 1_714_557_600_000L; // 2024-05-01T10:00:00Z

    @Test
    void parsesWhatLogstashAndFluentdWrite() {
        assertThat(Timestamps.parse("2024-05-01T10:00:00Z")).hasValue(T);
        assertThat(Timestamps.parse("2024-05-01T10:00:00.250Z")).hasValue(T + 250);
        assertThat(Timestamps.parse("2024-05-01T12:00:00+02:00")).hasValue(T);
        assertThat(Timestamps.parse("2024-05-01T10:00:00+0000")).hasValue(T);
        assertThat(Timestamps.parse("2024-05-01 10:00:00 +0000")).hasValue(T);
        assertThat(Timestamps.parse("2024-05-01 10:00:00")).hasValue(T);
        assertThat(Timestamps.parse("2024-05-01T10:00")).hasValue(T);
        assertThat(Timestamps.parse("2024-05-01")).hasValue(T - 36_000_000);
        assertThat(Timestamps.parse("yesterday")).isEmpty();
        assertThat(Timestamps.parse("2024-13-01T10:00:00Z")).isEmpty();
    }

    @Test
    void numbersAreSecondsOrMilliseconds() {
        assertThat(Timestamps.ofNumber(T / 1000.0, EpochUnit.AUTO)).isEqualTo(T);
        assertThat(Timestamps.ofNumber(T, EpochUnit.AUTO)).isEqualTo(T);
        assertThat(Timestamps.ofNumber(1.5, EpochUnit.SECONDS)).isEqualTo(1500);
        assertThat(Timestamps.ofNumber(1500, EpochUnit.MILLISECONDS)).isEqualTo(1500);
        assertThat(Timestamps.format(T)).isEqualTo("2024-05-01T10:00:00Z");
    }
}
