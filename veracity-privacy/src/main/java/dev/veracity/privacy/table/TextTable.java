package dev.veracity.privacy.table;

import dev.veracity.ConfigException;
import dev.veracity.data.BatchSource;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.csv.CsvOptions;
import dev.veracity.io.csv.CsvReader;
import dev.veracity.io.jsonl.JsonLinesOptions;
import dev.veracity.io.jsonl.JsonLinesReader;
import dev.veracity.io.jsonl.JsonLinesStatistics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A plain CSV or JSON Lines file opened for one pass with the veracity-io readers, keeping values as written: every
 * CSV column is read as STRING (a zip code {@code 02139} keeps its zero, a card number is not a number), so the file
 * is read once; JSON Lines values keep their JSON types.
 *
 * <pre>{@code
 * try (TextTable table = TextTable.open(Path.of("customers.csv"), CsvOptions.DEFAULT)) {
 *     for (Optional<RecordBatch> b = table.next(); b.isPresent(); b = table.next()) { ... }
 * }
 * }</pre>
 */
public final class TextTable implements BatchSource {
    private final Path file;
    private final BatchSource source;
    private final List<String> names;
    private final List<FeatureType> types;
    private final boolean csv;

    private TextTable(Path file, BatchSource source, List<String> names, List<FeatureType> types, boolean csv) {
        this.file = file;
        this.source = source;
        this.names = List.copyOf(names);
        this.types = List.copyOf(types);
        this.csv = csv;
    }

    /**
     * Opens a CSV file (any name but {@code .jsonl}/{@code .ndjson}) or a JSON Lines file.
     *
     * @throws dev.veracity.InputException if the file is missing, gzip, or its header is malformed
     */
    public static TextTable open(Path file, CsvOptions csvOptions) throws IOException {
        Objects.requireNonNull(file, "file is null");
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            throw new ConfigException(file + ": expected a plain CSV or JSON Lines file, found gzip (decompress it "
                    + "first, e.g. gunzip -k)");
        }
        if (JsonLinesStatistics.isJsonLines(file)) {
            JsonLinesReader reader = JsonLinesReader.open(file, new JsonLinesOptions(csvOptions.badRecords(),
                    csvOptions.batchSize()));
            return new TextTable(file, reader, reader.featureNames(), reader.featureTypes(), false);
        }
        List<String> header = CsvReader.header(file, csvOptions);
        Map<String, FeatureType> strings = new HashMap<>();
        header.forEach(name -> strings.put(name, FeatureType.STRING));
        CsvReader reader = CsvReader.open(file, csvOptions.withColumnTypes(strings));
        return new TextTable(file, reader, reader.columnNames(), reader.columnTypes(), true);
    }

    /** {@return the file read} */
    public Path file() {
        return file;
    }

    /** {@return whether the file is CSV (else JSON Lines)} */
    public boolean isCsv() {
        return csv;
    }

    /** {@return the feature names, in file order} */
    public List<String> names() {
        return names;
    }

    /** {@return the feature types, in file order (all STRING for CSV)} */
    public List<FeatureType> types() {
        return types;
    }

    /** {@return the index of the named feature} @throws ConfigException naming the file and its features */
    public int indexOf(String name, String option) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new ConfigException(option + " " + name + ": expected a feature of " + file + ", found none of "
                    + "that name (features: " + String.join(", ", names) + ")");
        }
        return index;
    }

    @Override
    public Optional<RecordBatch> next() throws IOException {
        return source.next();
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
