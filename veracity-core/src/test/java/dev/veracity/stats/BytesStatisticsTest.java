package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.TextFormat;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.proto.BytesStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.Schema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** TFDV's {@code bytes_stats}, on the situation of {@code basic_stats_generator_test.py}'s test_with_bytes_features. */
class BytesStatisticsTest {
    private static final StatisticsOptions OPTIONS = StatisticsOptions.builder()
            .numHistogramBuckets(3)
            .numQuantilesHistogramBuckets(4)
            .numValuesHistogramBuckets(3)
            .build();

    @Test
    void tfdvBytesFeatureCase() throws Exception {
        Schema schema = TextFormat.parse(
                "feature { name: \"b\" type: BYTES image_domain { } } feature { name: \"s\" type: BYTES }",
                Schema.class);
        assertThat(BytesFeatures.of(schema)).containsExactly("b");
        StatisticsOptions options = OPTIONS.withBytesFeatures(BytesFeatures.of(schema));
        DatasetAccumulator first = new DatasetAccumulator(options);
        first.add(batch(List.of(List.of("x", "y", "z", "w"), List.of("qwe", "abc"))));
        DatasetAccumulator second = new DatasetAccumulator(options);
        second.add(batch(List.of(List.of("ab"))));
        DatasetAccumulator restored = DatasetAccumulator.fromBytes(second.toBytes(), options);
        first.merge(restored);
        FeatureNameStatistics b = first.result("").getFeatures(0);
        assertThat(b.getType()).isEqualTo(FeatureNameStatistics.Type.BYTES);
        assertThat(b.hasStringStats()).isFalse();
        BytesStatistics bytes = b.getBytesStats();
        assertThat(bytes.getCommonStats().getNumNonMissing()).isEqualTo(3);
        assertThat(bytes.getCommonStats().getMinNumValues()).isEqualTo(1);
        assertThat(bytes.getCommonStats().getMaxNumValues()).isEqualTo(4);
        assertThat(bytes.getCommonStats().getAvgNumValues()).isCloseTo(2.33333333f, within(1e-6f));
        assertThat(bytes.getCommonStats().getTotNumValues()).isEqualTo(7);
        assertThat(bytes.getAvgNumBytes()).isCloseTo(1.71428571f, within(1e-6f));
        assertThat(bytes.getMinNumBytes()).isEqualTo(1f);
        assertThat(bytes.getMaxNumBytes()).isEqualTo(3f);
        assertThat(bytes.getMaxNumBytesInt()).isEqualTo(3);
        assertThat(bytes.getUnique()).isEqualTo(7); // TFDV leaves it 0: its top-k generator skips bytes features
    }

    @Test
    void otherStringFeaturesKeepStringStatistics() {
        DatasetAccumulator dataset = new DatasetAccumulator(OPTIONS.withBytesFeatures(Set.of("other")));
        dataset.add(batch(List.of(List.of("x"))));
        FeatureNameStatistics b = dataset.result("").getFeatures(0);
        assertThat(b.getType()).isEqualTo(FeatureNameStatistics.Type.STRING);
        assertThat(b.hasStringStats()).isTrue();
    }

    private static RecordBatch batch(List<List<String>> rows) {
        ColumnBuilder b = ColumnBuilder.of("b", FeatureType.STRING);
        for (List<String> row : rows) {
            b.startList();
            for (String value : row) {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                b.addString(bytes, 0, bytes.length);
            }
            b.endList();
        }
        return new RecordBatch(rows.size(), List.of(b.build()));
    }
}
