package dev.veracity.io.csv;

import dev.veracity.data.FeatureType;
import dev.veracity.io.BadRecords;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to read a CSV file: its delimiter and quote bytes, what to do with malformed rows, and the rows per batch.
 *
 * <pre>{@code
 * CsvOptions tsv = CsvOptions.DEFAULT.withDelimiter((byte) '\t').withBadRecords(BadRecords.SKIP);
 * }</pre>
 *
 * @param delimiter  the byte between fields; not the quote, CR or LF
 * @param quote      the byte that opens and closes a quoted field; not the delimiter, CR or LF
 * @param badRecords whether a malformed data row fails the read or is skipped and counted
 * @param batchSize  the most rows in one {@link dev.veracity.data.RecordBatch}; at least 1
 * @param columnTypes the types of columns fixed in advance (by a schema), by column name: such a column is not
 *                    inferred, and a non-empty cell that does not parse as its type makes the record malformed
 *                    (CSV_VALUE_NOT_OF_SCHEMA_TYPE, failed or skipped by {@code badRecords}); names not in the
 *                    header are ignored. Empty, the default: every column is inferred
 * @param privateColumns the columns whose values no message quotes (a schema's PII-marked features): a cell that
 *                    does not parse as its fixed type is "a value that is not an INT"; empty, the default, for none
 */
public record CsvOptions(
        byte delimiter,
        byte quote,
        BadRecords badRecords,
        int batchSize,
        Map<String, FeatureType> columnTypes,
        Set<String> privateColumns) {
    /** The rows per batch unless told otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 4096;

    /** Comma, double quote, fail on malformed rows, {@value #DEFAULT_BATCH_SIZE} rows per batch. */
    public static final CsvOptions DEFAULT =
            new CsvOptions((byte) ',', (byte) '"', BadRecords.FAIL, DEFAULT_BATCH_SIZE);

    public CsvOptions {
        Objects.requireNonNull(badRecords, "badRecords is null");
        columnTypes = Map.copyOf(Objects.requireNonNull(columnTypes, "columnTypes is null"));
        privateColumns = Set.copyOf(Objects.requireNonNull(privateColumns, "privateColumns is null"));
        if (delimiter == quote) {
            throw new IllegalArgumentException(
                    "delimiter and quote must differ, both are " + CsvProblem.describe(quote));
        }
        if (isLineEnd(delimiter)) {
            throw new IllegalArgumentException("delimiter must not be CR or LF: " + CsvProblem.describe(delimiter));
        }
        if (isLineEnd(quote)) {
            throw new IllegalArgumentException("quote must not be CR or LF: " + CsvProblem.describe(quote));
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
        }
    }

    /** Options that infer every column's type. */
    public CsvOptions(byte delimiter, byte quote, BadRecords badRecords, int batchSize) {
        this(delimiter, quote, badRecords, batchSize, Map.of());
    }

    /** Options without private columns. */
    public CsvOptions(
            byte delimiter, byte quote, BadRecords badRecords, int batchSize, Map<String, FeatureType> columnTypes) {
        this(delimiter, quote, badRecords, batchSize, columnTypes, Set.of());
    }

    /** {@return these options with another delimiter} */
    public CsvOptions withDelimiter(byte delimiter) {
        return new CsvOptions(delimiter, quote, badRecords, batchSize, columnTypes, privateColumns);
    }

    /** {@return these options with another quote byte} */
    public CsvOptions withQuote(byte quote) {
        return new CsvOptions(delimiter, quote, badRecords, batchSize, columnTypes, privateColumns);
    }

    /** {@return these options with another policy for malformed rows} */
    public CsvOptions withBadRecords(BadRecords badRecords) {
        return new CsvOptions(delimiter, quote, badRecords, batchSize, columnTypes, privateColumns);
    }

    /** {@return these options with another number of rows per batch} */
    public CsvOptions withBatchSize(int batchSize) {
        return new CsvOptions(delimiter, quote, badRecords, batchSize, columnTypes, privateColumns);
    }

    /**
     * {@return these options reading the named columns with fixed types instead of inferring them}
     *
     * @param columnTypes by column name, its type (a schema's BYTES is STRING); empty to infer every column
     */
    public CsvOptions withColumnTypes(Map<String, FeatureType> columnTypes) {
        return new CsvOptions(delimiter, quote, badRecords, batchSize, columnTypes, privateColumns);
    }

    /**
     * {@return these options never quoting the values of the named columns in messages}
     *
     * @param privateColumns column names (a schema's PII-marked features); empty for none
     */
    public CsvOptions withPrivateColumns(Set<String> privateColumns) {
        return new CsvOptions(delimiter, quote, badRecords, batchSize, columnTypes, privateColumns);
    }

    private static boolean isLineEnd(byte b) {
        return b == '\r' || b == '\n';
    }
}
