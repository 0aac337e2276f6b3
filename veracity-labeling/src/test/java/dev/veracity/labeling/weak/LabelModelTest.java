package dev.veracity.labeling.weak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The label model on generated label matrices whose functions have known, different accuracies: five that vote
 * either label (right with probability a), three that vote one label only and fire more often on it. It must beat
 * majority vote and recover each function's accuracy and the class balance.
 */
class LabelModelTest {
    private static final double[] PRIOR = {0.7, 0.3};

    /** {kind (0 = either label, 1 = one label), coverage or label, accuracy or P(fire | that label), P(fire | other)}. */
    private static final double[][] FUNCTIONS = {
        {0, 0.5, 0.9},
        {0, 0.4, 0.8},
        {0, 0.6, 0.6},
        {0, 0.5, 0.55},
        {0, 0.3, 0.65},
        {1, 1, 0.5, 0.05},
        {1, 0, 0.4, 0.1},
        {1, 1, 0.3, 0.2}
    };

    /** Beats majority by at least this much accuracy on the covered rows (observed about 0.11 over seeds 1 to 7). */
    private static final double MARGIN = 0.05;

    /** Learned accuracies within this of the generating ones (observed at most 0.025 over seeds 1 to 7). */
    private static final double ACCURACY_TOLERANCE = 0.04;

    @Test
    void beatsMajorityVoteAndRecoversEachAccuracy() {
        int n = 20_000;
        int m = FUNCTIONS.length;
        SplittableRandom random = new SplittableRandom(7);
        int[] truth = new int[n];
        int[][] votes = new int[n][m];
        for (int i = 0; i < n; i++) {
            int y = random.nextDouble() < PRIOR[0] ? 0 : 1;
            truth[i] = y;
            for (int j = 0; j < m; j++) {
                double[] f = FUNCTIONS[j];
                votes[i][j] = -1;
                if (f[0] == 0) {
                    if (random.nextDouble() < f[1]) {
                        votes[i][j] = random.nextDouble() < f[2] ? y : 1 - y;
                    }
                } else {
                    int label = (int) f[1];
                    if (random.nextDouble() < (y == label ? f[2] : f[3])) {
                        votes[i][j] = label;
                    }
                }
            }
        }
        LabelMatrix matrix = LabelMatrix.of(votes);
        LabelingFunctions lfs = LfAnalysisProperties.functions(m, 2);
        WeakLabels model = new LabelModel().fit(matrix, lfs, HumanVotes.NONE);
        WeakLabels majority = new MajorityLabelVoter().fit(matrix, lfs, HumanVotes.NONE);

        double modelCorrect = 0;
        double majorityCorrect = 0;
        int covered = 0;
        for (int i = 0; i < n; i++) {
            boolean voted = false;
            for (int j = 0; j < m; j++) {
                voted |= votes[i][j] >= 0;
            }
            if (!voted) {
                assertThat(model.label(i)).isEqualTo(-1);
                assertThat(majority.label(i)).isEqualTo(-1);
                continue;
            }
            covered++;
            modelCorrect += model.label(i) == truth[i] ? 1 : 0;
            // A tie counts as a coin flip among the tied labels (Snorkel's "random" tie-break, in expectation).
            majorityCorrect += majority.posterior(i)[truth[i]];
        }
        double modelAccuracy = modelCorrect / covered;
        double majorityAccuracy = majorityCorrect / covered;
        assertThat(modelAccuracy - majorityAccuracy)
                .as("label model %.4f vs majority %.4f", modelAccuracy, majorityAccuracy)
                .isGreaterThanOrEqualTo(MARGIN);
        assertThat(model.converged()).isTrue();
        assertThat(model.classBalance()[0]).isCloseTo(PRIOR[0], within(0.03));
        for (int j = 0; j < m; j++) {
            double[] f = FUNCTIONS[j];
            double expected;
            if (f[0] == 0) {
                expected = f[2];
            } else {
                double on = PRIOR[(int) f[1]];
                expected = on * f[2] / (on * f[2] + (1 - on) * f[3]);
            }
            assertThat(model.accuracies()[j]).as("function %d", j).isCloseTo(expected, within(ACCURACY_TOLERANCE));
        }
    }

    @Test
    void majorityMatchesSnorkelsMajorityLabelVoter() {
        // MajorityLabelVoter().predict_proba([[0, 0, -1], [-1, 0, 1], [1, -1, 0]]) = [[1, 0], [.5, .5], [.5, .5]]
        // and predict(tie_break_policy="abstain") = [0, -1, -1].
        LabelMatrix matrix = LabelMatrix.of(new int[][] {{0, 0, -1}, {-1, 0, 1}, {1, -1, 0}, {-1, -1, -1}});
        WeakLabels majority =
                new MajorityLabelVoter().fit(matrix, LfAnalysisProperties.functions(3, 2), HumanVotes.NONE);
        assertThat(majority.posterior(0)).containsExactly(1.0, 0.0);
        assertThat(majority.posterior(1)).containsExactly(0.5, 0.5);
        assertThat(majority.posterior(2)).containsExactly(0.5, 0.5);
        assertThat(majority.posterior(3)).containsExactly(0.5, 0.5);
        assertThat(new int[] {majority.label(0), majority.label(1), majority.label(2), majority.label(3)})
                .containsExactly(0, -1, -1, -1);
    }

    @Test
    void humanRatingsJoinTheSamePosterior() {
        // Two functions that always disagree: the row is a coin flip until a rater who agrees with function 0
        // on the other rows rates it.
        int[][] votes = new int[200][];
        for (int i = 0; i < 200; i++) {
            votes[i] = i == 0 ? new int[] {0, 1} : new int[] {i % 2, i % 2};
        }
        LabelMatrix matrix = LabelMatrix.of(votes);
        LabelingFunctions lfs = LfAnalysisProperties.functions(2, 2);
        WeakLabels alone = new LabelModel().fit(matrix, lfs, HumanVotes.NONE);
        int[] rows = new int[101];
        int[] raters = new int[101];
        int[] labels = new int[101];
        for (int v = 0; v < 100; v++) {
            rows[v] = v + 1;
            labels[v] = rows[v] % 2;
        }
        rows[100] = 0;
        labels[100] = 1;
        HumanVotes human = new HumanVotes(java.util.List.of("ann"), rows, raters, labels, 0);
        WeakLabels together = new LabelModel().fit(matrix, lfs, human);
        assertThat(together.posterior(0)[1])
                .isGreaterThan(alone.posterior(0)[1])
                .isGreaterThan(0.9);
        assertThat(together.accuracies()).hasSize(3);
        assertThat(together.accuracies()[2]).isGreaterThan(0.95);
    }
}
