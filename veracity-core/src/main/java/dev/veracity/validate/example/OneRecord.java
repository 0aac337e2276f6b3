package dev.veracity.validate.example;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.ValueText;
import java.util.ArrayList;
import java.util.List;

/**
 * One record as a batch of one row, the dataset of one that TFDV validates per example: each value list becomes a
 * column of the schema's type when every value has it (an integer is a FLOAT too, as schema-typed reading reads
 * {@code 3} as {@code 3.0}), else of the widest type of its values (INT, FLOAT, STRING), which the validator then
 * reports as an unexpected type.
 */
final class OneRecord {
    private OneRecord() {}

    /** A column to build: its name, the schema's type if any (null if the feature is not in the schema), its value. */
    record Cell(String name, FeatureType schemaType, Object value) {}

    /** {@return a batch of one row holding these cells, in order} */
    static RecordBatch batch(List<Cell> cells) {
        List<dev.veracity.data.Column> columns = new ArrayList<>(cells.size());
        for (Cell cell : cells) {
            columns.add(column(cell));
        }
        return new RecordBatch(1, columns);
    }

    private static dev.veracity.data.Column column(Cell cell) {
        Object value = cell.value();
        List<?> values = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
        FeatureType type = cell.schemaType() != null && fits(values, cell.schemaType())
                ? cell.schemaType()
                : widest(values, cell.schemaType());
        ColumnBuilder builder = ColumnBuilder.of(cell.name(), type);
        if (value == null) {
            builder.appendMissing();
        } else if (value instanceof List<?>) {
            builder.startList();
            for (Object one : values) {
                add(builder, type, one);
            }
            builder.endList();
        } else {
            builder.startList();
            add(builder, type, value);
            builder.endList();
        }
        return builder.build();
    }

    private static void add(ColumnBuilder builder, FeatureType type, Object value) {
        switch (type) {
            case INT -> builder.addInt(integer(value));
            case FLOAT -> builder.addFloat(((Number) numeric(value)).doubleValue());
            case STRING -> {
                byte[] bytes = text(value);
                builder.addString(bytes, 0, bytes.length);
            }
        }
    }

    private static boolean fits(List<?> values, FeatureType type) {
        for (Object value : values) {
            if (!fits(natural(value), type)) {
                return false;
            }
        }
        return true;
    }

    private static boolean fits(FeatureType natural, FeatureType type) {
        return natural == type || (natural == FeatureType.INT && type == FeatureType.FLOAT);
    }

    private static FeatureType widest(List<?> values, FeatureType empty) {
        FeatureType widest = null;
        for (Object value : values) {
            FeatureType natural = natural(value);
            if (widest == null || natural.ordinal() > widest.ordinal()) {
                widest = natural;
            }
        }
        return widest != null ? widest : empty != null ? empty : FeatureType.STRING;
    }

    /**
     * {@return the type a value has on its own}
     *
     * @throws IllegalArgumentException for a value that is no number, string, bytes or boolean (a nested list)
     */
    static FeatureType natural(Object value) {
        if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte
                || value instanceof Boolean) {
            return FeatureType.INT;
        }
        if (value instanceof Double || value instanceof Float) {
            return FeatureType.FLOAT;
        }
        if (value instanceof String || value instanceof byte[]) {
            return FeatureType.STRING;
        }
        throw new IllegalArgumentException("expected a value of type Long, Integer, Double, Float, String, byte[] or "
                + "Boolean (or a flat List of them), found " + (value == null ? "null in a list" : value.getClass()));
    }

    private static long integer(Object value) {
        return value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).longValue();
    }

    private static Object numeric(Object value) {
        return value instanceof Boolean b ? (b ? 1L : 0L) : value;
    }

    private static byte[] text(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof String s) {
            return s.getBytes(UTF_8);
        }
        if (value instanceof Double || value instanceof Float) {
            return ValueText.of(((Number) value).doubleValue()).getBytes(UTF_8);
        }
        return Long.toString(integer(value)).getBytes(UTF_8);
    }
}
