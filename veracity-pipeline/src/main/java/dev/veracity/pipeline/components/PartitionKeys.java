package dev.veracity.pipeline.components;

import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/**
 * The bytes TFX hashes to split an example, written as protobuf's deterministic serialization (by hand, no
 * tf.Example classes needed): with a partition feature, the {@code tf.train.Feature} holding its values
 * ({@code bytes_list} or {@code int64_list}, as TFX allows); without, the whole {@code tf.train.Example} with its
 * features sorted by name and missing features left out.
 *
 * <pre>{@code
 * byte[] key = PartitionKeys.feature(batch.columns().get(1), row);
 * }</pre>
 */
public final class PartitionKeys {
    private PartitionKeys() {}

    /**
     * {@return the serialized {@code tf.train.Feature} of one row of a column}
     *
     * @throws IllegalArgumentException if the column is FLOAT (TFX partitions only on bytes and int64 features)
     */
    public static byte[] feature(Column column, int row) {
        if (column instanceof FloatColumn) {
            throw new IllegalArgumentException("partition feature " + column.name() + ": expected a STRING or INT "
                    + "feature (as TFX), found FLOAT");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeFeature(out, column, row);
        return out.toByteArray();
    }

    /** {@return the serialized {@code tf.train.Example} of one row, features sorted by name, missing ones left out} */
    public static byte[] example(RecordBatch batch, int row) {
        ByteArrayOutputStream features = new ByteArrayOutputStream();
        List<Column> sorted = batch.columns().stream()
                .sorted(Comparator.comparing(Column::name))
                .toList();
        for (Column column : sorted) {
            if (!column.present()[row]) {
                continue;
            }
            ByteArrayOutputStream feature = new ByteArrayOutputStream();
            writeFeature(feature, column, row);
            ByteArrayOutputStream entry = new ByteArrayOutputStream();
            writeBytesField(entry, 1, column.name().getBytes(StandardCharsets.UTF_8));
            writeBytesField(entry, 2, feature.toByteArray());
            writeBytesField(features, 1, entry.toByteArray());
        }
        ByteArrayOutputStream example = new ByteArrayOutputStream();
        writeBytesField(example, 1, features.toByteArray());
        return example.toByteArray();
    }

    private static void writeFeature(ByteArrayOutputStream out, Column column, int row) {
        int from = column.rowOffsets()[row];
        int to = column.rowOffsets()[row + 1];
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        int field;
        if (column instanceof StringColumn strings) {
            field = 1;
            for (int v = from; v < to; v++) {
                int start = strings.valueOffsets()[v];
                int end = strings.valueOffsets()[v + 1];
                writeTag(list, 1, 2);
                writeVarint(list, end - start);
                list.write(strings.bytes(), start, end - start);
            }
        } else if (column instanceof IntColumn ints) {
            field = 3;
            ByteArrayOutputStream packed = new ByteArrayOutputStream();
            for (int v = from; v < to; v++) {
                writeVarint(packed, ints.values()[v]);
            }
            if (to > from) {
                writeBytesField(list, 1, packed.toByteArray());
            }
        } else {
            FloatColumn floats = (FloatColumn) column;
            field = 2;
            ByteArrayOutputStream packed = new ByteArrayOutputStream();
            for (int v = from; v < to; v++) {
                int bits = Float.floatToIntBits((float) floats.values()[v]);
                for (int shift = 0; shift < 32; shift += 8) {
                    packed.write(bits >>> shift);
                }
            }
            if (to > from) {
                writeBytesField(list, 1, packed.toByteArray());
            }
        }
        writeBytesField(out, field, list.toByteArray());
    }

    private static void writeBytesField(ByteArrayOutputStream out, int field, byte[] bytes) {
        writeTag(out, field, 2);
        writeVarint(out, bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    private static void writeTag(ByteArrayOutputStream out, int field, int wireType) {
        writeVarint(out, ((long) field << 3) | wireType);
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }
}
