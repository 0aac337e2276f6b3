package dev.veracity.schema;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeaturePaths.Path;
import dev.veracity.proto.Schema;
import dev.veracity.proto.SeverityOverride;
import dev.veracity.proto.ValidationConfig;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates statistics against a schema, as TFDV's {@code validate_statistics}: every way the statistics break the
 * schema becomes a reason, with TFDV's anomaly type, in an {@code Anomalies} message keyed by serialized feature
 * path. Reads only statistics, never data. Every anomaly is an ERROR unless a severity override says otherwise.
 * With a previous span, serving data or a previous version, the schema's drift, skew and example-count
 * comparators run too, and their measurements fill {@code drift_skew_info}.
 *
 * <pre>{@code
 * Anomalies anomalies = Validator.validate(servingStats, schema).environment("SERVING").run();
 * Anomalies drift = Validator.validate(todayStats, schema).previous(yesterdayStats).run();
 * }</pre>
 */
public final class Validator {
    private final DatasetFeatureStatisticsList statistics;
    private final Schema schema;
    private String environment;
    private String dataset;
    private DatasetFeatureStatisticsList previous;
    private DatasetFeatureStatisticsList serving;
    private DatasetFeatureStatisticsList previousVersion;
    private boolean correspondingSlices;
    private final Map<AnomalyInfo.Type, AnomalyInfo.Severity> severities = new EnumMap<>(AnomalyInfo.Type.class);

    private Validator(DatasetFeatureStatisticsList statistics, Schema schema) {
        this.statistics = statistics;
        this.schema = schema;
    }

    /** {@return a validation of {@code statistics} against {@code schema}, ready to configure and run} */
    public static Validator validate(DatasetFeatureStatisticsList statistics, Schema schema) {
        return new Validator(statistics, schema);
    }

    /** Validates as data of {@code environment}, one of the schema's {@code default_environment}s. */
    public Validator environment(String environment) {
        this.environment = environment;
        return this;
    }

    /** Validates the dataset (slice) named {@code name} instead of the only or "All Examples" one. */
    public Validator dataset(String name) {
        this.dataset = name;
        return this;
    }

    /**
     * Validates every slice of the statistics, as TFDV's {@code validate_corresponding_slices}: each slice against
     * the schema, and against the same slice of the previous and serving statistics (a slice they lack has nothing
     * to compare with); anomalies are keyed {@code slice(NAME)::feature}. Dataset constraints apply to the overall
     * dataset ("All Examples"). Not with {@link #dataset}.
     *
     * <pre>{@code
     * Validator.validate(slicedStats, schema).correspondingSlices().previous(slicedYesterday).run();
     * }</pre>
     */
    public Validator correspondingSlices() {
        this.correspondingSlices = true;
        return this;
    }

    /**
     * Compares with the previous span: the features' {@code drift_comparator}s and the dataset's
     * {@code num_examples_drift_comparator} (TFDV's {@code previous_statistics}).
     */
    public Validator previous(DatasetFeatureStatisticsList statistics) {
        this.previous = Objects.requireNonNull(statistics, "statistics is null");
        return this;
    }

    /**
     * Compares with serving data: the features' {@code skew_comparator}s, the statistics validated being the
     * training data (TFDV's {@code serving_statistics}).
     */
    public Validator serving(DatasetFeatureStatisticsList statistics) {
        this.serving = Objects.requireNonNull(statistics, "statistics is null");
        return this;
    }

    /**
     * Compares the example count with the previous version of the dataset: the dataset's
     * {@code num_examples_version_comparator} (TFDV's {@code previous_version_statistics}).
     */
    public Validator previousVersion(DatasetFeatureStatisticsList statistics) {
        this.previousVersion = Objects.requireNonNull(statistics, "statistics is null");
        return this;
    }

    /** Reports anomalies of {@code type} with {@code severity} instead of ERROR. */
    public Validator severity(AnomalyInfo.Type type, AnomalyInfo.Severity severity) {
        severities.put(type, severity);
        return this;
    }

    /** Applies TFDV's {@code ValidationConfig} severity overrides. */
    public Validator config(ValidationConfig config) {
        for (SeverityOverride override : config.getSeverityOverridesList()) {
            severity(override.getType(), override.getSeverity());
        }
        return this;
    }

    /**
     * {@return the anomalies found}
     *
     * @throws ConfigException if the environment is not one of the schema's default environments
     * @throws dev.veracity.InputException if a control's statistics have no dataset to use (see {@link #dataset})
     */
    public Anomalies run() {
        return report().anomalies();
    }

