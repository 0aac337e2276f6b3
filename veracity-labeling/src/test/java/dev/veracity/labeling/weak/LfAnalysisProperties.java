package dev.veracity.labeling.weak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.data.Column;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * LF analysis against a brute-force oracle written from Snorkel's {@code snorkel/labeling/analysis.py} as it computes
 * them: a row is covered when {@code L + 1} has a non-zero, overlapped when it has more than one, conflicted when a
 * non-zero differs from the row's maximum; per function the column sums over those rows, divided by n. Exact
 * equality: both sides divide the same integer counts by the same n.
 */
class LfAnalysisProperties {
    @Test
    void snorkelsDocstringExample() {
        LabelMatrix matrix = LabelMatrix.of(new int[][] {{-1, 0, 0}, {-1, -1, -1}, {1, 0, -1}, {-1, 0, -1}, {0, 0, 0}});
        LfAnalysis analysis = LfAnalysis.of(matrix, functions(3, 2));
        assertThat(analysis.labelCoverage()).isEqualTo(0.8);
        assertThat(analysis.labelOverlap()).isEqualTo(0.6);
        assertThat(analysis.labelConflict()).isEqualTo(0.2);
        assertThat(analysis.functions())
                .extracting(FunctionSummary::polarity)
                .containsExactly(List.of("l0", "l1"), List.of("l0"), List.of("l0"));
        assertThat(analysis.functions()).extracting(FunctionSummary::coverage).containsExactly(0.4, 0.8, 0.4);
        assertThat(analysis.functions()).extracting(FunctionSummary::overlaps).containsExactly(0.4, 0.6, 0.4);
        assertThat(analysis.functions()).extracting(FunctionSummary::conflicts).containsExactly(0.2, 0.2, 0.0);
    }

    @SeededProperty(tries = 300)
    void equalsSnorkelsDefinitionsOnGeneratedMatrices(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = Gen.between(random, 0, 60);
        int m = Gen.between(random, 1, 6);
        int labels = Gen.between(random, 2, 4);
        int[][] votes = new int[n][m];
        int[] gold = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                votes[i][j] = random.nextInt(3) == 0 ? random.nextInt(labels) : -1;
            }
            gold[i] = random.nextInt(4) == 0 ? -1 : random.nextInt(labels);
        }
        LabelingFunctions lfs = functions(m, labels);
        LfAnalysis analysis = LfAnalysis.of(LabelMatrix.of(votes, m), lfs, gold);

        double[] covered = new double[n];
        double[] overlapped = new double[n];
        double[] conflicted = new double[n];
        for (int i = 0; i < n; i++) {
            int nonZero = 0;
            int max = 0;
            for (int j = 0; j < m; j++) {
                nonZero += votes[i][j] + 1 != 0 ? 1 : 0;
                max = Math.max(max, votes[i][j] + 1);
            }
            boolean differsFromMax = false;
            for (int j = 0; j < m; j++) {
                differsFromMax |= votes[i][j] + 1 != 0 && votes[i][j] + 1 != max;
            }
            covered[i] = nonZero != 0 ? 1 : 0;
            overlapped[i] = nonZero > 1 ? 1 : 0;
            conflicted[i] = differsFromMax ? 1 : 0;
        }
        assertThat(analysis.labelCoverage()).isEqualTo(n == 0 ? 0 : sum(covered) / n);
        assertThat(analysis.labelOverlap()).isEqualTo(n == 0 ? 0 : sum(overlapped) / n);
        assertThat(analysis.labelConflict()).isEqualTo(n == 0 ? 0 : sum(conflicted) / n);
        for (int j = 0; j < m; j++) {
            FunctionSummary f = analysis.functions().get(j);
            TreeSet<Integer> polarity = new TreeSet<>();
            double coverage = 0;
            double overlaps = 0;
            double conflicts = 0;
            long correct = 0;
            long incorrect = 0;
            List<Integer> wrong = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double labeled = votes[i][j] != -1 ? 1 : 0;
                if (labeled == 1) {
                    polarity.add(votes[i][j]);
                }
                coverage += labeled;
                overlaps += labeled * overlapped[i];
                conflicts += labeled * conflicted[i];
                if (gold[i] != -1 && votes[i][j] != -1) {
                    if (votes[i][j] == gold[i]) {
                        correct++;
                    } else {
                        incorrect++;
                        wrong.add(i);
                    }
                }
            }
            assertThat(f.polarity())
                    .isEqualTo(polarity.stream().map(k -> "l" + k).toList());
            assertThat(f.coverage()).isEqualTo(n == 0 ? 0 : coverage / n);
            assertThat(f.overlaps()).isEqualTo(n == 0 ? 0 : overlaps / n);
            assertThat(f.conflicts()).isEqualTo(n == 0 ? 0 : conflicts / n);
            assertThat(f.correct()).isEqualTo(correct);
            assertThat(f.incorrect()).isEqualTo(incorrect);
            assertThat(f.incorrectRows()).isEqualTo(wrong);
            // Snorkel: 0.5 * (sum(X) / count + 1) with X = +1 correct, -1 incorrect, 0 abstain.
            double snorkel = 0.5 * ((double) (correct - incorrect) / (correct + incorrect) + 1);
            if (correct + incorrect > 0) {
                assertThat(f.empiricalAccuracy()).isCloseTo(snorkel, org.assertj.core.api.Assertions.within(1e-12));
            } else {
                assertThat(f.empiricalAccuracy()).isNaN();
            }
            for (int k = 0; k < m; k++) {
                long both = 0;
                long differ = 0;
                for (int i = 0; i < n; i++) {
                    if (votes[i][j] != -1 && votes[i][k] != -1) {
                        both++;
                        differ += votes[i][j] != votes[i][k] ? 1 : 0;
                    }
                }
                assertThat(analysis.pairOverlaps()[j][k]).isEqualTo(n == 0 ? 0 : (double) both / n);
                assertThat(analysis.pairConflicts()[j][k]).isEqualTo(n == 0 ? 0 : (double) differ / n);
            }
        }
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }

    /** {@return m functions (never applied: the matrix is given) over labels l0, l1, ...} */
    static LabelingFunctions functions(int m, int labels) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < labels; k++) {
            names.add("l" + k);
        }
        List<LabelingFunction> functions = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            functions.add(new Given("lf" + j));
        }
        return LabelingFunctions.of(names, functions);
    }

    /** A function whose votes are given in the matrix. */
    record Given(String name) implements LabelingFunction {
        @Override
        public List<String> columns() {
            return List.of();
        }

        @Override
        public void label(List<Column> columns, int rows, int[] votes) {
            java.util.Arrays.fill(votes, 0, rows, ABSTAIN);
        }
    }
}
