package dev.veracity.report;

/**
 * How far counts are from uniform: the coefficient of variation of the counts (population standard deviation over
 * mean) divided by its largest possible value, {@code sqrt(n - 1)}, so it lies in [0, 1]: 0 when all counts are
 * equal, 1 when one bucket holds everything. Facets Overview sorts by a measure of the same idea; this one is ours.
 *
 * <pre>{@code
 * NonUniformity.of(new double[] {5, 5, 5});   // 0
 * NonUniformity.of(new double[] {9, 0, 0});   // 1
 * }</pre>
 */
public final class NonUniformity {
    private NonUniformity() {}

    /** {@return the non-uniformity of non-negative counts; 0 for fewer than two counts or a zero sum} */
    public static double of(double[] counts) {
        int n = counts.length;
        if (n < 2) {
            return 0;
        }
        double sum = 0;
        for (double count : counts) {
            sum += count;
        }
        if (!(sum > 0)) {
            return 0;
        }
        double mean = sum / n;
        double squares = 0;
        for (double count : counts) {
            squares += (count - mean) * (count - mean);
        }
        double coefficient = Math.sqrt(squares / n) / mean;
        return Math.min(1.0, coefficient / Math.sqrt(n - 1));
    }
}
