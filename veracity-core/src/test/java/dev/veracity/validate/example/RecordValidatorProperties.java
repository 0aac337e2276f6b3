package dev.veracity.validate.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeaturePresence;
import dev.veracity.proto.FloatDomain;
import dev.veracity.proto.IntDomain;
import dev.veracity.proto.LifecycleStage;
import dev.veracity.proto.Schema;
import dev.veracity.proto.StringDomain;
import dev.veracity.proto.ValueCount;
import dev.veracity.schema.Validator;
import dev.veracity.stats.DatasetAccumulator;
import dev.veracity.stats.StatisticsOptions;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Batch and per-record validation agree: for random schemas and random records (clean ones and ones with every
 * kind of fault), {@link RecordValidator#check} gives exactly the anomaly types {@link Validator} raises on the
 * statistics of that one record (computed here by the accumulators on a batch of one row built by hand), less the
 * types TFDV keeps for whole datasets.
 */
class RecordValidatorProperties {
    private static final Set<AnomalyInfo.Type> DATASET_ONLY = Set.of(
            AnomalyInfo.Type.FEATURE_TYPE_LOW_FRACTION_PRESENT, AnomalyInfo.Type.FEATURE_TYPE_LOW_NUMBER_PRESENT);
    private static final String[] WORDS = {"a", "b", "c", "Flash Cab", "", "é"};

    @SeededProperty(tries = 400)
    void checkEqualsTheBatchValidatorOnOneRecord(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Schema schema = schema(random);
        String environment = Gen.oneIn(random, 3) ? Gen.oneOf(random, "TRAINING", "SERVING") : null;
        RecordValidator validator =
                environment == null ? RecordValidator.of(schema) : RecordValidator.of(schema, environment);
        for (int r = 0; r < 20; r++) {
            Map<String, Object> record = record(random, schema);
            Map<String, List<AnomalyInfo.Type>> expected = oracle(schema, environment, record);
            Map<String, List<AnomalyInfo.Type>> actual = new TreeMap<>();
            validator
                    .check(record)
                    .features()
                    .forEach((feature, reasons) -> actual.put(
                            feature,
                            reasons.stream().map(AnomalyInfo.Reason::getType).toList()));
            assertThat(actual).as("record %s against %s", record, schema).isEqualTo(expected);
        }
    }

    /** The oracle: statistics of the one record, by the accumulators, validated by the batch validator. */
    static Map<String, List<AnomalyInfo.Type>> oracle(Schema schema, String environment, Map<String, Object> record) {
        List<dev.veracity.data.Column> columns = new ArrayList<>();
        for (Feature feature : schema.getFeatureList()) {
            boolean live = feature.getLifecycleStage() != LifecycleStage.DEPRECATED
                    && (environment == null
                            || feature.getInEnvironmentList().contains(environment)
                            || (!feature.getNotInEnvironmentList().contains(environment)
                                    && schema.getDefaultEnvironmentList().contains(environment)));
            Object value = record.get(feature.getName());
            if (value != null || live) {
                columns.add(column(feature.getName(), type(feature), value));
            }
        }
        record.forEach((name, value) -> {
            if (value != null
                    && schema.getFeatureList().stream()
                            .noneMatch(f -> f.getName().equals(name))) {
                columns.add(column(name, null, value));
            }
        });
        // as `stats --schema` describes them: categorical numbers by string statistics
        Set<String> categorical = new java.util.HashSet<>();
        for (Feature feature : schema.getFeatureList()) {
            if (feature.getIntDomain().getIsCategorical()
                    || feature.getFloatDomain().getIsCategorical()
                    || (feature.getType() == dev.veracity.proto.FeatureType.INT && feature.hasBoolDomain())) {
                categorical.add(feature.getName());
            }
        }
        DatasetAccumulator accumulator =
                new DatasetAccumulator(StatisticsOptions.DEFAULT.withCategoricalFeatures(categorical));
        accumulator.add(new RecordBatch(1, columns));
        Validator validator = Validator.validate(
                DatasetFeatureStatisticsList.newBuilder()
                        .addDatasets(accumulator.result(""))
                        .build(),
                schema);
        if (environment != null) {
            validator.environment(environment);
        }
        Anomalies anomalies = validator.run();
        Map<String, List<AnomalyInfo.Type>> found = new TreeMap<>();
        anomalies.getAnomalyInfoMap().forEach((feature, info) -> {
            // a missing feature is anomalous per example only if every example must have it (min_fraction 1)
            boolean everyExample = schema.getFeatureList().stream()
                    .anyMatch(
                            f -> f.getName().equals(feature) && f.getPresence().getMinFraction() >= 1);
            List<AnomalyInfo.Type> types = info.getReasonList().stream()
                    .map(AnomalyInfo.Reason::getType)
                    .filter(type -> !DATASET_ONLY.contains(type))
                    .filter(type -> everyExample || type != AnomalyInfo.Type.FEATURE_TYPE_NOT_PRESENT)
                    .toList();
            if (!types.isEmpty()) {
                found.put(feature, types);
            }
        });
        return found;
    }

    private static FeatureType type(Feature feature) {
        return switch (feature.getType()) {
            case INT -> FeatureType.INT;
            case FLOAT -> FeatureType.FLOAT;
            default -> FeatureType.STRING;
        };
    }

    private static dev.veracity.data.Column column(String name, FeatureType schemaType, Object value) {
        List<?> values = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
        FeatureType type = schemaType;
        for (Object v : values) {
            FeatureType own = v instanceof String
                    ? FeatureType.STRING
                    : v instanceof Double ? FeatureType.FLOAT : FeatureType.INT;
            boolean fits = own == schemaType || (own == FeatureType.INT && schemaType == FeatureType.FLOAT);
            if (!fits) {
                type = null;
            }
        }
        if (type == null) {
            type = FeatureType.INT;
            for (Object v : values) {
                if (v instanceof String) {
                    type = FeatureType.STRING;
                } else if (v instanceof Double && type == FeatureType.INT) {
                    type = FeatureType.FLOAT;
                }
            }
        }
        ColumnBuilder builder = ColumnBuilder.of(name, type);
        if (value == null) {
            builder.appendMissing();
            return builder.build();
        }
        builder.startList();
        for (Object v : values) {
            switch (type) {
                case INT -> builder.addInt((Long) v);
                case FLOAT -> builder.addFloat(((Number) v).doubleValue());
                case STRING -> {
                    byte[] bytes = String.valueOf(v).getBytes(StandardCharsets.UTF_8);
                    builder.addString(bytes, 0, bytes.length);
                }
            }
        }
        builder.endList();
        return builder.build();
    }

    static Schema schema(SplittableRandom random) {
        Schema.Builder schema =
                Schema.newBuilder().addDefaultEnvironment("TRAINING").addDefaultEnvironment("SERVING");
        int count = Gen.between(random, 1, 5);
        for (int i = 0; i < count; i++) {
            Feature.Builder feature = Feature.newBuilder().setName("f" + i);
            switch (Gen.between(random, 0, 2)) {
                case 0 -> {
                    feature.setType(dev.veracity.proto.FeatureType.INT);
                    if (Gen.oneIn(random, 5)) {
                        feature.setBoolDomain(dev.veracity.proto.BoolDomain.getDefaultInstance());
                    } else if (random.nextBoolean()) {
                        IntDomain.Builder domain = IntDomain.newBuilder();
                        if (random.nextBoolean()) {
                            domain.setMin(Gen.between(random, -5L, 5L));
                        }
                        if (random.nextBoolean()) {
                            domain.setMax(Gen.between(random, 0L, 10L));
                        }
                        domain.setIsCategorical(Gen.oneIn(random, 8));
                        feature.setIntDomain(domain);
                    }
                }
                case 1 -> {
                    feature.setType(dev.veracity.proto.FeatureType.FLOAT);
                    if (random.nextBoolean()) {
                        FloatDomain.Builder domain = FloatDomain.newBuilder();
                        if (random.nextBoolean()) {
                            domain.setMin(Gen.oneOf(random, -1.5f, 0.0f, 2.0f));
                        }
                        if (random.nextBoolean()) {
                            domain.setMax(Gen.oneOf(random, 1.0f, 10.0f));
                        }
                        domain.setDisallowNan(random.nextBoolean()).setDisallowInf(random.nextBoolean());
                        feature.setFloatDomain(domain);
                    }
                }
                default -> {
                    feature.setType(dev.veracity.proto.FeatureType.BYTES);
                    if (random.nextBoolean()) {
                        feature.setStringDomain(
                                StringDomain.newBuilder().addValue("a").addValue("b"));
                    }
                }
            }
            if (random.nextBoolean()) {
                feature.setPresence(FeaturePresence.newBuilder()
                        .setMinCount(Gen.oneOf(random, 0L, 1L, 1L, 3L))
                        .setMinFraction(Gen.oneOf(random, 0.0, 0.5, 1.0)));
            }
            if (random.nextBoolean()) {
                ValueCount.Builder count1 = ValueCount.newBuilder().setMin(Gen.between(random, 0L, 2L));
                if (random.nextBoolean()) {
                    count1.setMax(count1.getMin() + Gen.between(random, 0L, 2L));
                }
                feature.setValueCount(count1);
            }
            if (Gen.oneIn(random, 5)) {
                feature.addNotInEnvironment("SERVING");
            }
            if (Gen.oneIn(random, 12)) {
                feature.setLifecycleStage(LifecycleStage.DEPRECATED);
            }
            schema.addFeature(feature);
        }
        return schema.build();
    }

    static Map<String, Object> record(SplittableRandom random, Schema schema) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (Feature feature : schema.getFeatureList()) {
            if (Gen.oneIn(random, 6)) {
                continue; // missing
            }
            Object one = value(random, feature.getType());
            int kind = Gen.weighted(random, 8, 2, 1, 1);
            Object value = switch (kind) {
                case 0 -> one;
                case 1 -> List.of(one, value(random, feature.getType()));
                case 2 -> List.of();
                default ->
                    value(
                            random,
                            Gen.oneOf(
                                    random,
                                    dev.veracity.proto.FeatureType.INT,
                                    dev.veracity.proto.FeatureType.FLOAT,
                                    dev.veracity.proto.FeatureType.BYTES)); // perhaps the wrong type
            };
            record.put(feature.getName(), value);
        }
        if (Gen.oneIn(random, 8)) {
            record.put("extra", value(random, dev.veracity.proto.FeatureType.BYTES));
        }
        if (Gen.oneIn(random, 8)) {
            record.put("nothing", null);
        }
        return record;
    }

    private static Object value(SplittableRandom random, dev.veracity.proto.FeatureType type) {
        return switch (type) {
            case INT -> Gen.oneIn(random, 2) ? Gen.between(random, 0L, 1L) : Gen.between(random, -8L, 12L);
            case FLOAT ->
                Gen.oneIn(random, 6)
                        ? Gen.oneOf(random, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)
                        : Gen.oneOf(random, -2.0, 0.0, 0.5, 1.0, 3.25, 12.0);
            default -> Gen.oneOf(random, WORDS);
        };
    }
}
