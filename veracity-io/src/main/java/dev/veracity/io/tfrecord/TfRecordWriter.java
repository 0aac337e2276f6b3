package dev.veracity.io.tfrecord;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes records in TFRecord framing (length, masked CRC32C of the length, data, masked CRC32C of the data), readable
 * by TensorFlow's {@code tf.data.TFRecordDataset} and by {@link TfRecordReader}.
 *
 * <pre>{@code
 * TfRecordWriter writer = new TfRecordWriter(out);
 * writer.write(example.toByteArray());
 * }</pre>
 */
public final class TfRecordWriter {
    private final OutputStream out;
    private final byte[] header = new byte[TfRecordFraming.HEADER_BYTES];
    private final byte[] footer = new byte[TfRecordFraming.FOOTER_BYTES];

    /** @param out where to write (wrap it in a GZIPOutputStream for gzip TFRecord); not closed by this writer */
    public TfRecordWriter(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out is null");
    }

    /** Writes one record. */
    public void write(byte[] data) throws IOException {
        TfRecordFraming.writeLong(header, 0, data.length);
        TfRecordFraming.writeInt(header, 8, TfRecordFraming.maskedCrc32c(header, 0, 8));
        TfRecordFraming.writeInt(footer, 0, TfRecordFraming.maskedCrc32c(data, 0, data.length));
        out.write(header);
        out.write(data);
        out.write(footer);
    }
}
