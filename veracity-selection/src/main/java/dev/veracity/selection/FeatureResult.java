package dev.veracity.selection;

import java.util.List;
import java.util.Objects;

/**
 * One feature's line of the ranking.
 *
 * @param name         the feature
 * @param kind         how it was scored
 * @param completeRows the rows where feature and label both have one usable value
 * @param scores       its scores, in {@link Method} order; empty when none could be computed
 * @param warnings     why a score is missing, or why the feature should not be selected
 * @param rank         1 for the strongest feature; features with no score come last
 * @param selected     whether the selection kept it
 */
public record FeatureResult(
        String name,
        Kind kind,
        long completeRows,
        List<Score> scores,
        List<FeatureWarning> warnings,
        int rank,
        boolean selected) {
    public FeatureResult {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(kind, "kind is null");
        scores = List.copyOf(scores);
        warnings = List.copyOf(warnings);
        if (rank < 0) {
            throw new IllegalArgumentException("rank must be at least 0: " + rank);
        }
    }

    /** {@return whether any method gave a score} */
    public boolean isScored() {
        return !scores.isEmpty();
    }

    /** {@return the consensus strength: the mean of the scores' strengths, in [0, 1]; 0 with no score} */
    public double strength() {
        if (scores.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (Score score : scores) {
            sum += score.strength();
        }
        return sum / scores.size();
    }

    /** {@return whether a warning keeps the feature out of the selection} */
    public boolean isBlocked() {
        for (FeatureWarning warning : warnings) {
            if (warning.blocksSelection()) {
                return true;
            }
        }
        return false;
    }

    /** {@return this result with its rank and selection} */
    public FeatureResult ranked(int newRank, boolean newSelected) {
        return new FeatureResult(name, kind, completeRows, scores, warnings, newRank, newSelected);
    }
}
