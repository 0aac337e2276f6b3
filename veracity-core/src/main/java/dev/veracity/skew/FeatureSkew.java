package dev.veracity.skew;

import java.util.Objects;

/**
 * TFDV's {@code FeatureSkew}: how one feature compares over the matching pairs, the identifiers with exactly one
 * training (base) and one serving (test) example. Examples whose identifier is missing, found on one side only, or
 * duplicated are not pairs and count nowhere here (see {@link MatchStats}).
 *
 * <p>A feature is <em>present</em> in an example when its column has the row (a CSV cell that is not empty, a JSON
 * key that is not null; an explicit empty JSON list is present). Two present values <em>match</em> when their lists
 * have the same length and equal elements in order: integers and floats compare numerically (so INT 3 in one file
 * matches FLOAT 3.0 in the other), floats after rounding to {@link SkewOptions#floatRoundDigits()} digits when set,
 * NaN matches NaN and -0.0 matches 0.0, a string matches a number only if it parses to that number, strings
 * byte-wise.
 *
 * @param featureName   the feature
 * @param baseCount     pairs whose base example has the feature
 * @param testCount     pairs whose test example has the feature
 * @param matchCount    pairs with the feature on both sides, with matching values
 * @param baseOnly      pairs with the feature in the base example only
 * @param testOnly      pairs with the feature in the test example only
 * @param mismatchCount pairs with the feature on both sides, with values that do not match
 * @param diffCount     pairs where the feature differs in any way: {@code baseOnly + testOnly + mismatchCount}
 */
public record FeatureSkew(
        String featureName,
        long baseCount,
        long testCount,
        long matchCount,
        long baseOnly,
        long testOnly,
        long mismatchCount,
        long diffCount) {
    public FeatureSkew {
        Objects.requireNonNull(featureName, "featureName is null");
        if (diffCount != baseOnly + testOnly + mismatchCount) {
            throw new IllegalArgumentException(
                    "diffCount " + diffCount + " is not baseOnly + testOnly + mismatchCount");
        }
    }

    /**
     * {@return the fraction of the pairs with the feature on both sides whose values do not match:
     * {@code mismatchCount / (matchCount + mismatchCount)}, 0 when no pair has it on both sides}
     */
    public double mismatchRate() {
        long both = matchCount + mismatchCount;
        return both == 0 ? 0 : (double) mismatchCount / both;
    }
}
