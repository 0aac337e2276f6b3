package dev.veracity.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @Test
    void everyUnitAndIsoAgreeWithJavaTime() {
        assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(Durations.parse("90s")).contains(Duration.ofSeconds(90));
        assertThat(Durations.parse("30m")).contains(Duration.ofMinutes(30));
        assertThat(Durations.parse(" 36H ")).contains(Duration.ofHours(36));
        assertThat(Durations.parse("1.5d")).contains(Duration.ofHours(36));
        assertThat(Durations.parse("2w")).contains(Duration.ofDays(14));
        assertThat(Durations.parse("0")).contains(Duration.ZERO);
        assertThat(Durations.parse("PT1H30M")).contains(Duration.ofMinutes(90));
        assertThat(Durations.parse("pt0.25s")).contains(Duration.ofMillis(250));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "h", "5", "5x", "-1h", "5dd", "nans", "infinityd", "PT-1H", "P", "1e300d", "ms"})
    void anythingElseIsNoDuration(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }
}
