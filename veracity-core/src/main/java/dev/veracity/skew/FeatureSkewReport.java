package dev.veracity.skew;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of {@link SkewAccumulator} (driven by veracity-io's {@code FeatureSkewDetector}): TFDV's per-feature {@code FeatureSkew} results, {@code MatchStats},
 * sampled {@code SkewPair}s and {@code ConfusionCount}s.
 *
 * @param featureSkew           one result per compared feature (in either input, not an identifier, not ignored),
 *                              by name
 * @param matchStats            how the join went
 * @param skewPairs             up to the sample size of differing pairs, smallest identifiers first
 * @param confusionCounts       per categorical feature (by name), its most frequent differing value pairs, most
 *                              frequent first
 * @param confusionMaximumError per categorical feature, the largest error of its confusion counts (0: exact; the
 *                              counts are sketched beyond a few thousand distinct value pairs)
 * @param partitions            the number of hash partitions the join used (1: joined in memory without spilling)
 */
public record FeatureSkewReport(
        List<FeatureSkew> featureSkew,
        MatchStats matchStats,
        List<SkewPair> skewPairs,
        List<ConfusionCount> confusionCounts,
        Map<String, Long> confusionMaximumError,
        int partitions) {
    public FeatureSkewReport {
        featureSkew = List.copyOf(featureSkew);
        Objects.requireNonNull(matchStats, "matchStats is null");
        skewPairs = List.copyOf(skewPairs);
        confusionCounts = List.copyOf(confusionCounts);
        confusionMaximumError = Map.copyOf(confusionMaximumError);
    }

    /** {@return whether any feature differs in any matching pair (some {@code diff_count} above 0)} */
    public boolean hasSkew() {
        for (FeatureSkew skew : featureSkew) {
            if (skew.diffCount() > 0) {
                return true;
            }
        }
        return false;
    }
}
