package dev.veracity.labeling.propagate;

import java.util.List;
import java.util.TreeMap;

/**
 * Turns features into the points the k-nearest-neighbour graph is built on: numeric features scaled (or not), then
 * one 0/1 column per category of each categorical feature (categories in text order; a missing value is all zeros).
 *
 * <pre>{@code
 * double[] points = FeatureMatrix.encode(numbers, 2, categories, rows, Scaling.STANDARD);
 * }</pre>
 */
public final class FeatureMatrix {
    private FeatureMatrix() {}

    /** {@return the number of columns the encoding has} */
    static int width(int numeric, List<String[]> categories, int categorical) {
        int width = numeric;
        for (int f = 0; f < categorical; f++) {
            width += levels(categories, f).size();
        }
        return width;
    }

    /**
     * {@return the encoded points, row-major, {@link #width} values per row}
     *
     * @param numbers    the numeric features, row-major, {@code numeric} per row
     * @param categories per row, its categorical features as text ("" for missing)
     */
    public static double[] encode(double[] numbers, int numeric, List<String[]> categories, int rows, Scaling scaling) {
        int categorical = rows == 0 ? 0 : categories.get(0).length;
        int width = width(numeric, categories, categorical);
        double[] points = new double[rows * width];
        for (int f = 0; f < numeric; f++) {
            double mean = 0;
            double scale = 1;
            if (scaling == Scaling.STANDARD) {
                double sum = 0;
                for (int r = 0; r < rows; r++) {
                    sum += numbers[r * numeric + f];
                }
                mean = sum / rows;
                double squares = 0;
                for (int r = 0; r < rows; r++) {
                    double d = numbers[r * numeric + f] - mean;
                    squares += d * d;
                }
                double deviation = Math.sqrt(squares / rows);
                scale = deviation > 10 * Math.ulp(Math.abs(mean)) && deviation > 0 ? deviation : 1;
            }
            for (int r = 0; r < rows; r++) {
                points[r * width + f] = (numbers[r * numeric + f] - mean) / scale;
            }
        }
        int column = numeric;
        for (int f = 0; f < categorical; f++) {
            TreeMap<String, Integer> levels = levels(categories, f);
            for (int r = 0; r < rows; r++) {
                String value = categories.get(r)[f];
                if (!value.isEmpty()) {
                    points[r * width + column + levels.get(value)] = 1;
                }
            }
            column += levels.size();
        }
        return points;
    }

    private static TreeMap<String, Integer> levels(List<String[]> categories, int f) {
        TreeMap<String, Integer> levels = new TreeMap<>();
        for (String[] row : categories) {
            if (!row[f].isEmpty()) {
                levels.putIfAbsent(row[f], 0);
            }
        }
        int i = 0;
        for (var entry : levels.entrySet()) {
            entry.setValue(i++);
        }
        return levels;
    }
}
