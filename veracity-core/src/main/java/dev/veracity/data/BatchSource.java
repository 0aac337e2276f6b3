package dev.veracity.data;

import java.io.IOException;
import java.util.Optional;

/**
 * A stream of record batches from one dataset, as a reader produces them. Not thread-safe: one consumer at a time.
 *
 * <pre>{@code
 * try (BatchSource source = CsvReader.open(path, CsvOptions.DEFAULT)) {
 *     for (Optional<RecordBatch> b = source.next(); b.isPresent(); b = source.next()) { ... }
 * }
 * }</pre>
 */
public interface BatchSource extends AutoCloseable {
    /**
     * {@return the next batch, or empty at the end of the data}
     *
     * @throws IOException                   if the underlying stream fails
     * @throws dev.veracity.InputException if the data is malformed
     */
    Optional<RecordBatch> next() throws IOException;

    /** {@return the number of malformed records skipped so far (0 unless the reader was told to skip them)} */
    default long skippedRecords() {
        return 0;
    }

    @Override
    void close() throws IOException;
}
