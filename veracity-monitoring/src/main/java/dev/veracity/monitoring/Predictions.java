package dev.veracity.monitoring;

import java.util.List;
import java.util.Objects;

/**
 * Labeled predictions held as columns, the input of {@link QualityMetrics}: classes as indices into {@code classes}
 * (sorted as scikit-learn's {@code np.unique} sorts them), or numbers for regression.
 *
 * <pre>{@code
 * Predictions p = Predictions.binary(List.of("0", "1"), 1, new int[] {0, 1}, new double[] {0.2, 0.9}, 0.5);
 * }</pre>
 *
 * @param task      classification or regression
 * @param classes   the class names in sklearn's order (empty for regression)
 * @param positive  the index of the positive class of a scored binary label, or -1
 * @param label     per row, the true class index (classification)
 * @param predicted per row, the predicted class index (classification)
 * @param score     per row, the probability of the positive class, or an empty array without scores
 * @param target    per row, the true value (regression)
 * @param estimate  per row, the predicted value (regression)
 * @param probabilities per class (in {@code classes} order), per row, the probability the model gives it; empty without
 *                  class probabilities (then no one-vs-rest ROC AUC)
 */
public record Predictions(
        Task task,
        List<String> classes,
        int positive,
        int[] label,
        int[] predicted,
        double[] score,
        double[] target,
        double[] estimate,
        double[][] probabilities) {
    public Predictions {
        Objects.requireNonNull(task, "task is null");
        classes = List.copyOf(classes);
        if (task == Task.CLASSIFICATION && label.length != predicted.length) {
            throw new IllegalArgumentException("label and predicted differ in length");
        }
        if (score.length != 0 && score.length != label.length) {
            throw new IllegalArgumentException("score and label differ in length");
        }
        if (task == Task.REGRESSION && target.length != estimate.length) {
            throw new IllegalArgumentException("target and estimate differ in length");
        }
        if (probabilities.length != 0 && probabilities.length != classes.size()) {
            throw new IllegalArgumentException("expected one probability column per class");
        }
        for (double[] column : probabilities) {
            if (column.length != label.length) {
                throw new IllegalArgumentException("probabilities and label differ in length");
            }
        }
    }

    /** {@return binary scored predictions: the predicted class is the positive one when score >= threshold} */
    public static Predictions binary(
            List<String> classes, int positive, int[] label, double[] score, double threshold) {
        int[] predicted = new int[label.length];
        for (int i = 0; i < label.length; i++) {
            predicted[i] = score[i] >= threshold ? positive : 1 - positive;
        }
        return new Predictions(
                Task.CLASSIFICATION,
                classes,
                positive,
                label,
                predicted,
                score,
                new double[0],
                new double[0],
                new double[0][]);
    }

    /** {@return class predictions without scores} */
    public static Predictions classes(List<String> classes, int[] label, int[] predicted) {
        return classes(classes, label, predicted, new double[0][]);
    }

    /**
     * {@return class predictions with the model's probability of every class}
     *
     * @param probabilities per class (in {@code classes} order), per row, the probability of that class
     */
    public static Predictions classes(List<String> classes, int[] label, int[] predicted, double[][] probabilities) {
        return new Predictions(
                Task.CLASSIFICATION,
                classes,
                -1,
                label,
                predicted,
                new double[0],
                new double[0],
                new double[0],
                probabilities);
    }

    /** {@return regression predictions} */
    public static Predictions regression(double[] target, double[] estimate) {
        return new Predictions(
                Task.REGRESSION,
                List.of(),
                -1,
                new int[0],
                new int[0],
                new double[0],
                target,
                estimate,
                new double[0][]);
    }

    /** {@return the number of rows} */
    public int rows() {
        return task == Task.CLASSIFICATION ? label.length : target.length;
    }

    /** {@return whether rows carry the probability of every class} */
    public boolean hasProbabilities() {
        return probabilities.length > 0;
    }

    /** {@return whether rows carry a positive-class probability} */
    public boolean scored() {
        return score.length > 0;
    }

    /** {@return per row, 1 when the prediction is wrong (classification) or the absolute residual (regression)} */
    public double error(int row) {
        return task == Task.CLASSIFICATION
                ? (label[row] == predicted[row] ? 0 : 1)
                : Math.abs(target[row] - estimate[row]);
    }
}
