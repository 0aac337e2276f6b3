package dev.veracity.io;

import dev.veracity.data.FeatureType;
import dev.veracity.proto.Feature;
import dev.veracity.proto.Schema;
import dev.veracity.stats.BytesFeatures;
import dev.veracity.stats.CompositeFeatures;
import dev.veracity.stats.StatisticsOptions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a TFDV schema says about reading and describing features: the type of each top-level feature (TFDV's
 * {@code infer_type_from_schema}) and which INT and FLOAT features are categorical. Kept in io so that core's
 * statistics take plain options and never read a schema.
 */
public final class SchemaTypes {

    private SchemaTypes() {}

    /**
     * {@return per feature name, its type: BYTES is STRING, INT is INT, FLOAT is FLOAT} STRUCT and TYPE_UNKNOWN
     * features have no column type and are left out.
     */
    public static Map<String, FeatureType> columnTypes(Schema schema) {
        Map<String, FeatureType> types = new HashMap<>();
        for (Feature feature : schema.getFeatureList()) {
            switch (feature.getType()) {
                case BYTES -> types.put(feature.getName(), FeatureType.STRING);
                case INT -> types.put(feature.getName(), FeatureType.INT);
                case FLOAT -> types.put(feature.getName(), FeatureType.FLOAT);
                case STRUCT, TYPE_UNKNOWN -> {}
            }
        }
        return types;
    }

    /**
     * {@return the names of the features TFDV describes by string statistics although numeric}: INT with
     * {@code int_domain { is_categorical: true }} or a {@code bool_domain}, FLOAT with
     * {@code float_domain { is_categorical: true }} (TFDV's {@code schema_util.is_categorical_feature})
     */
    public static Set<String> categoricalNumbers(Schema schema) {
        Set<String> names = new HashSet<>();
        for (Feature feature : schema.getFeatureList()) {
            boolean categorical = switch (feature.getType()) {
                case INT ->
                    (feature.hasIntDomain() && feature.getIntDomain().getIsCategorical()) || feature.hasBoolDomain();
                case FLOAT ->
                    feature.hasFloatDomain() && feature.getFloatDomain().getIsCategorical();
                case BYTES, STRUCT, TYPE_UNKNOWN -> false;
            };
            if (categorical) {
                names.add(feature.getName());
            }
        }
        return names;
    }

    /**
     * {@return the options with what the schema adds to describing}: its sparse and weighted features, its
     * categorical numbers and its bytes features, as both engines (local and Beam) add them
     */
    public static StatisticsOptions describing(StatisticsOptions options, Schema schema) {
        StatisticsOptions described = options;
        CompositeFeatures composites = CompositeFeatures.of(schema);
        if (!composites.isEmpty()) {
            described = described.withCompositeFeatures(composites);
        }
        if (schema.getFeatureCount() == 0) {
            return described;
        }
        Set<String> categorical = new HashSet<>(options.categoricalFeatures());
        categorical.addAll(categoricalNumbers(schema));
        return described.toBuilder()
                .categoricalFeatures(categorical)
                .bytesFeatures(BytesFeatures.of(schema))
                .build();
    }
}
