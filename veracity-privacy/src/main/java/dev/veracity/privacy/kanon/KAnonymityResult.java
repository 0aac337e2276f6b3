package dev.veracity.privacy.kanon;

import java.util.List;

/**
 * Whether every combination of quasi-identifier values (after generalization to {@code levels}) is shared by at least
 * k rows, ignoring the rows suppressed.
 *
 * @param k                the k asked for
 * @param quasiIdentifiers the quasi-identifiers
 * @param levels           per quasi-identifier, its generalization level (0: as is)
 * @param levelNames       per quasi-identifier, what its level means
 * @param rows             rows of the dataset
 * @param suppressed       rows left out (in classes smaller than k, within the suppression limit)
 * @param classes          equivalence classes among the rows kept
 * @param smallestClass    the size of the smallest class kept (0 when no row is kept)
 * @param rowsBelowK       rows kept whose class is smaller than k (0 when k holds)
 * @param classesBelowK    classes kept smaller than k
 * @param exampleRows      up to {@value #MAX_EXAMPLE_ROWS} of the rows below k (1-based data row numbers, header
 *                         not counted), in file order
 * @param informationLoss  mean of level / maximum level over the quasi-identifiers, in [0, 1]
 */
public record KAnonymityResult(
        int k,
        List<String> quasiIdentifiers,
        List<Integer> levels,
        List<String> levelNames,
        long rows,
        long suppressed,
        long classes,
        long smallestClass,
        long rowsBelowK,
        long classesBelowK,
        List<Long> exampleRows,
        double informationLoss) {
    /** How many rows below k are listed. */
    public static final int MAX_EXAMPLE_ROWS = 20;

    public KAnonymityResult {
        quasiIdentifiers = List.copyOf(quasiIdentifiers);
        levels = List.copyOf(levels);
        levelNames = List.copyOf(levelNames);
        exampleRows = List.copyOf(exampleRows);
    }

    /** {@return whether k-anonymity holds} */
    public boolean holds() {
        return rowsBelowK == 0;
    }
}
