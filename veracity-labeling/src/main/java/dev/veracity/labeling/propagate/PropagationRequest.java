package dev.veracity.labeling.propagate;

import java.util.List;
import java.util.Objects;

/**
 * What a label propagation over data files reads and how it runs.
 *
 * <pre>{@code
 * PropagationRequest request = PropagationRequest.of("species").withFeatures(List.of("length", "width"), List.of());
 * }</pre>
 *
 * @param label         the label column; an empty (missing) value marks an unlabeled row
 * @param numeric       numeric features; with {@code categorical}, every feature used. Both empty: every column but
 *                      the label, numeric if its type is INT or FLOAT, categorical if STRING
 * @param categorical   categorical features, one-hot encoded (a missing value is all zeros)
 * @param scaling       how numeric features are scaled
 * @param options       the propagation parameters
 * @param minConfidence an unlabeled row whose highest probability is below this keeps an empty label
 */
public record PropagationRequest(
        String label,
        List<String> numeric,
        List<String> categorical,
        Scaling scaling,
        PropagationOptions options,
        double minConfidence) {
    public PropagationRequest {
        Objects.requireNonNull(label, "label is null");
        numeric = List.copyOf(numeric);
        categorical = List.copyOf(categorical);
        Objects.requireNonNull(scaling, "scaling is null");
        Objects.requireNonNull(options, "options is null");
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minConfidence must be in [0, 1]: " + minConfidence);
        }
    }

    /** {@return a request on label column {@code label}: all features, standard scaling, default spreading} */
    public static PropagationRequest of(String label) {
        return new PropagationRequest(
                label,
                List.of(),
                List.of(),
                Scaling.STANDARD,
                PropagationOptions.defaults(PropagationMethod.SPREADING),
                0);
    }

    /** {@return this request on these features} */
    public PropagationRequest withFeatures(List<String> numericFeatures, List<String> categoricalFeatures) {
        return new PropagationRequest(label, numericFeatures, categoricalFeatures, scaling, options, minConfidence);
    }

    /** {@return this request with another scaling} */
    public PropagationRequest withScaling(Scaling other) {
        return new PropagationRequest(label, numeric, categorical, other, options, minConfidence);
    }

    /** {@return this request with other propagation parameters} */
    public PropagationRequest withOptions(PropagationOptions other) {
        return new PropagationRequest(label, numeric, categorical, scaling, other, minConfidence);
    }

    /** {@return this request with another confidence floor} */
    public PropagationRequest withMinConfidence(double floor) {
        return new PropagationRequest(label, numeric, categorical, scaling, options, floor);
    }
}