    /**
     * {@return the anomalies found and the comparators that could not apply}
     *
     * @throws ConfigException if the environment is not one of the schema's default environments
     * @throws dev.veracity.InputException if a control's statistics have no dataset to use: the dataset of the
     *         same name as the one validated when there is one, else the only or "All Examples" one
     */
    public ValidationReport report() {
        if (environment != null && !schema.getDefaultEnvironmentList().contains(environment)) {
            throw new ConfigException(
                    ErrorCode.ENVIRONMENT_UNKNOWN,
                    "expected an environment the schema declares in "
                            + "default_environment ("
                            + (schema.getDefaultEnvironmentCount() == 0
                                    ? "it declares none"
                                    : schema.getDefaultEnvironmentList().stream()
                                            .map(e -> "\"" + e + "\"")
                                            .collect(Collectors.joining(", ")))
                            + "), found \"" + environment + "\"");
        }
        if (correspondingSlices && dataset != null) {
            throw new IllegalStateException("corresponding slices validate every dataset: no dataset(name) with them");
        }
        Set<String> slices = new LinkedHashSet<>();
        DatasetView data = correspondingSlices
                ? SlicedValidation.flatten(statistics, slices)
                : DatasetView.of(statistics, dataset);
        ComparatorChecks comparators = new ComparatorChecks(
                correspondingSlices ? flatten(previous, slices) : control(previous, data),
                correspondingSlices ? flatten(serving, slices) : control(serving, data),
                control(previousVersion, data));
        Schema baseline = correspondingSlices ? SlicedValidation.replicate(schema, slices) : schema;
        SchemaEngine.Result result = SchemaEngine.run(
                baseline,
                data,
                InferenceOptions.defaults().withMaxDomainSize(InferenceOptions.VALIDATION_DOMAIN_SIZE),
                environment,
                comparators);
        Anomalies.Builder anomalies = Anomalies.newBuilder()
                .setBaseline(baseline)
                .setAnomalyNameFormat(Anomalies.AnomalyNameFormat.SERIALIZED_PATH);
        if (result.dataMissing()) {
            return new ValidationReport(anomalies.setDataMissing(true).build(), List.of());
        }
        for (Map.Entry<Path, List<Description>> entry : result.features().entrySet()) {
            anomalies.putAnomalyInfo(
                    PathNames.serialize(entry.getKey()),
                    info(entry.getValue()).setPath(entry.getKey()).build());
        }
        if (!result.dataset().isEmpty()) {
            anomalies.setDatasetAnomalyInfo(info(result.dataset()));
        }
        anomalies.addAllDriftSkewInfo(result.measurements());
        return new ValidationReport(anomalies.build(), result.warnings());
    }

    private static DatasetView flatten(DatasetFeatureStatisticsList statistics, Set<String> slices) {
        return statistics == null ? null : SlicedValidation.flatten(statistics, slices);
    }

    /** The control dataset: of the validated dataset's name if the control has one, else its default one. */
    private static DatasetView control(DatasetFeatureStatisticsList statistics, DatasetView data) {
        if (statistics == null) {
            return null;
        }
        String name = data.dataset().getName();
        boolean named = statistics.getDatasetsCount() > 1
                && statistics.getDatasetsList().stream()
                        .anyMatch(d -> d.getName().equals(name));
        return DatasetView.of(statistics, named ? name : null);
    }

    /** {@return whether the anomalies hold no finding at all (TFX's "blessed")} */
    public static boolean isClean(Anomalies anomalies) {
        return anomalies.getAnomalyInfoCount() == 0
                && !anomalies.hasDatasetAnomalyInfo()
                && !anomalies.getDataMissing();
    }

    private AnomalyInfo.Builder info(List<Description> descriptions) {
        List<Description> reasons = descriptions.stream().allMatch(d -> d.type() == AnomalyInfo.Type.SCHEMA_NEW_COLUMN)
                ? descriptions.subList(0, 1)
                : descriptions;
        AnomalyInfo.Builder info = AnomalyInfo.newBuilder();
        AnomalyInfo.Severity severity = AnomalyInfo.Severity.UNKNOWN;
        for (Description reason : reasons) {
            info.addReason(AnomalyInfo.Reason.newBuilder()
                    .setType(reason.type())
                    .setShortDescription(reason.shortDescription())
                    .setDescription(reason.description()));
            AnomalyInfo.Severity own = severities.getOrDefault(reason.type(), AnomalyInfo.Severity.ERROR);
            if (own.getNumber() > severity.getNumber()) {
                severity = own;
            }
        }
        return info.setSeverity(severity)
                .setShortDescription(reasons.size() == 1 ? reasons.get(0).shortDescription() : "Multiple errors")
                .setDescription(reasons.stream().map(Description::description).collect(Collectors.joining(" ")));
    }
}
