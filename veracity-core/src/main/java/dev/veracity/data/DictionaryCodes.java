package dev.veracity.data;

import java.util.Objects;

/**
 * The dictionary of a {@link StringColumn} whose values all came from one (a dictionary-encoded Parquet column
 * chunk): value {@code v} of the column is entry {@code codes[v]}, whose bytes are
 * {@code entryBytes[entryOffsets[e] .. entryOffsets[e + 1])}. Lets statistics count values by entry, resolving each
 * distinct string once, rather than hashing every value's bytes; the column's own bytes stay the values'.
 *
 * <pre>{@code
 * DictionaryCodes codes = new DictionaryCodes(new int[] {1, 0, 1}, new int[] {0, 3, 6}, "LyoOsl".getBytes(UTF_8));
 * StringColumn city = new StringColumn("city", 3, present, rowOffsets, valueOffsets, bytes, codes);
 * }</pre>
 *
 * @param codes        per value of the column, its entry; length at least the column's value count
 * @param entryOffsets per entry, the start of its bytes in {@code entryBytes}; length entries + 1
 * @param entryBytes   the bytes of all entries, back to back
 */
public record DictionaryCodes(int[] codes, int[] entryOffsets, byte[] entryBytes) {
    public DictionaryCodes {
        Objects.requireNonNull(codes, "codes is null");
        Objects.requireNonNull(entryOffsets, "entryOffsets is null");
        Objects.requireNonNull(entryBytes, "entryBytes is null");
        if (entryOffsets.length == 0 || entryOffsets[entryOffsets.length - 1] > entryBytes.length) {
            throw new IllegalArgumentException("dictionary entry offsets beyond the bytes");
        }
    }

    /** {@return the number of entries} */
    public int entryCount() {
        return entryOffsets.length - 1;
    }
}
