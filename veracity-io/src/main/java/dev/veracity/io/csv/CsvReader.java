package dev.veracity.io.csv;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.BatchSource;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.BadRecords;
import dev.veracity.io.InputFiles;
import dev.veracity.io.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a CSV file with a header row as typed column batches, inferring each column's type in a first pass over the
 * file as TFDV does (INT, FLOAT or STRING; an empty cell is missing).
 *
 * <pre>{@code
 * try (CsvReader reader = CsvReader.open(Path.of("runs.csv"), CsvOptions.DEFAULT)) {
 *     for (Optional<RecordBatch> b = reader.next(); b.isPresent(); b = reader.next()) { ... }
 * }
 * }</pre>
 */
public final class CsvReader implements BatchSource {
    private final InputStream in;
    private final CsvBatches batches;
    private final List<String> columnNames;
    private final List<FeatureType> columnTypes;
    private boolean returnedBatch;

    private CsvReader(
            InputStream in,
            CsvRows rows,
            List<String> columnNames,
            List<FeatureType> columnTypes,
            CsvFixedTypes fixed,
            int batchSize) {
        this.in = in;
        this.batches = new CsvBatches(rows, columnNames, columnTypes, fixed, batchSize);
        this.columnNames = columnNames;
        this.columnTypes = columnTypes;
    }

    /**
     * Reads the header and infers the column types (a full pass over the file), then opens the file for
     * {@link #next()}. The file is read twice, so it must not change meanwhile. Columns whose types the options fix
     * ({@link CsvOptions#columnTypes()}) are not inferred; when every column's type is fixed, the file is read once.
     *
     * @param file    a regular CSV file whose first row (after blank lines) is the header
     * @param options the delimiter, quote, bad-record policy and batch size
     * @throws InputException FILE_NOT_FOUND, NOT_A_REGULAR_FILE, FILE_UNREADABLE; CSV_EMPTY_FILE, CSV_BAD_HEADER;
     *                        with {@link BadRecords#FAIL}, the first malformed row's error (also
     *                        CSV_VALUE_NOT_OF_SCHEMA_TYPE for a cell that does not parse as its fixed type)
     * @throws IOException    if reading fails
     */
    public static CsvReader open(Path file, CsvOptions options) throws IOException {
        return open(file, options, Progress.NONE);
    }

    /**
     * As {@link #open(Path, CsvOptions)}, reporting the progress of both passes over the file.
     *
     * @param progress receives "inferring column types", then "computing statistics" progress, in bytes
     */
    public static CsvReader open(Path file, CsvOptions options, Progress progress) throws IOException {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(options, "options is null");
        Objects.requireNonNull(progress, "progress is null");
        String fileName = file.toString();
        InputStream in = openFile(file);
        boolean opened = false;
        try {
            long size = Files.size(file);
            CsvTokenizer tokenizer = new CsvTokenizer(in, fileName, options, 1, true);
            List<String> columnNames = CsvRows.readHeader(tokenizer);
            CsvFixedTypes fixed = CsvFixedTypes.of(columnNames, options.columnTypes(), options.privateColumns());
            List<FeatureType> columnTypes;
            if (fixed.all()) {
                columnTypes = fixed.apply(
                        columnNames.stream().map(name -> FeatureType.STRING).toList());
            } else {
                CsvRows rows = new CsvRows(
                        tokenizer, columnNames, options.badRecords(), progress, "inferring column types", size);
                columnTypes = CsvTypeInference.infer(rows, fixed, columnNames.size());
                in.close();
                in = openFile(file);
                tokenizer = new CsvTokenizer(in, fileName, options, 1, true);
                List<String> again = CsvRows.readHeader(tokenizer);
                if (!again.equals(columnNames)) {
                    throw new InputException(
                            ErrorCode.FILE_UNREADABLE,
                            fileName + ": expected the same header in both passes, found " + again
                                    + " (the file changed)");
                }
            }
            CsvRows rows =
                    new CsvRows(tokenizer, columnNames, options.badRecords(), progress, "computing statistics", size);
            CsvReader reader = new CsvReader(in, rows, columnNames, columnTypes, fixed, options.batchSize());
            opened = true;
            return reader;
        } finally {
            if (!opened) {
                in.close();
            }
        }
    }

    /**
     * {@return the column names of a CSV file's header, reading only its first record}: with them, a caller can fix
     * every column's type ({@link CsvOptions#withColumnTypes}) so that {@link #open} reads the file once.
     *
     * @throws InputException FILE_NOT_FOUND, NOT_A_REGULAR_FILE, FILE_UNREADABLE, CSV_EMPTY_FILE, CSV_BAD_HEADER
     */
    public static List<String> header(Path file, CsvOptions options) throws IOException {
        try (InputStream in = openFile(file)) {
            return CsvRows.readHeader(new CsvTokenizer(in, file.toString(), options, 1, true));
        }
    }

    /** {@return the column names of the header, in file order} */
    public List<String> columnNames() {
        return columnNames;
    }

    /**
     * {@return the type of each column, in file order: fixed by the options, or inferred (INT for a column with no
     * non-empty cell)}
     */
    public List<FeatureType> columnTypes() {
        return columnTypes;
    }

    /**
     * {@return the next batch of at most {@code batchSize} rows, one column per header column; empty at the end}
     *
     * @throws InputException with {@link BadRecords#FAIL}, for a malformed row
     */
    @Override
    public Optional<RecordBatch> next() throws IOException {
        RecordBatch batch = batches.next();
        if (batch.rowCount() == 0 && returnedBatch) {
            return Optional.empty();
        }
        // A file without data rows still gives one empty batch, so its columns are reported as features.
        returnedBatch = true;
        return Optional.of(batch);
    }

    /** {@return the malformed rows skipped so far while streaming (0 with {@link BadRecords#FAIL})} */
    @Override
    public long skippedRecords() {
        return batches.rows().skippedRecords();
    }

    /** {@return the rows returned in batches so far} */
    public long recordsRead() {
        return batches.rows().recordsRead();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static InputStream openFile(Path file) throws IOException {
        return InputFiles.openRegularFile(file, "it is read twice");
    }
}
