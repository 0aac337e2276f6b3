package dev.veracity.io.jsonl;

import java.util.Arrays;

/**
 * The keys of one parsed line in order of appearance, each with its values (if kept): reused from line to line, so
 * that parsing allocates nothing per value. A key that held null or an object has no values and is not present; a
 * scalar is present with one value, an array with its non-null elements (possibly none).
 */
final class ParsedLine {
    static final byte INT = 0;
    static final byte BOOLEAN = 1;
    static final byte FLOAT = 2;
    static final byte STRING = 3;

    private JsonField[] fields = new JsonField[64];
    private boolean[] present = new boolean[64];
    private int[] valueEnds = new int[65];
    private int occurrences;
    private byte[] kinds = new byte[256];
    private long[] bits = new long[256];
    private int values;
    private byte[] strings = new byte[4096];
    private int stringBytes;

    /** Forgets the previous line. */
    void clear() {
        occurrences = 0;
        values = 0;
        stringBytes = 0;
    }

    /** Appends an occurrence of a key; the values added next belong to it. */
    void addKey(JsonField field, boolean isPresent) {
        if (occurrences == fields.length) {
            fields = Arrays.copyOf(fields, occurrences * 2);
            present = Arrays.copyOf(present, occurrences * 2);
            valueEnds = Arrays.copyOf(valueEnds, occurrences * 2 + 1);
        }
        fields[occurrences] = field;
        present[occurrences] = isPresent;
        occurrences++;
        valueEnds[occurrences] = values;
    }

    /** Adds an integer (or a boolean as 0 or 1, with {@code kind} {@link #BOOLEAN}) to the last key. */
    void addLong(byte kind, long value) {
        add(kind, value);
    }

    /** Adds a floating-point number to the last key. */
    void addDouble(double value) {
        add(FLOAT, Double.doubleToRawLongBits(value));
    }

    /**
     * Adds a string, given as UTF-16 chars, to the last key as UTF-8 bytes. An unpaired surrogate (which JSON's
     * {@code \}{@code uD800} escapes can express) becomes its 3-byte generalized UTF-8 form, which is not valid
     * UTF-8, so statistics count the value in {@code invalid_utf8_count} instead of altering it.
     */
    void addString(char[] chars, int offset, int length) {
        if (stringBytes + 3L * length > strings.length) {
            strings = Arrays.copyOf(strings, (int) Math.max(strings.length * 2L, stringBytes + 3L * length));
        }
        byte[] out = strings;
        int n = stringBytes;
        for (int i = offset, end = offset + length; i < end; i++) {
            char c = chars[i];
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | c >> 6);
                out[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
                int codePoint = Character.toCodePoint(c, chars[++i]);
                out[n++] = (byte) (0xF0 | codePoint >> 18);
                out[n++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                out[n++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | codePoint & 0x3F);
            } else {
                out[n++] = (byte) (0xE0 | c >> 12);
                out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        add(STRING, (long) stringBytes << 32 | (n - stringBytes));
        stringBytes = n;
    }

    /** {@return the number of key occurrences} */
    int occurrences() {
        return occurrences;
    }

    /** {@return the field of occurrence {@code i}} */
    JsonField field(int i) {
        return fields[i];
    }

    /** {@return whether occurrence {@code i} held a scalar or an array (else null or an object)} */
    boolean isPresent(int i) {
        return present[i];
    }

    /** {@return the index of the first value of occurrence {@code i}} */
    int valuesStart(int i) {
        return valueEnds[i];
    }

    /** {@return the index after the last value of occurrence {@code i}} */
    int valuesEnd(int i) {
        return valueEnds[i + 1];
    }

    /** {@return the kind of value {@code v}: {@link #INT}, {@link #BOOLEAN}, {@link #FLOAT} or {@link #STRING}} */
    byte kind(int v) {
        return kinds[v];
    }

    /** {@return value {@code v} as an integer (a boolean as 0 or 1)} */
    long longValue(int v) {
        return bits[v];
    }

    /** {@return value {@code v} as a floating-point number} */
    double doubleValue(int v) {
        return kinds[v] == FLOAT ? Double.longBitsToDouble(bits[v]) : bits[v];
    }

    /** {@return the bytes holding the strings; value {@code v} is at {@link #stringStart}, {@link #stringLength}} */
    byte[] strings() {
        return strings;
    }

    int stringStart(int v) {
        return (int) (bits[v] >>> 32);
    }

    int stringLength(int v) {
        return (int) bits[v];
    }

    private void add(byte kind, long value) {
        if (values == kinds.length) {
            kinds = Arrays.copyOf(kinds, values * 2);
            bits = Arrays.copyOf(bits, values * 2);
        }
        kinds[values] = kind;
        bits[values] = value;
        values++;
        valueEnds[occurrences] = values;
    }
}
