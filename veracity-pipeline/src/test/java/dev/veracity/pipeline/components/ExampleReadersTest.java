package dev.veracity.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.data.BatchSource;
import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.convert.Converter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ExampleGen's one seam reads every veracity-io format: the same rows from CSV, JSON Lines and TFRecord. */
class ExampleReadersTest {
    @TempDir
    Path dir;

    @Test
    void readsTheSameRowsFromEveryFormat() throws IOException {
        Path csv = dir.resolve("runs.csv");
        Files.writeString(csv, "runner,distance,surface\nr1,5.5,road\nr2,10.0,trail\nr3,,road\n");
        Path jsonl = dir.resolve("runs.jsonl");
        Path tfrecord = dir.resolve("runs.tfrecord.gz");
        Converter.convert(List.of(csv), ReadOptions.DEFAULT, jsonl);
        Converter.convert(List.of(csv), ReadOptions.DEFAULT, tfrecord);

        Shape expected = shapeOf(csv);
        assertThat(expected.rows()).isEqualTo(3);
        assertThat(expected.features()).containsExactly("distance", "runner", "surface");
        assertThat(shapeOf(jsonl)).isEqualTo(expected);
        assertThat(shapeOf(tfrecord)).isEqualTo(expected);
    }

    private record Shape(long rows, Set<String> features) {}

    private static Shape shapeOf(Path file) throws IOException {
        long rows = 0;
        Set<String> features = new TreeSet<>();
        try (BatchSource source = ExampleReaders.open(file)) {
            for (Optional<RecordBatch> b = source.next(); b.isPresent(); b = source.next()) {
                rows += b.get().rowCount();
                b.get().columns().stream().map(Column::name).forEach(features::add);
            }
        }
        return new Shape(rows, features);
    }
}
