package dev.veracity.labeling.consensus;

/**
 * What {@link DawidSkene#fit} learned from a {@link VoteList}: the label frequencies, each rater's confusion matrix
 * and each item's posterior. Arrays are the fit's own; callers read them and do not change them.
 *
 * <pre>{@code
 * DawidSkeneFit fit = new DawidSkene().fit(votes);
 * double accuracy = fit.accuracy(0);
 * }</pre>
 */
public final class DawidSkeneFit {
    private final double[] prior;
    private final double[][][] confusion;
    private final double[][] posterior;
    private final int iterations;
    private final boolean converged;

    DawidSkeneFit(double[] prior, double[][][] confusion, double[][] posterior, int iterations, boolean converged) {
        this.prior = prior;
        this.confusion = confusion;
        this.posterior = posterior;
        this.iterations = iterations;
        this.converged = converged;
    }

    /** {@return per label, its estimated frequency (the class balance)} */
    public double[] prior() {
        return prior;
    }

    /**
     * {@return per rater, {@code [true label][given label]} probabilities; for a rater whose abstaining is an
     * outcome, one more column, last: the probability of abstaining}
     */
    public double[][][] confusion() {
        return confusion;
    }

    /** {@return per item, per label, the posterior probability} */
    public double[][] posterior() {
        return posterior;
    }

    /** {@return EM iterations run} */
    public int iterations() {
        return iterations;
    }

    /** {@return whether EM stopped because no posterior moved more than the tolerance} */
    public boolean converged() {
        return converged;
    }

    /**
     * {@return the estimated probability that rater {@code r} gives the true label when it gives one}: the diagonal
     * weighted by the label frequencies, divided by the probability of not abstaining (Snorkel's
     * {@code LabelModel.get_accuracies})
     */
    public double accuracy(int r) {
        double[][] matrix = confusion[r];
        int labels = prior.length;
        double correct = 0;
        double voting = 0;
        for (int k = 0; k < labels; k++) {
            correct += prior[k] * matrix[k][k];
            voting += prior[k] * (matrix[k].length > labels ? 1 - matrix[k][labels] : 1);
        }
        return voting == 0 ? 0 : correct / voting;
    }
}
