package dev.veracity.selection;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 * @param redundantWith the feature ranked before it that it is most associated with, at or above the ranking's
 *                      redundancy threshold; empty when none
 */
public record FeatureResult(
        String name,
        Kind kind,
        long completeRows,
        List<Score> scores,
        List<FeatureWarning> warnings,
        int rank,
        boolean selected,
        Optional<Redundant> redundantWith) {
    public FeatureResult {
        Objects.requireNonNull(redundantWith, "redundantWith is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(kind, "kind is null");
        scores = List.copyOf(scores);
        warnings = List.copyOf(warnings);
        if (rank < 0) {
            throw new IllegalArgumentException("rank must be at least 0: " + rank);
        }
    }

    /** A result not yet checked for redundancy. */
    public FeatureResult(
            String name,
            Kind kind,
            long completeRows,
            List<Score> scores,
            List<FeatureWarning> warnings,
            int rank,
            boolean selected) {
        this(name, kind, completeRows, scores, warnings, rank, selected, Optional.empty());
    }

    /**
     * The association of a feature with a feature ranked before it.
     *
     * @param name  the other feature
     * @param value Pearson's r (numeric pair) or Cramér's V (categorical pair)
     */
    public record Redundant(String name, double value) {
        public Redundant {
            Objects.requireNonNull(name, "name is null");
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
        return new FeatureResult(name, kind, completeRows, scores, warnings, newRank, newSelected, redundantWith);
    }

    /** {@return this result ranked, marked redundant with another feature (a blocking warning)} */
    FeatureResult redundant(Redundant with, FeatureWarning warning) {
        List<FeatureWarning> more = new java.util.ArrayList<>(warnings);
        more.add(warning);
        return new FeatureResult(name, kind, completeRows, scores, more, rank, false, Optional.of(with));
    }
}
