package dev.veracity.beam;

import dev.veracity.data.Column;
import dev.veracity.data.FeatureType;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * Beam's coder of a {@link RecordBatch}, for runners that move or copy batches between steps: per column its type,
 * name, presence, row offsets and values, each array length-prefixed. Only the used part of each array is written.
 */
public final class RecordBatchCoder extends CustomCoder<RecordBatch> {
    private static final long serialVersionUID = 1L;
    private static final int VERSION = 1;
    private static final RecordBatchCoder INSTANCE = new RecordBatchCoder();

    private RecordBatchCoder() {}

    /** {@return the coder} */
    public static RecordBatchCoder of() {
        return INSTANCE;
    }

    @Override
    public void encode(RecordBatch batch, OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeByte(VERSION);
        int rows = batch.rowCount();
        out.writeInt(rows);
        out.writeInt(batch.columns().size());
        for (Column column : batch.columns()) {
            out.writeByte(column.type().ordinal());
            out.writeUTF(column.name());
            boolean[] present = column.present();
            for (int r = 0; r < rows; r++) {
                out.writeBoolean(present[r]);
            }
            int[] offsets = column.rowOffsets();
            for (int r = 0; r <= rows; r++) {
                out.writeInt(offsets[r]);
            }
            int values = offsets[rows];
            if (column instanceof IntColumn ints) {
                for (int v = 0; v < values; v++) {
                    out.writeLong(ints.values()[v]);
                }
            } else if (column instanceof FloatColumn floats) {
                for (int v = 0; v < values; v++) {
                    out.writeDouble(floats.values()[v]);
                }
            } else {
                StringColumn strings = (StringColumn) column;
                int[] valueOffsets = strings.valueOffsets();
                for (int v = 0; v <= values; v++) {
                    out.writeInt(valueOffsets[v]);
                }
                out.write(strings.bytes(), 0, valueOffsets[values]);
            }
        }
        out.flush();
    }

    @Override
    public RecordBatch decode(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        int version = in.readUnsignedByte();
        if (version != VERSION) {
            throw new CoderException("record batch format version " + version + ", expected " + VERSION);
        }
        int rows = in.readInt();
        int count = in.readInt();
        List<Column> columns = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            FeatureType type = FeatureType.values()[in.readUnsignedByte()];
            String name = in.readUTF();
            boolean[] present = new boolean[rows];
            for (int r = 0; r < rows; r++) {
                present[r] = in.readBoolean();
            }
            int[] offsets = new int[rows + 1];
            for (int r = 0; r <= rows; r++) {
                offsets[r] = in.readInt();
            }
            int values = offsets[rows];
            columns.add(
                    switch (type) {
                        case INT -> {
                            long[] longs = new long[values];
                            for (int v = 0; v < values; v++) {
                                longs[v] = in.readLong();
                            }
                            yield new IntColumn(name, rows, present, offsets, longs);
                        }
                        case FLOAT -> {
                            double[] doubles = new double[values];
                            for (int v = 0; v < values; v++) {
                                doubles[v] = in.readDouble();
                            }
                            yield new FloatColumn(name, rows, present, offsets, doubles);
                        }
                        case STRING -> {
                            int[] valueOffsets = new int[values + 1];
                            for (int v = 0; v <= values; v++) {
                                valueOffsets[v] = in.readInt();
                            }
                            byte[] bytes = new byte[valueOffsets[values]];
                            in.readFully(bytes);
                            yield new StringColumn(name, rows, present, offsets, valueOffsets, bytes);
                        }
                    });
        }
        return new RecordBatch(rows, columns);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordBatchCoder;
    }

    @Override
    public int hashCode() {
        return RecordBatchCoder.class.hashCode();
    }
}
