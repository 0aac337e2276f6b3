package dev.veracity.beam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.data.BatchSource;
import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.Readers;
import dev.veracity.stats.DatasetAccumulator;
import dev.veracity.stats.StatisticsOptions;
import dev.veracity.testing.SeededProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordBatchCoderTest {
    @TempDir
    Path directory;

    @SeededProperty(tries = 20)
    void decodingAnEncodedBatchGivesTheSameColumns(long seed) throws IOException {
        Path file = TestTables.write(directory, seed, (int) Math.floorMod(seed, 200L), 1)
                .get(0);
        RecordBatch batch;
        try (BatchSource source = Readers.open(file, ReadOptions.DEFAULT)) {
            batch = source.next().orElseThrow();
        }

        RecordBatch decoded = CoderUtils.decodeFromByteArray(
                RecordBatchCoder.of(), CoderUtils.encodeToByteArray(RecordBatchCoder.of(), batch));

        assertThat(decoded.rowCount()).isEqualTo(batch.rowCount());
        assertThat(decoded.columns()).hasSameSizeAs(batch.columns());
        for (int c = 0; c < batch.columns().size(); c++) {
            assertSameColumn(decoded.columns().get(c), batch.columns().get(c), batch.rowCount());
        }
        DatasetAccumulator original = new DatasetAccumulator(StatisticsOptions.DEFAULT);
        original.add(batch);
        DatasetAccumulator copy = new DatasetAccumulator(StatisticsOptions.DEFAULT);
        copy.add(decoded);
        assertThat(copy.result("")).isEqualTo(original.result("")); // every value, through the statistics of them
    }

    @Test
    void nestingIsEncodedWithTheColumns() throws IOException {
        try (BatchSource source =
                Readers.open(Path.of("../examples/tfx-parity/sessions.tfrecord"), ReadOptions.DEFAULT)) {
            RecordBatch batch = source.next().orElseThrow();
            assertThat(batch.nesting().lists()).isNotEmpty();
            assertThat(batch.nesting().structs()).isNotEmpty();

            RecordBatch decoded = CoderUtils.decodeFromByteArray(
                    RecordBatchCoder.of(), CoderUtils.encodeToByteArray(RecordBatchCoder.of(), batch));

            assertThat(decoded.nesting()).isEqualTo(batch.nesting());
            DatasetAccumulator original = new DatasetAccumulator(StatisticsOptions.DEFAULT);
            original.add(batch);
            DatasetAccumulator copy = new DatasetAccumulator(StatisticsOptions.DEFAULT);
            copy.add(decoded);
            assertThat(copy.result("")).isEqualTo(original.result(""));
        }
    }

    private static void assertSameColumn(Column actual, Column expected, int rows) {
        assertThat(actual.name()).isEqualTo(expected.name());
        assertThat(actual.type()).isEqualTo(expected.type());
        assertThat(Arrays.copyOf(actual.present(), rows)).isEqualTo(Arrays.copyOf(expected.present(), rows));
        assertThat(Arrays.copyOf(actual.rowOffsets(), rows + 1))
                .isEqualTo(Arrays.copyOf(expected.rowOffsets(), rows + 1));
        assertThat(List.of(actual.getClass())).isEqualTo(List.of(expected.getClass()));
    }
}
