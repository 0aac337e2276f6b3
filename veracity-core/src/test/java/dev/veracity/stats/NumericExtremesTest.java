package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.proto.Histogram;
import dev.veracity.proto.NumericStatistics;
import org.junit.jupiter.api.Test;

/** Values near the limits of doubles, where textbook formulas overflow. */
class NumericExtremesTest {
    private static NumericStatistics statistics(double... values) {
        ColumnBuilder column = ColumnBuilder.of("x", FeatureType.FLOAT);
        for (double v : values) {
            column.appendFloat(v);
        }
        NumericAccumulator accumulator = new NumericAccumulator("x", FeatureType.FLOAT, StatisticsOptions.DEFAULT);
        accumulator.add(column.build());
        return accumulator.result(values.length).getNumStats();
    }

    @Test
    void hugeEqualValuesHaveZeroStandardDeviation() {
        NumericStatistics s = statistics(1e200, 1e200);
        assertThat(s.getMean()).isEqualTo(1e200);
        assertThat(s.getStdDev()).isZero();
    }

    @Test
    void standardHistogramSpansARangeWiderThanTheLargestDouble() {
        NumericStatistics s = statistics(-1e308, 1e308);
        Histogram standard = s.getHistograms(0);
        assertThat(standard.getType()).isEqualTo(Histogram.HistogramType.STANDARD);
        assertThat(standard.getBucketsList()).hasSize(10).allSatisfy(b -> {
            assertThat(Double.isFinite(b.getLowValue())).isTrue();
            assertThat(Double.isFinite(b.getHighValue())).isTrue();
            assertThat(b.getHighValue()).isGreaterThan(b.getLowValue());
        });
        assertThat(standard.getBuckets(0).getLowValue()).isEqualTo(-1e308);
        assertThat(standard.getBuckets(9).getHighValue()).isEqualTo(1e308);
        assertThat(standard.getBucketsList().stream()
                        .mapToDouble(Histogram.Bucket::getSampleCount)
                        .sum())
                .isEqualTo(2.0);
    }
}
