package dev.veracity.data;

import java.util.ArrayList;
import java.util.List;

/** Takes some rows of a batch, in the given order, into a new batch: for slicing and sampling. */
final class RowSelection {
    private RowSelection() {}

    static RecordBatch select(RecordBatch batch, int[] rows, int count) {
        List<Column> columns = new ArrayList<>(batch.columns().size());
        for (Column column : batch.columns()) {
            columns.add(select(column, rows, count));
        }
        return new RecordBatch(count, columns, batch.nesting().select(rows, count));
    }

    private static Column select(Column column, int[] rows, int count) {
        boolean[] present = new boolean[count];
        int[] offsets = new int[count + 1];
        int[] sourceOffsets = column.rowOffsets();
        for (int i = 0; i < count; i++) {
            int r = rows[i];
            present[i] = column.present()[r];
            offsets[i + 1] = offsets[i] + sourceOffsets[r + 1] - sourceOffsets[r];
        }
        int values = offsets[count];
        if (column instanceof IntColumn ints) {
            long[] out = new long[values];
            for (int i = 0; i < count; i++) {
                int r = rows[i];
                System.arraycopy(ints.values(), sourceOffsets[r], out, offsets[i], offsets[i + 1] - offsets[i]);
            }
            return new IntColumn(column.name(), count, present, offsets, out);
        }
        if (column instanceof FloatColumn floats) {
            double[] out = new double[values];
            for (int i = 0; i < count; i++) {
                int r = rows[i];
                System.arraycopy(floats.values(), sourceOffsets[r], out, offsets[i], offsets[i + 1] - offsets[i]);
            }
            return new FloatColumn(column.name(), count, present, offsets, out);
        }
        StringColumn strings = (StringColumn) column;
        int[] valueOffsets = new int[values + 1];
        int bytes = 0;
        for (int i = 0; i < count; i++) {
            int r = rows[i];
            for (int v = sourceOffsets[r]; v < sourceOffsets[r + 1]; v++) {
                bytes += strings.valueOffsets()[v + 1] - strings.valueOffsets()[v];
            }
        }
        byte[] out = new byte[bytes];
        int value = 0;
        int at = 0;
        for (int i = 0; i < count; i++) {
            int r = rows[i];
            for (int v = sourceOffsets[r]; v < sourceOffsets[r + 1]; v++) {
                int length = strings.valueOffsets()[v + 1] - strings.valueOffsets()[v];
                System.arraycopy(strings.bytes(), strings.valueOffsets()[v], out, at, length);
                at += length;
                valueOffsets[++value] = at;
            }
        }
        return new StringColumn(column.name(), count, present, offsets, valueOffsets, out);
    }
}
