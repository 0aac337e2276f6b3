package dev.veracity.validate.checks;

import dev.veracity.data.ValueText;
import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Proposes checks from one dataset's statistics, as Deequ's constraint suggestion does, each with its evidence.
 * Deterministic: features in statistics order, rules in this order:
 *
 * <ul>
 *   <li>{@code size}: {@code num_examples >= 1} (the dataset is not empty).
 *   <li>{@code complete} (Deequ's CompleteIfCompleteRule): a feature present in every example gets
 *       {@code missing_fraction <= 0}.
 *   <li>{@code retain_completeness} (RetainCompletenessRule): otherwise {@code missing_fraction <= m + 1.96 *
 *       sqrt(m (1 - m) / n)}, the upper end of the normal 95% interval of the missing fraction m over n examples,
 *       rounded up to 4 decimals.
 *   <li>{@code non_negative} (NonNegativeNumbersRule): a numeric feature whose smallest value is at least 0 gets
 *       {@code min >= 0}; {@code range}: else {@code min >= } the smallest value seen; and {@code max <=} the largest.
 *   <li>{@code categorical_range} (CategoricalRangeRule): a string feature with at most {@value #MAX_CATEGORIES}
 *       distinct values that repeat (fewer distinct values than values) gets {@code unique <= } that count.
 *   <li>{@code unique} (UniqueIfApproximatelyUniqueRule): a string feature whose values are all distinct gets
 *       {@code unique_fraction >= 1}.
 * </ul>
 *
 * With a schema ({@link #suggest(DatasetFeatureStatistics, Schema, String)}) the suggestions are refined:
 *
 * <ul>
 *   <li>a feature not expected in the environment (TFDV's {@code in_environment} / {@code not_in_environment}, the
 *       schema's {@code default_environment} when none is given) or deprecated gets no check;
 *   <li>a feature the schema types {@code BYTES} gets no numeric range, one typed {@code INT} or {@code FLOAT} no
 *       string check (numbers as codes, say zip codes, are not ranged);
 *   <li>{@code schema_domain}: an {@code int_domain} or {@code float_domain} bounds {@code min} and {@code max} by the
 *       schema's limits instead of the values seen; a string domain (inline or the schema's named one) bounds
 *       {@code unique} by its size;
 *   <li>a feature marked {@code veracity:pii} gets no check that states one of its values: no {@code range}, no
 *       domain limits (completeness and counts only).
 * </ul>
 *
 * <pre>{@code
 * List<SuggestedCheck> suggested = CheckSuggestion.suggest(statistics.getDatasets(0));
 * List<SuggestedCheck> refined = CheckSuggestion.suggest(statistics.getDatasets(0), schema, "SERVING");
 * }</pre>
 */
public final class CheckSuggestion {
    /** The most distinct values of a feature suggested as a categorical domain size. */
    public static final int MAX_CATEGORIES = 100;

    private static final double Z_95 = 1.96;

    private CheckSuggestion() {}

    /** {@return the suggested checks for the dataset, in a stable order} */
    public static List<SuggestedCheck> suggest(DatasetFeatureStatistics dataset) {
        return suggest(dataset, Schema.getDefaultInstance(), "");
    }

    /**
     * {@return the suggested checks for the dataset refined by a schema, in a stable order}
     *
     * @param environment the environment the checks are for ("" for the schema's default environments, if any)
     */
    public static List<SuggestedCheck> suggest(DatasetFeatureStatistics dataset, Schema schema, String environment) {
        java.util.Objects.requireNonNull(schema, "schema is null");
        java.util.Objects.requireNonNull(environment, "environment is null");
        SchemaHints hints = new SchemaHints(schema, environment);
        List<SuggestedCheck> suggested = new ArrayList<>();
        long examples = dataset.getNumExamples();
        if (examples > 0) {
            suggested.add(new SuggestedCheck(
                    Check.of("", Metric.NUM_EXAMPLES).withBounds(1, Double.POSITIVE_INFINITY),
                    "size",
                    "the dataset has " + examples + " examples; raise the bound to the fewest you accept"));
        }
        StatisticsMetrics metrics = StatisticsMetrics.of(dataset);
        for (String name : metrics.featureNames()) {
            FeatureNameStatistics feature = metrics.feature(name).orElseThrow();
            Optional<CommonStatistics> common = StatisticsMetrics.common(feature);
            if (common.isEmpty() || !hints.expected(name)) {
                continue;
            }
            completeness(name, common.get(), suggested);
            Optional<SuggestedCheck[]> domain = hints.numericDomain(name);
            if (domain.isPresent() && hints.allowsNumbers(name) && !hints.isPii(name)) {
                suggested.addAll(List.of(domain.get()));
            } else if (feature.hasNumStats()
                    && feature.getNumStats().getCommonStats().getTotNumValues() > 0
                    && hints.allowsNumbers(name)) {
                range(name, feature, suggested, hints.isPii(name));
            }
            Optional<SuggestedCheck> strings = hints.stringDomain(name);
            if (strings.isPresent() && hints.allowsStrings(name)) {
                suggested.add(strings.get());
            } else if (feature.hasStringStats()
                    && feature.getStringStats().getCommonStats().getTotNumValues() > 0
                    && hints.allowsStrings(name)) {
                categorical(name, feature, suggested);
            }
        }
        return suggested;
    }

    private static void completeness(String name, CommonStatistics common, List<SuggestedCheck> suggested) {
        long missing = common.getNumMissing();
        long n = missing + common.getNumNonMissing();
        if (n == 0) {
            return;
        }
        if (missing == 0) {
            suggested.add(new SuggestedCheck(
                    Check.of(name, Metric.MISSING_FRACTION).withBounds(Double.NEGATIVE_INFINITY, 0),
                    "complete",
                    name + " is present in all " + n + " examples"));
            return;
        }
        double m = (double) missing / n;
        double bound = Math.min(1, roundUp(m + Z_95 * Math.sqrt(m * (1 - m) / n)));
        suggested.add(new SuggestedCheck(
                Check.of(name, Metric.MISSING_FRACTION).withBounds(Double.NEGATIVE_INFINITY, bound),
                "retain_completeness",
                name + " is missing in " + missing + " of " + n + " examples (" + ValueText.of(m)
                        + "); the bound is the upper end of its 95% interval"));
    }

    private static void range(String name, FeatureNameStatistics feature, List<SuggestedCheck> suggested, boolean pii) {
        double min = feature.getNumStats().getMin();
        double max = feature.getNumStats().getMax();
        if (pii) {
            if (min >= 0) { // 0 is no value of the feature: the bound states nothing about a person
                suggested.add(new SuggestedCheck(
                        Check.of(name, Metric.MIN).withBounds(0, Double.POSITIVE_INFINITY),
                        "non_negative",
                        name + " (PII) has no negative value"));
            }
            return;
        }
        if (min >= 0) {
            suggested.add(new SuggestedCheck(
                    Check.of(name, Metric.MIN).withBounds(0, Double.POSITIVE_INFINITY),
                    "non_negative",
                    "the smallest value of " + name + " is " + ValueText.of(min) + ", not negative"));
        } else if (Double.isFinite(min)) {
            suggested.add(new SuggestedCheck(
                    Check.of(name, Metric.MIN).withBounds(min, Double.POSITIVE_INFINITY),
                    "range",
                    "the smallest value of " + name + " is " + ValueText.of(min)));
        }
        if (Double.isFinite(max)) {
            suggested.add(new SuggestedCheck(
                    Check.of(name, Metric.MAX).withBounds(Double.NEGATIVE_INFINITY, max),
                    "range",
                    "the largest value of " + name + " is " + ValueText.of(max)));
        }
    }

    private static void categorical(String name, FeatureNameStatistics feature, List<SuggestedCheck> suggested) {
        long unique = feature.getStringStats().getUnique();
        long values = feature.getStringStats().getCommonStats().getTotNumValues();
        if (unique == values) {
            suggested.add(new SuggestedCheck(
                    Check.of(name, Metric.UNIQUE_FRACTION).withBounds(1, Double.POSITIVE_INFINITY),
                    "unique",
                    "all " + values + " values of " + name + " are distinct"));
        } else if (unique <= MAX_CATEGORIES) {
            suggested.add(new SuggestedCheck(
                    Check.of(name, Metric.UNIQUE).withBounds(Double.NEGATIVE_INFINITY, unique),
                    "categorical_range",
                    name + " has " + unique + " distinct values in " + values + ": a categorical domain"));
        }
    }

    private static double roundUp(double value) {
        return new BigDecimal(value).setScale(4, RoundingMode.CEILING).doubleValue();
    }
}
