package dev.veracity.io.parquet;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.BatchSource;
import dev.veracity.data.Column;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.ListLevels;
import dev.veracity.data.Nesting;
import dev.veracity.data.RecordBatch;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageType;

/**
 * Reads one row group of a Parquet file column by column into record batches: for each leaf column, a row's values
 * are the entries from one repetition level 0 to the next, and values are the entries at the maximal definition
 * level (see {@link ParquetLeaf} for presence and {@link ParquetValues} for types).
 *
 * <pre>{@code
 * try (BatchSource source = ParquetRowGroupSource.open(file, 0, schema, 4096)) { ... }
 * }</pre>
 */
public final class ParquetRowGroupSource implements BatchSource {
    /** parquet-java's reader of the chunks our decoder does not read; null if there are none. */
    private final ParquetFileReader reader;

    private final FileChannel channel;
    private final ChunkBuffers buffers;
    private final ChunkBuffers.Pool pool;
    private boolean closed;
    private final String where;
    private final List<LeafReader> leaves;
    private final int batchSize;
    private long rowsLeft;
    private boolean returnedBatch;

    /**
     * A leaf's reader: {@code chunk} (our decoder) for a flat chunk it can read, else parquet-java's {@code reader};
     * {@code levels} is null for a flat feature.
     */
    private record LeafReader(
            ParquetLeaf leaf,
            ColumnReader reader,
            FlatColumnChunk chunk,
            ValueConverter values,
            long[] entriesLeft,
            ParquetListLevels levels) {
        ColumnBuilder builder() {
            return values.builder();
        }
    }

    private static String key(ParquetLeaf leaf) {
        return String.join("\u0000", leaf.column().getPath());
    }

    private ParquetRowGroupSource(
            ParquetFileReader reader,
            FileChannel channel,
            ChunkBuffers buffers,
            ChunkBuffers.Pool pool,
            String where,
            List<LeafReader> leaves,
            long rows,
            int batchSize) {
        this.reader = reader;
        this.channel = channel;
        this.buffers = buffers;
        this.pool = pool;
        this.where = where;
        this.leaves = leaves;
        this.rowsLeft = rows;
        this.batchSize = batchSize;
    }

    /**
     * Reads the pages of one row group's projected columns.
     *
     * @throws InputException PARQUET_INVALID if the file or its pages are corrupt
     */
    public static ParquetRowGroupSource open(Path file, int rowGroup, MessageType projection, int batchSize)
            throws IOException {
        return open(file, rowGroup, projection, batchSize, new ChunkBuffers.Pool(), true);
    }

    /**
     * As {@link #open(Path, int, MessageType, int)}; {@code ownDecoder} false reads every column with parquet-java's
     * column readers (tests compare both).
     */
    static ParquetRowGroupSource open(
            Path file, int rowGroup, MessageType projection, int batchSize, ChunkBuffers.Pool pool, boolean ownDecoder)
            throws IOException {
        ParquetMetadata footer;
        try (ParquetFileReader reader = ParquetSplits.open(file)) {
            footer = reader.getFooter();
        }
        return open(file, footer, rowGroup, projection, batchSize, pool, ownDecoder);
    }

