package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SamplingTest {
    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.1, 0.5, 0.9})
    void keepsAboutTheRateOfRows(double rate) {
        Sampling sampling = new Sampling(rate, 7);
        int n = 200_000;
        long kept = 0;
        for (long row = 0; row < n; row++) {
            if (sampling.keeps(row)) {
                kept++;
            }
        }
        double sigma = Math.sqrt(n * rate * (1 - rate));
        assertThat((double) kept).isCloseTo(n * rate, org.assertj.core.data.Offset.offset(6 * sigma));
    }

    @Test
    void theSeedChoosesTheSampleAndTheSameSeedTheSameOne() {
        Sampling a = new Sampling(0.5, 1);
        Sampling b = new Sampling(0.5, 2);
        int same = 0;
        for (long row = 0; row < 1000; row++) {
            assertThat(a.keeps(row)).isEqualTo(new Sampling(0.5, 1).keeps(row));
            same += a.keeps(row) == b.keeps(row) ? 1 : 0;
        }
        assertThat(same).isBetween(400, 600);
    }

    @Test
    void samplesABatchByTheDatasetPositionOfItsRows() {
        ColumnBuilder x = ColumnBuilder.of("x", FeatureType.INT);
        for (int i = 0; i < 100; i++) {
            x.appendInt(1000 + i);
        }
        RecordBatch batch = new RecordBatch(100, List.of(x.build()));
        Sampling sampling = new Sampling(0.3, 99);

        RecordBatch sample = sampling.sample(batch, 5000);

        long[] values = ((IntColumn) sample.columns().get(0)).values();
        assertThat(values).hasSize(sample.rowCount());
        for (long value : values) {
            assertThat(sampling.keeps(5000 + value - 1000)).isTrue();
        }
        long expected = java.util.stream.LongStream.range(5000, 5100)
                .filter(sampling::keeps)
                .count();
        assertThat(sample.rowCount()).isEqualTo((int) expected);
    }

    @Test
    void aRateOfOneKeepsTheBatchItself() {
        RecordBatch batch = new RecordBatch(0, List.of());
        assertThat(Sampling.ALL.sample(batch, 0)).isSameAs(batch);
    }

    @Test
    void rejectsRatesOutsideZeroToOne() {
        for (double rate : new double[] {0, -0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> new Sampling(rate, 0))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("sample rate: expected a number in (0, 1]");
        }
    }
}
