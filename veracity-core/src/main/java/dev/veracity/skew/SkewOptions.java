package dev.veracity.skew;

import dev.veracity.ConfigException;
import java.util.HashSet;
import java.util.List;

/**
 * The arguments of TFDV's {@code DetectFeatureSkew}. Duplicate identifiers are never allowed
 * (TFDV's default {@code allow_duplicate_identifiers=False}).
 *
 * <pre>{@code
 * SkewOptions options = SkewOptions.of(List.of("id")).withFeaturesToIgnore(List.of("label")).withSampleSize(10);
 * }</pre>
 *
 * @param identifierFeatures the features whose values together identify an example (TFDV's identifier_features)
 * @param featuresToIgnore   features not compared (TFDV's features_to_ignore)
 * @param sampleSize         skew pairs kept as samples, those with the smallest identifiers (TFDV's sample_size)
 * @param floatRoundDigits   decimal digits floats are rounded to before comparing, half to even on the exact binary
 *                           value as Python's {@code round}; {@link #NO_ROUNDING} to compare exactly
 *                           (TFDV's float_round_ndigits)
 * @param confusionTopN      confusion counts kept per categorical feature, the most frequent first
 */
public record SkewOptions(
        List<String> identifierFeatures,
        List<String> featuresToIgnore,
        int sampleSize,
        int floatRoundDigits,
        int confusionTopN) {
    /** {@link #floatRoundDigits()} when floats are compared exactly. */
    public static final int NO_ROUNDING = -1;

    /** Rounding beyond this many digits changes no double. */
    public static final int MAX_ROUND_DIGITS = 340;

    /** Confusion counts kept per feature unless set. */
    public static final int DEFAULT_CONFUSION_TOP_N = 20;

    public SkewOptions {
        identifierFeatures = List.copyOf(identifierFeatures);
        featuresToIgnore = List.copyOf(featuresToIgnore);
        if (identifierFeatures.isEmpty()) {
            throw new ConfigException("expected at least one identifier feature (--key), found none");
        }
        if (new HashSet<>(identifierFeatures).size() != identifierFeatures.size()) {
            throw new ConfigException("expected distinct identifier features, found " + identifierFeatures);
        }
        for (String key : identifierFeatures) {
            if (featuresToIgnore.contains(key)) {
                throw new ConfigException("identifier feature '" + key + "' cannot also be ignored");
            }
        }
        if (sampleSize < 0) {
            throw new ConfigException("sample size: expected >= 0, found " + sampleSize);
        }
        if (floatRoundDigits != NO_ROUNDING && (floatRoundDigits < 0 || floatRoundDigits > MAX_ROUND_DIGITS)) {
            throw new ConfigException(
                    "float round digits: expected 0.." + MAX_ROUND_DIGITS + ", found " + floatRoundDigits);
        }
        if (confusionTopN < 0) {
            throw new ConfigException("confusion top N: expected >= 0, found " + confusionTopN);
        }
    }

    /** {@return options joining on {@code identifierFeatures}, nothing ignored, no samples, exact floats} */
    public static SkewOptions of(List<String> identifierFeatures) {
        return new SkewOptions(identifierFeatures, List.of(), 0, NO_ROUNDING, DEFAULT_CONFUSION_TOP_N);
    }

    /** {@return these options, ignoring {@code features}} */
    public SkewOptions withFeaturesToIgnore(List<String> features) {
        return new SkewOptions(identifierFeatures, features, sampleSize, floatRoundDigits, confusionTopN);
    }

    /** {@return these options, keeping {@code size} skew pairs as samples} */
    public SkewOptions withSampleSize(int size) {
        return new SkewOptions(identifierFeatures, featuresToIgnore, size, floatRoundDigits, confusionTopN);
    }

    /** {@return these options, rounding floats to {@code digits} decimal digits ({@link #NO_ROUNDING}: none)} */
    public SkewOptions withFloatRoundDigits(int digits) {
        return new SkewOptions(identifierFeatures, featuresToIgnore, sampleSize, digits, confusionTopN);
    }

    /** {@return these options, keeping {@code n} confusion counts per categorical feature} */
    public SkewOptions withConfusionTopN(int n) {
        return new SkewOptions(identifierFeatures, featuresToIgnore, sampleSize, floatRoundDigits, n);
    }

    /** {@return whether floats are rounded before comparing} */
    public boolean roundsFloats() {
        return floatRoundDigits != NO_ROUNDING;
    }
}
