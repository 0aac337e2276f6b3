package dev.veracity.labeling.feedback;

import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.StringColumn;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A prediction row as bytes: per present column its index in the {@link ColumnUnion}, a type tag, the value count
 * and the values. Columns are written in index order, so equal rows give equal bytes (de-duplication compares
 * bytes) whatever file they came from.
 */
final class RowBody {
    static final int INT = 1;
    static final int FLOAT = 2;
    static final int STRING = 3;

    private RowBody() {}

    /** {@return the bytes of row {@code row}; {@code unionIndex[c]} is column {@code c}'s union index, ascending} */
    static byte[] encode(List<Column> columns, int[] order, int[] unionIndex, int row) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (int c : order) {
                Column column = columns.get(c);
                if (!column.present()[row]) {
                    continue;
                }
                int from = column.rowOffsets()[row];
                int to = column.rowOffsets()[row + 1];
                out.writeInt(unionIndex[c]);
                if (column instanceof IntColumn ints) {
                    out.writeByte(INT);
                    out.writeInt(to - from);
                    for (int i = from; i < to; i++) {
                        out.writeLong(ints.values()[i]);
                    }
                } else if (column instanceof FloatColumn floats) {
                    out.writeByte(FLOAT);
                    out.writeInt(to - from);
                    for (int i = from; i < to; i++) {
                        out.writeDouble(floats.values()[i]);
                    }
                } else {
                    StringColumn strings = (StringColumn) column;
                    out.writeByte(STRING);
                    out.writeInt(to - from);
                    for (int i = from; i < to; i++) {
                        int start = strings.valueOffsets()[i];
                        int end = strings.valueOffsets()[i + 1];
                        out.writeInt(end - start);
                        out.write(strings.bytes(), start, end - start);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** {@return per union column, its values (Long, Double or byte[]), or null where the row lacks it} */
    static List<List<Object>> decode(byte[] body, int columnCount) {
        List<List<Object>> cells = new ArrayList<>(java.util.Collections.nCopies(columnCount, null));
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            while (in.available() > 0) {
                int index = in.readInt();
                int tag = in.readByte();
                int count = in.readInt();
                List<Object> values = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    if (tag == INT) {
                        values.add(in.readLong());
                    } else if (tag == FLOAT) {
                        values.add(in.readDouble());
                    } else {
                        byte[] value = new byte[in.readInt()];
                        in.readFully(value);
                        values.add(value);
                    }
                }
                cells.set(index, values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cells;
    }

    /** {@return the column indexes ordered by their union index, for {@link #encode}} */
    static int[] order(int[] unionIndex) {
        Integer[] boxed = new Integer[unionIndex.length];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Integer.compare(unionIndex[a], unionIndex[b]));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }
}
