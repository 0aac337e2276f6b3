package dev.veracity.io.convert;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable byte buffer for one Parquet page's bytes, with the little-endian writes of Parquet's PLAIN encoding and
 * the RLE/bit-packing hybrid's run headers; reused from page to page.
 *
 * <pre>{@code
 * PageBytes page = new PageBytes();
 * page.writeLong(42L); // 8 bytes, little-endian
 * }</pre>
 */
final class PageBytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] bytes = new byte[64 * 1024];
    private int size;

    /** {@return the bytes written; valid up to {@link #size()} until the next write or reset} */
    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    void reset() {
        size = 0;
    }

    /** Drops the bytes written after the first {@code length}. */
    void truncate(int length) {
        size = length;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    /** Writes the {@code count} (at most 8) low bytes of {@code bits}, least significant first. */
    void writeLowBytes(long bits, int count) {
        ensure(8);
        LONGS.set(bytes, size, bits); // all eight written, the size moves by count
        size += count;
    }

    void writeByte(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void writeInt(int value) {
        ensure(4);
        INTS.set(bytes, size, value);
        size += 4;
    }

    /** Overwrites the byte at {@code at} (a run header written before its data). */
    void setByte(int at, int b) {
        bytes[at] = (byte) b;
    }

    /** Overwrites 4 bytes at {@code at} (a length written before its data). */
    void setInt(int at, int value) {
        INTS.set(bytes, at, value);
    }

    void writeLong(long value) {
        ensure(8);
        LONGS.set(bytes, size, value);
        size += 8;
    }

    /** Writes longs {@code [from, to)}, 8 bytes each (one bulk copy). */
    void writeLongs(long[] values, int from, int to) {
        ensure(8 * (to - from));
        ByteBuffer.wrap(bytes, size, 8 * (to - from))
                .order(ByteOrder.LITTLE_ENDIAN)
                .asLongBuffer()
                .put(values, from, to - from);
        size += 8 * (to - from);
    }

    /**
     * Writes doubles {@code [from, to)} as PLAIN does: the bits of {@link Double#doubleToLongBits} (one bulk copy of
     * the raw bits, then every NaN, if any, rewritten as the canonical NaN).
     */
    void writeDoubles(double[] values, int from, int to) {
        ensure(8 * (to - from));
        ByteBuffer.wrap(bytes, size, 8 * (to - from))
                .order(ByteOrder.LITTLE_ENDIAN)
                .asDoubleBuffer()
                .put(values, from, to - from);
        for (int i = from; i < to; i++) {
            if (Double.isNaN(values[i])) {
                LONGS.set(bytes, size + 8 * (i - from), Double.doubleToLongBits(values[i]));
            }
        }
        size += 8 * (to - from);
    }

    /** Writes a byte string as PLAIN BINARY: its length (4 bytes) and its bytes. */
    void writeBinary(byte[] data, int from, int to) {
        int length = to - from;
        ensure(4 + length);
        INTS.set(bytes, size, length);
        System.arraycopy(data, from, bytes, size + 4, length);
        size += 4 + length;
    }

    void write(byte[] data, int from, int length) {
        ensure(length);
        System.arraycopy(data, from, bytes, size, length);
        size += length;
    }

    /** Writes an unsigned LEB128 varint (a run header). */
    void writeVarInt(int value) {
        ensure(5);
        int v = value;
        while ((v & ~0x7F) != 0) {
            bytes[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
    }
}
