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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
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
    private final ParquetFileReader reader;
    private final String where;
    private final List<LeafReader> leaves;
    private final int batchSize;
    private long rowsLeft;
    private boolean returnedBatch;

    /** A leaf's reader; {@code levels} is null for a flat feature. */
    private record LeafReader(
            ParquetLeaf leaf,
            ColumnReader reader,
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
            ParquetFileReader reader, String where, List<LeafReader> leaves, long rows, int batchSize) {
        this.reader = reader;
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
        String where = file + " row group " + rowGroup;
        ParquetFileReader reader = ParquetSplits.open(file);
        try {
            reader.setRequestedSchema(projection);
            PageReadStore pages = reader.readRowGroup(rowGroup);
            List<ParquetLeaf> projected = ParquetLeaf.of(projection);
            Map<String, ValueConverter> converters = new HashMap<>();
            for (ParquetLeaf leaf : projected) {
                converters.put(key(leaf), new ValueConverter(leaf, ColumnBuilder.of(leaf.feature(), leaf.type())));
            }
            ColumnReadStoreImpl store = new ColumnReadStoreImpl(
                    pages,
                    new LeafConverters(projection, List.of(), converters),
                    projection,
                    reader.getFooter().getFileMetaData().getCreatedBy());
            List<LeafReader> leaves = new ArrayList<>();
            for (ParquetLeaf leaf : projected) {
                ColumnReader column = store.getColumnReader(leaf.column());
                leaves.add(new LeafReader(
                        leaf,
                        column,
                        converters.get(key(leaf)),
                        new long[] {pages.getPageReader(leaf.column()).getTotalValueCount()},
                        ParquetListLevels.of(projection, leaf).orElse(null)));
            }
            return new ParquetRowGroupSource(reader, where, leaves, pages.getRowCount(), batchSize);
        } catch (RuntimeException | IOException e) {
            reader.close();
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
                for (int r = 0; r < rows; r++) {
                    readRow(leaf);
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
        reader.close();
    }
}
