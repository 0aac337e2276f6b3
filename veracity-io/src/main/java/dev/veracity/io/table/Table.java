package dev.veracity.io.table;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.BatchSource;
import dev.veracity.data.Column;
import dev.veracity.data.FeatureType;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import dev.veracity.io.DataFormat;
import dev.veracity.io.FormatDetection;
import dev.veracity.io.InputFiles;
import dev.veracity.io.Progress;
import dev.veracity.io.Readers;
import dev.veracity.io.csv.CsvOptions;
import dev.veracity.io.csv.CsvReader;
import dev.veracity.io.jsonl.JsonLinesOptions;
import dev.veracity.io.jsonl.JsonLinesReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One data file opened as a table: CSV, JSON Lines, Parquet, Avro or TFRecord of tf.Example (detected as
 * {@link FormatDetection} does, or as the options' format says), read by the veracity-io readers. Its column names
 * and types are known when it opens, and every batch holds exactly those columns in that order (a feature a record
 * lacks is missing from its row), so a caller can find a column once by index.
 *
 * <pre>{@code
 * try (Table table = Table.open(Path.of("ratings.parquet"), TableOptions.DEFAULT)) {
 *     int item = table.indexOf("item");
 *     for (Optional<RecordBatch> b = table.next(); b.isPresent(); b = table.next()) { ... }
 * }
 * }</pre>
 *
 * <p>CSV and JSON Lines are read twice (type inference, then the batches), Parquet, Avro and TFRecord also twice
 * (their records carry their own features, so a first pass collects them); the file must not change meanwhile.
 * A gzip CSV or JSON Lines file is refused (its readers need a file they can read twice); gzip TFRecord is read.
 */
public final class Table implements BatchSource {
    private final Path file;
    private final DataFormat format;
    private final BatchSource source;
    private final List<String> names;
    private final List<FeatureType> types;

    private Table(Path file, DataFormat format, BatchSource source, List<String> names, List<FeatureType> types) {
        this.file = file;
        this.format = format;
        this.source = source;
        this.names = List.copyOf(names);
        this.types = List.copyOf(types);
    }

    /**
     * {@return the file opened as a table}
     *
     * @throws InputException FILE_NOT_FOUND, NOT_A_REGULAR_FILE, FILE_UNREADABLE; UNSUPPORTED_FILE_FORMAT for a gzip
     *                        CSV or JSON Lines file; the readers' errors for a malformed file
     * @throws IOException    if reading fails
     */
    public static Table open(Path file, TableOptions options) throws IOException {
        return open(file, options, Progress.NONE);
    }

    /**
     * As {@link #open(Path, TableOptions)}, reporting the progress of both passes over a CSV or JSON Lines file.
     *
     * @param progress receives "inferring column types", then "computing statistics" progress, in bytes
     */
    public static Table open(Path file, TableOptions options, Progress progress) throws IOException {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(options, "options is null");
        Objects.requireNonNull(progress, "progress is null");
        DataFormat format = options.read().formatOf(file);
        switch (format) {
            case CSV -> {
                refuseGzip(file, format);
                CsvOptions csv = options.csv();
                if (options.csvAsText()) {
                    Map<String, FeatureType> strings = new HashMap<>();
                    CsvReader.header(file, csv).forEach(name -> strings.put(name, FeatureType.STRING));
                    csv = csv.withColumnTypes(strings);
                }
                CsvReader reader = CsvReader.open(file, csv, progress);
                return new Table(file, format, reader, reader.columnNames(), reader.columnTypes());
            }
            case JSONL -> {
                refuseGzip(file, format);
                JsonLinesReader reader = JsonLinesReader.open(
                        file,
                        new JsonLinesOptions(
                                options.read().badRecords(), options.read().batchSize()),
                        progress);
                return new Table(file, format, reader, reader.featureNames(), reader.featureTypes());
            }
            case PARQUET, AVRO, TFRECORD -> {
                Map<String, FeatureType> features = features(file, options);
                BatchSource reader = Readers.open(file, options.read());
                return new Table(
                        file, format, reader, new ArrayList<>(features.keySet()), new ArrayList<>(features.values()));
            }
        }
        throw new IllegalStateException("unknown format " + format);
    }

    /** {@return every feature of the file with its type, in order of first appearance} */
    private static Map<String, FeatureType> features(Path file, TableOptions options) throws IOException {
        Map<String, FeatureType> features = new LinkedHashMap<>();
        try (BatchSource source = Readers.open(file, options.read())) {
            for (Optional<RecordBatch> b = source.next(); b.isPresent(); b = source.next()) {
                for (Column column : b.get().columns()) {
                    features.putIfAbsent(column.name(), column.type());
                }
            }
        }
        return features;
    }

    private static void refuseGzip(Path file, DataFormat format) throws IOException {
        byte[] head;
        try (InputStream in = InputFiles.open(file)) {
            head = in.readNBytes(2);
        }
        if (FormatDetection.isGzip(head)) {
            throw new InputException(
                    ErrorCode.UNSUPPORTED_FILE_FORMAT,
                    file + ": expected a plain "
                            + format.displayName() + " file, found gzip (it is read twice; decompress it first, e.g. "
                            + "gunzip -k)");
        }
    }

    /** {@return the file read} */
    public Path file() {
        return file;
    }

    /** {@return the file's format} */
    public DataFormat format() {
        return format;
    }

    /** {@return the column (feature) names, in file order} */
    public List<String> names() {
        return names;
    }

    /** {@return the column types, in the order of {@link #names()}} */
    public List<FeatureType> types() {
        return types;
    }

    /** {@return the index of the named column in {@link #names()} and in every batch, or -1 if there is none} */
    public int indexOf(String name) {
        return names.indexOf(name);
    }

    /**
     * {@return the index of the named column in {@link #names()} and in every batch}
     *
     * @param option what the column is for, for the message (e.g. "--label" or "the outcome time")
     * @param code   the error code of a missing column, the caller's domain (LABEL_EVENT_INVALID, INVALID_OPTION)
     * @throws InputException with {@code code} if the table has no such column, naming the file and its columns
     */
    public int require(String name, String option, ErrorCode code) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new InputException(
                    code, file + ": expected a column " + name + " (" + option + "), found only " + names);
        }
        return index;
    }

    /**
     * {@return the next batch, with exactly the columns of {@link #names()} in that order; empty at the end}
     *
     * @throws InputException if the data is malformed (with the reader's bad-record policy)
     */
    @Override
    public Optional<RecordBatch> next() throws IOException {
        Optional<RecordBatch> next = source.next();
        if (next.isEmpty() || hasTableColumns(next.get())) {
            return next;
        }
        RecordBatch batch = next.get();
        Map<String, Column> byName = new HashMap<>();
        for (Column column : batch.columns()) {
            byName.put(column.name(), column);
        }
        List<Column> columns = new ArrayList<>(names.size());
        for (int c = 0; c < names.size(); c++) {
            Column column = byName.get(names.get(c));
            columns.add(column != null ? column : missing(names.get(c), types.get(c), batch.rowCount()));
        }
        return Optional.of(new RecordBatch(batch.rowCount(), columns));
    }

    private boolean hasTableColumns(RecordBatch batch) {
        if (batch.columns().size() != names.size()) {
            return false;
        }
        for (int c = 0; c < names.size(); c++) {
            if (!batch.columns().get(c).name().equals(names.get(c))) {
                return false;
            }
        }
        return true;
    }

    private static Column missing(String name, FeatureType type, int rows) {
        boolean[] present = new boolean[rows];
        int[] offsets = new int[rows + 1];
        return switch (type) {
            case INT -> new IntColumn(name, rows, present, offsets, new long[0]);
            case FLOAT -> new FloatColumn(name, rows, present, offsets, new double[0]);
            case STRING -> new StringColumn(name, rows, present, offsets, new int[1], new byte[0]);
        };
    }

    @Override
    public long skippedRecords() {
        return source.skippedRecords();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
