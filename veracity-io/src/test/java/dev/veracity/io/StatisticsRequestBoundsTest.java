package dev.veracity.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A statistics request refuses sizes that could only exhaust memory, naming the option and its bound. */
class StatisticsRequestBoundsTest {
    private static final Veracity.StatisticsRequest REQUEST = Veracity.statistics(Path.of("a.csv"));

    @Test
    void maxSlicesIsBounded() {
        assertThatThrownBy(() -> REQUEST.withMaxSlices(100_000))
                .isInstanceOf(ConfigException.class)
                .hasMessage("max slices: expected at most 10000, found 100000")
                .extracting(e -> ((ConfigException) e).errorCode())
                .isEqualTo(ErrorCode.INVALID_OPTION);
        assertThatThrownBy(() -> REQUEST.withMaxSlices(0)).isInstanceOf(ConfigException.class);
        assertThat(REQUEST.withMaxSlices(10_000).maxSlices()).isEqualTo(10_000);
    }

    @Test
    void threadsAreBounded() {
        assertThatThrownBy(() -> REQUEST.withThreads(1_000_000))
                .isInstanceOf(ConfigException.class)
                .hasMessage("threads: expected at most 1024, found 1000000");
        assertThatThrownBy(() -> REQUEST.withThreads(0)).isInstanceOf(ConfigException.class);
        assertThat(REQUEST.threads()).isBetween(1, Veracity.StatisticsRequest.MAX_THREADS);
    }

    @Test
    void statisticsOptionsAreBoundedThroughTheRequest() {
        assertThatThrownBy(() -> REQUEST.withOptions(REQUEST.options().withNumHistogramBuckets(100_000_000)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("histogram buckets: expected at most");
    }
}
