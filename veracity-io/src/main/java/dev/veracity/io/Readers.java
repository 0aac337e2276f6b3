package dev.veracity.io;

import dev.veracity.ConfigException;
import dev.veracity.data.BatchSource;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.avro.AvroSource;
import dev.veracity.io.csv.CsvReader;
import dev.veracity.io.jsonl.JsonLinesOptions;
import dev.veracity.io.jsonl.JsonLinesReader;
import dev.veracity.io.parquet.ParquetSplits;
import dev.veracity.io.tfrecord.TfRecordSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One entry point to every file reader: a file of any {@link DataFormat} becomes a {@link BatchSource} of
 * {@link RecordBatch}es, so statistics, schema inference and validation read them all alike.
 *
 * <pre>{@code
 * try (BatchSource source = Readers.open(Path.of("train.parquet"), ReadOptions.DEFAULT)) {
 *     for (Optional<RecordBatch> b = source.next(); b.isPresent(); b = source.next()) { ... }
 * }
 * }</pre>
 */
public final class Readers {
    private Readers() {}

    /**
     * {@return the batches of one file, in the format the options set or detected}
     *
     * @throws dev.veracity.InputException if the file is missing, unreadable or malformed
     */
    public static BatchSource open(Path file, ReadOptions options) throws IOException {
        return open(List.of(file), options);
    }

    /**
     * {@return the batches of the files, one after the other, as one dataset}; every file must have the same format
     *
     * @throws ConfigException if the files have different formats
     */
    public static BatchSource open(List<Path> files, ReadOptions options) throws IOException {
        FeatureTypes types = new FeatureTypes();
        List<InputSplit> splits = splits(files, formatOf(files, options), options, types);
        return new SplitsSource(splits, types);
    }

    /**
     * {@return the one format of all the files}
     *
     * @throws ConfigException if they have different formats, naming one file of each
     */
    public static DataFormat formatOf(List<Path> files, ReadOptions options) throws IOException {
        if (files.isEmpty()) {
            throw new ConfigException("expected at least one input file, found none");
        }
        DataFormat first = options.formatOf(files.get(0));
        for (Path file : files.subList(1, files.size())) {
            DataFormat format = options.formatOf(file);
            if (format != first) {
                boolean swap = first.ordinal() < format.ordinal() && first == DataFormat.CSV;
                Path a = swap ? file : files.get(0);
                Path b = swap ? files.get(0) : file;
                throw new ConfigException("inputs: expected files of one format, found both "
                        + (swap ? format : first).displayName() + " (" + a + ") and "
                        + (swap ? first : format).displayName() + " (" + b + "); describe them as separate datasets");
            }
        }
        return first;
    }

    /**
     * {@return the parts of the dataset that threads can read independently, in dataset order}: a Parquet file gives
     * one split per row group, any other file one split
     *
     * @param types the feature types of the dataset, shared by the splits' readers
     */
    public static List<InputSplit> splits(List<Path> files, DataFormat format, ReadOptions options, FeatureTypes types)
            throws IOException {
        Objects.requireNonNull(options, "options is null");
        Objects.requireNonNull(types, "types is null");
        List<InputSplit> splits = new ArrayList<>();
        for (Path file : files) {
            if (format == DataFormat.PARQUET) {
                splits.addAll(ParquetSplits.of(file, options));
            } else {
                splits.add(new FileSplit(file, format, options, types));
            }
        }
        return splits;
    }

    /** A whole file of a row-oriented format. */
    private record FileSplit(Path file, DataFormat format, ReadOptions options, FeatureTypes types)
            implements InputSplit {
        @Override
        public String description() {
            return file.toString();
        }

        @Override
        public long sizeBytes() {
            try {
                return java.nio.file.Files.size(file);
            } catch (IOException e) {
                return 0;
            }
        }

        @Override
        public BatchSource open() throws IOException {
            BatchSource source = switch (format) {
                case CSV -> CsvReader.open(file, options.csv());
                case JSONL ->
                    JsonLinesReader.open(file, new JsonLinesOptions(options.badRecords(), options.batchSize()));
                case TFRECORD -> TfRecordSource.open(file, options.badRecords(), options.batchSize(), types);
                case AVRO -> AvroSource.open(file, options, types);
                case PARQUET -> throw new IllegalStateException("Parquet files are split by row group");
            };
            return options.columns().isEmpty() ? source : new ProjectedSource(source, options);
        }
    }
}
