package dev.veracity.data;

/**
 * A column of 64-bit integers.
 *
 * @param name       the feature name
 * @param rowCount   the number of rows
 * @param present    per row, whether it is present
 * @param rowOffsets per row, the start of its values; length {@code rowCount + 1}
 * @param values     the values of all rows, back to back
 */
public record IntColumn(String name, int rowCount, boolean[] present, int[] rowOffsets, long[] values)
        implements Column {
    public IntColumn {
        Column.checkShape(name, rowCount, present, rowOffsets, values.length);
    }

    @Override
    public FeatureType type() {
        return FeatureType.INT;
    }
}
