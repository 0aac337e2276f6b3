package dev.veracity.labeling.weak;

/**
 * The baseline, Snorkel's {@code MajorityLabelVoter} with {@code predict}'s default tie policy "abstain": per row,
 * every label with the most votes gets an equal share of probability 1 (one label: 1; a tie of two: 0.5 each; no
 * votes: uniform), and the row is labeled only when one label has the most votes. Human ratings count as votes.
 *
 * <pre>{@code
 * WeakLabels weak = new MajorityLabelVoter().fit(matrix, lfs, HumanVotes.NONE);
 * }</pre>
 */
public final class MajorityLabelVoter {
    /** {@return the majority labels of every row of the matrix} */
    public WeakLabels fit(LabelMatrix matrix, LabelingFunctions lfs, HumanVotes human) {
        int n = matrix.rows();
        int m = matrix.functions();
        int labels = lfs.labels().size();
        int[][] counts = new int[n][labels];
        boolean[] voted = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                int vote = matrix.vote(i, j);
                if (vote >= 0) {
                    counts[i][vote]++;
                    voted[i] = true;
                }
            }
        }
        for (int v = 0; v < human.size(); v++) {
            counts[human.rows()[v]][human.labels()[v]]++;
            voted[human.rows()[v]] = true;
        }
        double[][] posterior = new double[n][labels];
        double[] balance = new double[labels];
        int labeled = 0;
        for (int i = 0; i < n; i++) {
            int max = 0;
            for (int c : counts[i]) {
                max = Math.max(max, c);
            }
            int tied = 0;
            for (int c : counts[i]) {
                tied += c == max ? 1 : 0;
            }
            for (int k = 0; k < labels; k++) {
                posterior[i][k] = counts[i][k] == max ? 1.0 / tied : 0;
            }
            if (voted[i] && tied == 1) {
                labeled++;
                for (int k = 0; k < labels; k++) {
                    balance[k] += posterior[i][k];
                }
            }
        }
        for (int k = 0; k < labels; k++) {
            balance[k] = labeled == 0 ? 1.0 / labels : balance[k] / labeled;
        }
        return new WeakLabels("majority", lfs.labels(), posterior, voted, balance, new double[0], 0, true);
    }
}
