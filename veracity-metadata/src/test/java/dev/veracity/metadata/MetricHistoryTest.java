package dev.veracity.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The metric history tables, the same suite on SQLite and PostgreSQL. */
class MetricHistoryTest {
    @TempDir
    Path temporary;

    @ParameterizedTest
    @MethodSource("dev.veracity.metadata.StoreBackend#all")
    void seriesAreInTheOrderSpansWereFirstRecordedAndARecordedSpanIsReplaced(StoreBackend backend) throws Exception {
        try (StoreBackend.Lease lease = backend.lease(temporary);
                MetadataStore store = MetadataStore.open(lease.config())) {
            store.recordMetrics(
                    "span-9",
                    List.of(new RecordedMetric("fare", "mean", 10.5), new RecordedMetric("", "num_examples", 100)));
            store.recordMetrics(
                    "span-10",
                    List.of(new RecordedMetric("fare", "mean", 11), new RecordedMetric("", "num_examples", 120)));
            store.recordMetrics("span-11", List.of(new RecordedMetric("fare", "max", Double.POSITIVE_INFINITY)));
            assertThat(store.metricSeries("fare", "mean"))
                    .containsExactly(new MetricPoint("span-9", 10.5), new MetricPoint("span-10", 11));
            store.recordMetrics("span-9", List.of(new RecordedMetric("fare", "mean", 9)));
            assertThat(store.metricSeries("fare", "mean"))
                    .containsExactly(new MetricPoint("span-9", 9), new MetricPoint("span-10", 11));
            assertThat(store.metricSeries("", "num_examples")).containsExactly(new MetricPoint("span-10", 120));
            assertThat(store.metricSeries("fare", "max"))
                    .containsExactly(new MetricPoint("span-11", Double.POSITIVE_INFINITY));
            assertThat(store.metricSeriesNames())
                    .containsExactly(
                            new MetricSeries("", "num_examples"),
                            new MetricSeries("fare", "max"),
                            new MetricSeries("fare", "mean"));
            assertThat(store.metricSpans()).containsExactly("span-9", "span-10", "span-11");
            try (MetadataStore again = MetadataStore.open(lease.config())) {
                assertThat(again.metricSeries("fare", "mean")).hasSize(2);
            }
        }
    }
}
