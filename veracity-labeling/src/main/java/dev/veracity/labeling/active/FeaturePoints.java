package dev.veracity.labeling.active;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.ValueText;
import dev.veracity.io.table.Table;
import dev.veracity.io.table.TableOptions;
import dev.veracity.labeling.propagate.FeatureMatrix;
import dev.veracity.labeling.propagate.Scaling;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Items as points for the diversity strategies: numeric features of a data file, standardized over all its rows (as
 * {@code label propagate --scale standard} does), by item id.
 *
 * <pre>{@code
 * FeaturePoints points = FeaturePoints.read(Path.of("pool.csv"), "id", List.of("x", "y"), TableOptions.DEFAULT);
 * }</pre>
 *
 * @param ids       the data file's ids, in file order
 * @param dimension the number of features
 * @param values    row-major, {@code dimension} per id
 */
public record FeaturePoints(List<String> ids, int dimension, double[] values) {
    public FeaturePoints {
        ids = List.copyOf(ids);
        if (dimension < 1 || values.length != ids.size() * dimension) {
            throw new IllegalArgumentException("expected ids * " + dimension + " values, found " + values.length);
        }
    }

    /** {@return the index of each id} */
    Map<String, Integer> index() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        return index;
    }

    private static String where(Table table, long row) {
        return switch (table.format()) {
            case CSV -> table.file() + ":" + (row + 2);
            case JSONL -> table.file() + ":" + (row + 1);
            case PARQUET, AVRO, TFRECORD -> table.file() + ": record " + (row + 1);
        };
    }

    /**
     * {@return the points of a data file}
     *
     * @throws InputException INVALID_OPTION for a missing column; LABEL_EVENT_INVALID naming file and line for a
     *                        repeated id; FEATURE_TYPE_CONFLICT for a value that is not a number
     */
    public static FeaturePoints read(Path file, String idColumn, List<String> features, TableOptions options)
            throws IOException {
        if (features.isEmpty()) {
            throw new InputException(ErrorCode.INVALID_OPTION, "--features: expected at least one feature, found none");
        }
        List<String> ids = new ArrayList<>();
        double[] numbers = new double[1024];
        Map<String, Long> seen = new HashMap<>();
        try (Table table = Table.open(file, options.withCsvAsText(true))) {
            int id = table.require(idColumn, "--id", ErrorCode.INVALID_OPTION);
            int[] columns = new int[features.size()];
            for (int f = 0; f < columns.length; f++) {
                columns[f] = table.require(features.get(f), "--features", ErrorCode.INVALID_OPTION);
            }
            long row = 0;
            for (Optional<RecordBatch> b = table.next(); b.isPresent(); b = table.next()) {
                RecordBatch batch = b.get();
                for (int r = 0; r < batch.rowCount(); r++, row++) {
                    String itemId = ValueText.first(batch.columns().get(id), r);
                    if (seen.putIfAbsent(itemId, row) != null) {
                        throw new InputException(
                                ErrorCode.LABEL_EVENT_INVALID,
                                where(table, row) + ": expected unique ids, found " + itemId + " again");
                    }
                    if ((ids.size() + 1) * columns.length > numbers.length) {
                        numbers = java.util.Arrays.copyOf(numbers, numbers.length * 2 + columns.length);
                    }
                    for (int f = 0; f < columns.length; f++) {
                        String text = ValueText.first(batch.columns().get(columns[f]), r);
                        double value;
                        try {
                            value = Double.parseDouble(text.strip());
                        } catch (NumberFormatException e) {
                            value = Double.NaN;
                        }
                        if (!Double.isFinite(value)) {
                            throw new InputException(
                                    ErrorCode.FEATURE_TYPE_CONFLICT,
                                    where(table, row) + ":" + features.get(f) + ": expected a number, found '" + text
                                            + "'");
                        }
                        numbers[ids.size() * columns.length + f] = value;
                    }
                    ids.add(itemId);
                }
            }
        }
        List<String[]> none = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            none.add(new String[0]);
        }
        double[] scaled = FeatureMatrix.encode(
                java.util.Arrays.copyOf(numbers, ids.size() * features.size()),
                features.size(),
                none,
                ids.size(),
                Scaling.STANDARD);
        return new FeaturePoints(ids, features.size(), scaled);
    }
}
