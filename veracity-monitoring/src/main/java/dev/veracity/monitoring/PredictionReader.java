package dev.veracity.monitoring;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.ValueText;
import dev.veracity.io.DataFormat;
import dev.veracity.io.table.Table;
import dev.veracity.io.table.TableOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads labeled predictions from data files (through the table API) into text columns: the label, the score or
 * prediction, the span of each row, its slice and its place ({@code file:line}) for messages. A row without a label
 * is counted and kept out; a labeled row without a score or prediction, a score that is not a number in [0, 1], or a
 * time that is missing or unparsable is an error naming the row.
 */
final class PredictionReader {
    /** The rows read: per labeled row its values, and the count of all rows per span and slice. */
    static final class Rows {
        final List<String> label = new ArrayList<>();
        final List<String> output = new ArrayList<>();
        final List<String> span = new ArrayList<>();
        final List<LocalDateTime> time = new ArrayList<>();
        final List<String> slice = new ArrayList<>();
        final List<String> place = new ArrayList<>();
        /** Per unlabeled row: its span and slice (for the label rate). */
        final List<String> unlabeledSpan = new ArrayList<>();

        final List<String> unlabeledSlice = new ArrayList<>();
    }

    private PredictionReader() {}

    /** {@return the rows of the files; a baseline file is read without spans} */
    static Rows read(List<Path> files, PerformanceOptions options, TableOptions tableOptions, boolean withTime)
            throws IOException {
        Rows rows = new Rows();
        for (Path file : files) {
            try (Table table = Table.open(file, tableOptions)) {
                read(table, options, withTime, rows);
            }
        }
        return rows;
    }

    private static void read(Table table, PerformanceOptions options, boolean withTime, Rows rows) throws IOException {
        int label = table.require(options.label(), "--label", ErrorCode.INVALID_OPTION);
        boolean scored = !options.score().isEmpty();
        String outputName = scored ? options.score() : options.prediction();
        int output = table.require(outputName, scored ? "--score" : "--prediction", ErrorCode.INVALID_OPTION);
        int time = withTime && !options.time().isEmpty()
                ? table.require(options.time(), "--time", ErrorCode.INVALID_OPTION)
                : -1;
        int slice = options.sliceBy().isEmpty()
                ? -1
                : table.require(options.sliceBy(), "--slice-by", ErrorCode.INVALID_OPTION);
        long row = 0;
        for (Optional<RecordBatch> b = table.next(); b.isPresent(); b = table.next()) {
            List<Column> columns = b.get().columns();
            for (int r = 0; r < b.get().rowCount(); r++, row++) {
                String place = place(table, row);
                String spanName = "all";
                LocalDateTime at = LocalDateTime.MIN;
                if (time >= 0) {
                    String text = ValueText.first(columns.get(time), r);
                    Optional<LocalDateTime> parsed = TimeValues.parse(text);
                    if (parsed.isEmpty()) {
                        throw invalid(
                                place,
                                options.time(),
                                "an ISO-8601 date-time, a date or epoch seconds",
                                text.isEmpty() ? "nothing" : text);
                    }
                    at = parsed.get();
                    spanName = options.span().of(at);
                }
                String sliceName = slice < 0 ? "" : options.sliceBy() + "=" + ValueText.first(columns.get(slice), r);
                String labelText = ValueText.first(columns.get(label), r);
                if (labelText.isEmpty()) {
                    rows.unlabeledSpan.add(spanName);
                    rows.unlabeledSlice.add(sliceName);
                    continue;
                }
                String outputText = ValueText.first(columns.get(output), r);
                if (outputText.isEmpty()) {
                    throw invalid(place, outputName, scored ? "a score in [0, 1]" : "a prediction", "nothing");
                }
                if (scored) {
                    double score = number(outputText);
                    if (!(score >= 0 && score <= 1)) {
                        throw invalid(place, outputName, "a score in [0, 1] (a probability)", outputText);
                    }
                }
                rows.label.add(labelText);
                rows.output.add(outputText);
                rows.span.add(spanName);
                rows.time.add(at);
                rows.slice.add(sliceName);
                rows.place.add(place);
            }
        }
    }

    /** {@return the text as a number, or NaN} */
    static double number(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** {@return the row's place: {@code file:line} for CSV (after the header) and JSON Lines, else record N} */
    static String place(Table table, long row) {
        if (table.format() == DataFormat.CSV) {
            return table.file() + ":" + (row + 2);
        }
        if (table.format() == DataFormat.JSONL) {
            return table.file() + ":" + (row + 1);
        }
        return table.file() + ": record " + (row + 1);
    }

    static InputException invalid(String place, String column, String expected, String found) {
        return new InputException(
                ErrorCode.PREDICTION_VALUE_INVALID,
                place + ": column " + column + ": expected " + expected + ", found " + found);
    }
}
