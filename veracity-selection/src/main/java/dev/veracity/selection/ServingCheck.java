package dev.veracity.selection;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.Schema;
import dev.veracity.schema.FeatureRules;
import dev.veracity.stats.SlicedStatistics;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which features a model could not see when it serves, so that selecting them would leak: features the schema puts
 * out of the serving environment (TFDV's {@code in_environment} / {@code not_in_environment} /
 * {@code default_environment} rules), and features that statistics of serving data lack or mostly lack (present in
 * less than half the fraction of serving examples that they are of labelled training rows).
 *
 * <pre>{@code
 * ServingCheck serving = ServingCheck.none().withSchema(schema, "SERVING").withStatistics(servingStats, "serving.pb");
 * Optional<FeatureWarning> w = serving.check("completed", 8000, 8000);
 * }</pre>
 *
 * @param environment  the serving environment the schema was read for; empty when the schema is not consulted
 * @param outOfServing features the schema puts out of that environment, with the reason
 * @param source       where the serving statistics came from (a file name, for messages); empty without them
 * @param examples     the serving examples; 0 without serving statistics
 * @param present      per feature of the serving statistics, its examples with a value
 */
public record ServingCheck(
        Optional<String> environment,
        Map<String, String> outOfServing,
        Optional<String> source,
        long examples,
        Map<String, Long> present) {
    /** The environment TFX and TFDV name serving data with, the default of {@code --serving-environment}. */
    public static final String SERVING = "SERVING";
    /**
     * A feature present in serving on less than this fraction of its presence in training is mostly missing there.
     */
    public static final double MOSTLY_MISSING_RATIO = 0.5;

    public ServingCheck {
        Objects.requireNonNull(environment, "environment is null");
        Objects.requireNonNull(source, "source is null");
        outOfServing = Map.copyOf(outOfServing);
        present = Map.copyOf(present);
        if (examples < 0) {
            throw new IllegalArgumentException("examples must be at least 0: " + examples);
        }
    }

    /** {@return a check that flags nothing} */
    public static ServingCheck none() {
        return new ServingCheck(Optional.empty(), Map.of(), Optional.empty(), 0, Map.of());
    }

    /** {@return whether nothing is checked} */
    public boolean isEmpty() {
        return environment.isEmpty() && source.isEmpty();
    }

    /**
     * {@return this check with the schema's environments applied: a feature is out of {@code environment} when TFDV
     * would not validate it there ({@link FeatureRules#isInEnvironment}); as the environment must be one of the
     * schema's {@code default_environment}, that is when its {@code not_in_environment} lists it and its
     * {@code in_environment} does not}
     *
     * @param explicit whether the user named the environment: then the schema must declare it in
     *                 {@code default_environment} (TFDV raises otherwise); the default SERVING is used only when
     *                 the schema declares it and ignored otherwise
     * @throws ConfigException INVALID_OPTION if an explicit environment is not in {@code default_environment}
     */
    public ServingCheck withSchema(Schema schema, String environment, boolean explicit) {
        Objects.requireNonNull(schema, "schema is null");
        Objects.requireNonNull(environment, "environment is null");
        if (!schema.getDefaultEnvironmentList().contains(environment)) {
            if (explicit) {
                throw new ConfigException(
                        ErrorCode.INVALID_OPTION,
                        "--serving-environment: expected an environment of the schema's default_environment "
                                + schema.getDefaultEnvironmentList() + ", found " + environment);
            }
            return this;
        }
        Map<String, String> out = new HashMap<>(outOfServing);
        for (Feature feature : schema.getFeatureList()) {
            if (!FeatureRules.isInEnvironment(feature, environment, schema.getDefaultEnvironmentList())) {
                out.put(feature.getName(), "the schema lists it not_in_environment " + environment);
            }
        }
        return new ServingCheck(Optional.of(environment), out, source, examples, present);
    }

    /**
     * {@return this check with statistics of serving data: the dataset named "All Examples" if there is one, else
     * the first}
     *
     * @param where the file the statistics came from, for messages
     * @throws InputException STATISTICS_NOT_USABLE if the statistics hold no dataset or no example
     */
    public ServingCheck withStatistics(DatasetFeatureStatisticsList statistics, String where) {
        Objects.requireNonNull(statistics, "statistics is null");
        Objects.requireNonNull(where, "where is null");
        if (statistics.getDatasetsCount() == 0) {
            throw new InputException(
                    ErrorCode.STATISTICS_NOT_USABLE, where + ": expected statistics of serving data, found no dataset");
        }
        DatasetFeatureStatistics dataset = statistics.getDatasets(0);
        for (DatasetFeatureStatistics d : statistics.getDatasetsList()) {
            if (d.getName().equals(SlicedStatistics.ALL_EXAMPLES)) {
                dataset = d;
                break;
            }
        }
        if (dataset.getNumExamples() == 0) {
            throw new InputException(
                    ErrorCode.STATISTICS_NOT_USABLE,
                    where + ": expected statistics of serving examples, found 0 examples");
        }
        Map<String, Long> counts = new HashMap<>();
        for (FeatureNameStatistics feature : dataset.getFeaturesList()) {
            counts.merge(name(feature), common(feature).getNumNonMissing(), Math::max);
        }
        return new ServingCheck(environment, outOfServing, Optional.of(where), dataset.getNumExamples(), counts);
    }

    /**
     * {@return an {@code absent_in_serving} warning when the feature is out of the serving environment, missing from
     * the serving statistics, or present there on less than {@value #MOSTLY_MISSING_RATIO} of its training presence}
     *
     * @param rows    the labelled training rows
     * @param present the labelled training rows where the feature is present
     */
    public Optional<FeatureWarning> check(String feature, long rows, long present) {
        String reason = outOfServing.get(feature);
        if (reason != null) {
            return warning(reason + ": a model cannot use it when serving");
        }
        if (source.isEmpty()) {
            return Optional.empty();
        }
        Long serving = this.present.get(feature);
        if (serving == null || serving == 0) {
            return warning("not in the serving statistics " + source.get() + " (" + examples
                    + " examples): a model cannot use it when serving");
        }
        double servingFraction = serving / (double) examples;
        double trainingFraction = rows == 0 ? 0 : present / (double) rows;
        if (servingFraction < MOSTLY_MISSING_RATIO * trainingFraction) {
            return warning(String.format(
                    Locale.ROOT,
                    "present in %.1f%% of the %d serving examples (%s) but %.1f%% of the labelled rows:"
                            + " mostly missing when serving",
                    100 * servingFraction,
                    examples,
                    source.get(),
                    100 * trainingFraction));
        }
        return Optional.empty();
    }

    private static Optional<FeatureWarning> warning(String message) {
        return Optional.of(new FeatureWarning(FeatureWarning.Kind.ABSENT_IN_SERVING, message));
    }

    /** {@return the feature's name, or its path's steps joined by dots} */
    private static String name(FeatureNameStatistics feature) {
        if (feature.hasPath()) {
            return String.join(".", feature.getPath().getStepList());
        }
        return feature.getName();
    }

    private static CommonStatistics common(FeatureNameStatistics feature) {
        return switch (feature.getStatsCase()) {
            case NUM_STATS -> feature.getNumStats().getCommonStats();
            case STRING_STATS -> feature.getStringStats().getCommonStats();
            case BYTES_STATS -> feature.getBytesStats().getCommonStats();
            case STRUCT_STATS -> feature.getStructStats().getCommonStats();
            case STATS_NOT_SET -> CommonStatistics.getDefaultInstance();
        };
    }
}
