package dev.veracity.stats;

import dev.veracity.ConfigException;
import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;

/**
 * The weight of each example of a batch, read from a weight feature (TFDV's {@code weight_feature} and the weight
 * features of {@code per_feature_weight_override}): exactly one finite, non-negative number per example.
 *
 * <pre>{@code
 * double[] weights = new double[batch.rowCount()];
 * double sum = ExampleWeights.read(batch, "w", weights);
 * }</pre>
 */
final class ExampleWeights {
    private ExampleWeights() {}

    /**
     * Writes the weight of each row of {@code batch} into {@code into} (at least as long as the batch) and returns
     * their sum.
     *
     * @throws ConfigException if a row has no value of the weight feature, more than one, or one that is negative,
     *                         NaN or infinite; or if the batch has rows but no such numeric column
     */
    static double read(RecordBatch batch, String feature, double[] into) {
        int rows = batch.rowCount();
        Column weight = null;
        for (Column column : batch.columns()) {
            if (column.name().equals(feature)) {
                weight = column;
                break;
            }
        }
        if (weight == null) {
            if (rows == 0) {
                return 0;
            }
            throw error(feature, "a numeric feature with exactly one value per example", "no such feature");
        }
        if (!(weight instanceof IntColumn) && !(weight instanceof FloatColumn)) {
            throw error(
                    feature, "a numeric feature (INT or FLOAT)", weight.type().name());
        }
        boolean[] present = weight.present();
        int[] offsets = weight.rowOffsets();
        long[] ints = weight instanceof IntColumn intColumn ? intColumn.values() : null;
        double[] floats = weight instanceof FloatColumn floatColumn ? floatColumn.values() : null;
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            int count = offsets[r + 1] - offsets[r];
            if (!present[r] || count != 1) {
                throw error(
                        feature,
                        "exactly one value per example",
                        !present[r] ? "a missing value" : count == 0 ? "an empty list" : count + " values");
            }
            double w = ints != null ? ints[offsets[r]] : floats[offsets[r]];
            if (!(w >= 0 && w < Double.POSITIVE_INFINITY)) {
                throw error(feature, "a finite weight >= 0", Double.toString(w));
            }
            into[r] = w;
            sum += w;
        }
        return sum;
    }

    private static ConfigException error(String feature, String expected, String found) {
        return new ConfigException("weight feature \"" + feature + "\": expected " + expected + ", found " + found);
    }
}
