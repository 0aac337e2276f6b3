package dev.veracity.validate.example;

import dev.veracity.data.FeatureType;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Feature;
import dev.veracity.proto.Schema;
import dev.veracity.schema.FeatureRules;
import dev.veracity.schema.Validator;
import dev.veracity.stats.DatasetAccumulator;
import dev.veracity.stats.StatisticsOptions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Validates one record against a schema, as TFDV's per-example validation does ({@code validate_instance}): the
 * record is a dataset of one, and its reasons are what {@link Validator} finds in that dataset's statistics, without
 * the anomaly types that only make sense for a whole dataset (presence fractions and counts, comparators, example
 * counts). One difference from TFDV, on purpose: a record lacking a feature every example must have (required, with
 * {@code presence.min_fraction: 1}) keeps {@code FEATURE_TYPE_NOT_PRESENT} (TFDV drops it per example), so a serving
 * request without a required feature is caught; a feature with only {@code min_count} is not required per example. Thread-safe and immutable: build it once per schema and environment, call {@link #check} from any thread.
 *
 * <pre>{@code
 * RecordValidator validator = RecordValidator.of(schema, "SERVING");
 * ExampleAnomalies found = validator.check(Map.of("fare", 12.5, "company", "Flash Cab"));
 * }</pre>
 *
 * <p>Values are {@code Long}, {@code Integer}, {@code Short}, {@code Byte} or {@code Boolean} (1 or 0) for INT,
 * {@code Double} or {@code Float} for FLOAT (an integer is accepted as a FLOAT), {@code String} or {@code byte[]}
 * for BYTES, or a flat {@code List} of them for several values; an absent key and a {@code null} value are both a
 * missing feature. A clean record is checked by a compiled screen without building statistics (microseconds); a
 * record the screen cannot pass is described by the statistics accumulators and validated by {@link Validator}.
 */
public final class RecordValidator {
    /** TFDV's {@code _GLOBAL_ONLY_ANOMALY_TYPES} (validation_api.py), minus FEATURE_TYPE_NOT_PRESENT (see above). */
    private static final Set<AnomalyInfo.Type> GLOBAL_ONLY = EnumSet.of(
            AnomalyInfo.Type.FEATURE_TYPE_LOW_FRACTION_PRESENT,
            AnomalyInfo.Type.FEATURE_TYPE_LOW_NUMBER_PRESENT,
            AnomalyInfo.Type.SCHEMA_TRAINING_SERVING_SKEW,
            AnomalyInfo.Type.COMPARATOR_CONTROL_DATA_MISSING,
            AnomalyInfo.Type.COMPARATOR_TREATMENT_DATA_MISSING,
            AnomalyInfo.Type.COMPARATOR_L_INFTY_HIGH,
            AnomalyInfo.Type.COMPARATOR_LOW_NUM_EXAMPLES,
            AnomalyInfo.Type.COMPARATOR_HIGH_NUM_EXAMPLES,
            AnomalyInfo.Type.NO_DATA_IN_SPAN);

    private final Schema schema;
    private final String environment;
    private final boolean opaque;
    private final Map<String, FeatureScreen> screens = new HashMap<>();
    private final List<FeatureScreen> required = new ArrayList<>();
    private final List<Feature> columns = new ArrayList<>();
    private final Set<String> requiredPerExample = new HashSet<>();
    private final StatisticsOptions options;

    private RecordValidator(Schema schema, String environment) {
        this.schema = schema;
        this.environment = environment;
        Validator.validate(
                        DatasetFeatureStatisticsList.newBuilder()
                                .addDatasets(DatasetFeatureStatistics.getDefaultInstance())
                                .build(),
                        schema)
                .environment(environment)
                .run(); // refuses an environment the schema does not declare, with Validator's message
        boolean structured = schema.getSparseFeatureCount() > 0 || schema.getWeightedFeatureCount() > 0;
        Set<String> categorical = new HashSet<>();
        for (Feature feature : schema.getFeatureList()) {
            FeatureScreen screen = new FeatureScreen(feature, schema, environment);
            structured |= feature.getType() == dev.veracity.proto.FeatureType.STRUCT
                    || screens.put(feature.getName(), screen) != null;
            if (screen.required()) {
                required.add(screen);
                requiredPerExample.add(feature.getName());
            }
            if (isCategorical(feature)) {
                categorical.add(feature.getName());
            }
            if (!FeatureRules.isDeprecated(feature)
                    && columnType(feature) != null
                    && FeatureRules.isInEnvironment(feature, environment, schema.getDefaultEnvironmentList())) {
                columns.add(feature);
            }
        }
        this.opaque = structured;
        this.options = StatisticsOptions.DEFAULT.withCategoricalFeatures(categorical);
    }

    /** {@return a validator of records against {@code schema}, in no particular environment} */
    public static RecordValidator of(Schema schema) {
        return new RecordValidator(Objects.requireNonNull(schema, "schema is null"), null);
    }

    /**
     * {@return a validator of records of {@code environment} against {@code schema}}: a feature not in that
     * environment is not required, and present it is a new column ("Column missing in environment")
     *
     * @throws dev.veracity.ConfigException if the schema declares no such default environment
     */
    public static RecordValidator of(Schema schema, String environment) {
        return new RecordValidator(
                Objects.requireNonNull(schema, "schema is null"),
                Objects.requireNonNull(environment, "environment is null"));
    }

    /** {@return the schema records are checked against} */
    public Schema schema() {
        return schema;
    }

    /**
     * {@return the reasons {@code record} breaks the schema, empty if none}
     *
     * @param record values by feature name (see the class comment for the value types); not modified
     * @throws IllegalArgumentException if a value is of another type, or a list holds a list or null
     */
    public ExampleAnomalies check(Map<String, ?> record) {
        Objects.requireNonNull(record, "record is null");
        return passes(record) ? ExampleAnomalies.NONE : verify(record);
    }

    /** {@return whether the screen alone can tell that the record is clean} */
    boolean passes(Map<String, ?> record) {
        if (opaque) {
            return false;
        }
        for (Map.Entry<String, ?> entry : record.entrySet()) {
            FeatureScreen screen = screens.get(entry.getKey());
            if (screen == null ? entry.getValue() != null : !screen.passes(entry.getValue())) {
                return false;
            }
        }
        for (FeatureScreen screen : required) {
            if (record.get(screen.name()) == null) {
                return false;
            }
        }
        return true;
    }

    /** {@return the reasons of the schema engine for the record as a dataset of one, without the screen} */
    ExampleAnomalies verify(Map<String, ?> record) {
        List<OneRecord.Cell> cells = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (Feature feature : columns) {
            named.add(feature.getName());
            cells.add(new OneRecord.Cell(feature.getName(), columnType(feature), record.get(feature.getName())));
        }
        for (Map.Entry<String, ?> entry : record.entrySet()) {
            if (entry.getValue() != null && !named.contains(entry.getKey())) {
                FeatureScreen screen = screens.get(entry.getKey());
                cells.add(new OneRecord.Cell(
                        entry.getKey(), screen == null ? null : columnType(entry.getKey()), entry.getValue()));
            }
        }
        DatasetAccumulator accumulator = new DatasetAccumulator(options);
        accumulator.add(OneRecord.batch(cells));
        DatasetFeatureStatisticsList statistics = DatasetFeatureStatisticsList.newBuilder()
                .addDatasets(accumulator.result(""))
                .build();
        Validator validator = Validator.validate(statistics, schema);
        if (environment != null) {
            validator.environment(environment);
        }
        Anomalies anomalies = validator.run();
        Map<String, List<AnomalyInfo.Reason>> found = new LinkedHashMap<>();
        for (OneRecord.Cell cell : cells) {
            keep(found, cell.name(), anomalies.getAnomalyInfoMap().get(cell.name()));
        }
        for (Map.Entry<String, AnomalyInfo> entry : new java.util.TreeMap<>(anomalies.getAnomalyInfoMap()).entrySet()) {
            if (!found.containsKey(entry.getKey())) {
                keep(found, entry.getKey(), entry.getValue());
            }
        }
        return found.isEmpty() ? ExampleAnomalies.NONE : new ExampleAnomalies(found);
    }

    private void keep(Map<String, List<AnomalyInfo.Reason>> found, String feature, AnomalyInfo info) {
        if (info == null) {
            return;
        }
        List<AnomalyInfo.Reason> kept = new ArrayList<>();
        for (AnomalyInfo.Reason reason : info.getReasonList()) {
            boolean presence = reason.getType() == AnomalyInfo.Type.FEATURE_TYPE_NOT_PRESENT
                    && !requiredPerExample.contains(feature);
            if (!GLOBAL_ONLY.contains(reason.getType()) && !presence) {
                kept.add(reason);
            }
        }
        if (!kept.isEmpty()) {
            found.put(feature, kept);
        }
    }

    private FeatureType columnType(String name) {
        for (Feature feature : schema.getFeatureList()) {
            if (feature.getName().equals(name)) {
                return columnType(feature);
            }
        }
        return null;
    }

    private static FeatureType columnType(Feature feature) {
        return switch (feature.getType()) {
            case INT -> FeatureType.INT;
            case FLOAT -> FeatureType.FLOAT;
            case BYTES -> FeatureType.STRING;
            case STRUCT, TYPE_UNKNOWN -> null;
        };
    }

    /** TFDV's {@code schema_util.is_categorical_feature}: the INT and FLOAT features described by string stats. */
    private static boolean isCategorical(Feature feature) {
        return switch (feature.getType()) {
            case INT ->
                (feature.hasIntDomain() && feature.getIntDomain().getIsCategorical()) || feature.hasBoolDomain();
            case FLOAT -> feature.hasFloatDomain() && feature.getFloatDomain().getIsCategorical();
            case BYTES, STRUCT, TYPE_UNKNOWN -> false;
        };
    }
}
