package dev.veracity.monitoring;

/**
 * What a model predicts: a class (with or without a score) or a number.
 *
 * <pre>{@code
 * Task task = Task.CLASSIFICATION;
 * }</pre>
 */
public enum Task {
    /** A class per row; with a score, the probability of the positive class of a binary label. */
    CLASSIFICATION,
    /** A number per row. */
    REGRESSION
}
