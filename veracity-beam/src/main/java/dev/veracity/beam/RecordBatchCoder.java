package dev.veracity.beam;

import dev.veracity.data.Column;
import dev.veracity.data.FeatureType;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.ListLevels;
import dev.veracity.data.Nesting;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import dev.veracity.data.StructRows;
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
 * name, presence, row offsets and values, each array length-prefixed; then the batch's {@link Nesting}: per nested
 * feature its column, path and list levels, per struct its path and presence. Only the used part of each array is
 * written.
 *
 * <pre>{@code
 * byte[] bytes = CoderUtils.encodeToByteArray(RecordBatchCoder.of(), batch);
 * }</pre>
 */
public final class RecordBatchCoder extends CustomCoder<RecordBatch> {
    private static final long serialVersionUID = 1L;
    private static final int VERSION = 2;
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
        writeNesting(batch.nesting(), rows, out);
        out.flush();
    }

    private static void writeNesting(Nesting nesting, int rows, DataOutputStream out) throws IOException {
        out.writeInt(nesting.lists().size());
        for (ListLevels levels : nesting.lists()) {
            out.writeUTF(levels.column());
            writePath(levels.path(), out);
            out.writeInt(levels.levels());
            for (int k = 0; k < levels.levels(); k++) {
                int[] offsets = levels.offsets()[k];
                int entries = levels.entries(k);
                out.writeInt(entries);
                for (int e = 0; e <= entries; e++) {
                    out.writeInt(offsets[e]);
                }
                if (k + 1 < levels.levels()) {
                    boolean[] present = levels.present()[k];
                    for (int e = 0; e < offsets[entries]; e++) {
                        out.writeBoolean(present[e]);
                    }
                }
            }
        }
        out.writeInt(nesting.structs().size());
        for (StructRows struct : nesting.structs()) {
            writePath(struct.path(), out);
            boolean[] present = struct.present();
            for (int r = 0; r < rows; r++) {
                out.writeBoolean(present[r]);
            }
        }
    }

    private static void writePath(List<String> path, DataOutputStream out) throws IOException {
        out.writeInt(path.size());
        for (String step : path) {
            out.writeUTF(step);
        }
    }

    private static Nesting readNesting(int rows, DataInputStream in) throws IOException {
        int listCount = in.readInt();
        List<ListLevels> lists = new ArrayList<>(listCount);
        for (int l = 0; l < listCount; l++) {
            String column = in.readUTF();
            List<String> path = readPath(in);
            int levelCount = in.readInt();
            int[][] offsets = new int[levelCount][];
            boolean[][] present = new boolean[levelCount - 1][];
            for (int k = 0; k < levelCount; k++) {
                int entries = in.readInt();
                offsets[k] = new int[entries + 1];
                for (int e = 0; e <= entries; e++) {
                    offsets[k][e] = in.readInt();
                }
                if (k + 1 < levelCount) {
                    present[k] = new boolean[offsets[k][entries]];
                    for (int e = 0; e < present[k].length; e++) {
                        present[k][e] = in.readBoolean();
                    }
                }
            }
            lists.add(new ListLevels(column, path, offsets, present));
        }
        int structCount = in.readInt();
        List<StructRows> structs = new ArrayList<>(structCount);
        for (int s = 0; s < structCount; s++) {
            List<String> path = readPath(in);
            boolean[] present = new boolean[rows];
            for (int r = 0; r < rows; r++) {
                present[r] = in.readBoolean();
            }
            structs.add(new StructRows(path, present));
        }
        return lists.isEmpty() && structs.isEmpty() ? Nesting.NONE : new Nesting(lists, structs);
    }

    private static List<String> readPath(DataInputStream in) throws IOException {
        int steps = in.readInt();
        List<String> path = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            path.add(in.readUTF());
        }
        return path;
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
        return new RecordBatch(rows, columns, readNesting(rows, in));
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