    /**
     * As {@link #open(Path, int, MessageType, int)}, with the file's footer read once for all its row groups:
     * parquet-java's reader is opened only for the chunks our decoder does not read.
     */
    static ParquetRowGroupSource open(
            Path file,
            ParquetMetadata footer,
            int rowGroup,
            MessageType projection,
            int batchSize,
            ChunkBuffers.Pool pool,
            boolean ownDecoder)
            throws IOException {
        String where = file + " row group " + rowGroup;
        ParquetFileReader reader = null;
        ChunkBuffers buffers = pool.take();
        FileChannel channel = null;
        try {
            BlockMetaData block = footer.getBlocks().get(rowGroup);
            Map<ColumnPath, ColumnChunkMetaData> chunks = new HashMap<>();
            for (ColumnChunkMetaData chunk : block.getColumns()) {
                chunks.put(chunk.getPath(), chunk);
            }
            List<ParquetLeaf> projected = ParquetLeaf.of(projection);
            Map<String, ValueConverter> converters = new HashMap<>();
            Set<String> byParquet = new HashSet<>();
            for (int slot = 0; slot < projected.size(); slot++) {
                ParquetLeaf leaf = projected.get(slot);
                converters.put(key(leaf), new ValueConverter(leaf, buffers.builder(slot, leaf.feature(), leaf.type())));
                ColumnChunkMetaData chunk =
                        chunks.get(ColumnPath.get(leaf.column().getPath()));
                if (!ownDecoder || chunk == null || !FlatColumnChunk.canRead(leaf.column(), chunk)) {
                    byParquet.add(key(leaf));
                }
            }
            ColumnReadStoreImpl store = null;
            if (!byParquet.isEmpty()) {
                MessageType parquetColumns =
                        new MessageType(projection.getName(), ParquetSplits.prune(projection, "", byParquet));
                reader = ParquetSplits.open(file);
                reader.setRequestedSchema(parquetColumns);
                PageReadStore pages = reader.readRowGroup(rowGroup);
                store = new ColumnReadStoreImpl(
                        pages,
                        new LeafConverters(parquetColumns, List.of(), converters),
                        parquetColumns,
                        footer.getFileMetaData().getCreatedBy());
            }
            if (byParquet.size() < projected.size()) {
                channel = FileChannel.open(file, StandardOpenOption.READ);
            }
            List<LeafReader> leaves = new ArrayList<>();
            for (int slot = 0; slot < projected.size(); slot++) {
                ParquetLeaf leaf = projected.get(slot);
                ValueConverter values = converters.get(key(leaf));
                ColumnChunkMetaData chunk =
                        chunks.get(ColumnPath.get(leaf.column().getPath()));
                if (byParquet.contains(key(leaf))) {
                    leaves.add(new LeafReader(
                            leaf,
                            store.getColumnReader(leaf.column()),
                            null,
                            values,
                            new long[] {chunk == null ? 0 : chunk.getValueCount()},
                            ParquetListLevels.of(projection, leaf).orElse(null)));
                } else {
                    leaves.add(new LeafReader(
                            leaf,
                            null,
                            new FlatColumnChunk(channel, leaf.column(), chunk, buffers, slot, values),
                            values,
                            new long[] {chunk.getValueCount()},
                            null));
                }
            }
            return new ParquetRowGroupSource(
                    reader, channel, buffers, pool, where, leaves, block.getRowCount(), batchSize);
        } catch (RuntimeException | IOException e) {
            if (reader != null) {
                reader.close();
            }
            if (channel != null) {
                channel.close();
            }
            pool.give(buffers);
            throw invalid(where, e);
        }
    }

    @Override
    public Optional<RecordBatch> next() {
        if (rowsLeft == 0 && returnedBatch) {
            return Optional.empty();
        }
        returnedBatch = true;
        int rows = (int) Math.min(batchSize, rowsLeft);
        List<Column> columns = new ArrayList<>(leaves.size());
        List<ListLevels> lists = new ArrayList<>();
        try {
            for (LeafReader leaf : leaves) {
                leaf.values().reset();
                if (leaf.chunk() != null) {
                    readOwn(leaf, rows);
                } else {
                    for (int r = 0; r < rows; r++) {
                        readRow(leaf);
                    }
                }
                columns.add(leaf.values().build());
                if (leaf.levels() != null) {
                    lists.add(leaf.levels().build());
                }
            }
        } catch (RuntimeException e) {
            throw invalid(where, e);
        }
        rowsLeft -= rows;
        return Optional.of(
                lists.isEmpty()
                        ? new RecordBatch(rows, columns)
                        : new RecordBatch(rows, columns, new Nesting(lists, List.of())));
    }

    private void readOwn(LeafReader leaf, int rows) {
        try {
            leaf.chunk().read(rows);
        } catch (IndexOutOfBoundsException e) {
            throw new InputException(
                    ErrorCode.PARQUET_INVALID,
                    where + ": column " + leaf.leaf().feature() + ": expected readable pages, found "
                            + ParquetErrors.oneLine(e.getMessage()) + " (corrupt file)",
                    e);
        } catch (IOException e) {
            throw invalid(where, e);
        }
    }

    private void readRow(LeafReader leaf) {
        ColumnReader column = leaf.reader();
        ColumnBuilder builder = leaf.builder();
        if (leaf.entriesLeft()[0] <= 0) {
            throw new InputException(
                    ErrorCode.PARQUET_INVALID,
                    where + ": column " + leaf.leaf().feature()
                            + ": expected a value for every row of the row group, found fewer (corrupt file)");
        }
        boolean present = column.getCurrentDefinitionLevel() >= leaf.leaf().presenceDef();
        int maxDef = leaf.leaf().column().getMaxDefinitionLevel();
        ParquetListLevels levels = leaf.levels();
        if (present) {
            builder.startList();
        }
        do {
            if (levels != null) {
                levels.entry(column.getCurrentRepetitionLevel(), column.getCurrentDefinitionLevel());
            }
            if (present && column.getCurrentDefinitionLevel() == maxDef) {
                column.writeCurrentValueToConverter();
            }
            column.consume();
            leaf.entriesLeft()[0]--;
        } while (leaf.entriesLeft()[0] > 0 && column.getCurrentRepetitionLevel() > 0);
        if (present) {
            builder.endList();
        } else {
            builder.appendMissing();
        }
    }

    /** {@return the input error of corrupt pages} or rethrows a bug of ours unchanged */
    private static InputException invalid(String where, Exception e) {
        return ParquetErrors.classify(where, "readable Parquet pages", e);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (ParquetFileReader r = reader;
                FileChannel c = channel) {
            pool.give(buffers);
        }
    }
}
