package dev.veracity.labeling.propagate;

/**
 * How numeric features are scaled before distances are taken (categorical features are one-hot 0/1 either way).
 *
 * <pre>{@code
 * PropagationRequest.of("label").withScaling(Scaling.NONE);
 * }</pre>
 */
public enum Scaling {
    /** Each numeric feature minus its mean, divided by its standard deviation (population; 1 for a constant). */
    STANDARD,
    /** Values as they are: scikit-learn's estimators on the raw matrix. */
    NONE
}
