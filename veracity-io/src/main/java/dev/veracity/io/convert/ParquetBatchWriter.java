package dev.veracity.io.convert;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.Column;
import dev.veracity.data.FeatureType;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes rows as one Apache Parquet file (Snappy, parquet-java's example writer) with the given columns: INT as
 * INT64, FLOAT as DOUBLE, STRING as BINARY annotated STRING. A single-valued column is an optional field (a missing
 * value is null); a repeated one a standard 3-level LIST (a missing row is a null list, an empty list stays empty).
 * A row with other than one value in a single-valued column is an error naming the example and the feature, as
 * {@link CsvBatchWriter}'s. Veracity's Parquet reader reads the file back to the same batches.
 *
 * <pre>{@code
 * BatchWriter writer = new ParquetBatchWriter(out, List.of(new ParquetColumn("age", FeatureType.INT, false)));
 * }</pre>
 */
public final class ParquetBatchWriter implements BatchWriter {
    private final List<ParquetColumn> columns;
    private final MessageType schema;
    private final SimpleGroupFactory groups;
    private final ParquetWriter<Group> writer;
    private long example;

    /** @param columns the file's columns, in order; a feature a batch lacks is null in its rows */
    public ParquetBatchWriter(OutputStream out, List<ParquetColumn> columns) throws IOException {
        Objects.requireNonNull(out, "out is null");
        this.columns = List.copyOf(columns);
        List<Type> fields = new ArrayList<>();
        for (ParquetColumn column : this.columns) {
            fields.add(field(column));
        }
        this.schema = new MessageType("example", fields);
        this.groups = new SimpleGroupFactory(schema);
        ExampleParquetWriter.Builder builder = ExampleParquetWriter.builder(new StreamOutputFile(out))
                .withType(schema)
                .withConf(new Configuration(false))
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE);
        for (ParquetColumn column : this.columns) {
            if (column.type() == FeatureType.FLOAT && !column.repeated()) {
                builder.withDictionaryEncoding(column.name(), false); // doubles rarely repeat: a dictionary costs time
            }
        }
        this.writer = builder.build();
    }

    private static Type field(ParquetColumn column) {
        PrimitiveTypeName primitive = switch (column.type()) {
            case INT -> PrimitiveTypeName.INT64;
            case FLOAT -> PrimitiveTypeName.DOUBLE;
            case STRING -> PrimitiveTypeName.BINARY;
        };
        LogicalTypeAnnotation logical = column.type() == FeatureType.STRING ? LogicalTypeAnnotation.stringType() : null;
        if (!column.repeated()) {
            return Types.optional(primitive).as(logical).named(column.name());
        }
        return Types.optionalList().requiredElement(primitive).as(logical).named(column.name());
    }

    @Override
    public void write(RecordBatch batch) throws IOException {
        Map<String, Column> byName = new HashMap<>();
        for (Column column : batch.columns()) {
            byName.put(column.name(), column);
        }
        Column[] found = new Column[columns.size()];
        for (int c = 0; c < found.length; c++) {
            found[c] = byName.get(columns.get(c).name());
        }
        for (int r = 0; r < batch.rowCount(); r++) {
            example++;
            Group row = groups.newGroup();
            for (int c = 0; c < found.length; c++) {
                Column column = found[c];
                if (column == null || !column.present()[r]) {
                    continue;
                }
                int from = column.rowOffsets()[r];
                int to = column.rowOffsets()[r + 1];
                if (!columns.get(c).repeated()) {
                    if (to - from != 1) {
                        throw new InputException(
                                ErrorCode.CONVERT_NOT_REPRESENTABLE,
                                "example " + example + ", feature " + column.name()
                                        + ": expected one value in a single-valued Parquet column, found "
                                        + (to - from) + " values");
                    }
                    append(row, c, columns.get(c), column, from);
                    continue;
                }
                Group list = row.addGroup(c);
                for (int i = from; i < to; i++) {
                    append(list.addGroup(0), 0, columns.get(c), column, i);
                }
            }
            writer.write(row);
        }
    }

    private void append(Group group, int field, ParquetColumn declared, Column column, int i) {
        if (column instanceof IntColumn ints) {
            switch (declared.type()) {
                case INT -> group.add(field, ints.values()[i]);
                case FLOAT -> group.add(field, (double) ints.values()[i]);
                case STRING -> group.add(field, Long.toString(ints.values()[i]));
            }
        } else if (column instanceof FloatColumn floats && declared.type() == FeatureType.FLOAT) {
            group.add(field, floats.values()[i]);
        } else if (column instanceof FloatColumn && declared.type() == FeatureType.STRING) {
            group.add(field, Cells.text(column, i));
        } else if (column instanceof StringColumn strings && declared.type() == FeatureType.STRING) {
            int start = strings.valueOffsets()[i];
            group.add(
                    field, Binary.fromConstantByteArray(strings.bytes(), start, strings.valueOffsets()[i + 1] - start));
        } else {
            throw new InputException(
                    ErrorCode.CONVERT_NOT_REPRESENTABLE,
                    "example " + example + ", feature " + column.name() + ": expected " + declared.type()
                            + " values in its Parquet column, found " + column.type());
        }
    }

    @Override
    public void finish() throws IOException {
        writer.close();
    }

    /** The stream as parquet-java's output file: it counts the position and leaves closing to the caller. */
    private record StreamOutputFile(OutputStream out) implements OutputFile {
        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long position;

                @Override
                public long getPos() {
                    return position;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    position++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    position += len;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.flush();
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
