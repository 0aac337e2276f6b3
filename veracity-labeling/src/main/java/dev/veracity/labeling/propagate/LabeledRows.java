package dev.veracity.labeling.propagate;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows of the data files held in memory: their batches (to write them back; CSV is read as text so values are
 * written back as they were), their label texts and their features, numeric ones as doubles and categorical ones as
 * text. Every file must have the first file's columns.
 */
final class LabeledRows {
    final List<String> names;
    final List<RecordBatch> batches = new ArrayList<>();
    final List<String> labels = new ArrayList<>();
    final List<String> numeric = new ArrayList<>();
    final List<String> categorical = new ArrayList<>();
    double[] numbers;
    final List<String[]> categories = new ArrayList<>();
    int rows;
    private final List<Table> origins = new ArrayList<>(); // per batch, the table it came from (closed)
    private final List<Long> firstRows = new ArrayList<>(); // per batch, its first row in its file

    private LabeledRows(List<String> names) {
        this.names = List.copyOf(names);
    }

    /**
     * {@return every row of the files}
     *
     * @throws InputException INVALID_OPTION if a column is missing or a file's columns differ from the first's;
     *                        FEATURE_TYPE_CONFLICT naming file, line and column for a numeric feature that is not a
     *                        single number
     */
    static LabeledRows read(List<Path> files, TableOptions options, PropagationRequest request) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files");
        }
        LabeledRows rows = null;
        for (Path file : files) {
            try (Table table = Table.open(file, options.withCsvAsText(true))) {
                if (rows == null) {
                    rows = new LabeledRows(table.names());
                    table.require(request.label(), "--label", ErrorCode.INVALID_OPTION);
                    for (String name : request.numeric()) {
                        table.require(name, "--features", ErrorCode.INVALID_OPTION);
                    }
                    for (String name : request.categorical()) {
                        table.require(name, "--categorical", ErrorCode.INVALID_OPTION);
                    }
                } else if (!table.names().equals(rows.names)) {
                    throw new InputException(
                            ErrorCode.INVALID_OPTION,
                            file + ": expected the columns of " + files.get(0) + " " + rows.names + ", found "
                                    + table.names());
                }
                rows.add(table, request.label());
            }
        }
        rows.choose(request);
        rows.extract();
        return rows;
    }

    private void add(Table table, String label) throws IOException {
        int labelColumn = table.indexOf(label);
        long fileRow = 0;
        for (Optional<RecordBatch> next = table.next(); next.isPresent(); next = table.next()) {
            RecordBatch batch = next.get();
            batches.add(batch);
            origins.add(table);
            firstRows.add(fileRow);
            for (int r = 0; r < batch.rowCount(); r++) {
                labels.add(ValueText.first(batch.columns().get(labelColumn), r).strip());
            }
            fileRow += batch.rowCount();
            rows += batch.rowCount();
        }
    }

    /** Picks the features: the request's, or every column but the label, numeric if all its values are numbers. */
    private void choose(PropagationRequest request) {
        String label = request.label();
        if (request.numeric().isEmpty() && request.categorical().isEmpty()) {
            for (int c = 0; c < names.size(); c++) {
                if (!names.get(c).equals(label)) {
                    (isNumeric(c) ? numeric : categorical).add(names.get(c));
                }
            }
        } else {
            numeric.addAll(request.numeric());
            categorical.addAll(request.categorical());
        }
        for (String name : categorical) {
            if (numeric.contains(name)) {
                throw new InputException(
                        ErrorCode.INVALID_OPTION,
                        "--categorical: expected features not in --features, found " + name + " in both");
            }
        }
        if (numeric.contains(label) || categorical.contains(label)) {
            throw new InputException(
                    ErrorCode.INVALID_OPTION, "--features: expected features other than the label, found " + label);
        }
        if (numeric.isEmpty() && categorical.isEmpty()) {
            throw new InputException(
                    ErrorCode.INVALID_OPTION,
                    "--features: expected a feature column besides the label " + label + ", found only " + names);
        }
    }

    private boolean isNumeric(int c) {
        for (RecordBatch batch : batches) {
            Column column = batch.columns().get(c);
            for (int r = 0; r < batch.rowCount(); r++) {
                if (ValueText.count(column, r) != 1 || Double.isNaN(parse(ValueText.first(column, r)))) {
                    return false;
                }
            }
        }
        return true;
    }

    private void extract() {
        int[] numericColumns = numeric.stream().mapToInt(names::indexOf).toArray();
        int[] categoricalColumns = categorical.stream().mapToInt(names::indexOf).toArray();
        numbers = new double[rows * numericColumns.length];
        int row = 0;
        for (int b = 0; b < batches.size(); b++) {
            RecordBatch batch = batches.get(b);
            for (int r = 0; r < batch.rowCount(); r++, row++) {
                for (int f = 0; f < numericColumns.length; f++) {
                    numbers[row * numericColumns.length + f] =
                            number(b, batch.columns().get(numericColumns[f]), r);
                }
                String[] values = new String[categoricalColumns.length];
                for (int f = 0; f < categoricalColumns.length; f++) {
                    values[f] = ValueText.first(batch.columns().get(categoricalColumns[f]), r);
                }
                categories.add(values);
            }
        }
    }

    private double number(int b, Column column, int r) {
        int count = ValueText.count(column, r);
        String found = count == 0 ? "an empty value" : count + " values";
        if (count == 1) {
            String text = ValueText.first(column, r);
            double value = parse(text);
            if (!Double.isNaN(value)) {
                return value;
            }
            found = "'" + text + "'";
        }
        throw new InputException(
                ErrorCode.FEATURE_TYPE_CONFLICT,
                where(origins.get(b), firstRows.get(b) + r) + ":" + column.name()
                        + ": expected a number (numeric feature; list it in --categorical if it is not), found "
                        + found);
    }

    /** {@return the finite number the text holds, or NaN} */
    private static double parse(String text) {
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
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
