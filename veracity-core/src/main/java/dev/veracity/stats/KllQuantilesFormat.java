package dev.veracity.stats;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.QuantilesDoublesSketchIterator;

/**
 * The persisted form of a {@link KllQuantiles}: a marker byte, a version byte, then k, n, min, max, the state of the
 * coin generator, and each level's items, lowest first. Reading also accepts the bytes of a DataSketches
 * {@code KllDoublesSketch}, which accumulators stored before (their items keep their levels and weights).
 */
final class KllQuantilesFormat {
    /** The first byte; a DataSketches KLL sketch starts with its preamble ints, 1, 2 or 5. */
    static final int MARKER = 0x4B;

    static final int VERSION = 1;
    private static final int MAX_LEVELS = 64;

    private KllQuantilesFormat() {}

    static int size(int levels, int retained) {
        return 2 + 4 + 8 * 4 + 4 + 4 * levels + 8 * retained;
    }

    static byte[] write(int k, long n, double min, double max, long coins, double[][] levels, int[] sizes) {
        int retained = 0;
        for (int size : sizes) {
            retained += size;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(size(levels.length, retained));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(MARKER);
            out.writeByte(VERSION);
            out.writeInt(k);
            out.writeLong(n);
            out.writeDouble(min);
            out.writeDouble(max);
            out.writeLong(coins);
            out.writeInt(levels.length);
            for (int h = 0; h < levels.length; h++) {
                out.writeInt(sizes[h]);
                for (int i = 0; i < sizes[h]; i++) {
                    out.writeDouble(levels[h][i]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException if the bytes are truncated, of an unknown version, or not a KLL sketch */
    static KllQuantiles read(byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != MARKER) {
            return fromDataSketches(bytes);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            in.readUnsignedByte();
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("KLL sketch format version " + version + ", expected " + VERSION);
            }
            int k = in.readInt();
            long n = in.readLong();
            double min = in.readDouble();
            double max = in.readDouble();
            long coins = in.readLong();
            int count = in.readInt();
            if (count < 1 || count > MAX_LEVELS) {
                throw new IllegalArgumentException("KLL sketch with " + count + " levels");
            }
            double[][] levels = new double[count][];
            int[] sizes = new int[count];
            for (int h = 0; h < count; h++) {
                int size = in.readInt();
                if (size < 0 || size > bytes.length / 8) {
                    throw new IllegalArgumentException("KLL sketch level of " + size + " items");
                }
                levels[h] = new double[Math.max(KllQuantiles.MIN_WIDTH, size)];
                for (int i = 0; i < size; i++) {
                    levels[h][i] = in.readDouble();
                }
                sizes[h] = size;
            }
            return KllQuantiles.of(k, n, min, max, coins, levels, sizes);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated KLL sketch bytes", e);
        }
    }

    private static KllQuantiles fromDataSketches(byte[] bytes) {
        KllDoublesSketch old;
        try {
            old = KllDoublesSketch.heapify(Memory.wrap(bytes));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable KLL sketch bytes: " + e.getMessage(), e);
        }
        if (old.isEmpty()) {
            return new KllQuantiles(old.getK());
        }
        double[][] levels = new double[1][KllQuantiles.MIN_WIDTH];
        int[] sizes = new int[1];
        QuantilesDoublesSketchIterator items = old.iterator();
        while (items.next()) {
            int level = 63 - Long.numberOfLeadingZeros(items.getWeight());
            if (level >= levels.length) {
                levels = Arrays.copyOf(levels, level + 1);
                sizes = Arrays.copyOf(sizes, level + 1);
                for (int h = 0; h < levels.length; h++) {
                    if (levels[h] == null) {
                        levels[h] = new double[KllQuantiles.MIN_WIDTH];
                    }
                }
            }
            if (sizes[level] == levels[level].length) {
                levels[level] = Arrays.copyOf(levels[level], levels[level].length * 2);
            }
            levels[level][sizes[level]++] = items.getQuantile();
        }
        for (int h = 1; h < levels.length; h++) {
            Arrays.sort(levels[h], 0, sizes[h]);
        }
        return KllQuantiles.of(
                old.getK(), old.getN(), old.getMinItem(), old.getMaxItem(), KllQuantiles.SEED, levels, sizes);
    }
}
