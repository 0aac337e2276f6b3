package dev.veracity.stats;

import java.util.Arrays;

/**
 * Sorts a KLL sketch's lowest level: by counting when its values are whole numbers in a range no wider than their
 * number (ages, counts, codes: the common numeric columns), else with {@link Arrays#sort(double[], int, int)}. Both
 * give the same array (the order of doubles is total without NaN, which a sketch never holds), so the sketch is the
 * same byte for byte either way; counting only skips the comparisons.
 *
 * <pre>{@code
 * LevelSort.sort(items, size); // items[0, size) ascending
 * }</pre>
 */
final class LevelSort {
    private LevelSort() {}

    /** Sorts {@code items[0, size)}, which holds no NaN, ascending. */
    static void sort(double[] items, int size) {
        if (size < 64 || !countingSort(items, size)) {
            Arrays.sort(items, 0, size);
        }
    }

    /** {@return whether the values were whole numbers in a narrow range, now sorted by counting} */
    private static boolean countingSort(double[] items, int size) {
        double min = items[0];
        double max = items[0];
        for (int i = 0; i < size; i++) {
            double v = items[i];
            // -0.0 is whole but sorts before 0.0, which counting would not keep apart
            if (v != Math.rint(v) || Double.doubleToRawLongBits(v) == Long.MIN_VALUE) {
                return false;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (!(max - min < size)) { // (also +inf - +inf: NaN)
            return false;
        }
        int[] counts = new int[(int) (max - min) + 1];
        for (int i = 0; i < size; i++) {
            counts[(int) (items[i] - min)]++;
        }
        int at = 0;
        for (int c = 0; c < counts.length; c++) {
            double value = min + c;
            for (int k = counts[c]; k > 0; k--) {
                items[at++] = value;
            }
        }
        return true;
    }
}
