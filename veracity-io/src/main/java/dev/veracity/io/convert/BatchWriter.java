package dev.veracity.io.convert;

import dev.veracity.data.RecordBatch;
import java.io.IOException;

/**
 * Writes record batches to a stream in one format; {@link Converter} picks one by the target's format.
 *
 * <pre>{@code
 * BatchWriter writer = new JsonLinesBatchWriter(out);
 * writer.write(batch); writer.finish();
 * }</pre>
 */
public interface BatchWriter {
    /**
     * Writes the rows of a batch.
     *
     * @throws dev.veracity.InputException CONVERT_NOT_REPRESENTABLE if a value cannot be written in this format
     */
    void write(RecordBatch batch) throws IOException;

    /** Writes what is pending (a trailer, a compressed stream's end); does not close the stream. */
    void finish() throws IOException;
}
