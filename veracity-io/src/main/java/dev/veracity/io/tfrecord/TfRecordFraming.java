package dev.veracity.io.tfrecord;

import java.util.zip.CRC32C;

/**
 * TFRecord's framing, as TensorFlow writes it: per record a little-endian {@code uint64} length, the masked CRC32C
 * of those 8 bytes, the data, and the masked CRC32C of the data. A CRC is masked as
 * {@code ((crc >>> 15) | (crc << 17)) + 0xa282ead8} (TensorFlow's {@code crc32c::Mask}).
 *
 * <pre>{@code
 * int masked = TfRecordFraming.maskedCrc32c(data, 0, data.length);
 * }</pre>
 */
public final class TfRecordFraming {
    /** Bytes before a record's data: length and its checksum. */
    public static final int HEADER_BYTES = 12;
    /** Bytes after a record's data: its checksum. */
    public static final int FOOTER_BYTES = 4;

    private static final int MASK_DELTA = 0xa282ead8;

    private TfRecordFraming() {}

    /** {@return the masked CRC32C of {@code bytes[offset, offset + length)}} */
    public static int maskedCrc32c(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        int value = (int) crc.getValue();
        return ((value >>> 15) | (value << 17)) + MASK_DELTA;
    }

    /** {@return the little-endian 64-bit integer at {@code offset}} */
    public static long readLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (bytes[offset + i] & 0xffL);
        }
        return value;
    }

    /** {@return the little-endian 32-bit integer at {@code offset}} */
    public static int readInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff)
                | (bytes[offset + 1] & 0xff) << 8
                | (bytes[offset + 2] & 0xff) << 16
                | (bytes[offset + 3] & 0xff) << 24;
    }

    /** Writes {@code value} little-endian at {@code offset}. */
    public static void writeLong(byte[] bytes, int offset, long value) {
        for (int i = 0; i < 8; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    /** Writes {@code value} little-endian at {@code offset}. */
    public static void writeInt(byte[] bytes, int offset, int value) {
        for (int i = 0; i < 4; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    /** {@return whether the 12 bytes at {@code offset} are a record header whose length checksum verifies} */
    public static boolean isValidHeader(byte[] bytes, int offset) {
        return maskedCrc32c(bytes, offset, 8) == readInt(bytes, offset + 8);
    }

    /** {@return whether a file starting with these bytes starts with a valid TFRecord header} */
    public static boolean hasValidHeader(byte[] head) {
        return head.length >= HEADER_BYTES && isValidHeader(head, 0);
    }
}
