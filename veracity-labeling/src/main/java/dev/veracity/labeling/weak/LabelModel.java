package dev.veracity.labeling.weak;

import dev.veracity.labeling.consensus.DawidSkene;
import dev.veracity.labeling.consensus.DawidSkeneFit;
import dev.veracity.labeling.consensus.VoteList;

/**
 * The label model: Dawid-Skene EM ({@link DawidSkene}) over labeling-function votes, where each function is a rater
 * that sees every row and may abstain. Per function it learns {@code P(vote | true label)} including the
 * probability of abstaining (so a function that fires mostly on one class is evidence even when it only ever votes
 * that class), and the class balance; human raters' votes ({@link HumanVotes}) join the same posterior as raters
 * whose unrated rows say nothing. Rows no function and no rater voted on get no label.
 *
 * <pre>{@code
 * WeakLabels weak = new LabelModel().fit(matrix, lfs, HumanVotes.NONE);
 * double accuracy = weak.accuracies()[0];
 * }</pre>
 */
public final class LabelModel {
    private final DawidSkene em;

    /** A label model with Dawid-Skene's default iterations, tolerance and smoothing. */
    public LabelModel() {
        this(new DawidSkene());
    }

    /** A label model running this EM. */
    public LabelModel(DawidSkene em) {
        this.em = java.util.Objects.requireNonNull(em, "em is null");
    }

    /** {@return the probabilistic labels of every row of the matrix} */
    public WeakLabels fit(LabelMatrix matrix, LabelingFunctions lfs, HumanVotes human) {
        int n = matrix.rows();
        int m = matrix.functions();
        int labels = lfs.labels().size();
        VoteList.Builder votes = VoteList.builder(n, m + human.raters().size(), labels);
        for (int j = 0; j < m; j++) {
            votes.abstainIsOutcome(j);
        }
        boolean[] voted = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                int vote = matrix.vote(i, j);
                if (vote >= 0) {
                    votes.add(i, j, vote);
                    voted[i] = true;
                }
            }
        }
        for (int v = 0; v < human.size(); v++) {
            votes.add(human.rows()[v], m + human.raterOf()[v], human.labels()[v]);
            voted[human.rows()[v]] = true;
        }
        DawidSkeneFit fit = em.fit(votes.build());
        double[] accuracies = new double[m + human.raters().size()];
        for (int r = 0; r < accuracies.length; r++) {
            accuracies[r] = fit.accuracy(r);
        }
        return new WeakLabels(
                "label-model",
                lfs.labels(),
                fit.posterior(),
                voted,
                fit.prior(),
                accuracies,
                fit.iterations(),
                fit.converged());
    }
}
