package dev.veracity.validate.example;

import dev.veracity.proto.AnomalyInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Why one record breaks a schema: per feature (its serialized path, as TFDV's {@code anomaly_info} keys), the
 * reasons TFDV's per-example validation gives, in the validator's order. Empty when the record is clean.
 *
 * <pre>{@code
 * ExampleAnomalies found = RecordValidator.of(schema).check(Map.of("clicks", -3L));
 * found.sliceKeys(); // [clicks_INT_TYPE_SMALL_INT]
 * }</pre>
 *
 * @param features the reasons per feature; features and reasons in the order the validator found them
 */
public record ExampleAnomalies(Map<String, List<AnomalyInfo.Reason>> features) {
    /** The anomalies of a clean record. */
    public static final ExampleAnomalies NONE = new ExampleAnomalies(Map.of());

    public ExampleAnomalies {
        Objects.requireNonNull(features, "features is null");
        Map<String, List<AnomalyInfo.Reason>> copy = new LinkedHashMap<>();
        features.forEach((feature, reasons) -> copy.put(feature, List.copyOf(reasons)));
        features = Collections.unmodifiableMap(copy);
    }

    /** {@return whether the record broke no rule of the schema} */
    public boolean isClean() {
        return features.isEmpty();
    }

    /** {@return the anomaly types found, each once, in order of first appearance} */
    public List<AnomalyInfo.Type> reasons() {
        Set<AnomalyInfo.Type> types = new LinkedHashSet<>();
        for (List<AnomalyInfo.Reason> reasons : features.values()) {
            for (AnomalyInfo.Reason reason : reasons) {
                types.add(reason.getType());
            }
        }
        return List.copyOf(types);
    }

    /** {@return per feature, its anomaly type names (e.g. {@code INT_TYPE_SMALL_INT}), each once, in order} */
    public Map<String, List<String>> typeNames() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        features.forEach((feature, reasons) -> {
            Set<String> types = new LinkedHashSet<>();
            reasons.forEach(reason -> types.add(reason.getType().name()));
            names.put(feature, List.copyOf(types));
        });
        return Collections.unmodifiableMap(names);
    }

    /**
     * {@return TFDV's slice keys of the record, one per (feature, reason): the feature's name, an underscore and the
     * anomaly type name ({@code anomalies_util.get_anomalies_slicer}), each once, in order}
     */
    public List<String> sliceKeys() {
        List<String> keys = new ArrayList<>();
        typeNames().forEach((feature, types) -> types.forEach(type -> keys.add(sliceKey(feature, type))));
        return keys;
    }

    /** {@return TFDV's slice key of a feature's anomaly: {@code clicks_INT_TYPE_SMALL_INT}} */
    public static String sliceKey(String feature, String typeName) {
        return feature + "_" + typeName;
    }
}
