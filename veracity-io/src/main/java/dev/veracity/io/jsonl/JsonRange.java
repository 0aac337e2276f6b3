package dev.veracity.io.jsonl;

import java.util.Objects;

/**
 * A part of a JSON Lines input that one worker reads in the second pass: the lines starting at a byte offset in
 * {@code [start, end)}, as the first pass found them.
 *
 * @param input     the file
 * @param start     the offset of its first line's first byte
 * @param end       the offset of the next range's first line; {@link Long#MAX_VALUE} for the last range of a file
 * @param firstLine the 1-based number of the line at {@code start}
 * @param firstRow  the position in the dataset of its first accepted line, 0-based (sampling keys rows by it)
 * @param records   the lines the first pass accepted in it
 */
record JsonRange(JsonInput input, long start, long end, long firstLine, long firstRow, long records) {
    JsonRange {
        Objects.requireNonNull(input, "input is null");
        if (start < 0 || end < start || firstLine < 1 || firstRow < 0 || records < 0) {
            throw new IllegalArgumentException("bad range " + start + ".." + end + " at line " + firstLine);
        }
    }

    /** {@return the bytes from its start to the next range's start, or to the end of the file} */
    long length() {
        return Math.min(end, input.size()) - start;
    }
}
