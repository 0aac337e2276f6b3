package dev.veracity.io.jdbc;

import dev.veracity.data.BatchSource;
import dev.veracity.io.InputSplit;
import java.util.Objects;

/**
 * A query as one split of a dataset: its result is streamed on one thread (a result set is sequential).
 *
 * <pre>{@code
 * InputSplit split = new JdbcSplit(JdbcQuery.of("jdbc:sqlite:train.db", "SELECT * FROM runs"), 4096);
 * }</pre>
 *
 * @param query     the query
 * @param batchSize rows per batch
 */
public record JdbcSplit(JdbcQuery query, int batchSize) implements InputSplit {
    public JdbcSplit {
        Objects.requireNonNull(query, "query is null");
    }

    @Override
    public String description() {
        return query.safeUrl();
    }

    @Override
    public long sizeBytes() {
        return 0;
    }

    @Override
    public BatchSource open() {
        return JdbcSource.open(query, batchSize);
    }
}
