package dev.veracity.io.csv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the bytes that end a CSV run (a delimiter or a quote, and the line ends LF and CR) eight bytes at a time, each
 * long of bytes tested with a few arithmetic operations instead of a branch per byte (SWAR).
 *
 * <pre>{@code
 * CsvSpecials specials = new CsvSpecials((byte) ',', (byte) '"');
 * int end = specials.endOfUnquoted(bytes, 0, bytes.length); // the first ',', LF or CR, or bytes.length
 * }</pre>
 */
final class CsvSpecials {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    /** Multiplies the low bits of a long's eight bytes into its top byte, in order (bit i from byte i). */
    private static final long GATHER = 0x0102040810204080L;

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final long LF_BYTES = LF * ONES;
    private static final long CR_BYTES = CR * ONES;

    private final byte delimiter;
    private final byte quote;
    private final long delimiterBytes;
    private final long quoteBytes;

    CsvSpecials(byte delimiter, byte quote) {
        this.delimiter = delimiter;
        this.quote = quote;
        this.delimiterBytes = (delimiter & 0xFFL) * ONES;
        this.quoteBytes = (quote & 0xFFL) * ONES;
    }

    /** {@return the index of the first delimiter or line end in {@code b[from, to)}, or {@code to}} */
    int endOfUnquoted(byte[] b, int from, int to) {
        return endOfRun(b, from, to, delimiterBytes, delimiter);
    }

    /** {@return the index of the first quote or line end in {@code b[from, to)}, or {@code to}} */
    int endOfQuoted(byte[] b, int from, int to) {
        return endOfRun(b, from, to, quoteBytes, quote);
    }

    /**
     * {@return bit {@code i} set exactly where {@code b[base + i]} is a delimiter or a line end, for i in [0, 64)}
     * The 64 bytes must lie in {@code b}.
     */
    long delimitersAndLineEnds(byte[] b, int base) {
        long mask = 0;
        for (int w = 0; w < Long.BYTES; w++) {
            long word = longAt(b, base + w * Long.BYTES);
            long high = ~(nonZeroBytes(word ^ delimiterBytes)
                            & nonZeroBytes(word ^ LF_BYTES)
                            & nonZeroBytes(word ^ CR_BYTES))
                    & HIGHS;
            mask |= ((high >>> 7) * GATHER >>> 56) << (w * Long.BYTES);
        }
        return mask;
    }

    /** @param stops {@code stop} in every byte of a long */
    private static int endOfRun(byte[] b, int from, int to, long stops, byte stop) {
        int p = from;
        for (; p + Long.BYTES <= to; p += Long.BYTES) {
            long word = longAt(b, p);
            long found =
                    lowestZeroBytes(word ^ stops) | lowestZeroBytes(word ^ LF_BYTES) | lowestZeroBytes(word ^ CR_BYTES);
            if (found != 0) {
                return p + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; p < to; p++) {
            byte c = b[p];
            if (c == stop || c == LF || c == CR) {
                return p;
            }
        }
        return to;
    }

    /**
     * {@return the high bit of each zero byte of {@code x}} Exact for the lowest zero byte (a borrow can only mark
     * bytes above a zero one), which is all a scan for the first one asks; cheaper than {@link #zeroBytes}.
     */
    private static long lowestZeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    /** {@return the eight bytes of {@code b} from {@code index} on as a long, the first in the lowest byte} */
    static long longAt(byte[] b, int index) {
        return (long) LONGS.get(b, index);
    }

    /** {@return the high bit of each byte of {@code x} set exactly where the byte is zero, and no other bit} */
    static long zeroBytes(long x) {
        return ~nonZeroBytes(x) & HIGHS;
    }

    /** {@return the high bit of each byte of {@code x} set exactly where the byte is not zero, with low bits} */
    private static long nonZeroBytes(long x) {
        return ((x & ~HIGHS) + ~HIGHS) | x;
    }
}
