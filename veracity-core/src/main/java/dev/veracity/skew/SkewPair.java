package dev.veracity.skew;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * TFDV's {@code SkewPair}: one matching pair in which at least one feature differs, kept as a sample.
 *
 * @param identifier         the id: per identifier feature, its values as text, joined by {@code ,}
 * @param base               the base (training) example's compared features and values, by name, in name order
 * @param test               the test (serving) example's compared features and values, by name
 * @param baseOnlyFeatures   features present in the base example only
 * @param testOnlyFeatures   features present in the test example only
 * @param matchedFeatures    features present on both sides with matching values
 * @param mismatchedFeatures features present on both sides with values that do not match
 */
public record SkewPair(
        List<String> identifier,
        Map<String, ValueList> base,
        Map<String, ValueList> test,
        List<String> baseOnlyFeatures,
        List<String> testOnlyFeatures,
        List<String> matchedFeatures,
        List<String> mismatchedFeatures) {
    public SkewPair {
        identifier = List.copyOf(identifier);
        base = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(base, "base is null")));
        test = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(test, "test is null")));
        baseOnlyFeatures = List.copyOf(baseOnlyFeatures);
        testOnlyFeatures = List.copyOf(testOnlyFeatures);
        matchedFeatures = List.copyOf(matchedFeatures);
        mismatchedFeatures = List.copyOf(mismatchedFeatures);
    }
}
