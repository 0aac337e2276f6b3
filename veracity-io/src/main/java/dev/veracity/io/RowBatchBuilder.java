package dev.veracity.io;

import dev.veracity.data.Column;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link RecordBatch} row by row from records that name their features (tf.Example, Avro, a database row):
 * a feature a row lacks is missing in it, a feature first seen in a later row is missing in the rows before. Columns
 * keep the order in which their features were first seen. Not thread-safe; one per reader.
 *
 * <pre>{@code
 * RowBatchBuilder rows = new RowBatchBuilder();
 * ColumnBuilder age = rows.column("age", FeatureType.INT); age.appendInt(42);
 * rows.endRow(); RecordBatch batch = rows.build();
 * }</pre>
 */
public final class RowBatchBuilder {
    private final Map<String, ColumnBuilder> columns = new LinkedHashMap<>();
    private int rows;

    /**
     * {@return the builder of a feature's column in the current row, created (missing in earlier rows) if new}; the
     * caller appends exactly one row to it (a value, a list, or missing) before {@link #endRow()}
     *
     * @throws IllegalStateException if the feature already has a column of another type (check types first with
     *                               {@link FeatureTypes})
     */
    public ColumnBuilder column(String feature, FeatureType type) {
        ColumnBuilder builder = columns.get(feature);
        if (builder == null) {
            builder = ColumnBuilder.of(feature, type);
            for (int r = 0; r < rows; r++) {
                builder.appendMissing();
            }
            columns.put(feature, builder);
        } else if (builder.type() != type) {
            throw new IllegalStateException("feature " + feature + " is " + builder.type() + ", not " + type);
        }
        return builder;
    }

    /** {@return whether the feature already has a column of another type in this batch} */
    public boolean conflicts(String feature, FeatureType type) {
        ColumnBuilder builder = columns.get(feature);
        return builder != null && builder.type() != type;
    }

    /** Ends the current row: features it did not set are missing. */
    public void endRow() {
        rows++;
        for (ColumnBuilder builder : columns.values()) {
            if (builder.rowCount() < rows) {
                builder.appendMissing();
            }
        }
    }

    /** {@return the number of rows ended since the last build} */
    public int rowCount() {
        return rows;
    }

    /** {@return the rows so far as a batch}, and starts a new one with the same columns (missing until set) */
    public RecordBatch build() {
        List<Column> built = new ArrayList<>(columns.size());
        for (ColumnBuilder builder : columns.values()) {
            built.add(builder.build());
            builder.reset();
        }
        RecordBatch batch = new RecordBatch(rows, built);
        rows = 0;
        return batch;
    }

    /** {@return whether no feature has been seen yet} */
    public boolean hasNoColumns() {
        return columns.isEmpty();
    }

    /** Creates a column without setting it in the current row, so that even an empty dataset lists the feature. */
    public void declare(String feature, FeatureType type) {
        Objects.requireNonNull(feature, "feature is null");
        if (!columns.containsKey(feature)) {
            column(feature, type);
            columns.get(feature);
        }
    }
}
