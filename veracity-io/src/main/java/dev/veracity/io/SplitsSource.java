package dev.veracity.io;

import dev.veracity.data.BatchSource;
import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads splits one after the other as one stream, checking that a feature keeps its type from split to split.
 *
 * <pre>{@code
 * BatchSource all = new SplitsSource(Readers.splits(files, format, options, types), types);
 * }</pre>
 */
public final class SplitsSource implements BatchSource {
    private final List<InputSplit> splits;
    private final FeatureTypes types;
    private int index;
    private BatchSource current;
    private long skippedBefore;
    private boolean returnedBatch;

    public SplitsSource(List<InputSplit> splits, FeatureTypes types) {
        this.splits = List.copyOf(splits);
        this.types = Objects.requireNonNull(types, "types is null");
    }

    @Override
    public Optional<RecordBatch> next() throws IOException {
        while (true) {
            if (current == null) {
                if (index == splits.size()) {
                    return Optional.empty();
                }
                current = splits.get(index++).open();
            }
            Optional<RecordBatch> batch = current.next();
            if (batch.isPresent() && (batch.get().rowCount() > 0 || !returnedBatch)) {
                for (Column column : batch.get().columns()) {
                    types.check(
                            column.name(), column.type(), splits.get(index - 1).description());
                }
                returnedBatch = true;
                return batch;
            }
            if (batch.isEmpty()) {
                skippedBefore += current.skippedRecords();
                current.close();
                current = null;
            }
        }
    }

    @Override
    public long skippedRecords() {
        return skippedBefore + (current == null ? 0 : current.skippedRecords());
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
