package dev.veracity.data;

/**
 * A column of 64-bit floating-point numbers (TFDV stores float32; we keep the precision the source has).
 *
 * @param name       the feature name
 * @param rowCount   the number of rows
 * @param present    per row, whether it is present
 * @param rowOffsets per row, the start of its values; length {@code rowCount + 1}
 * @param values     the values of all rows, back to back; NaN and infinities allowed
 */
public record FloatColumn(String name, int rowCount, boolean[] present, int[] rowOffsets, double[] values)
        implements Column {
    public FloatColumn {
        Column.checkShape(name, rowCount, present, rowOffsets, values.length);
    }

    @Override
    public FeatureType type() {
        return FeatureType.FLOAT;
    }
}
