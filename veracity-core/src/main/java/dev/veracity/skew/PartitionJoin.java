package dev.veracity.skew;

import java.util.Arrays;
import java.util.HashMap;

/**
 * The in-memory join of one partition: per identifier, how many examples each side has and the body of the first
 * one. A second example of an identifier drops the kept body (a duplicate is never compared), so a hot identifier
 * costs one entry however often it repeats.
 */
public final class PartitionJoin {
    private final HashMap<Key, Entry> entries = new HashMap<>();

    public void add(boolean base, byte[] key, long hash, byte[] body) {
        Entry entry = entries.computeIfAbsent(new Key(key, (int) hash), k -> new Entry());
        if (base) {
            entry.baseBody = entry.baseExamples == 0 ? body : null;
            entry.baseExamples++;
        } else {
            entry.testBody = entry.testExamples == 0 ? body : null;
            entry.testExamples++;
        }
    }

    /** Passes every identifier to {@code accumulator}, then forgets them. */
    public void drainInto(SkewAccumulator accumulator) {
        for (var e : entries.entrySet()) {
            Entry entry = e.getValue();
            accumulator.identifier(
                    e.getKey().bytes, entry.baseExamples, entry.testExamples, entry.baseBody, entry.testBody);
        }
        entries.clear();
    }

    /**
     * {@return a 64-bit hash of a key: FNV-1a, then MurmurHash3's finalizer to spread it}. The partition takes the
     * high half and the hash map the low half, so the keys of one partition do not collide in its map.
     */
    public static long hash(byte[] key, int length) {
        long h = 0xCBF2_9CE4_8422_2325L;
        for (int i = 0; i < length; i++) {
            h = (h ^ (key[i] & 0xFF)) * 0x0000_0100_0000_01B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51_AFD7_ED55_8CCDL;
        h ^= h >>> 33;
        h *= 0xC4CE_B9FE_1A85_EC53L;
        h ^= h >>> 33;
        return h;
    }

    /** {@return the partition of a key with hash {@code hash}, in {@code [0, partitions)}} */
    public static int partition(long hash, int partitions) {
        return (int) Long.remainderUnsigned(hash >>> 32, partitions);
    }

    private static final class Key {
        final byte[] bytes;
        final int hash;

        Key(byte[] bytes, int hash) {
            this.bytes = bytes;
            this.hash = hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static final class Entry {
        int baseExamples;
        int testExamples;
        byte[] baseBody;
        byte[] testBody;
    }
}
