package dev.veracity.labeling.propagate;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.Column;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.ValueText;
import dev.veracity.io.DataFormat;
import dev.veracity.io.table.Table;
import dev.veracity.io.table.TableOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows of the data files held in memory: their batches (to write them back), their label texts and their
 * features, numeric ones as doubles and categorical ones as text. Every file must have the first file's columns.
 */
final class LabeledRows {
    final List<String> names;
    final List<RecordBatch> batches = new ArrayList<>();
    final List<String> labels = new ArrayList<>();
    final List<String> numeric;
    final List<String> categorical;
    double[] numbers = new double[1024]; // row-major, numeric.size() per row
    final List<String[]> categories = new ArrayList<>();
    int rows;

    private LabeledRows(List<String> names, List<String> numeric, List<String> categorical) {
        this.names = List.copyOf(names);
        this.numeric = List.copyOf(numeric);
        this.categorical = List.copyOf(categorical);
    }

    /**
     * {@return every row of the files}
     *
     * @throws InputException INVALID_OPTION if a column is missing or a file's columns differ from the first's;
     *                        FEATURE_TYPE_CONFLICT naming file, line and column for a numeric feature that is not a single
     *                        number
     */
    static LabeledRows read(List<Path> files, TableOptions options, PropagationRequest request) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files");
        }
        LabeledRows rows = null;
        for (Path file : files) {
            try (Table table = Table.open(file, options)) {
                if (rows == null) {
                    rows = start(table, request);
                } else if (!table.names().equals(rows.names)) {
                    throw new InputException(
                            ErrorCode.INVALID_OPTION,
                            file + ": expected the columns of " + files.get(0) + " " + rows.names + ", found "
                                    + table.names());
                }
                rows.add(table, request.label());
            }
        }
        return rows;
    }

    private static LabeledRows start(Table table, PropagationRequest request) {
        table.require(request.label(), "--label", ErrorCode.INVALID_OPTION);
        List<String> numeric = new ArrayList<>(request.numeric());
        List<String> categorical = new ArrayList<>(request.categorical());
        if (numeric.isEmpty() && categorical.isEmpty()) {
            for (int c = 0; c < table.names().size(); c++) {
                String name = table.names().get(c);
                if (!name.equals(request.label())) {
                    (table.types().get(c) == FeatureType.STRING ? categorical : numeric).add(name);
                }
            }
        }
        for (String name : numeric) {
            table.require(name, "--features", ErrorCode.INVALID_OPTION);
        }
        for (String name : categorical) {
            table.require(name, "--categorical", ErrorCode.INVALID_OPTION);
            if (numeric.contains(name)) {
                throw new InputException(
                        ErrorCode.INVALID_OPTION,
                        "--categorical: expected features not in --features, found " + name + " in both");
            }
        }
        if (numeric.contains(request.label()) || categorical.contains(request.label())) {
            throw new InputException(
                    ErrorCode.INVALID_OPTION,
                    "--features: expected features other than the label, found the label " + request.label());
        }
        if (numeric.isEmpty() && categorical.isEmpty()) {
            throw new InputException(
                    ErrorCode.INVALID_OPTION,
                    table.file() + ": expected a feature column besides the label " + request.label() + ", found only "
                            + table.names());
        }
        return new LabeledRows(table.names(), numeric, categorical);
    }

    private void add(Table table, String label) throws IOException {
        int labelColumn = table.indexOf(label);
        int[] numericColumns = numeric.stream().mapToInt(table::indexOf).toArray();
        int[] categoricalColumns = categorical.stream().mapToInt(table::indexOf).toArray();
        long fileRow = 0;
        for (Optional<RecordBatch> next = table.next(); next.isPresent(); next = table.next()) {
            RecordBatch batch = next.get();
            batches.add(batch);
            List<Column> columns = batch.columns();
            for (int r = 0; r < batch.rowCount(); r++, fileRow++) {
                labels.add(ValueText.first(columns.get(labelColumn), r));
                if ((rows + 1) * numericColumns.length > numbers.length) {
                    numbers = java.util.Arrays.copyOf(
                            numbers, Math.max(numbers.length * 2, (rows + 1) * numericColumns.length));
                }
                for (int f = 0; f < numericColumns.length; f++) {
                    numbers[rows * numericColumns.length + f] =
                            number(table, columns.get(numericColumns[f]), r, fileRow);
                }
                String[] values = new String[categoricalColumns.length];
                for (int f = 0; f < categoricalColumns.length; f++) {
                    values[f] = ValueText.first(columns.get(categoricalColumns[f]), r);
                }
                categories.add(values);
                rows++;
            }
        }
    }

    private static double number(Table table, Column column, int r, long fileRow) {
        int count = ValueText.count(column, r);
        String text = count == 1 ? ValueText.first(column, r) : count == 0 ? "an empty value" : count + " values";
        if (count == 1) {
            if (column.type() != FeatureType.STRING) {
                return Double.parseDouble(text);
            }
            try {
                double value = Double.parseDouble(text.strip());
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            text = "'" + text + "'";
        }
        throw new InputException(
                ErrorCode.FEATURE_TYPE_CONFLICT,
                where(table, fileRow) + ":" + column.name() + ": expected a number (numeric feature; list it in "
                        + "--categorical if it is not), found " + text);
    }

    /** {@return "file:line" for CSV and JSON Lines, "file: record N" for other formats} */
    static String where(Table table, long fileRow) {
        if (table.format() == DataFormat.CSV) {
            return table.file() + ":" + (fileRow + 2);
        }
        if (table.format() == DataFormat.JSONL) {
            return table.file() + ":" + (fileRow + 1);
        }
        return table.file() + ": record " + (fileRow + 1);
    }
}
