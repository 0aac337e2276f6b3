package dev.veracity.io.tfrecord;

import dev.veracity.data.ListLevels;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the two list levels of one feature list, row by row: per example its steps, per step whether it has a list
 * and how many values. Reused across batches by {@link #build()}.
 */
final class FeatureListLevels {
    private final String column;
    private final List<String> path;
    private int rows;
    private int steps;
    private int values;
    private int[] rowSteps = new int[1025];
    private boolean[] stepPresent = new boolean[1024];
    private int[] stepValues = new int[1025];

    FeatureListLevels(String column, List<String> path) {
        this.column = column;
        this.path = List.copyOf(path);
    }

    int rowCount() {
        return rows;
    }

    /** Adds a step with {@code count} values, or a step without a list ({@code present} false, no values). */
    void addStep(boolean present, int count) {
        if (steps == stepPresent.length) {
            stepPresent = Arrays.copyOf(stepPresent, steps * 2);
            stepValues = Arrays.copyOf(stepValues, steps * 2 + 1);
        }
        stepPresent[steps] = present;
        values += count;
        steps++;
        stepValues[steps] = values;
    }

    /** Ends the current row: its steps are those added since the last row ended (none for a missing row). */
    void endRow() {
        if (rows + 1 == rowSteps.length) {
            rowSteps = Arrays.copyOf(rowSteps, rowSteps.length * 2);
        }
        rows++;
        rowSteps[rows] = steps;
    }

    /** {@return the levels of the rows so far}, and starts again with none */
    ListLevels build() {
        ListLevels levels = new ListLevels(
                column,
                path,
                new int[][] {Arrays.copyOf(rowSteps, rows + 1), Arrays.copyOf(stepValues, steps + 1)},
                new boolean[][] {Arrays.copyOf(stepPresent, steps)});
        rows = 0;
        steps = 0;
        values = 0;
        return levels;
    }
}
