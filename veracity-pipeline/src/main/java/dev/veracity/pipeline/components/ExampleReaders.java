package dev.veracity.pipeline.components;

import dev.veracity.data.BatchSource;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.Readers;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The one seam between ExampleGen and file formats: a path in, record batches out. Every format veracity-io reads
 * (CSV, JSON Lines, Parquet, Avro, TFRecord of tf.Example; plain or gzip), detected from the file's signature and
 * extension as {@code veracity stats} detects it.
 *
 * <pre>{@code
 * try (BatchSource source = ExampleReaders.open(Path.of("data/train.parquet"))) { ... }
 * }</pre>
 */
public final class ExampleReaders {
    private ExampleReaders() {}

    /**
     * {@return a reader of the file's records}
     *
     * @throws dev.veracity.InputException if the file is missing or malformed
     */
    public static BatchSource open(Path file) throws IOException {
        return Readers.open(file, ReadOptions.DEFAULT);
    }
}
