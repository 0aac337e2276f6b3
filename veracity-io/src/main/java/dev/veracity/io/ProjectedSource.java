package dev.veracity.io;

import dev.veracity.data.BatchSource;
import dev.veracity.data.Column;
import dev.veracity.data.ListLevels;
import dev.veracity.data.Nesting;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StructRows;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps only the columns that {@link ReadOptions#columns()} selects, for readers that cannot skip columns while
 * reading (row-oriented formats parse every field anyway).
 *
 * <pre>{@code
 * BatchSource fewer = new ProjectedSource(source, ReadOptions.DEFAULT.withColumns(List.of("fare")));
 * }</pre>
 */
public final class ProjectedSource implements BatchSource {
    private final BatchSource source;
    private final ReadOptions options;

    public ProjectedSource(BatchSource source, ReadOptions options) {
        this.source = Objects.requireNonNull(source, "source is null");
        this.options = Objects.requireNonNull(options, "options is null");
    }

    @Override
    public Optional<RecordBatch> next() throws IOException {
        Optional<RecordBatch> batch = source.next();
        if (batch.isEmpty()) {
            return batch;
        }
        List<Column> kept = new ArrayList<>();
        for (Column column : batch.get().columns()) {
            if (options.selects(column.name())) {
                kept.add(column);
            }
        }
        return Optional.of(
                new RecordBatch(batch.get().rowCount(), kept, kept(batch.get().nesting())));
    }

    /** {@return the levels of the kept columns, and the structs that hold them or that the options select} */
    private Nesting kept(Nesting nesting) {
        if (nesting.isEmpty()) {
            return nesting;
        }
        List<ListLevels> lists = nesting.lists().stream()
                .filter(levels -> options.selects(levels.column()))
                .toList();
        List<StructRows> structs = nesting.structs().stream()
                .filter(struct -> options.selects(String.join(".", struct.path()))
                        || lists.stream().anyMatch(levels -> struct.isParentOf(levels.path())))
                .toList();
        return lists.isEmpty() && structs.isEmpty() ? Nesting.NONE : new Nesting(lists, structs);
    }

    @Override
    public long skippedRecords() {
        return source.skippedRecords();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
