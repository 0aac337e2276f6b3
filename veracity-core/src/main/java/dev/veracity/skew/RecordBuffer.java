package dev.veracity.skew;

import java.util.Arrays;

/** A growable byte array that spill records are written into: varints, fixed 8-byte numbers, byte strings. */
public final class RecordBuffer {
    private byte[] bytes = new byte[256];
    private int size;

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    public byte[] array() {
        return bytes;
    }

    public byte[] toArray() {
        return Arrays.copyOf(bytes, size);
    }

    void putByte(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void putVarint(int value) {
        ensure(5);
        int v = value;
        while ((v & ~0x7F) != 0) {
            bytes[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
    }

    void putLong(long value) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            bytes[size++] = (byte) (value >>> (8 * i));
        }
    }

    void putBytes(byte[] source, int from, int to) {
        putVarint(to - from);
        ensure(to - from);
        System.arraycopy(source, from, bytes, size, to - from);
        size += to - from;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    /** Reads what a {@link RecordBuffer} wrote, from a byte array. */
    static final class Cursor {
        private final byte[] bytes;
        private int position;

        Cursor(byte[] bytes) {
            this(bytes, 0);
        }

        Cursor(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
        }

        boolean hasMore() {
            return position < bytes.length;
        }

        int getByte() {
            return bytes[position++];
        }

        int getVarint() {
            int value = 0;
            for (int shift = 0; ; shift += 7) {
                int b = bytes[position++];
                value |= (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }

        long getLong() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value |= (bytes[position++] & 0xFFL) << (8 * i);
            }
            return value;
        }

        byte[] getBytes() {
            int length = getVarint();
            byte[] value = Arrays.copyOfRange(bytes, position, position + length);
            position += length;
            return value;
        }
    }
}
