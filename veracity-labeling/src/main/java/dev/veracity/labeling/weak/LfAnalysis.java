package dev.veracity.labeling.weak;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Snorkel's {@code LFAnalysis} of a label matrix: per function polarity, coverage, overlaps and conflicts (fractions
 * of all rows), the dataset's label coverage, overlap and conflict, the pairwise overlap and conflict matrices
 * (snorkel#1707) and, with gold labels, each function's correct and incorrect votes and the rows it got wrong
 * (snorkel#1602). Rows without a gold label count for every measure but the gold ones.
 *
 * <pre>{@code
 * LfAnalysis analysis = LfAnalysis.of(matrix, lfs, gold);   // gold[i] = label index, or -1 for none
 * double coverage = analysis.functions().get(0).coverage();
 * }</pre>
 *
 * @param rows          the rows of the matrix
 * @param goldRows      the rows with a gold label
 * @param functions     per function, its summary
 * @param labelCoverage the fraction of rows with at least one vote
 * @param labelOverlap  the fraction of rows with at least two votes
 * @param labelConflict the fraction of rows with two different votes
 * @param pairOverlaps  {@code [j][k]}: the fraction of rows both functions voted on (the diagonal is coverage)
 * @param pairConflicts {@code [j][k]}: the fraction of rows both voted on with different labels
 */
public record LfAnalysis(
        int rows,
        int goldRows,
        List<FunctionSummary> functions,
        double labelCoverage,
        double labelOverlap,
        double labelConflict,
        double[][] pairOverlaps,
        double[][] pairConflicts) {
    public LfAnalysis {
        functions = List.copyOf(functions);
        requireNonNull(pairOverlaps, "pairOverlaps is null");
        requireNonNull(pairConflicts, "pairConflicts is null");
    }

    /** {@return the analysis without gold labels} */
    public static LfAnalysis of(LabelMatrix matrix, LabelingFunctions lfs) {
        int[] gold = new int[matrix.rows()];
        java.util.Arrays.fill(gold, -1);
        return of(matrix, lfs, gold);
    }

    /**
     * {@return the analysis}
     *
     * @param gold per row, its gold label index, or -1 for none
     */
    public static LfAnalysis of(LabelMatrix matrix, LabelingFunctions lfs, int[] gold) {
        int n = matrix.rows();
        int m = matrix.functions();
        if (gold.length != n || lfs.functions().size() != m) {
            throw new IllegalArgumentException("gold labels or functions do not match the matrix");
        }
        int labels = lfs.labels().size();
        long[] covered = new long[m];
        long[] overlapped = new long[m];
        long[] conflicted = new long[m];
        long[] correct = new long[m];
        long[] incorrect = new long[m];
        boolean[][] polarity = new boolean[m][labels];
        long[][] pairBoth = new long[m][m];
        long[][] pairDiffer = new long[m][m];
        List<List<Integer>> wrong = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            wrong.add(new ArrayList<>());
        }
        long anyRows = 0;
        long overlapRows = 0;
        long conflictRows = 0;
        int goldRows = 0;
        int[] voters = new int[m];
        for (int i = 0; i < n; i++) {
            int count = 0;
            int first = -1;
            boolean conflict = false;
            for (int j = 0; j < m; j++) {
                int vote = matrix.vote(i, j);
                if (vote < 0) {
                    continue;
                }
                voters[count++] = j;
                polarity[j][vote] = true;
                if (first < 0) {
                    first = vote;
                } else if (vote != first) {
                    conflict = true;
                }
            }
            if (gold[i] >= 0) {
                goldRows++;
            }
            if (count == 0) {
                continue;
            }
            anyRows++;
            overlapRows += count > 1 ? 1 : 0;
            conflictRows += conflict ? 1 : 0;
            for (int a = 0; a < count; a++) {
                int j = voters[a];
                int vote = matrix.vote(i, j);
                covered[j]++;
                overlapped[j] += count > 1 ? 1 : 0;
                conflicted[j] += conflict ? 1 : 0;
                if (gold[i] >= 0) {
                    if (vote == gold[i]) {
                        correct[j]++;
                    } else {
                        incorrect[j]++;
                        wrong.get(j).add(i);
                    }
                }
                for (int b = 0; b < count; b++) {
                    int k = voters[b];
                    pairBoth[j][k]++;
                    pairDiffer[j][k] += vote != matrix.vote(i, k) ? 1 : 0;
                }
            }
        }
        List<FunctionSummary> summaries = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            List<String> voted = new ArrayList<>();
            for (int k = 0; k < labels; k++) {
                if (polarity[j][k]) {
                    voted.add(lfs.labels().get(k));
                }
            }
            summaries.add(new FunctionSummary(
                    lfs.functions().get(j).name(),
                    voted,
                    fraction(covered[j], n),
                    fraction(overlapped[j], n),
                    fraction(conflicted[j], n),
                    correct[j],
                    incorrect[j],
                    wrong.get(j)));
        }
        double[][] overlaps = new double[m][m];
        double[][] conflicts = new double[m][m];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < m; k++) {
                overlaps[j][k] = fraction(pairBoth[j][k], n);
                conflicts[j][k] = fraction(pairDiffer[j][k], n);
            }
        }
        return new LfAnalysis(
                n,
                goldRows,
                summaries,
                fraction(anyRows, n),
                fraction(overlapRows, n),
                fraction(conflictRows, n),
                overlaps,
                conflicts);
    }

    private static double fraction(long count, int rows) {
        return rows == 0 ? 0 : (double) count / rows;
    }
}
