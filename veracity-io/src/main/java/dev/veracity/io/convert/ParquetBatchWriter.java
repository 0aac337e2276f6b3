package dev.veracity.io.convert;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.Column;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes rows as one Apache Parquet file (Snappy, version 1 data pages, parquet-java's default page and dictionary
 * size limits, row groups of up to {@value #ROW_GROUP_BYTES} bytes) with the given columns: INT as INT64, FLOAT as DOUBLE,
 * STRING as BINARY annotated STRING. A single-valued column is an optional field (a missing value is null); a
 * repeated one a standard 3-level LIST (a missing row is a null list, an empty list stays empty). A row with other
 * than one value in a single-valued column is an error naming the example and the feature, as
 * {@link CsvBatchWriter}'s. Veracity's Parquet reader reads the file back to the same batches.
 *
 * <p>Columnar: each batch's column arrays are gathered per column ({@link ParquetChunk}) and encoded a page at a
 * time, levels and values in bulk, no call per value into parquet-java (whose column writers take one value at a
 * time); parquet-java compresses the pages and writes the file's structure. A dictionary is used only where it pays
 * (not for doubles, nor for a column whose first page is mostly distinct values).
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
    private final ParquetChunk[] chunks;
    private ColumnChunkPageWriteStore pages;
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
        this.properties = ParquetProperties.builder().build();
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
        this.chunks = new ParquetChunk[descriptors.length];
        for (int c = 0; c < chunks.length; c++) {
            chunks[c] = new ParquetChunk(descriptors[c], this.columns.get(c));
        }
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
        for (int c = 0; c < descriptors.length; c++) {
            chunks[c].start(pages.getPageWriter(descriptors[c]));
        }
    }

    /** Writes the buffered row group, if it has rows, and closes its page store. */
    private void endRowGroup() throws IOException {
        if (rowsInGroup > 0) {
            for (ParquetChunk chunk : chunks) {
                chunk.finish();
            }
            file.startBlock(rowsInGroup);
            pages.flushToFileWriter(file);
            file.endBlock();
            rowsInGroup = 0;
        }
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
        check(found, batch.rowCount());
        for (int c = 0; c < found.length; c++) {
            chunks[c].add(found[c], batch.rowCount());
        }
        example += batch.rowCount();
        rowsInGroup += batch.rowCount();
        long buffered = 0;
        for (ParquetChunk chunk : chunks) {
            buffered += chunk.bufferedBytes();
        }
        if (buffered >= rowGroupBytes) {
            endRowGroup();
            startRowGroup();
        }
    }

    /**
     * Refuses the batch if a row cannot be written: the first such row (then the first such column in it) names the
     * example, as a row-by-row writer would. A single-valued column needs one value in each present row, and a
     * value's type must convert to the declared one (INT to FLOAT or STRING, FLOAT to STRING).
     */
    private void check(Column[] found, int rowCount) {
        int badRow = Integer.MAX_VALUE;
        String problem = null;
        for (int c = 0; c < found.length; c++) {
            Column column = found[c];
            if (column == null) {
                continue;
            }
            ParquetColumn declared = columns.get(c);
            boolean converts = column.type() == declared.type()
                    || declared.type() == FeatureType.STRING
                    || (column.type() == FeatureType.INT && declared.type() == FeatureType.FLOAT);
            if (converts && declared.repeated()) {
                continue;
            }
            boolean[] present = column.present();
            int[] offsets = column.rowOffsets();
            if (converts && singleValued(present, offsets, Math.min(rowCount, badRow))) {
                continue; // the common case, found in one pass without branches
            }
            for (int r = 0; r < Math.min(rowCount, badRow); r++) {
                if (!present[r]) {
                    continue;
                }
                int count = offsets[r + 1] - offsets[r];
                if (!declared.repeated() && count != 1) {
                    badRow = r;
                    problem = "example " + (example + r + 1) + ", feature " + column.name()
                            + ": expected one value in a single-valued Parquet column, found " + count + " values";
                } else if (!converts && count > 0) {
                    badRow = r;
                    problem = "example " + (example + r + 1) + ", feature " + column.name() + ": expected "
                            + declared.type() + " values in its Parquet column, found " + column.type();
                }
                if (badRow == r) {
                    break;
                }
            }
        }
        if (problem != null) {
            throw new InputException(ErrorCode.CONVERT_NOT_REPRESENTABLE, problem);
        }
    }

    /** {@return whether each of the first {@code rows} rows holds one value if present} */
    private static boolean singleValued(boolean[] present, int[] offsets, int rows) {
        int wrong = 0;
        for (int r = 0; r < rows; r++) {
            int count = offsets[r + 1] - offsets[r];
            wrong |= present[r] ? count ^ 1 : 0;
        }
        return wrong == 0;
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
