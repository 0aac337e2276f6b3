package dev.veracity.io.csv;

import java.util.Objects;

/**
 * A part of a CSV file that one worker reads: the records that start at an offset in {@code [start, end)}. The first
 * chunk of a file starts at 0 and holds the header.
 *
 * @param input     the file
 * @param start     where its first record starts (or, before verification, is guessed to start)
 * @param end       where the next chunk's first record starts (guessed); {@link Long#MAX_VALUE} for the last chunk
 * @param firstLine the line on which its first byte lies, 1-based (before verification: 1, a relative count)
 * @param firstRow  the position in the dataset of its first well-formed row, 0-based (before verification: 0)
 */
record CsvChunk(CsvInput input, long start, long end, long firstLine, long firstRow) {
    CsvChunk {
        Objects.requireNonNull(input, "input is null");
        if (start < 0 || end < start || firstLine < 1 || firstRow < 0) {
            throw new IllegalArgumentException("bad chunk " + start + ".." + end + " at line " + firstLine);
        }
    }

    /** {@return whether this chunk starts at the file's first byte, and so begins with the header} */
    boolean holdsHeader() {
        return start == 0;
    }

    /** {@return the number of bytes from its start to the next chunk's start, or to the end of the file} */
    long length() {
        return Math.min(end, input.size()) - start;
    }
}
