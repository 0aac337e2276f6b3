package dev.veracity.io.convert;

import dev.veracity.ConfigException;
import dev.veracity.data.BatchSource;
import dev.veracity.data.Column;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.AtomicFiles;
import dev.veracity.io.DataFormat;
import dev.veracity.io.FormatDetection;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.Readers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Converts a dataset (files of any readable format, one after the other) to CSV, JSON Lines, Parquet or TFRecord
 * of tf.Example, written atomically. The target format comes from its extension ({@code .csv}, {@code .jsonl},
 * {@code .parquet}, {@code .tfrecord}; {@code .gz} compresses TFRecord as TFX does) unless given.
 *
 * <pre>{@code
 * Conversion done = Converter.convert(List.of(Path.of("train.csv")), ReadOptions.DEFAULT,
 *         Path.of("train.tfrecord.gz"));
 * }</pre>
 */
public final class Converter {
    private Converter() {}

    /** What a conversion wrote. @param examples the rows written @param skippedRecords malformed records skipped */
    public record Conversion(long examples, long skippedRecords) {}

    /**
     * Converts the inputs to {@code target}, in the format its extension names.
     *
     * @throws ConfigException if the extension names no format that can be written
     */
    public static Conversion convert(List<Path> inputs, ReadOptions read, Path target) throws IOException {
        return convert(
                inputs,
                read,
                target,
                FormatDetection.byExtension(target)
                        .orElseThrow(() -> new ConfigException(
                                "-o " + target + ": expected a .csv, .jsonl, .parquet or .tfrecord name or --to, "
                                        + "found no known extension")));
    }

    /**
     * Converts the inputs to {@code target} in the format {@code to}.
     *
     * @throws ConfigException if the format cannot be written
     */
    public static Conversion convert(List<Path> inputs, ReadOptions read, Path target, DataFormat to)
            throws IOException {
        boolean gzip = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        if (gzip && to != DataFormat.TFRECORD) {
            throw new ConfigException("-o " + target + ": gzip output is written for TFRecord only");
        }
        List<ParquetColumn> features =
                to == DataFormat.CSV || to == DataFormat.PARQUET ? columns(inputs, read) : List.of();
        List<String> header = features.stream().map(ParquetColumn::name).toList();
        long[] counts = new long[2];
        AtomicFiles.write(target, out -> {
            BatchWriter writer = switch (to) {
                case CSV -> new CsvBatchWriter(out, header);
                case JSONL -> new JsonLinesBatchWriter(out);
                case TFRECORD -> new TfRecordBatchWriter(out, gzip);
                case PARQUET -> new ParquetBatchWriter(out, features);
                case AVRO ->
                    throw new ConfigException(
                            "convert: expected a target format csv, jsonl, parquet or tfrecord, found " + to.cliName()
                                    + " (Veracity reads it but does not write it)");
            };
            try (BatchSource source = Readers.open(inputs, read)) {
                for (Optional<RecordBatch> b = source.next(); b.isPresent(); b = source.next()) {
                    writer.write(b.get());
                    counts[0] += b.get().rowCount();
                }
                counts[1] = source.skippedRecords();
            }
            writer.finish();
        });
        return new Conversion(counts[0], counts[1]);
    }

    /**
     * {@return every feature of the dataset in order of first appearance, with its type (FLOAT if it has INT and
     * FLOAT values, STRING if it has text and numbers) and whether a row holds other than one value} (a CSV header
     * and a Parquet schema need them all up front): one pass over the inputs
     */
    public static List<ParquetColumn> columns(List<Path> inputs, ReadOptions read) throws IOException {
        Map<String, ParquetColumn> features = new LinkedHashMap<>();
        try (BatchSource source = Readers.open(inputs, read)) {
            for (Optional<RecordBatch> b = source.next(); b.isPresent(); b = source.next()) {
                for (Column column : b.get().columns()) {
                    ParquetColumn seen = features.get(column.name());
                    FeatureType type = seen == null ? column.type() : wider(seen.type(), column.type());
                    boolean repeated = (seen != null && seen.repeated()) || hasLists(column);
                    features.put(column.name(), new ParquetColumn(column.name(), type, repeated));
                }
            }
        }
        return List.copyOf(features.values());
    }

    private static FeatureType wider(FeatureType a, FeatureType b) {
        if (a == b) {
            return a;
        }
        if (a == FeatureType.STRING || b == FeatureType.STRING) {
            return FeatureType.STRING;
        }
        return FeatureType.FLOAT;
    }

    private static boolean hasLists(Column column) {
        int[] offsets = column.rowOffsets();
        boolean[] present = column.present();
        for (int r = 0; r < column.rowCount(); r++) {
            if (present[r] && offsets[r + 1] - offsets[r] != 1) {
                return true;
            }
        }
        return false;
    }
}
