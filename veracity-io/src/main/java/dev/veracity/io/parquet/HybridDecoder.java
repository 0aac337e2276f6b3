package dev.veracity.io.parquet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Decodes Parquet's RLE/bit-packed hybrid encoding (definition levels, dictionary ids, V2 booleans) into an
 * {@code int[]} a batch at a time, from a page buffer it does not copy; it allocates nothing per value or run.
 * Reading past the encoded data throws {@link IndexOutOfBoundsException} (a corrupt page).
 *
 * <pre>{@code
 * decoder.reset(page, start, end, 1);
 * decoder.read(levels, 0, 4096);
 * }</pre>
 */
final class HybridDecoder {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private byte[] in = new byte[0];
    private int pos;
    private int end;
    private int bitWidth;
    private int valueBytes;
    private int mask;
    private int runLeft;
    private boolean repeated;
    private int repeatedValue;
    private long packedBit;

    /** Starts decoding {@code in[start, end)} with values of {@code bitWidth} bits (0 to 32). */
    void reset(byte[] in, int start, int end, int bitWidth) {
        if (bitWidth < 0 || bitWidth > 32 || start < 0 || end > in.length || start > end) {
            throw new IndexOutOfBoundsException("bit width " + bitWidth + " or range [" + start + ", " + end + ")");
        }
        this.in = in;
        this.pos = start;
        this.end = end;
        this.bitWidth = bitWidth;
        this.valueBytes = (bitWidth + 7) / 8;
        this.mask = bitWidth == 32 ? -1 : (1 << bitWidth) - 1;
        this.runLeft = 0;
    }

    /** Decodes the next {@code count} values into {@code out[offset, offset + count)}. */
    void read(int[] out, int offset, int count) {
        int at = offset;
        int stop = offset + count;
        while (at < stop) {
            if (runLeft == 0) {
                nextRun();
            }
            int n = Math.min(runLeft, stop - at);
            if (repeated) {
                Arrays.fill(out, at, at + n, repeatedValue);
            } else {
                unpack(out, at, n);
            }
            at += n;
            runLeft -= n;
        }
    }

    private void nextRun() {
        int header = readVarInt();
        if ((header & 1) == 1) {
            int groups = header >>> 1;
            repeated = false;
            packedBit = (long) pos * 8;
            long bytes = (long) groups * bitWidth;
            if (bytes > end - pos) {
                // The last run may be cut short by the page's end: only whole values that fit are readable.
                bytes = end - pos;
            }
            runLeft = bitWidth == 0 ? groups * 8 : (int) Math.min((long) groups * 8, bytes * 8 / bitWidth);
            pos += (int) bytes;
        } else {
            repeated = true;
            runLeft = header >>> 1;
            int value = 0;
            for (int i = 0; i < valueBytes; i++) {
                value |= (in[checked(pos + i)] & 0xFF) << (8 * i);
            }
            pos += valueBytes;
            repeatedValue = value;
        }
        if (runLeft <= 0) {
            throw new IndexOutOfBoundsException("an empty run at byte " + pos);
        }
    }

    private void unpack(int[] out, int at, int n) {
        if (bitWidth == 0) {
            Arrays.fill(out, at, at + n, 0);
            return;
        }
        long bit = packedBit;
        for (int i = 0; i < n; i++) {
            int index = (int) (bit >>> 3);
            int shift = (int) (bit & 7);
            long word;
            if (index + 8 <= end) {
                word = (long) LONGS.get(in, index);
            } else {
                word = 0;
                for (int b = 0; b < 8 && index + b < end; b++) {
                    word |= (in[index + b] & 0xFFL) << (8 * b);
                }
            }
            out[at + i] = (int) (word >>> shift) & mask;
            bit += bitWidth;
        }
        packedBit = bit;
    }

    private int readVarInt() {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in[checked(pos++)];
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IndexOutOfBoundsException("a run header longer than 5 bytes");
    }

    private int checked(int index) {
        if (index >= end) {
            throw new IndexOutOfBoundsException("past the end of the encoded values at byte " + index);
        }
        return index;
    }
}
