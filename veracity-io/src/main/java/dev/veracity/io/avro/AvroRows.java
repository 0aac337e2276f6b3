package dev.veracity.io.avro;

import dev.veracity.data.ColumnBuilder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;

/**
 * Appends one Avro record's value of one {@link AvroLeaf} to its column: walks the record along the leaf's fields,
 * fanning out over arrays; a null before any array makes the row missing, an array (even empty) makes it present.
 *
 * <pre>{@code
 * AvroRows.append(record, recordSchema, leaf, builder);
 * }</pre>
 */
final class AvroRows {
    private AvroRows() {}

    static void append(GenericRecord record, Schema recordSchema, AvroLeaf leaf, ColumnBuilder builder) {
        boolean[] started = {false};
        walk(record, recordSchema, leaf, 0, builder, started);
        if (started[0]) {
            builder.endList();
        } else {
            builder.appendMissing();
        }
    }

    private static void walk(
            Object value, Schema schema, AvroLeaf leaf, int depth, ColumnBuilder builder, boolean[] started) {
        if (value == null) {
            return;
        }
        Schema single = schema;
        if (schema.getType() == Schema.Type.UNION && depth < leaf.fields().size()) {
            single = schema.getTypes().get(GenericData.get().resolveUnion(schema, value));
        } else if (schema.getType() == Schema.Type.UNION && AvroLeaf.nonNull(schema) != schema) {
            single = AvroLeaf.nonNull(schema);
        }
        if (single.getType() == Schema.Type.ARRAY) {
            start(builder, started);
            for (Object element : (Collection<?>) value) {
                walk(element, single.getElementType(), leaf, depth, builder, started);
            }
            return;
        }
        if (depth < leaf.fields().size()) {
            if (single.getType() != Schema.Type.RECORD) {
                return;
            }
            GenericRecord nested = (GenericRecord) value;
            Schema.Field field = single.getField(leaf.fields().get(depth));
            if (field == null) {
                return;
            }
            walk(nested.get(field.pos()), field.schema(), leaf, depth + 1, builder, started);
            return;
        }
        start(builder, started);
        add(value, single, builder);
    }

    private static void start(ColumnBuilder builder, boolean[] started) {
        if (!started[0]) {
            builder.startList();
            started[0] = true;
        }
    }

    private static void add(Object value, Schema schema, ColumnBuilder builder) {
        LogicalType logical = schema.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal decimal) {
            byte[] unscaled = value instanceof ByteBuffer buffer ? bytes(buffer) : ((GenericFixed) value).bytes();
            builder.addFloat(new BigDecimal(new BigInteger(unscaled), decimal.getScale()).doubleValue());
            return;
        }
        switch (schema.getType()) {
            case INT -> builder.addInt((Integer) value);
            case LONG -> builder.addInt(toMicros((Long) value, logical));
            case BOOLEAN -> builder.addInt((Boolean) value ? 1 : 0);
            case FLOAT -> builder.addFloat((Float) value);
            case DOUBLE -> builder.addFloat((Double) value);
            case STRING -> {
                if (value instanceof Utf8 utf8) {
                    builder.addString(utf8.getBytes(), 0, utf8.getByteLength());
                } else {
                    addText(value.toString(), builder);
                }
            }
            case BYTES -> {
                byte[] bytes = bytes((ByteBuffer) value);
                builder.addString(bytes, 0, bytes.length);
            }
            case FIXED -> {
                byte[] bytes = ((GenericFixed) value).bytes();
                builder.addString(bytes, 0, bytes.length);
            }
            case ENUM, MAP, UNION, RECORD, ARRAY, NULL ->
                addText(GenericData.get().toString(value), builder);
        }
    }

    private static long toMicros(long value, LogicalType logical) {
        if (logical instanceof LogicalTypes.TimestampMillis || logical instanceof LogicalTypes.LocalTimestampMillis) {
            return value * 1000;
        }
        if (logical instanceof LogicalTypes.TimestampNanos || logical instanceof LogicalTypes.LocalTimestampNanos) {
            return Math.floorDiv(value, 1000);
        }
        return value;
    }

    private static void addText(String text, ColumnBuilder builder) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        builder.addString(bytes, 0, bytes.length);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
