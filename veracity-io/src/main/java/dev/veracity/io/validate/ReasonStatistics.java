package dev.veracity.io.validate;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.veracity.data.Column;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.SchemaTypes;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Schema;
import dev.veracity.stats.DatasetAccumulator;
import dev.veracity.stats.PiiProtection;
import dev.veracity.stats.StatisticsOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * TFDV's result of per-example validation: one dataset per anomaly reason (slice key {@code feature_TYPE}), holding
 * the statistics of the examples with that reason, computed by the statistics accumulators. A schema feature is
 * described in its schema type; a value not of that type (the reason of UNEXPECTED_DATA_TYPE) counts as missing
 * there. Fed on the reading thread in input order, so the result does not depend on the threads.
 */
final class ReasonStatistics {
    private final Schema schema;
    private final ExampleRows rows;
    private final StatisticsOptions options;
    private final Map<String, DatasetAccumulator> datasets = new TreeMap<>();
    private final Map<String, Long> counts = new TreeMap<>();

    ReasonStatistics(Schema schema, ExampleRows rows) {
        this.schema = schema;
        this.rows = rows;
        this.options = StatisticsOptions.DEFAULT.withCategoricalFeatures(SchemaTypes.categoricalNumbers(schema));
    }

    /** Adds the anomalous rows of a batch to the datasets of their reasons. */
    void add(ValidatedBatch batch) {
        Map<String, List<ValidatedBatch.Example>> byKey = new LinkedHashMap<>();
        for (ValidatedBatch.Example example : batch.examples()) {
            for (String key : example.sliceKeys()) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(example);
            }
        }
        for (Map.Entry<String, List<ValidatedBatch.Example>> entry : byKey.entrySet()) {
            counts.merge(entry.getKey(), (long) entry.getValue().size(), Long::sum);
            datasets.computeIfAbsent(entry.getKey(), k -> new DatasetAccumulator(options))
                    .add(typed(batch.batch(), entry.getValue()));
        }
    }

    /** {@return per slice key, the number of rows with that reason, by key} */
    Map<String, Long> counts() {
        return counts;
    }

    /** {@return one dataset per slice key, sorted by key, PII features without raw values} */
    DatasetFeatureStatisticsList result() {
        DatasetFeatureStatisticsList.Builder list = DatasetFeatureStatisticsList.newBuilder();
        datasets.forEach((key, dataset) -> list.addDatasets(dataset.result(key)));
        return PiiProtection.SUPPRESS.protect(list.build(), schema);
    }

    private RecordBatch typed(RecordBatch raw, List<ValidatedBatch.Example> examples) {
        List<Column> columns = new ArrayList<>(raw.columns().size());
        for (Column column : raw.columns()) {
            dev.veracity.proto.FeatureType declared = rows.typeOf(column.name());
            FeatureType type = declared == null
                    ? column.type()
                    : switch (declared) {
                        case INT -> FeatureType.INT;
                        case FLOAT -> FeatureType.FLOAT;
                        case BYTES, STRUCT, TYPE_UNKNOWN -> FeatureType.STRING;
                    };
            ColumnBuilder builder = ColumnBuilder.of(column.name(), type);
            for (ValidatedBatch.Example example : examples) {
                append(builder, type, example.record().get(column.name()));
            }
            columns.add(builder.build());
        }
        return new RecordBatch(examples.size(), columns);
    }

    private static void append(ColumnBuilder builder, FeatureType type, Object value) {
        List<?> values = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
        List<Object> fitting = new ArrayList<>(values.size());
        for (Object one : values) {
            if (fits(one, type)) {
                fitting.add(one);
            }
        }
        if (value == null || (fitting.isEmpty() && !values.isEmpty())) {
            builder.appendMissing();
            return;
        }
        builder.startList();
        for (Object one : fitting) {
            switch (type) {
                case INT -> builder.addInt((Long) one);
                case FLOAT -> builder.addFloat(((Number) one).doubleValue());
                case STRING -> {
                    byte[] bytes = ((String) one).getBytes(UTF_8);
                    builder.addString(bytes, 0, bytes.length);
                }
            }
        }
        builder.endList();
    }

    private static boolean fits(Object value, FeatureType type) {
        return switch (type) {
            case INT -> value instanceof Long;
            case FLOAT -> value instanceof Double || value instanceof Long;
            case STRING -> value instanceof String;
        };
    }
}
