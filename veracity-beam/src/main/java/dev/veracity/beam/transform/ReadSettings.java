package dev.veracity.beam.transform;

import dev.veracity.ConfigException;
import dev.veracity.data.FeatureType;
import dev.veracity.io.BadRecords;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.csv.CsvOptions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fit's {@link ReadOptions} as they travel to Beam's workers (the options are not serializable): files only, no
 * database queries.
 *
 * <pre>{@code
 * ReadOptions again = ReadSettings.of(ReadOptions.DEFAULT).options();
 * }</pre>
 */
final class ReadSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String format;
    private final byte delimiter;
    private final byte quote;
    private final BadRecords badRecords;
    private final int batchSize;
    private final TreeMap<String, FeatureType> columnTypes;
    private final HashSet<String> privateColumns;
    private final ArrayList<String> columns;
    private final String avroReaderSchema;

    private ReadSettings(ReadOptions read) {
        CsvOptions csv = read.csv();
        this.format = read.format();
        this.delimiter = csv.delimiter();
        this.quote = csv.quote();
        this.badRecords = csv.badRecords();
        this.batchSize = csv.batchSize();
        this.columnTypes = new TreeMap<>(csv.columnTypes());
        this.privateColumns = new HashSet<>(csv.privateColumns());
        this.columns = new ArrayList<>(read.columns());
        this.avroReaderSchema = read.avroReaderSchema();
    }

    /**
     * {@return the settings of {@code read}}
     *
     * @throws ConfigException if {@code read} names database queries, which the Beam engine does not read
     */
    static ReadSettings of(ReadOptions read) {
        if (!read.queries().isEmpty()) {
            throw new ConfigException("--engine beam --query: expected files, found a database query; the Beam "
                    + "engine reads files: use --engine local");
        }
        return new ReadSettings(read);
    }

    /** {@return the options again} */
    ReadOptions options() {
        CsvOptions csv = new CsvOptions(
                delimiter, quote, badRecords, batchSize, Map.copyOf(columnTypes), java.util.Set.copyOf(privateColumns));
        return new ReadOptions(format, csv, List.copyOf(columns), avroReaderSchema, List.of());
    }
}
