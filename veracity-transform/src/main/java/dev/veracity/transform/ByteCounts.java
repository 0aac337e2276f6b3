package dev.veracity.transform;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Counts of byte strings in an open-addressing table of primitives: the keys' bytes back to back, with their hashes
 * and counts in parallel arrays, so counting a value makes neither a String nor a map entry (a vocabulary's analyzer
 * counts every value of a column). Keys are compared by their bytes; {@link #drainInto} turns them into text once
 * per distinct key, adding the counts of keys whose UTF-8 decodings are equal (invalid bytes decode to U+FFFD).
 *
 * <pre>{@code
 * ByteCounts counts = new ByteCounts();
 * counts.add(bytes, start, length, 1);
 * counts.drainInto(byText); // byText.get("red")[0] += its count; counts is then empty
 * }</pre>
 */
final class ByteCounts {
    private static final int FIRST_KEYS = 64;

    private byte[] bytes = new byte[1024];
    private int[] offsets = new int[FIRST_KEYS + 1];
    private int[] hashes = new int[FIRST_KEYS];
    private long[] counts = new long[FIRST_KEYS];
    private int[] slots = new int[2 * FIRST_KEYS]; // key index + 1, 0 for an empty slot
    private int size;

    /** {@return the number of distinct keys} */
    int size() {
        return size;
    }

    /** Adds {@code count} to the key {@code source[start, start + length)}. */
    void add(byte[] source, int start, int length, long count) {
        int hash = hash(source, start, length);
        int mask = slots.length - 1;
        int at = hash & mask;
        while (true) {
            int key = slots[at] - 1;
            if (key < 0) {
                insert(source, start, length, hash, at, count);
                return;
            }
            if (hashes[key] == hash && equal(key, source, start, length)) {
                counts[key] += count;
                return;
            }
            at = (at + 1) & mask;
        }
    }

    /** Adds every key of {@code other} with its count; {@code other} is unchanged. */
    void addAll(ByteCounts other) {
        for (int key = 0; key < other.size; key++) {
            add(other.bytes, other.offsets[key], other.offsets[key + 1] - other.offsets[key], other.counts[key]);
        }
    }

    /**
     * Adds each key's count to {@code byText}'s first count under the key's UTF-8 text (a new entry holds two zero
     * counts), in the order the keys were first added, then empties this table.
     */
    void drainInto(Map<String, long[]> byText) {
        for (int key = 0; key < size; key++) {
            String text = new String(bytes, offsets[key], offsets[key + 1] - offsets[key], StandardCharsets.UTF_8);
            byText.computeIfAbsent(text, k -> new long[2])[0] += counts[key];
        }
        clear();
    }

    private void clear() {
        Arrays.fill(slots, 0);
        size = 0;
    }

    private boolean equal(int key, byte[] source, int start, int length) {
        int from = offsets[key];
        return offsets[key + 1] - from == length && ByteWords.equal(bytes, from, source, start, length);
    }

    private void insert(byte[] source, int start, int length, int hash, int at, long count) {
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
            offsets = Arrays.copyOf(offsets, size * 2 + 1);
        }
        int from = offsets[size];
        if (from + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, from + length));
        }
        System.arraycopy(source, start, bytes, from, length);
        offsets[size + 1] = from + length;
        hashes[size] = hash;
        counts[size] = count;
        slots[at] = size + 1;
        size++;
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
    }

    private void rehash(int length) {
        slots = new int[length];
        int mask = length - 1;
        for (int key = 0; key < size; key++) {
            int at = hashes[key] & mask;
            while (slots[at] != 0) {
                at = (at + 1) & mask;
            }
            slots[at] = key + 1;
        }
    }

    private static int hash(byte[] source, int start, int length) {
        return ByteWords.hash(source, start, length);
    }
}
