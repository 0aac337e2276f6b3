package dev.veracity.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Appends rows to one column and builds it; reused across batches by {@link #reset()}.
 *
 * <pre>{@code
 * ColumnBuilder b = ColumnBuilder.of("pace", FeatureType.FLOAT);
 * b.appendFloat(5.2); b.appendMissing(); b.startList(); b.addFloat(1); b.addFloat(2); b.endList();
 * Column c = b.build();
 * }</pre>
 */
public final class ColumnBuilder {
    private final String name;
    private final FeatureType type;
    private int rows;
    private int values;
    private boolean[] present = new boolean[1024];
    private int[] rowOffsets = new int[1025];
    private long[] longs;
    private double[] doubles;
    private int[] valueOffsets;
    private byte[] bytes;
    private int byteCount;

    private ColumnBuilder(String name, FeatureType type) {
        this.name = Objects.requireNonNull(name, "name is null");
        this.type = Objects.requireNonNull(type, "type is null");
        switch (type) {
            case INT -> longs = new long[1024];
            case FLOAT -> doubles = new double[1024];
            case STRING -> {
                valueOffsets = new int[1025];
                bytes = new byte[16 * 1024];
            }
        }
    }

    /** {@return a builder for a column of this name and type} */
    public static ColumnBuilder of(String name, FeatureType type) {
        return new ColumnBuilder(name, type);
    }

    /** {@return the type of the column being built} */
    public FeatureType type() {
        return type;
    }

    /** {@return the number of rows appended since the last reset} */
    public int rowCount() {
        return rows;
    }

    /** {@return the number of values appended since the last reset} */
    public int valueCount() {
        return values;
    }

    /** Appends a missing row. */
    public void appendMissing() {
        ensureRow();
        present[rows] = false;
        rows++;
        rowOffsets[rows] = values;
    }

    /** Appends a present row with one integer. */
    public void appendInt(long value) {
        startList();
        addInt(value);
        endList();
    }

    /** Appends a present row with one floating-point number. */
    public void appendFloat(double value) {
        startList();
        addFloat(value);
        endList();
    }

    /** Appends a present row with one string, copied from {@code source[offset, offset + length)}. */
    public void appendString(byte[] source, int offset, int length) {
        startList();
        addString(source, offset, length);
        endList();
    }

    /** Starts a present row whose values follow through {@code add*} and end with {@link #endList()}. */
    public void startList() {
        ensureRow();
        present[rows] = true;
    }

    /** Adds an integer to the current row. */
    public void addInt(long value) {
        if (values == longs.length) {
            longs = Arrays.copyOf(longs, values * 2);
        }
        longs[values++] = value;
    }

    /** Adds a floating-point number to the current row. */
    public void addFloat(double value) {
        if (values == doubles.length) {
            doubles = Arrays.copyOf(doubles, values * 2);
        }
        doubles[values++] = value;
    }

    /** Adds a string, copied from {@code source[offset, offset + length)}, to the current row. */
    public void addString(byte[] source, int offset, int length) {
        if (values + 1 == valueOffsets.length) {
            valueOffsets = Arrays.copyOf(valueOffsets, valueOffsets.length * 2);
        }
        if (byteCount + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, byteCount + length));
        }
        System.arraycopy(source, offset, bytes, byteCount, length);
        byteCount += length;
        values++;
        valueOffsets[values] = byteCount;
    }

    /** Ends the current present row. */
    public void endList() {
        rows++;
        rowOffsets[rows] = values;
    }

    /** {@return a column of the rows appended so far; the builder must be {@link #reset()} before reuse} */
    public Column build() {
        boolean[] p = Arrays.copyOf(present, rows);
        int[] offsets = Arrays.copyOf(rowOffsets, rows + 1);
        return switch (type) {
            case INT -> new IntColumn(name, rows, p, offsets, Arrays.copyOf(longs, values));
            case FLOAT -> new FloatColumn(name, rows, p, offsets, Arrays.copyOf(doubles, values));
            case STRING ->
                new StringColumn(
                        name,
                        rows,
                        p,
                        offsets,
                        Arrays.copyOf(valueOffsets, values + 1),
                        Arrays.copyOf(bytes, byteCount));
        };
    }

    /** Forgets all rows, keeping the allocated capacity. */
    public void reset() {
        rows = 0;
        values = 0;
        byteCount = 0;
    }

    private void ensureRow() {
        if (rows == present.length) {
            present = Arrays.copyOf(present, rows * 2);
            rowOffsets = Arrays.copyOf(rowOffsets, rows * 2 + 1);
        }
    }
}
