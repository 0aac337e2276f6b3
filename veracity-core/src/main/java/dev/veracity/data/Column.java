package dev.veracity.data;

/**
 * One feature's values for the rows of a {@link RecordBatch}, stored column-wise.
 *
 * <p>Each row is either missing or present with a list of zero or more values. The values of row {@code r} are
 * {@code values[rowOffsets[r] .. rowOffsets[r + 1])}; a missing row has an empty range. A CSV cell is missing or
 * one value; JSON arrays give lists of any length (an explicitly empty list is present, not missing, as in TFDV).
 */
public sealed interface Column permits IntColumn, FloatColumn, StringColumn {
    /** {@return the feature name} */
    String name();

    /** {@return the number of rows} */
    int rowCount();

    /** {@return per row, whether it is present; length at least {@link #rowCount()}} */
    boolean[] present();

    /** {@return value-range offsets per row: length {@code rowCount() + 1}, non-decreasing, starting at 0} */
    int[] rowOffsets();

    /** {@return the value type} */
    FeatureType type();

    /** {@return the total number of values in the column} */
    default int valueCount() {
        return rowOffsets()[rowCount()];
    }

    /** Checks the shared invariants; called by the compact constructors. */
    static void checkShape(String name, int rowCount, boolean[] present, int[] rowOffsets, int valueCapacity) {
        java.util.Objects.requireNonNull(name, "name is null");
        java.util.Objects.requireNonNull(present, "present is null");
        java.util.Objects.requireNonNull(rowOffsets, "rowOffsets is null");
        if (rowCount < 0 || present.length < rowCount || rowOffsets.length < rowCount + 1) {
            throw new IllegalArgumentException("column " + name + ": arrays shorter than rowCount " + rowCount);
        }
        if (rowOffsets[0] != 0 || rowOffsets[rowCount] > valueCapacity) {
            throw new IllegalArgumentException("column " + name + ": offsets out of range");
        }
    }
}
