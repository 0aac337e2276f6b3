package dev.veracity.io.tfrecord;

import java.util.Objects;

/**
 * One record of a TFRecord file: its data and where its header starts.
 *
 * @param data   the record's bytes (for tf.Example files, a serialized {@code tf.train.Example})
 * @param offset the byte offset of the record's header in the (uncompressed) stream
 */
public record TfRecord(byte[] data, long offset) {
    public TfRecord {
        Objects.requireNonNull(data, "data is null");
    }
}
