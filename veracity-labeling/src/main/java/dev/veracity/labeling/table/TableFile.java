package dev.veracity.labeling.table;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.BatchSource;
import dev.veracity.io.Progress;
import dev.veracity.io.csv.CsvOptions;
import dev.veracity.io.csv.CsvReader;
import dev.veracity.io.jsonl.JsonLinesOptions;
import dev.veracity.io.jsonl.JsonLinesReader;
import dev.veracity.io.jsonl.JsonLinesStatistics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One open table file: CSV (header row) or JSON Lines by file name, uncompressed, read as record batches by
 * veracity-io's readers, with its column names.
 *
 * <pre>{@code
 * try (TableFile table = TableFile.open(path, CsvOptions.DEFAULT, JsonLinesOptions.DEFAULT)) {
 *     int item = table.require("item", "the item id"); ...
 * }
 * }</pre>
 *
 * @param file    the file
 * @param source  its batches
 * @param columns its column names
 */
public record TableFile(Path file, BatchSource source, List<String> columns) implements AutoCloseable {
    /** @throws InputException UNSUPPORTED_FILE_FORMAT for gzip; the readers' errors for a missing or bad file */
    public static TableFile open(Path file, CsvOptions csv, JsonLinesOptions json) throws IOException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            throw new InputException(ErrorCode.UNSUPPORTED_FILE_FORMAT, file + ": expected a plain CSV or JSON Lines "
                    + "file, found gzip (decompress it first, e.g. gunzip -k)");
        }
        if (JsonLinesStatistics.isJsonLines(file)) {
            JsonLinesReader reader = JsonLinesReader.open(file, json, Progress.NONE);
            return new TableFile(file, reader, reader.featureNames());
        }
        CsvReader reader = CsvReader.open(file, csv, Progress.NONE);
        return new TableFile(file, reader, reader.columnNames());
    }

    /**
     * {@return the index of column {@code name}}
     *
     * @param option what the column is for, for the message, e.g. "the outcome time"
     * @throws InputException LABEL_EVENT_INVALID if the file has no such column
     */
    public int require(String name, String option) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new InputException(ErrorCode.LABEL_EVENT_INVALID, file + ": expected a column " + name + " ("
                    + option + "), found only " + columns);
        }
        return index;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
