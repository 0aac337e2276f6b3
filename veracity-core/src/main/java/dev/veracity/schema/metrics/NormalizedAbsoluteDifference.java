package dev.veracity.schema.metrics;

import java.util.Map;

/**
 * TFDV's normalized absolute difference of two rank histograms (tfdv.md section 5.3): the largest absolute
 * difference of a label's raw counts divided by the total count of both sides. Unlike L-infinity the sides are not
 * normalized, so it sees a change of volume as well as of shape. The label reported is the arg-max, ties as
 * {@link LInfinity}.
 *
 * <pre>{@code
 * NormalizedAbsoluteDifference.of(Map.of("hello", 1.0, "world", 5.0), Map.of("hello", 10.0, "world", 50.0));  // 45/66
 * }</pre>
 */
public final class NormalizedAbsoluteDifference {
    private NormalizedAbsoluteDifference() {}

    /**
     * {@return the difference in [0, 1] and the label with the largest difference, or unavailable when a side is
     * empty, has no counts or a count that is negative or not finite}
     *
     * @param treatment label counts of the data checked (current or training)
     * @param control   label counts it is compared with (previous or serving)
     */
    public static Comparison of(Map<String, Double> treatment, Map<String, Double> control) {
        String problem = Labels.problem(treatment, "treatment", false);
        if (problem == null) {
            problem = Labels.problem(control, "control", false);
        }
        if (problem != null) {
            return new Comparison.Unavailable(problem);
        }
        double total = Labels.sum(treatment) + Labels.sum(control);
        double max = 0;
        String label = "";
        for (String key : Labels.union(treatment, control)) {
            double diff = Math.abs(treatment.getOrDefault(key, 0.0) - control.getOrDefault(key, 0.0));
            if (diff >= max) {
                max = diff;
                label = key;
            }
        }
        // TFDV divides only by a positive total; with positive counts it always is
        return new Comparison.Value(Math.min(total > 0 ? max / total : max, 1.0), label);
    }
}
