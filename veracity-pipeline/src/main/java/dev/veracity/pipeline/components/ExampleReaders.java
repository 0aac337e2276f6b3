package dev.veracity.pipeline.components;

import dev.veracity.data.BatchSource;
import dev.veracity.io.csv.CsvOptions;
import dev.veracity.io.csv.CsvReader;
import dev.veracity.io.jsonl.JsonLinesOptions;
import dev.veracity.io.jsonl.JsonLinesReader;
import dev.veracity.io.jsonl.JsonLinesStatistics;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The one seam between ExampleGen and file formats: a path in, record batches out. Today JSON Lines
 * ({@code .jsonl}, {@code .ndjson}, plain or gzip) and CSV (anything else); a format veracity-io learns to read
 * (Parquet, Avro, TFRecord) becomes an ExampleGen input by adding its reader here.
 *
 * <pre>{@code
 * try (BatchSource source = ExampleReaders.open(Path.of("data/train.csv"))) { ... }
 * }</pre>
 */
public final class ExampleReaders {
    private ExampleReaders() {
    }

    /**
     * {@return a reader of the file's records}
     *
     * @throws dev.veracity.InputException if the file is missing or malformed
     */
    public static BatchSource open(Path file) throws IOException {
        if (JsonLinesStatistics.isJsonLines(file)) {
            return JsonLinesReader.open(file, JsonLinesOptions.DEFAULT);
        }
        return CsvReader.open(file, CsvOptions.DEFAULT);
    }
}
