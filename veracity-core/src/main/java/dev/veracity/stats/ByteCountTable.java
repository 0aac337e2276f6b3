package dev.veracity.stats;

import java.util.Arrays;

/**
 * Exact counts, and sums of weights, of distinct byte strings: open addressing over a byte arena, so counting a value
 * allocates nothing. Holds at most a fixed number of distinct keys; {@link #add} says when one more would not fit.
 */
final class ByteCountTable {
    private final int maxKeys;
    private int[] slots; // entry index + 1, 0 = empty
    private int mask;
    private int size;
    private int[] hashes = new int[64];
    private int[] keyOffsets = new int[64];
    private int[] keyLengths = new int[64];
    private long[] counts = new long[64];
    private double[] weights = new double[64];
    private byte[] arena = new byte[1024];
    private int arenaSize;

    ByteCountTable(int maxKeys) {
        this.maxKeys = maxKeys;
        this.slots = new int[128];
        this.mask = slots.length - 1;
    }

    /** {@return the number of distinct keys} */
    int size() {
        return size;
    }

    /**
     * Adds {@code count} occurrences, of total weight {@code weight}, of the key
     * {@code source[offset, offset + length)}.
     *
     * @return false, without adding, if the key is new and the table already holds its maximum of distinct keys
     */
    boolean add(byte[] source, int offset, int length, long count, double weight) {
        int hash = hash(source, offset, length);
        int slot = hash & mask;
        while (true) {
            int entry = slots[slot] - 1;
            if (entry < 0) {
                break;
            }
            if (hashes[entry] == hash
                    && keyLengths[entry] == length
                    && Arrays.equals(
                            arena, keyOffsets[entry], keyOffsets[entry] + length, source, offset, offset + length)) {
                counts[entry] += count;
                weights[entry] += weight;
                return true;
            }
            slot = (slot + 1) & mask;
        }
        if (size == maxKeys) {
            return false;
        }
        int entry = newEntry(hash, source, offset, length, count, weight);
        slots[slot] = entry + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return true;
    }

    private int newEntry(int hash, byte[] source, int offset, int length, long count, double weight) {
        if (size == hashes.length) {
            int capacity = size * 2;
            hashes = Arrays.copyOf(hashes, capacity);
            keyOffsets = Arrays.copyOf(keyOffsets, capacity);
            keyLengths = Arrays.copyOf(keyLengths, capacity);
            counts = Arrays.copyOf(counts, capacity);
            weights = Arrays.copyOf(weights, capacity);
        }
        if (arenaSize + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + length));
        }
        System.arraycopy(source, offset, arena, arenaSize, length);
        hashes[size] = hash;
        keyOffsets[size] = arenaSize;
        keyLengths[size] = length;
        counts[size] = count;
        weights[size] = weight;
        arenaSize += length;
        return size++;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        mask = slots.length - 1;
        for (int entry = 0; entry < size; entry++) {
            int slot = hashes[entry] & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = entry + 1;
        }
    }

    /** {@return the arena holding every key; key {@code i} is at {@link #keyOffset(int)} for {@link #keyLength(int)}} */
    byte[] arena() {
        return arena;
    }

    int keyOffset(int entry) {
        return keyOffsets[entry];
    }

    int keyLength(int entry) {
        return keyLengths[entry];
    }

    long count(int entry) {
        return counts[entry];
    }

    /** {@return the sum of the weights added for key {@code entry}} */
    double weight(int entry) {
        return weights[entry];
    }

    long retainedBytes() {
        return slots.length * 4L + hashes.length * 28L + arena.length;
    }

    private static int hash(byte[] bytes, int offset, int length) {
        int h = 0x9747b28c ^ length;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = h * 31 + bytes[i];
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
