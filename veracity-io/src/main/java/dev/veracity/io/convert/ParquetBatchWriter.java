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
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
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
 * Writes rows as one Apache Parquet file (Snappy, version 1 data pages, parquet-java's default page and dictionary
 * sizes, row groups of up to {@value #ROW_GROUP_BYTES} bytes) with the given columns: INT as INT64, FLOAT as DOUBLE,
 * STRING as BINARY annotated STRING. A single-valued column is an optional field (a missing value is null); a
 * repeated one a standard 3-level LIST (a missing row is a null list, an empty list stays empty). A row with other
 * than one value in a single-valued column is an error naming the example and the feature, as
 * {@link CsvBatchWriter}'s. Veracity's Parquet reader reads the file back to the same batches.
 *
 * <p>Columnar: each batch's column arrays go straight to parquet-java's column writers as values with their
 * repetition and definition levels, no record object per row (parquet-java's record writers assemble one).
 *
 * <pre>{@code
 * BatchWriter writer = new ParquetBatchWriter(out, List.of(new ParquetColumn("age", FeatureType.INT, false)));
 * }</pre>
 */
public final class ParquetBatchWriter implements BatchWriter {
    /** The buffered size at which a row group is written: parquet-java's default block size. */
    static final long ROW_GROUP_BYTES = 128L * 1024 * 1024;

    private final List<ParquetColumn> columns;
    private final MessageType schema;
    private final ParquetProperties properties;
    private final CodecFactory codecs;
    private final CompressionCodecFactory.BytesInputCompressor compressor;
    private final ParquetTail.Capture capture;
    private final ParquetFileWriter file;
    private final ColumnDescriptor[] descriptors;
    private final long rowGroupBytes;
    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore store;
    private ColumnWriter[] writers;
    private long rowsInGroup;
    private long example;

    /** @param columns the file's columns, in order; a feature a batch lacks is null in its rows */
    public ParquetBatchWriter(OutputStream out, List<ParquetColumn> columns) throws IOException {
        this(out, columns, ROW_GROUP_BYTES);
    }

    /** A writer whose row groups end once their buffered size reaches {@code rowGroupBytes} (for tests). */
    ParquetBatchWriter(OutputStream out, List<ParquetColumn> columns, long rowGroupBytes) throws IOException {
        Objects.requireNonNull(out, "out is null");
        this.rowGroupBytes = rowGroupBytes;
        this.columns = List.copyOf(columns);
        List<Type> fields = new ArrayList<>();
        for (ParquetColumn column : this.columns) {
            fields.add(field(column));
        }
        this.schema = new MessageType("example", fields);
        ParquetProperties.Builder builder = ParquetProperties.builder();
        for (ParquetColumn column : this.columns) {
            if (column.type() == FeatureType.FLOAT && !column.repeated()) {
                builder.withDictionaryEncoding(column.name(), false); // doubles rarely repeat: a dictionary costs time
            }
        }
        this.properties = builder.build();
        this.codecs = new CodecFactory(new Configuration(false), properties.getPageSizeThreshold());
        this.compressor = codecs.getCompressor(CompressionCodecName.SNAPPY);
        this.capture = new ParquetTail.Capture(out);
        this.file = new ParquetFileWriter(
                new StreamOutputFile(capture),
                schema,
                ParquetFileWriter.Mode.OVERWRITE,
                rowGroupBytes,
                0,
                null,
                properties);
        this.descriptors = schema.getColumns().toArray(new ColumnDescriptor[0]);
        file.start();
        startRowGroup();
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

    private void startRowGroup() {
        pages = new ColumnChunkPageWriteStore(
                compressor,
                schema,
                properties.getAllocator(),
                properties.getColumnIndexTruncateLength(),
                properties.getPageWriteChecksumEnabled());
        store = properties.newColumnWriteStore(schema, pages, pages);
        writers = new ColumnWriter[descriptors.length];
        for (int c = 0; c < descriptors.length; c++) {
            writers[c] = store.getColumnWriter(descriptors[c]);
        }
    }

    /** Writes the buffered row group, if it has rows, and closes its stores. */
    private void endRowGroup() throws IOException {
        if (rowsInGroup > 0) {
            file.startBlock(rowsInGroup);
            store.flush();
            pages.flushToFileWriter(file);
            file.endBlock();
            rowsInGroup = 0;
        }
        store.close();
        pages.close();
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
            for (int c = 0; c < found.length; c++) {
                writeRow(found[c], r, columns.get(c), writers[c]);
            }
            store.endRecord();
            rowsInGroup++;
        }
        if (store.getBufferedSize() >= rowGroupBytes) {
            endRowGroup();
            startRowGroup();
        }
    }

    /** Writes one row of a column: its values with their levels, or a null at the level where it stops. */
    private void writeRow(Column column, int r, ParquetColumn declared, ColumnWriter writer) {
        if (column == null || !column.present()[r]) {
            writer.writeNull(0, 0);
            return;
        }
        int from = column.rowOffsets()[r];
        int to = column.rowOffsets()[r + 1];
        if (!declared.repeated()) {
            if (to - from != 1) {
                throw new InputException(
                        ErrorCode.CONVERT_NOT_REPRESENTABLE,
                        "example " + example + ", feature " + column.name()
                                + ": expected one value in a single-valued Parquet column, found " + (to - from)
                                + " values");
            }
            write(writer, declared, column, from, 0, 1);
            return;
        }
        if (from == to) {
            writer.writeNull(0, 1); // an empty list: the list is defined, it has no element
            return;
        }
        for (int i = from; i < to; i++) {
            write(writer, declared, column, i, i == from ? 0 : 1, 2);
        }
    }

    private void write(ColumnWriter writer, ParquetColumn declared, Column column, int i, int rep, int def) {
        if (column instanceof IntColumn ints) {
            switch (declared.type()) {
                case INT -> writer.write(ints.values()[i], rep, def);
                case FLOAT -> writer.write((double) ints.values()[i], rep, def);
                case STRING -> writer.write(Binary.fromString(Long.toString(ints.values()[i])), rep, def);
            }
        } else if (column instanceof FloatColumn floats && declared.type() == FeatureType.FLOAT) {
            writer.write(floats.values()[i], rep, def);
        } else if (column instanceof FloatColumn && declared.type() == FeatureType.STRING) {
            writer.write(Binary.fromString(Cells.text(column, i)), rep, def);
        } else if (column instanceof StringColumn strings && declared.type() == FeatureType.STRING) {
            int start = strings.valueOffsets()[i];
            writer.write(
                    Binary.fromConstantByteArray(strings.bytes(), start, strings.valueOffsets()[i + 1] - start),
                    rep,
                    def);
        } else {
            throw new InputException(
                    ErrorCode.CONVERT_NOT_REPRESENTABLE,
                    "example " + example + ", feature " + column.name() + ": expected " + declared.type()
                            + " values in its Parquet column, found " + column.type());
        }
    }

    @Override
    public void finish() throws IOException {
        try {
            endRowGroup();
            capture.startTail();
            file.end(Map.of());
            capture.finishTail();
        } finally {
            codecs.release();
        }
    }

    /** The stream as parquet-java's output file: it counts the position and leaves closing to the caller. */
    private record StreamOutputFile(ParquetTail.Capture out) implements OutputFile {
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
