package dev.veracity.schema.metrics;

import java.util.Map;

/**
 * TFDV's L-infinity distance of two rank histograms (tfdv.md section 5.1): each side normalized by its own sum,
 * the largest absolute difference of a label's frequencies (a missing label counts 0). The label reported is the
 * arg-max; on ties the last in bytewise order, as TFDV's {@code >=} over a sorted map.
 *
 * <pre>{@code
 * LInfinity.distance(Map.of("hello", 0.1, "world", 0.9), Map.of("hello", 0.3, "world", 0.7));   // 0.2, "world"
 * }</pre>
 */
public final class LInfinity {
    private LInfinity() {}

    /**
     * {@return the distance in [0, 1] and the label with the largest difference, or unavailable when a side is
     * empty, has no counts or a count that is negative or not finite}
     *
     * @param treatment label counts of the data checked (current or training)
     * @param control   label counts it is compared with (previous or serving)
     */
    public static Comparison distance(Map<String, Double> treatment, Map<String, Double> control) {
        String problem = Labels.problem(treatment, "treatment", false);
        if (problem == null) {
            problem = Labels.problem(control, "control", false);
        }
        if (problem != null) {
            return new Comparison.Unavailable(problem);
        }
        double sumTreatment = Labels.sum(treatment);
        double sumControl = Labels.sum(control);
        double max = 0;
        String label = "";
        for (String key : Labels.union(treatment, control)) {
            double diff = Math.abs(
                    treatment.getOrDefault(key, 0.0) / sumTreatment - control.getOrDefault(key, 0.0) / sumControl);
            if (diff >= max) {
                max = diff;
                label = key;
            }
        }
        return new Comparison.Value(Math.min(max, 1.0), label);
    }
}
