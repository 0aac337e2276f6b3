package dev.veracity.io.convert;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.io.api.Binary;

/**
 * The encodings of one Parquet data page (version 1) from gathered primitive arrays: levels as the RLE/bit-packing
 * hybrid behind their byte length, values PLAIN, and the page's statistics as parquet-java orders them. Stateless:
 * {@link ParquetChunk} decides what goes into a page and which encoding its values take.
 *
 * <pre>{@code
 * PageEncoding.levels(definitions, count, 1, page);
 * PageEncoding.plainDoubles(values, valueCount, page);
 * }</pre>
 */
final class PageEncoding {
    private static final VarHandle BIG_ENDIAN_LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private PageEncoding() {}

    /** Appends levels {@code [0, count)} as version 1 pages hold them: their byte length, then the hybrid encoding. */
    static void levels(int[] levels, int count, int max, PageBytes page) {
        int bitWidth = 32 - Integer.numberOfLeadingZeros(max);
        int lengthAt = page.size();
        page.writeInt(0);
        int first = levels[0];
        int same = 1;
        while (same < count && levels[same] == first) {
            same++;
        }
        if (same == count) {
            page.writeVarInt(count << 1); // one RLE run: (count << 1), the value in (bitWidth + 7) / 8 bytes
            page.writeByte(first);
        } else {
            HybridEncoder.encode(levels, count, bitWidth, page);
        }
        page.setInt(lengthAt, page.size() - lengthAt - 4);
    }

    /** Appends byte strings {@code [0, count)} of {@code strings} (bounds in {@code offsets}), PLAIN. */
    static void plainBinaries(byte[] strings, int[] offsets, int count, PageBytes page) {
        for (int i = 0; i < count; i++) {
            page.writeBinary(strings, offsets[i], offsets[i + 1]);
        }
    }

    /** {@return the statistics of INT64 values {@code [0, count)} of a page with {@code nulls} nulls} */
    static Statistics<?> longs(ColumnDescriptor descriptor, long[] values, int count, int nulls) {
        Statistics<?> stats = empty(descriptor, nulls);
        if (count > 0) {
            long min = values[0];
            long max = values[0];
            for (int i = 1; i < count; i++) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
            stats.updateStats(min);
            stats.updateStats(max);
        }
        return stats;
    }

    /**
     * {@return the statistics of DOUBLE values {@code [0, count)}}: the first least and first greatest by
     * {@link Double#compare} (found by comparing each value's sortable bits, the same order as longs)
     */
    static Statistics<?> doubles(ColumnDescriptor descriptor, double[] values, int count, int nulls) {
        Statistics<?> stats = empty(descriptor, nulls);
        if (count > 0) {
            int min = 0;
            int max = 0;
            long least = sortable(values[0]);
            long greatest = least;
            for (int i = 1; i < count; i++) {
                long key = sortable(values[i]);
                if (key < least) {
                    least = key;
                    min = i;
                }
                if (key > greatest) {
                    greatest = key;
                    max = i;
                }
            }
            stats.updateStats(values[min]);
            stats.updateStats(values[max]);
        }
        return stats;
    }

    /** {@return a long whose signed order is {@link Double#compare}'s order of the doubles (all NaN equal, last)} */
    private static long sortable(double value) {
        long bits = Double.doubleToLongBits(value);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /** {@return the statistics of byte strings {@code [0, count)}: min and max by unsigned bytes} */
    static Statistics<?> binaries(ColumnDescriptor descriptor, byte[] strings, int[] offsets, int count, int nulls) {
        Statistics<?> stats = empty(descriptor, nulls);
        if (count > 0) {
            int min = 0;
            int max = 0;
            long minPrefix = prefix(strings, offsets, 0);
            long maxPrefix = minPrefix;
            for (int i = 1; i < count; i++) {
                long p = prefix(strings, offsets, i);
                int toMin = Long.compareUnsigned(p, minPrefix);
                if (toMin < 0 || (toMin == 0 && compare(strings, offsets, i, min) < 0)) {
                    min = i;
                    minPrefix = p;
                }
                int toMax = Long.compareUnsigned(p, maxPrefix);
                if (toMax > 0 || (toMax == 0 && compare(strings, offsets, i, max) > 0)) {
                    max = i;
                    maxPrefix = p;
                }
            }
            stats.updateStats(binary(strings, offsets, min));
            stats.updateStats(binary(strings, offsets, max));
        }
        return stats;
    }

    /**
     * {@return the first 8 bytes of string {@code i} as an unsigned big-endian number, zeros past its end}: two
     * strings whose prefixes differ compare as their prefixes; equal prefixes need the whole comparison
     */
    private static long prefix(byte[] strings, int[] offsets, int i) {
        int start = offsets[i];
        int length = offsets[i + 1] - start;
        if (length >= 8) {
            return (long) BIG_ENDIAN_LONGS.get(strings, start);
        }
        long p = 0;
        for (int b = 0; b < 8; b++) {
            p = (p << 8) | (b < length ? strings[start + b] & 0xFF : 0);
        }
        return p;
    }

    private static int compare(byte[] strings, int[] offsets, int a, int b) {
        return Arrays.compareUnsigned(strings, offsets[a], offsets[a + 1], strings, offsets[b], offsets[b + 1]);
    }

    private static Binary binary(byte[] strings, int[] offsets, int i) {
        return Binary.fromConstantByteArray(Arrays.copyOfRange(strings, offsets[i], offsets[i + 1]));
    }

    private static Statistics<?> empty(ColumnDescriptor descriptor, int nulls) {
        Statistics<?> stats = Statistics.createStats(descriptor.getPrimitiveType());
        stats.incrementNumNulls(nulls);
        return stats;
    }
}
