package dev.veracity.skew;

import java.util.Objects;

/**
 * TFDV's {@code ConfusionCount}: how many matching pairs had value {@code base} in training and {@code test} in
 * serving for a categorical (STRING) feature. Only pairs where the feature holds exactly one value on each side and
 * the two differ are counted: the agreeing pairs are {@link FeatureSkew#matchCount()}.
 *
 * @param featureName the feature
 * @param base        the training value
 * @param test        the serving value
 * @param count       the number of pairs; exact when {@link FeatureSkewReport#confusionMaximumError()} is 0 for the
 *                    feature, else an estimate within that error
 */
public record ConfusionCount(String featureName, String base, String test, long count) {
    public ConfusionCount {
        Objects.requireNonNull(featureName, "featureName is null");
        Objects.requireNonNull(base, "base is null");
        Objects.requireNonNull(test, "test is null");
    }
}
