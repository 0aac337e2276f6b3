package dev.veracity.io;

import dev.veracity.io.csv.CsvOptions;
import dev.veracity.io.jdbc.JdbcQuery;
import java.util.List;
import java.util.Objects;

/**
 * How {@link Readers} read files of any format.
 *
 * <pre>{@code
 * ReadOptions options = ReadOptions.DEFAULT.withBadRecords(BadRecords.SKIP).withColumns(List.of("fare", "trip.miles"));
 * }</pre>
 *
 * @param format           the format of every input file (the command line's {@code --format}); empty to detect it
 *                         per file with {@link FormatDetection}
 * @param csv              CSV settings; its bad-record policy and batch size apply to every format
 * @param columns          the features to read (column projection; Parquet reads only these columns from disk), by
 *                         name or by a dotted prefix ({@code trip} selects {@code trip.miles}); empty for all
 * @param avroReaderSchema an Avro reader schema (JSON) to resolve each file's writer schema against, the Avro way
 *                         (added fields take their defaults, removed ones are dropped); empty to read as written
 * @param queries          database queries to read instead of files (their results are one dataset, in order);
 *                         empty to read files
 */
public record ReadOptions(
        String format, CsvOptions csv, List<String> columns, String avroReaderSchema, List<JdbcQuery> queries) {
    /** Detect the format, every column, fail on a malformed record, batches of 4096 rows. */
    public static final ReadOptions DEFAULT = new ReadOptions("", CsvOptions.DEFAULT, List.of(), "", List.of());

    public ReadOptions {
        Objects.requireNonNull(format, "format is null");
        if (!format.isEmpty()) {
            DataFormat.named(format);
        }
        Objects.requireNonNull(csv, "csv is null");
        columns = List.copyOf(Objects.requireNonNull(columns, "columns is null"));
        Objects.requireNonNull(avroReaderSchema, "avroReaderSchema is null");
        queries = List.copyOf(Objects.requireNonNull(queries, "queries is null"));
    }

    /** {@return these options reading the results of these queries instead of files} */
    public ReadOptions withQueries(List<JdbcQuery> newQueries) {
        return new ReadOptions(format, csv, columns, avroReaderSchema, newQueries);
    }

    /** {@return what to do with a malformed record} */
    public BadRecords badRecords() {
        return csv.badRecords();
    }

    /** {@return the rows per batch} */
    public int batchSize() {
        return csv.batchSize();
    }

    /** {@return these options with another bad-record policy} */
    public ReadOptions withBadRecords(BadRecords policy) {
        return new ReadOptions(format, csv.withBadRecords(policy), columns, avroReaderSchema, queries);
    }

    /** {@return these options with other CSV settings} */
    public ReadOptions withCsv(CsvOptions newCsv) {
        return new ReadOptions(format, newCsv, columns, avroReaderSchema, queries);
    }

    /** {@return these options reading only these features (empty: all)} */
    public ReadOptions withColumns(List<String> newColumns) {
        return new ReadOptions(format, csv, newColumns, avroReaderSchema, queries);
    }

    /** {@return these options resolving Avro data against this reader schema (JSON; empty: none)} */
    public ReadOptions withAvroReaderSchema(String schemaJson) {
        return new ReadOptions(format, csv, columns, schemaJson, queries);
    }

    /** {@return these options reading every file as this format instead of detecting it} */
    public ReadOptions withFormat(DataFormat newFormat) {
        return new ReadOptions(newFormat.cliName(), csv, columns, avroReaderSchema, queries);
    }

    /** {@return the format of {@code file}: the one set, or the one {@link FormatDetection} finds} */
    public DataFormat formatOf(java.nio.file.Path file) throws java.io.IOException {
        return format.isEmpty() ? FormatDetection.detect(file) : DataFormat.named(format);
    }

    /** {@return whether the feature at this dotted path is to be read} */
    public boolean selects(String feature) {
        if (columns.isEmpty()) {
            return true;
        }
        for (String column : columns) {
            if (feature.equals(column) || feature.startsWith(column + ".")) {
                return true;
            }
        }
        return false;
    }
}
