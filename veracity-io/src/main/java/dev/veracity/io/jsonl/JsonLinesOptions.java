package dev.veracity.io.jsonl;

import dev.veracity.io.BadRecords;
import java.util.Objects;

/**
 * How to read a JSON Lines file: what to do with malformed lines, and the rows per batch.
 *
 * <pre>{@code
 * JsonLinesOptions options = JsonLinesOptions.DEFAULT.withBadRecords(BadRecords.SKIP).withBatchSize(1024);
 * }</pre>
 *
 * @param badRecords whether a malformed line (invalid JSON, not an object, a type conflict, an unsupported value, a
 *                   repeated key) fails the read or is skipped and counted
 * @param batchSize  the most rows in one {@link dev.veracity.data.RecordBatch}; at least 1
 */
public record JsonLinesOptions(BadRecords badRecords, int batchSize) {
    /** The rows per batch unless told otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 4096;

    /** Fail on malformed lines, {@value #DEFAULT_BATCH_SIZE} rows per batch. */
    public static final JsonLinesOptions DEFAULT = new JsonLinesOptions(BadRecords.FAIL, DEFAULT_BATCH_SIZE);

    public JsonLinesOptions {
        Objects.requireNonNull(badRecords, "badRecords is null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
        }
    }

    /** {@return these options with another policy for malformed lines} */
    public JsonLinesOptions withBadRecords(BadRecords newBadRecords) {
        return new JsonLinesOptions(newBadRecords, batchSize);
    }

    /** {@return these options with another number of rows per batch} */
    public JsonLinesOptions withBatchSize(int newBatchSize) {
        return new JsonLinesOptions(badRecords, newBatchSize);
    }
}
