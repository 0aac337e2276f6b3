package dev.veracity.labeling.weak;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Probabilistic labels of every row from a {@link LabelModel} or a {@link MajorityLabelVoter}: per row the posterior
 * of each label and the chosen label, or none where nothing voted or the top labels tie; and what the model learned.
 * Arrays are this object's own; callers read them.
 *
 * <pre>{@code
 * WeakLabels weak = new LabelModel().fit(matrix, lfs, HumanVotes.NONE);
 * String label = weak.label(0) < 0 ? "" : weak.labels().get(weak.label(0));
 * }</pre>
 */
public final class WeakLabels {
    /** Probabilities closer than this to the top one tie (Snorkel's {@code probs_to_preds} tolerance). */
    public static final double TIE_TOLERANCE = 1e-5;

    private final String method;
    private final List<String> labels;
    private final double[][] posterior;
    private final int[] label;
    private final double[] classBalance;
    private final double[] accuracies;
    private final int iterations;
    private final boolean converged;

    WeakLabels(
            String method,
            List<String> labels,
            double[][] posterior,
            boolean[] voted,
            double[] classBalance,
            double[] accuracies,
            int iterations,
            boolean converged) {
        this.method = requireNonNull(method, "method is null");
        this.labels = List.copyOf(labels);
        this.posterior = posterior;
        this.classBalance = classBalance;
        this.accuracies = accuracies;
        this.iterations = iterations;
        this.converged = converged;
        this.label = new int[posterior.length];
        for (int i = 0; i < posterior.length; i++) {
            label[i] = voted[i] ? top(posterior[i]) : -1;
        }
    }

    /** {@return the top label's index, or -1 when two or more are within the tie tolerance of the top} */
    static int top(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        for (int k = 0; k < p.length; k++) {
            if (k != best && Math.abs(p[best] - p[k]) < TIE_TOLERANCE) {
                return -1;
            }
        }
        return best;
    }

    /** {@return "label-model" or "majority"} */
    public String method() {
        return method;
    }

    /** {@return the labels: index {@code k} of every posterior} */
    public List<String> labels() {
        return labels;
    }

    /** {@return the number of rows} */
    public int rows() {
        return posterior.length;
    }

    /** {@return the posterior of row {@code i}, per label; sums to 1} */
    public double[] posterior(int i) {
        return posterior[i];
    }

    /** {@return the label index chosen for row {@code i}, or -1 (every function abstained, or a tie)} */
    public int label(int i) {
        return label[i];
    }

    /** {@return the top posterior of row {@code i}} */
    public double confidence(int i) {
        double max = 0;
        for (double p : posterior[i]) {
            max = Math.max(max, p);
        }
        return max;
    }

    /** {@return the estimated label frequencies (the class balance); for majority, the chosen labels' shares} */
    public double[] classBalance() {
        return classBalance;
    }

    /**
     * {@return per labeling function, then per human rater, the learned accuracy P(vote = true label | votes); empty
     * for majority}
     */
    public double[] accuracies() {
        return accuracies;
    }

    /** {@return EM iterations (0 for majority)} */
    public int iterations() {
        return iterations;
    }

    /** {@return whether EM converged (true for majority)} */
    public boolean converged() {
        return converged;
    }
}
