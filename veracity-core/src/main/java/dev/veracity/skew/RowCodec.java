package dev.veracity.skew;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import dev.veracity.data.ValueText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a row of a batch into a spill record, a key and a body, and a body back into values.
 *
 * <p>The key holds, per identifier feature, its values as canonical text ({@link ValueText}: integers and integral
 * floats in decimal without a fraction, strings as their bytes), so an INT id in one file joins
 * the same id read as FLOAT or STRING in the other. The body holds each present compared feature as its index in
 * {@link SkewLayout#features()}, a type tag, the value count and the values (floats already rounded).
 */
public final class RowCodec {
    private static final int INT = 0;
    private static final int FLOAT = 1;
    private static final int STRING = 2;

    private final SkewLayout layout;
    private final ValueEquality equality;
    private final Column[] keyColumns;
    private final Column[] featureColumns;

    public RowCodec(SkewLayout layout, ValueEquality equality) {
        this.layout = java.util.Objects.requireNonNull(layout, "layout is null");
        this.equality = java.util.Objects.requireNonNull(equality, "equality is null");
        this.keyColumns = new Column[layout.identifierFeatures().size()];
        this.featureColumns = new Column[layout.features().size()];
    }

    /** Points the codec at the columns of {@code batch}; a feature the batch lacks is absent from its rows. */
    public void use(RecordBatch batch) {
        Map<String, Column> byName = new HashMap<>();
        for (Column column : batch.columns()) {
            byName.put(column.name(), column);
        }
        for (int k = 0; k < keyColumns.length; k++) {
            keyColumns[k] = byName.get(layout.identifierFeatures().get(k));
        }
        for (int f = 0; f < featureColumns.length; f++) {
            featureColumns[f] = byName.get(layout.features().get(f));
        }
    }

    /** Writes the key of {@code row} into {@code key}; {@return false if some identifier feature has no value} */
    public boolean encodeKey(int row, RecordBuffer key) {
        key.clear();
        for (Column column : keyColumns) {
            if (column == null || !column.present()[row]) {
                return false;
            }
            int from = column.rowOffsets()[row];
            int to = column.rowOffsets()[row + 1];
            if (from == to) {
                return false;
            }
            key.putVarint(to - from);
            for (int i = from; i < to; i++) {
                if (column instanceof StringColumn s) {
                    key.putBytes(s.bytes(), s.valueOffsets()[i], s.valueOffsets()[i + 1]);
                } else {
                    byte[] text = ValueText.of(column, i).getBytes(UTF_8);
                    key.putBytes(text, 0, text.length);
                }
            }
        }
        return true;
    }

    /** Writes the compared features of {@code row} into {@code body}. */
    public void encodeBody(int row, RecordBuffer body) {
        body.clear();
        for (int f = 0; f < featureColumns.length; f++) {
            Column column = featureColumns[f];
            if (column == null || !column.present()[row]) {
                continue;
            }
            int from = column.rowOffsets()[row];
            int to = column.rowOffsets()[row + 1];
            body.putVarint(f);
            if (column instanceof IntColumn c) {
                body.putByte(INT);
                body.putVarint(to - from);
                for (int i = from; i < to; i++) {
                    body.putLong(c.values()[i]);
                }
            } else if (column instanceof FloatColumn c) {
                body.putByte(FLOAT);
                body.putVarint(to - from);
                for (int i = from; i < to; i++) {
                    body.putLong(Double.doubleToRawLongBits(equality.round(c.values()[i])));
                }
            } else {
                StringColumn c = (StringColumn) column;
                body.putByte(STRING);
                body.putVarint(to - from);
                for (int i = from; i < to; i++) {
                    body.putBytes(c.bytes(), c.valueOffsets()[i], c.valueOffsets()[i + 1]);
                }
            }
        }
    }

    /** Fills {@code values[f]} with feature {@code f}'s values, or null where the body lacks it. */
    static void decodeBody(byte[] body, ValueList[] values) {
        Arrays.fill(values, null);
        FeatureCursor cursor = new FeatureCursor();
        cursor.reset(body);
        while (cursor.advance()) {
            values[cursor.feature] = cursor.values();
        }
    }

    /**
     * Walks the features of a body in order without decoding their values: each feature's encoding (type tag, count,
     * values) is the byte range {@code [start, end)}, so equal ranges mean equal values.
     */
    static final class FeatureCursor {
        private byte[] body;
        private int position;
        int feature;
        int start;
        int end;

        void reset(byte[] newBody) {
            body = newBody;
            position = 0;
        }

        /** {@return whether there is another feature}, then positioned on it */
        boolean advance() {
            if (position >= body.length) {
                return false;
            }
            feature = varint();
            start = position;
            int tag = body[position++];
            int count = varint();
            if (tag == STRING) {
                for (int i = 0; i < count; i++) {
                    int length = varint();
                    position += length;
                }
            } else {
                position += 8 * count;
            }
            end = position;
            return true;
        }

        /** {@return whether this feature's encoding equals {@code other}'s byte for byte (so the values are equal)} */
        boolean sameBytes(FeatureCursor other) {
            return Arrays.equals(body, start, end, other.body, other.start, other.end);
        }

        /** {@return whether this feature and {@code other}'s are both INT or both STRING} */
        boolean sameExactType(FeatureCursor other) {
            return body[start] == other.body[other.start] && body[start] != FLOAT;
        }

        /** {@return the number of values of this feature} */
        int count() {
            int saved = position;
            position = start + 1;
            int count = varint();
            position = saved;
            return count;
        }

        /** {@return this feature's values} */
        ValueList values() {
            RecordBuffer.Cursor cursor = new RecordBuffer.Cursor(body, start);
            int tag = cursor.getByte();
            int count = cursor.getVarint();
            if (tag == INT) {
                long[] v = new long[count];
                for (int i = 0; i < count; i++) {
                    v[i] = cursor.getLong();
                }
                return new ValueList.Ints(v);
            }
            if (tag == FLOAT) {
                double[] v = new double[count];
                for (int i = 0; i < count; i++) {
                    v[i] = Double.longBitsToDouble(cursor.getLong());
                }
                return new ValueList.Floats(v);
            }
            byte[][] v = new byte[count][];
            for (int i = 0; i < count; i++) {
                v[i] = cursor.getBytes();
            }
            return new ValueList.Strings(v);
        }

        private int varint() {
            int value = 0;
            for (int shift = 0; ; shift += 7) {
                int b = body[position++];
                value |= (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }
    }

    /** {@return per identifier feature, its values in the key as text, joined by {@code ,}} */
    static List<String> decodeKey(byte[] key) {
        RecordBuffer.Cursor cursor = new RecordBuffer.Cursor(key);
        List<String> parts = new ArrayList<>();
        while (cursor.hasMore()) {
            int count = cursor.getVarint();
            StringBuilder part = new StringBuilder();
            for (int i = 0; i < count; i++) {
                part.append(i == 0 ? "" : ",").append(new String(cursor.getBytes(), UTF_8));
            }
            parts.add(part.toString());
        }
        return parts;
    }
}
