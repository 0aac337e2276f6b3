package dev.veracity.transform;

import java.util.List;

/**
 * The positions of a vocabulary's ASCII entries, looked up by bytes, so that the batch path finds an ASCII value
 * without making a String of it. Only ASCII entries are held: an ASCII value's text equals an entry only if the
 * entry is ASCII with the same bytes (other entries, even one whose UTF-8 encoding replaces a lone surrogate by
 * {@code ?}, never equal it). Immutable, so threads share it. Open addressing, load at most one half.
 *
 * <pre>{@code
 * AsciiIndex index = new AsciiIndex(List.of("red", "blue"));
 * int at = index.find("blue".getBytes(US_ASCII), 0, 4); // 1; -1 when absent, NOT_ASCII for other bytes
 * }</pre>
 */
final class AsciiIndex {
    /** What {@link #find} returns for bytes that are not all ASCII (look their text up instead). */
    static final int NOT_ASCII = -2;

    private final int[] slots; // entry position + 1, or 0 for an empty slot
    private final int mask;
    private final int[] starts; // per vocabulary position, its bytes in `bytes` (-1: not ASCII)
    private final int[] ends;
    private final byte[] bytes;

    AsciiIndex(List<String> vocabulary) {
        int size = vocabulary.size();
        int capacity = Integer.highestOneBit(Math.max(4, size * 2 - 1)) << 1;
        slots = new int[capacity];
        mask = capacity - 1;
        starts = new int[size];
        ends = new int[size];
        int total = 0;
        for (String entry : vocabulary) {
            total += entry.length();
        }
        bytes = new byte[total];
        int at = 0;
        for (int v = 0; v < size; v++) {
            String entry = vocabulary.get(v);
            if (!isAscii(entry)) {
                starts[v] = -1;
                continue;
            }
            starts[v] = at;
            for (int i = 0; i < entry.length(); i++) {
                bytes[at++] = (byte) entry.charAt(i);
            }
            ends[v] = at;
            int slot = hash(bytes, starts[v], ends[v] - starts[v]) & mask;
            while (slots[slot] != 0 && !equal(slots[slot] - 1, bytes, starts[v], ends[v] - starts[v])) {
                slot = (slot + 1) & mask;
            }
            // a repeated entry takes its later position, as the row path's map (put in order) does
            slots[slot] = v + 1;
        }
    }

    private static boolean isAscii(String entry) {
        for (int i = 0; i < entry.length(); i++) {
            if (entry.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static int hash(byte[] source, int start, int length) {
        return ByteWords.hash(source, start, length);
    }

    private boolean equal(int v, byte[] source, int start, int length) {
        return ends[v] - starts[v] == length && ByteWords.equal(bytes, starts[v], source, start, length);
    }

    /**
     * {@return the vocabulary position of the entry with these bytes, -1 if none, or {@link #NOT_ASCII} if a byte is
     * not ASCII}
     */
    int find(byte[] source, int start, int length) {
        if (!ColumnarStep.ascii(source, start, length)) {
            return NOT_ASCII;
        }
        int slot = hash(source, start, length) & mask;
        while (true) {
            int v = slots[slot] - 1;
            if (v < 0) {
                return -1;
            }
            if (equal(v, source, start, length)) {
                return v;
            }
            slot = (slot + 1) & mask;
        }
    }
}
