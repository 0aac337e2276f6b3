package dev.veracity.transform;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Hashing and comparing short byte strings eight bytes at a time (the keys of {@link ByteCounts} and
 * {@link AsciiIndex}: categories, tokens), rather than one multiply-add per byte.
 *
 * <pre>{@code
 * int h = ByteWords.hash(bytes, start, length);
 * boolean same = ByteWords.equal(bytes, start, other, otherStart, length);
 * }</pre>
 */
final class ByteWords {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long K = 0x9E37_79B9_7F4A_7C15L;

    private ByteWords() {}

    /** {@return a well-mixed hash of {@code source[start, start + length)}}: its low bits index a table */
    static int hash(byte[] source, int start, int length) {
        long h = length * K;
        int i = start;
        int end = start + length;
        for (; i + 8 <= end; i += 8) {
            h = Long.rotateLeft(h ^ (long) LONGS.get(source, i), 29) * K;
        }
        long tail = 0;
        for (; i < end; i++) {
            tail = (tail << 8) | (source[i] & 0xFF);
        }
        h = (h ^ tail) * K;
        h ^= h >>> 32;
        h *= 0xD6E8_FEB8_6659_FD93L;
        return (int) (h ^ (h >>> 32));
    }

    /** {@return whether {@code a[aStart, aStart + length)} and {@code b[bStart, bStart + length)} hold the same bytes} */
    static boolean equal(byte[] a, int aStart, byte[] b, int bStart, int length) {
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            if ((long) LONGS.get(a, aStart + i) != (long) LONGS.get(b, bStart + i)) {
                return false;
            }
        }
        for (; i < length; i++) {
            if (a[aStart + i] != b[bStart + i]) {
                return false;
            }
        }
        return true;
    }
}
