package dev.veracity.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks features by their consensus strength (strongest first, then by name), features with a blocking warning
 * (constant, near-constant, ID-like, leakage) after the others and unscored features last, and selects:
 * scored features without a blocking warning, the first {@code k} of them (0: all), those with strength at least
 * {@code minScore}.
 *
 * @param k        how many features to select at most; 0 for no limit
 * @param minScore the least strength of a selected feature, in [0, 1]
 */
public record Ranking(int k, double minScore) {
    public Ranking {
        if (k < 0) {
            throw new IllegalArgumentException("k must be at least 0: " + k);
        }
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new IllegalArgumentException("minScore must be in [0, 1]: " + minScore);
        }
    }

    /** {@return the features ranked and selected, in rank order} */
    public List<FeatureResult> rank(List<FeatureResult> features) {
        List<FeatureResult> sorted = new ArrayList<>(features);
        sorted.sort(Comparator.comparing((FeatureResult f) -> !f.isScored())
                .thenComparing(FeatureResult::isBlocked)
                .thenComparing(FeatureResult::strength, Comparator.reverseOrder())
                .thenComparing(FeatureResult::name));
        List<FeatureResult> ranked = new ArrayList<>(sorted.size());
        int selected = 0;
        for (int i = 0; i < sorted.size(); i++) {
            FeatureResult f = sorted.get(i);
            boolean keep = f.isScored() && !f.isBlocked() && f.strength() >= minScore && (k == 0 || selected < k);
            if (keep) {
                selected++;
            }
            ranked.add(f.ranked(i + 1, keep));
        }
        return ranked;
    }
}
