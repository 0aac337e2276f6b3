package dev.veracity.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The list levels of one nested feature (TFDV's {@code list<list<...>>}), kept beside the column that holds the
 * feature's values: the column has every value of a row back to back, these levels say how they are grouped.
 *
 * <p>Level 0 entries are the rows (present as the column says). For {@code k < levels() - 1}, {@code offsets[k]}
 * gives each level-{@code k} entry its range of level-{@code k + 1} entries and {@code present[k]} says which
 * level-{@code k + 1} entries are present (not null); {@code offsets[levels() - 1]} gives each last-level entry its
 * range of values in the column. A {@code tf.SequenceExample} feature list has two levels: steps per example, values
 * per step.
 *
 * <pre>{@code
 * // one row with steps [1, 2] and null: offsets {0, 2}, {0, 2, 2}; present {true, false}
 * ListLevels x = new ListLevels("##SEQUENCE##.x", List.of("##SEQUENCE##", "x"), offsets, present);
 * }</pre>
 *
 * @param column  the name of the column holding the values
 * @param path    the feature's path, step by step (TFDV's {@code FeaturePath})
 * @param offsets per level, the ranges of the entries one level down (of the values at the last level)
 * @param present per level below the rows, whether each entry is present
 */
public record ListLevels(String column, List<String> path, int[][] offsets, boolean[][] present) {
    public ListLevels {
        Objects.requireNonNull(column, "column is null");
        path = List.copyOf(Objects.requireNonNull(path, "path is null"));
        Objects.requireNonNull(offsets, "offsets is null");
        Objects.requireNonNull(present, "present is null");
        if (path.isEmpty() || offsets.length == 0 || present.length != offsets.length - 1) {
            throw new IllegalArgumentException(
                    "column " + column + ": expected a path and one more offsets array than presence arrays");
        }
        for (int k = 0; k < offsets.length; k++) {
            int[] level = offsets[k];
            if (level.length == 0 || level[0] != 0) {
                throw new IllegalArgumentException("column " + column + ": offsets of level " + k + " start at 0");
            }
            if (k + 1 < offsets.length) {
                int entries = level[level.length - 1];
                if (offsets[k + 1].length != entries + 1 || present[k].length < entries) {
                    throw new IllegalArgumentException(
                            "column " + column + ": level " + (k + 1) + " has not " + entries + " entries");
                }
            }
        }
    }

    /** {@return the number of nesting levels (TFDV's nest level): 2 for {@code list<list<T>>}} */
    public int levels() {
        return offsets.length;
    }

    /** {@return the number of rows} */
    public int rowCount() {
        return offsets[0].length - 1;
    }

    /** {@return the number of entries at a level: the rows at level 0} */
    public int entries(int level) {
        return offsets[level].length - 1;
    }

    /** Checks that the levels group exactly the values of {@code column}, row by row. */
    void checkAgainst(Column values) {
        if (rowCount() != values.rowCount()) {
            throw new IllegalArgumentException(
                    "levels of " + column + ": " + rowCount() + " rows, expected " + values.rowCount());
        }
        int[] rowOffsets = values.rowOffsets();
        for (int r = 0; r <= rowCount(); r++) {
            int at = r;
            for (int[] level : offsets) {
                at = level[at];
            }
            if (at != rowOffsets[r]) {
                throw new IllegalArgumentException("levels of " + column + ": row " + r + " starts at value " + at
                        + ", but the column's row starts at " + rowOffsets[r]);
            }
        }
    }

    /** {@return the levels of the rows {@code rows[0 .. count)}, in that order} */
    ListLevels select(int[] rows, int count) {
        int[][] newOffsets = new int[offsets.length][];
        boolean[][] newPresent = new boolean[present.length][];
        int[] selected = Arrays.copyOf(rows, count);
        for (int k = 0; k < offsets.length; k++) {
            int[] source = offsets[k];
            int[] out = new int[selected.length + 1];
            for (int i = 0; i < selected.length; i++) {
                out[i + 1] = out[i] + source[selected[i] + 1] - source[selected[i]];
            }
            newOffsets[k] = out;
            if (k + 1 < offsets.length) {
                int[] next = new int[out[selected.length]];
                boolean[] nextPresent = new boolean[next.length];
                int at = 0;
                for (int entry : selected) {
                    for (int e = source[entry]; e < source[entry + 1]; e++) {
                        next[at] = e;
                        nextPresent[at++] = present[k][e];
                    }
                }
                newPresent[k] = nextPresent;
                selected = next;
            }
        }
        return new ListLevels(column, path, newOffsets, newPresent);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ListLevels that
                && column.equals(that.column)
                && path.equals(that.path)
                && Arrays.deepEquals(offsets, that.offsets)
                && Arrays.deepEquals(present, that.present);
    }

    @Override
    public int hashCode() {
        return Objects.hash(column, path, Arrays.deepHashCode(offsets), Arrays.deepHashCode(present));
    }

    @Override
    public String toString() {
        return "ListLevels[" + column + ", " + path + ", " + Arrays.deepToString(offsets) + "]";
    }
}
