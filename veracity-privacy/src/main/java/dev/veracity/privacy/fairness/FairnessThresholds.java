package dev.veracity.privacy.fairness;

import dev.veracity.ConfigException;

/**
 * When a group check raises an anomaly. Defaults: a share below 0.8 of the reference share (the 80% rule); without
 * a reference, a class imbalance against the largest group above 0.6 (fewer than a quarter of its rows); a
 * difference in positive proportions DPL = rate of the rest - rate of the group above 0.1 (the group gets the
 * positive label less often: name the favourable outcome with the positive label) or, for labels of more than two
 * values, a total variation distance above 0.1; a missing-value rate more than 0.1 above the rest's. Label and missing-value checks skip groups smaller than
 * {@code minGroupSize} (20): their rates are noise.
 *
 * @param minShareRatio      least share / reference share
 * @param maxClassImbalance  largest (n_max - n_d) / (n_max + n_d)
 * @param maxDpl             largest positive rate of the rest - positive rate of the group
 * @param maxTvd             largest total variation distance between label distributions (non-binary labels)
 * @param maxMissingGap      largest missing rate of the group - missing rate of the rest, per feature
 * @param minGroupSize       least rows of a group for label and missing-value checks
 */
public record FairnessThresholds(
        double minShareRatio,
        double maxClassImbalance,
        double maxDpl,
        double maxTvd,
        double maxMissingGap,
        int minGroupSize) {
    /** The defaults above. */
    public static final FairnessThresholds DEFAULT = new FairnessThresholds(0.8, 0.6, 0.1, 0.1, 0.1, 20);

    public FairnessThresholds {
        check("min share ratio", minShareRatio);
        check("max class imbalance", maxClassImbalance);
        check("max DPL", maxDpl);
        check("max TVD", maxTvd);
        check("max missing gap", maxMissingGap);
        if (minGroupSize < 1) {
            throw new ConfigException("min group size: expected at least 1, found " + minGroupSize);
        }
    }

    private static void check(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new ConfigException(name + ": expected a number in [0, 1], found " + value);
        }
    }
}
