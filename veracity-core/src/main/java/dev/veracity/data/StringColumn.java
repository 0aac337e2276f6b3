package dev.veracity.data;

/**
 * A column of byte strings, kept as the raw bytes of the source (usually UTF-8, but not checked here: statistics
 * count invalid UTF-8 as TFDV does).
 *
 * @param name         the feature name
 * @param rowCount     the number of rows
 * @param present      per row, whether it is present
 * @param rowOffsets   per row, the index of its first value; length {@code rowCount + 1}
 * @param valueOffsets per value, the start of its bytes in {@code bytes}; length {@code valueCount() + 1}
 * @param bytes        the bytes of all values, back to back
 * @param dictionary   the values' dictionary entries when they all came from one (see {@link DictionaryCodes}), or
 *                     null
 */
public record StringColumn(
        String name,
        int rowCount,
        boolean[] present,
        int[] rowOffsets,
        int[] valueOffsets,
        byte[] bytes,
        DictionaryCodes dictionary)
        implements Column {
    public StringColumn {
        Column.checkShape(name, rowCount, present, rowOffsets, valueOffsets.length - 1);
        if (valueOffsets[rowOffsets[rowCount]] > bytes.length) {
            throw new IllegalArgumentException("column " + name + ": value offsets beyond the bytes");
        }
        if (dictionary != null && dictionary.codes().length < rowOffsets[rowCount]) {
            throw new IllegalArgumentException("column " + name + ": fewer dictionary codes than values");
        }
    }

    /** A column without a dictionary. */
    public StringColumn(
            String name, int rowCount, boolean[] present, int[] rowOffsets, int[] valueOffsets, byte[] bytes) {
        this(name, rowCount, present, rowOffsets, valueOffsets, bytes, null);
    }

    @Override
    public FeatureType type() {
        return FeatureType.STRING;
    }
}
