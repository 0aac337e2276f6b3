package dev.veracity.drift;

import static java.util.Objects.requireNonNull;

import dev.veracity.ConfigException;
import dev.veracity.proto.Feature;
import dev.veracity.proto.Schema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per-feature choices of drift test and threshold; features without one get Evidently's default
 * ({@link FeatureDrift#defaultTest}) and the test's default threshold.
 *
 * <p>In a schema, the choices are annotation tags that TFDV keeps and ignores ({@code Feature.annotation.tag}
 * is free text to TFDV), so the schema stays valid for TFDV:
 * <pre>{@code
 * feature { name: "fare" type: FLOAT
 *   annotation { tag: "veracity:drift_test=psi" tag: "veracity:drift_threshold=0.2" } }
 * }</pre>
 *
 * @param tests      the test per feature path (as TFDV serializes it)
 * @param thresholds the threshold per feature path
 */
public record DriftConfig(Map<String, DriftTest> tests, Map<String, Double> thresholds) {
    /** The tag prefix of a feature's test in a schema. */
    public static final String TEST_TAG = "veracity:drift_test=";
    /** The tag prefix of a feature's threshold in a schema. */
    public static final String THRESHOLD_TAG = "veracity:drift_threshold=";

    public DriftConfig {
        tests = Map.copyOf(requireNonNull(tests, "tests is null"));
        thresholds = Map.copyOf(requireNonNull(thresholds, "thresholds is null"));
        thresholds.forEach((feature, threshold) -> {
            if (!(threshold >= 0) || Double.isInfinite(threshold)) {
                throw new ConfigException(
                        "drift threshold of " + feature + ": expected a finite number >= 0, found " + threshold);
            }
        });
    }

    /** {@return no choices: every feature gets the defaults} */
    public static DriftConfig defaults() {
        return new DriftConfig(Map.of(), Map.of());
    }

    /** {@return this configuration with the feature's test set} */
    public DriftConfig withTest(String feature, DriftTest test) {
        Map<String, DriftTest> changed = new LinkedHashMap<>(tests);
        changed.put(requireNonNull(feature, "feature is null"), requireNonNull(test, "test is null"));
        return new DriftConfig(changed, thresholds);
    }

    /** {@return this configuration with the feature's threshold set} */
    public DriftConfig withThreshold(String feature, double threshold) {
        Map<String, Double> changed = new LinkedHashMap<>(thresholds);
        changed.put(requireNonNull(feature, "feature is null"), threshold);
        return new DriftConfig(tests, changed);
    }

    /** {@return this configuration with every choice of {@code other} taking precedence (command line over schema)} */
    public DriftConfig overriddenBy(DriftConfig other) {
        Map<String, DriftTest> mergedTests = new LinkedHashMap<>(tests);
        mergedTests.putAll(other.tests);
        Map<String, Double> mergedThresholds = new LinkedHashMap<>(thresholds);
        mergedThresholds.putAll(other.thresholds);
        return new DriftConfig(mergedTests, mergedThresholds);
    }

    /** {@return the feature's chosen test, if any} */
    public Optional<DriftTest> test(String feature) {
        return Optional.ofNullable(tests.get(feature));
    }

    /** {@return the feature's chosen threshold, if any} */
    public Optional<Double> threshold(String feature) {
        return Optional.ofNullable(thresholds.get(feature));
    }

    /**
     * {@return the choices written as {@code veracity:drift_test=NAME} and {@code veracity:drift_threshold=X} tags
     * of top-level features' annotations (other tags are left alone)}
     *
     * @throws ConfigException if a tag names no test or holds no number
     */
    public static DriftConfig fromSchema(Schema schema) {
        DriftConfig config = defaults();
        for (Feature feature : schema.getFeatureList()) {
            for (String tag : feature.getAnnotation().getTagList()) {
                String value = tag.strip();
                if (value.startsWith(TEST_TAG)) {
                    String name = value.substring(TEST_TAG.length());
                    DriftTest test = DriftTest.parse(name)
                            .orElseThrow(() -> new ConfigException("schema feature " + feature.getName() + ": tag "
                                    + tag + ": expected one of " + DriftTest.names() + ", found \"" + name + "\""));
                    config = config.withTest(feature.getName(), test);
                } else if (value.startsWith(THRESHOLD_TAG)) {
                    config = config.withThreshold(
                            feature.getName(),
                            parseThreshold(
                                    value.substring(THRESHOLD_TAG.length()),
                                    "schema feature " + feature.getName() + ": tag " + tag));
                }
            }
        }
        return config;
    }

    /**
     * {@return a threshold parsed from text}
     *
     * @param where what to name in the error message
     * @throws ConfigException if the text is not a finite number >= 0
     */
    public static double parseThreshold(String text, String where) {
        try {
            double threshold = Double.parseDouble(text.strip());
            if (threshold >= 0 && Double.isFinite(threshold)) {
                return threshold;
            }
        } catch (NumberFormatException e) {
            // reported below with the context
        }
        throw new ConfigException(where + ": expected a finite number >= 0, found \"" + text + "\"");
    }
}
