package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Size-like options have upper bounds: a huge value is a usage error naming the option, not an out-of-memory. */
class StatisticsOptionsBoundsTest {
    @Test
    void histogramBucketsAreBounded() {
        assertThatThrownBy(() -> StatisticsOptions.DEFAULT.withNumHistogramBuckets(100_000_000))
                .isInstanceOf(ConfigException.class)
                .hasMessage("histogram buckets: expected at most 10000, found 100000000");
        assertThat(StatisticsOptions.DEFAULT
                        .withNumHistogramBuckets(StatisticsOptions.MAX_BUCKETS)
                        .numHistogramBuckets())
                .isEqualTo(10_000);
    }

    @Test
    void topValuesAndExactDistinctValuesAreBounded() {
        assertThatThrownBy(() -> StatisticsOptions.DEFAULT.withNumTopValues(StatisticsOptions.MAX_TOP_VALUES + 1))
                .isInstanceOf(ConfigException.class)
                .hasMessage("top values: expected at most 100000, found 100001");
        assertThatThrownBy(() -> StatisticsOptions.DEFAULT.withMaxExactDistinct(Integer.MAX_VALUE))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("exact distinct values: expected at most");
        assertThatThrownBy(() -> StatisticsOptions.builder()
                        .numRankHistogramBuckets(1_000_000)
                        .build())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("rank histogram buckets: expected at most");
        assertThatThrownBy(() -> StatisticsOptions.builder()
                        .numValuesHistogramBuckets(20_000)
                        .build())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("values histogram buckets: expected at most");
    }

    @Test
    void slicesAreBounded() {
        assertThatThrownBy(() -> new SlicedStatistics(StatisticsOptions.DEFAULT, List.of(), 1_000_000))
                .isInstanceOf(ConfigException.class)
                .hasMessage("max slices: expected at most 10000, found 1000000");
        assertThat(new SlicedStatistics(StatisticsOptions.DEFAULT, List.of(), SlicedStatistics.MAX_SLICES))
                .isNotNull();
    }
}
