package dev.veracity.monitoring;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.Column;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.ValueText;
import dev.veracity.io.table.Table;
import dev.veracity.io.table.TableOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One labeled dataset of a shift diagnosis, in memory: the label of each labeled row as text, and per feature its
 * values as numbers (NaN when missing) or as text ("" when missing). Rows without a label are left out.
 */
final class ShiftData {
    final Path file;
    final List<String> label = new ArrayList<>();
    final List<double[]> numbers = new ArrayList<>();
    final List<List<String>> texts = new ArrayList<>();
    final List<String> featureNames;
    final List<Boolean> numeric;

    private ShiftData(Path file, List<String> featureNames, List<Boolean> numeric) {
        this.file = file;
        this.featureNames = featureNames;
        this.numeric = numeric;
    }

    int rows() {
        return label.size();
    }

    /** {@return the feature columns of a table: the chosen ones, or every column but the label} */
    static List<String> features(Path file, TableOptions options, String labelName, List<String> chosen)
            throws IOException {
        try (Table table = Table.open(file, options)) {
            table.require(labelName, "--label", ErrorCode.INVALID_OPTION);
            if (!chosen.isEmpty()) {
                for (String name : chosen) {
                    table.require(name, "--features", ErrorCode.INVALID_OPTION);
                }
                return chosen;
            }
            List<String> names = new ArrayList<>(table.names());
            names.remove(labelName);
            return names;
        }
    }

    /** {@return whether each feature is numeric (INT or FLOAT) in the table} */
    static List<Boolean> numericTypes(Path file, TableOptions options, List<String> features) throws IOException {
        try (Table table = Table.open(file, options)) {
            List<Boolean> numeric = new ArrayList<>();
            for (String name : features) {
                FeatureType type = table.types().get(table.require(name, "--features", ErrorCode.INVALID_OPTION));
                numeric.add(type == FeatureType.INT || type == FeatureType.FLOAT);
            }
            return numeric;
        }
    }

    /** {@return the labeled rows of the file} */
    static ShiftData read(
            Path file, TableOptions options, String labelName, List<String> features, List<Boolean> numeric)
            throws IOException {
        ShiftData data = new ShiftData(file, features, numeric);
        List<List<Double>> numbers = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            numbers.add(new ArrayList<>());
            data.texts.add(new ArrayList<>());
        }
        try (Table table = Table.open(file, options)) {
            int label = table.require(labelName, "--label", ErrorCode.INVALID_OPTION);
            int[] index = new int[features.size()];
            for (int f = 0; f < features.size(); f++) {
                index[f] = table.require(features.get(f), "--features", ErrorCode.INVALID_OPTION);
            }
            for (Optional<RecordBatch> b = table.next(); b.isPresent(); b = table.next()) {
                List<Column> columns = b.get().columns();
                for (int r = 0; r < b.get().rowCount(); r++) {
                    String y = ValueText.first(columns.get(label), r);
                    if (y.isEmpty()) {
                        continue;
                    }
                    data.label.add(y);
                    for (int f = 0; f < features.size(); f++) {
                        String text = ValueText.first(columns.get(index[f]), r);
                        if (numeric.get(f)) {
                            numbers.get(f).add(text.isEmpty() ? Double.NaN : PredictionReader.number(text));
                        } else {
                            data.texts.get(f).add(text);
                        }
                    }
                }
            }
        }
        for (List<Double> column : numbers) {
            data.numbers.add(column.stream().mapToDouble(Double::doubleValue).toArray());
        }
        if (data.rows() == 0) {
            throw new InputException(
                    ErrorCode.PREDICTION_VALUE_INVALID,
                    file + ": expected rows with a label (" + labelName + "), found none");
        }
        return data;
    }
}
