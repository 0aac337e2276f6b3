package dev.veracity.io.avro;

import dev.veracity.data.FeatureType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * An Avro leaf field seen as a feature: nested records give dotted names, arrays make a feature multivalent, a
 * nullable union is missing when null. Types (documented in the README, "Data sources"): int, long, boolean
 * (0/1) are INT, as are {@code date} (days since 1970-01-01), {@code time-*} (in their unit) and
 * {@code timestamp-*}/{@code local-timestamp-*} (microseconds since 1970-01-01); float and double are FLOAT, as is
 * {@code decimal}; string, bytes, fixed and enum are STRING; a map or a union of several non-null types is STRING
 * (its Avro JSON text).
 *
 * @param feature the dotted feature name
 * @param fields  the field names from the record to the leaf
 * @param schema  the leaf's schema (not a union)
 * @param type    its feature type
 */
public record AvroLeaf(String feature, List<String> fields, Schema schema, FeatureType type) {
    public AvroLeaf {
        Objects.requireNonNull(feature, "feature is null");
        fields = List.copyOf(fields);
    }

    /** {@return the leaves of a record schema, in field order} */
    public static List<AvroLeaf> of(Schema record) {
        List<AvroLeaf> leaves = new ArrayList<>();
        collect(record, new ArrayList<>(), leaves);
        return leaves;
    }

    private static void collect(Schema schema, List<String> path, List<AvroLeaf> leaves) {
        Schema single = nonNull(schema);
        if (single == null) {
            return; // a field that is always null has no values and no type
        }
        switch (single.getType()) {
            case RECORD -> {
                for (Schema.Field field : single.getFields()) {
                    path.add(field.name());
                    collect(field.schema(), path, leaves);
                    path.remove(path.size() - 1);
                }
            }
            case ARRAY -> collect(single.getElementType(), path, leaves);
            default -> leaves.add(new AvroLeaf(String.join(".", path), path, single, typeOf(single)));
        }
    }

    /** {@return the one non-null branch of a union, the schema itself if not a union, or null if only null} */
    static Schema nonNull(Schema schema) {
        if (schema.getType() == Schema.Type.NULL) {
            return null;
        }
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        List<Schema> branches = schema.getTypes().stream()
                .filter(s -> s.getType() != Schema.Type.NULL)
                .toList();
        if (branches.isEmpty()) {
            return null;
        }
        return branches.size() == 1 ? branches.get(0) : schema;
    }

    private static FeatureType typeOf(Schema schema) {
        LogicalType logical = schema.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal) {
            return FeatureType.FLOAT;
        }
        return switch (schema.getType()) {
            case INT, LONG, BOOLEAN -> FeatureType.INT;
            case FLOAT, DOUBLE -> FeatureType.FLOAT;
            case STRING, BYTES, FIXED, ENUM, MAP, UNION, RECORD, ARRAY, NULL -> FeatureType.STRING;
        };
    }
}
