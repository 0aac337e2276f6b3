package dev.veracity.io.convert;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * The distinct values of one Parquet column chunk in first-seen order, each with its index (the id a
 * dictionary-encoded page writes), kept in open-addressing tables of primitives: no object per value.
 *
 * <pre>{@code
 * ParquetDictionary.Longs ids = new ParquetDictionary.Longs();
 * int id = ids.id(42L); // 0, then 0 again for 42, 1 for the next new value
 * }</pre>
 */
sealed interface ParquetDictionary {
    /** {@return the number of entries} */
    int size();

    /** {@return the size of the first {@code entries} entries PLAIN-encoded, as the dictionary page holds them} */
    long plainBytes(int entries);

    /** Appends the first {@code entries} entries, PLAIN-encoded, to {@code out}. */
    void writePlain(int entries, PageBytes out);

    /** INT64 values; those in {@code [0, 4096)} (codes, buckets, small counts) found by value, without hashing. */
    final class Longs implements ParquetDictionary {
        private static final int SMALL = 4096;

        private long[] keys = new long[1024];
        private int[] slots = newSlots(2048);
        private final int[] small = newSlots(SMALL); // per small value, its id, -1 until added
        private int size;

        /** {@return the id of the value, added if new} */
        int id(long value) {
            if (value >= 0 && value < SMALL) {
                int id = small[(int) value];
                if (id >= 0) {
                    return id;
                }
            }
            int mask = slots.length - 1;
            int at = mix(Long.hashCode(value)) & mask;
            while (true) {
                int id = slots[at];
                if (id < 0) {
                    return add(value, at);
                }
                if (keys[id] == value) {
                    return id;
                }
                at = (at + 1) & mask;
            }
        }

        private int add(long value, int at) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
            }
            keys[size] = value;
            slots[at] = size;
            if (value >= 0 && value < SMALL) {
                small[(int) value] = size;
            }
            size++;
            if (size * 2 > slots.length) {
                long[] values = keys;
                slots = slotsOf(slots.length * 2, size, id -> Long.hashCode(values[id]));
            }
            return size - 1;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public long plainBytes(int entries) {
            return 8L * entries;
        }

        @Override
        public void writePlain(int entries, PageBytes out) {
            for (int id = 0; id < entries; id++) {
                out.writeLong(keys[id]);
            }
        }
    }

    /** BINARY values: byte strings, compared by their bytes. */
    final class Binaries implements ParquetDictionary {
        private byte[] bytes = new byte[16 * 1024];
        private int[] offsets = new int[1025];
        private int[] hashes = new int[1024];
        private int[] slots = newSlots(2048);
        private int size;

        /** {@return the id of {@code data[from, to)}, added if new} */
        int id(byte[] data, int from, int to) {
            int hash = hash(data, from, to);
            int mask = slots.length - 1;
            int at = mix(hash) & mask;
            while (true) {
                int id = slots[at];
                if (id < 0) {
                    return add(data, from, to, hash, at);
                }
                if (hashes[id] == hash && Arrays.equals(bytes, offsets[id], offsets[id + 1], data, from, to)) {
                    return id;
                }
                at = (at + 1) & mask;
            }
        }

        private static int hash(byte[] data, int from, int to) {
            int h = 1;
            for (int i = from; i < to; i++) {
                h = 31 * h + data[i];
            }
            return h;
        }

        private int add(byte[] data, int from, int to, int hash, int at) {
            if (size == hashes.length) {
                hashes = Arrays.copyOf(hashes, size * 2);
                offsets = Arrays.copyOf(offsets, size * 2 + 1);
            }
            int start = offsets[size];
            int length = to - from;
            if (start + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, start + length));
            }
            System.arraycopy(data, from, bytes, start, length);
            offsets[size + 1] = start + length;
            hashes[size] = hash;
            slots[at] = size;
            size++;
            if (size * 2 > slots.length) {
                int[] hashesOfIds = hashes;
                slots = slotsOf(slots.length * 2, size, id -> hashesOfIds[id]);
            }
            return size - 1;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public long plainBytes(int entries) {
            return 4L * entries + offsets[entries];
        }

        @Override
        public void writePlain(int entries, PageBytes out) {
            for (int id = 0; id < entries; id++) {
                out.writeBinary(bytes, offsets[id], offsets[id + 1]);
            }
        }
    }

    /** {@return a table of {@code length} slots holding the ids {@code 0..size-1}, each placed by its hash} */
    private static int[] slotsOf(int length, int size, IntUnaryOperator hashOfId) {
        int[] slots = newSlots(length);
        int mask = length - 1;
        for (int id = 0; id < size; id++) {
            int at = mix(hashOfId.applyAsInt(id)) & mask;
            while (slots[at] >= 0) {
                at = (at + 1) & mask;
            }
            slots[at] = id;
        }
        return slots;
    }

    private static int[] newSlots(int length) {
        int[] slots = new int[length];
        Arrays.fill(slots, -1);
        return slots;
    }

    /** Spreads a hash code's bits so that the low bits index the table (murmur3's finalizer). */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
