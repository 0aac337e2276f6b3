package dev.veracity.monitoring;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.ValueText;
import dev.veracity.io.DataFormat;
import dev.veracity.io.table.Table;
import dev.veracity.io.table.TableOptions;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads labeled predictions from data files (through the table API) in one pass: each labeled row (label, score or
 * prediction, time, slice, and its place for messages) goes to a {@link SpanSpill} under its span; rows without a
 * label are counted per span and slice; the distinct labels and outputs are kept (up to {@link #MAX_DISTINCT}) to
 * choose the task and the classes. A labeled row without a score or prediction, a score that is not a number in
 * [0, 1], or a time that is missing or unparsable is an error naming the row; so are, with class probabilities, a
 * probability outside [0, 1], probabilities that do not sum to 1 (numpy's {@code allclose}, as scikit-learn's
 * {@code roc_auc_score} checks) and a label or prediction without a probability column. Memory: spans x slices, not
 * rows.
 */
final class PredictionReader {
    /** The distinct labels (and outputs) kept; more than this many classes is an error. */
    static final int MAX_DISTINCT = 10_000;

    /** What one pass over the files left: the spilled rows, counts, and the distinct values. */
    static final class Rows implements Closeable {
        final SpanSpill spill;
        final List<Path> files = new ArrayList<>();
        final List<DataFormat> formats = new ArrayList<>();
        /** Per span and slice ({@code span + "\0" + slice}), the rows without a label. */
        final Map<String, Long> unlabeled = new LinkedHashMap<>();

        long unlabeledRows;
        final TreeSet<String> labels = new TreeSet<>();
        final TreeSet<String> outputs = new TreeSet<>();
        boolean nonNumericLabel;
        boolean tooMany;

        Rows() throws IOException {
            spill = new SpanSpill();
        }

        long labeled() {
            return spill.rows();
        }

        /** {@return the row's place: {@code file:line} for CSV (after the header) and JSON Lines, else record N} */
        String place(int file, long row) {
            return PredictionReader.place(files.get(file), formats.get(file), row);
        }

        @Override
        public void close() throws IOException {
            spill.close();
        }
    }

    private PredictionReader() {}

    /** {@return the rows of the files; a baseline file is read without spans} */
    static Rows read(List<Path> files, PerformanceOptions options, TableOptions tableOptions, boolean withTime)
            throws IOException {
        Rows rows = new Rows();
        try {
            for (Path file : files) {
                try (Table table = Table.open(file, tableOptions)) {
                    rows.files.add(table.file());
                    rows.formats.add(table.format());
                    read(table, rows.files.size() - 1, options, withTime, rows);
                }
            }
        } catch (IOException | RuntimeException e) {
            rows.close();
            throw e;
        }
        return rows;
    }

    private static void read(Table table, int fileIndex, PerformanceOptions options, boolean withTime, Rows rows)
            throws IOException {
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
        boolean keepOutputs = !scored && (options.detectTask() || options.task() == Task.CLASSIFICATION);
        List<String> probabilityColumns =
                new ArrayList<>(options.probabilities().values());
        int[] probability = new int[probabilityColumns.size()];
        for (int j = 0; j < probability.length; j++) {
            probability[j] = table.require(probabilityColumns.get(j), "--probabilities", ErrorCode.INVALID_OPTION);
        }
        double[] probabilities = new double[probability.length];
        long row = 0;
        for (Optional<RecordBatch> b = table.next(); b.isPresent(); b = table.next()) {
            List<Column> columns = b.get().columns();
            for (int r = 0; r < b.get().rowCount(); r++, row++) {
                String spanName = "all";
                LocalDateTime at = LocalDateTime.MIN;
                if (time >= 0) {
                    String text = ValueText.first(columns.get(time), r);
                    Optional<LocalDateTime> parsed = TimeValues.parse(text);
                    if (parsed.isEmpty()) {
                        throw invalid(
                                place(table.file(), table.format(), row),
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
                    rows.unlabeledRows++;
                    rows.unlabeled.merge(spanName + "\u0000" + PerformanceEvaluator.ALL, 1L, Long::sum);
                    if (!sliceName.isEmpty()) {
                        rows.unlabeled.merge(spanName + "\u0000" + sliceName, 1L, Long::sum);
                    }
                    continue;
                }
                String outputText = ValueText.first(columns.get(output), r);
                if (outputText.isEmpty()) {
                    throw invalid(
                            place(table.file(), table.format(), row),
                            outputName,
                            scored ? "a score in [0, 1]" : "a prediction",
                            "nothing");
                }
                if (scored) {
                    double score = number(outputText);
                    if (!(score >= 0 && score <= 1)) {
                        throw invalid(
                                place(table.file(), table.format(), row),
                                outputName,
                                "a score in [0, 1] (a probability)",
                                outputText);
                    }
                }
                if (probability.length > 0) {
                    String place = place(table.file(), table.format(), row);
                    readProbabilities(columns, r, probability, probabilityColumns, place, probabilities);
                    requireClass(options, place, options.label(), labelText);
                    requireClass(options, place, options.prediction(), outputText);
                }
                rows.nonNumericLabel |= Double.isNaN(number(labelText));
                keep(rows, rows.labels, labelText);
                if (keepOutputs) {
                    keep(rows, rows.outputs, outputText);
                }
                rows.spill.add(spanName, labelText, outputText, probabilities, at, sliceName, fileIndex, row);
            }
        }
    }

    /** Reads a row's class probabilities into {@code into}: each in [0, 1], their sum 1 as numpy's allclose has it. */
    private static void readProbabilities(
            List<Column> columns, int r, int[] probability, List<String> names, String place, double[] into) {
        double sum = 0;
        for (int j = 0; j < probability.length; j++) {
            String text = ValueText.first(columns.get(probability[j]), r);
            double value = number(text);
            if (!(value >= 0 && value <= 1)) {
                throw invalid(place, names.get(j), "a probability in [0, 1]", text.isEmpty() ? "nothing" : text);
            }
            into[j] = value;
            sum += value;
        }
        if (!(Math.abs(1 - sum) <= 1e-8 + 1e-5 * Math.abs(sum))) {
            throw invalid(
                    place,
                    String.join(", ", names),
                    "class probabilities summing to 1 (as roc_auc_score requires)",
                    "a sum of " + sum);
        }
    }

    /** Checks that a label or prediction has a probability column. */
    private static void requireClass(PerformanceOptions options, String place, String column, String value) {
        if (!options.probabilities().containsKey(value)) {
            throw invalid(
                    place,
                    column,
                    "one of the classes with a probability column "
                            + options.probabilities().keySet(),
                    value);
        }
    }

    private static void keep(Rows rows, TreeSet<String> values, String value) {
        if (values.size() < MAX_DISTINCT || values.contains(value)) {
            values.add(value);
        } else {
            rows.tooMany = true;
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
    static String place(Path file, DataFormat format, long row) {
        if (format == DataFormat.CSV) {
            return file + ":" + (row + 2);
        }
        if (format == DataFormat.JSONL) {
            return file + ":" + (row + 1);
        }
        return file + ": record " + (row + 1);
    }

    static InputException invalid(String place, String column, String expected, String found) {
        return new InputException(
                ErrorCode.PREDICTION_VALUE_INVALID,
                place + ": column " + column + ": expected " + expected + ", found " + found);
    }
}
