package dev.veracity.io.convert;

import dev.veracity.data.RecordBatch;
import dev.veracity.io.tfrecord.ExampleEncoder;
import dev.veracity.io.tfrecord.TfRecordWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes each row as a {@code tf.train.Example} in a TFRecord stream, optionally gzip-compressed (as TFX's
 * {@code *.gz}); see {@link ExampleEncoder} for the mapping.
 *
 * <pre>{@code
 * BatchWriter writer = new TfRecordBatchWriter(out, true);
 * }</pre>
 */
public final class TfRecordBatchWriter implements BatchWriter {
    private final GZIPOutputStream gzip;
    private final TfRecordWriter writer;

    /** @param gzip whether to compress the stream */
    public TfRecordBatchWriter(OutputStream out, boolean gzip) throws IOException {
        this.gzip = gzip ? new GZIPOutputStream(out, 1 << 16) : null;
        this.writer = new TfRecordWriter(gzip ? this.gzip : out);
    }

    @Override
    public void write(RecordBatch batch) throws IOException {
        for (int r = 0; r < batch.rowCount(); r++) {
            writer.write(ExampleEncoder.encode(batch, r).toByteArray());
        }
    }

    @Override
    public void finish() throws IOException {
        if (gzip != null) {
            gzip.finish();
        }
    }
}
