package dev.veracity.schema.metrics;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of comparing two distributions: a value, or why none could be computed (never a silent 0).
 *
 * <pre>{@code
 * if (LInfinity.distance(current, previous) instanceof Comparison.Value v) {
 *     use(v.value(), v.label());
 * }
 * }</pre>
 */
public sealed interface Comparison {
    /**
     * A computed metric.
     *
     * @param value the metric, in [0, 1]
     * @param label the label with the largest difference (L-infinity, normalized absolute difference), or "" when
     *              the metric has none
     */
    record Value(double value, String label) implements Comparison {
        public Value {
            requireNonNull(label, "label is null");
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("value must be in [0, 1]: " + value);
            }
        }
    }

    /**
     * A metric that does not apply to these inputs.
     *
     * @param reason why, in a phrase that completes "cannot be computed: ..."
     */
    record Unavailable(String reason) implements Comparison {
        public Unavailable {
            requireNonNull(reason, "reason is null");
        }
    }
}
