package dev.veracity.io.jsonl;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Splits a stream of bytes into the non-blank lines of a JSON Lines file: a line ends at LF (a CR before it is
 * dropped), the last line may lack its LF, a line of only spaces, tabs and CRs is blank and skipped, and a UTF-8
 * byte-order mark at the start of the stream is dropped. Bytes are not decoded here.
 */
final class JsonLineSplitter {
    static final int DEFAULT_BUFFER_SIZE = 1 << 20;
    static final int MAX_LINE_BYTES = 64 << 20;

    private final InputStream in;
    private final String fileName;
    private final int maxLineBytes;
    private byte[] buffer;
    private int limit;
    private int position;
    private long bufferStart;
    private boolean atStreamStart;
    private boolean endOfStream;
    private final long firstLine;
    private long nextLine;
    private long line;
    private int start;
    private int length;
    private int nulAt;

    /** A splitter with 1 MiB reads and the 64 MiB line limit. */
    JsonLineSplitter(InputStream in, String fileName) {
        this(in, fileName, DEFAULT_BUFFER_SIZE, MAX_LINE_BYTES);
    }

    /**
     * A splitter of {@code in}, which it does not close.
     *
     * @param fileName     the file as messages name it
     * @param bufferSize   the initial buffer, which grows for longer lines
     * @param maxLineBytes the longest line accepted, without its line end
     */
    JsonLineSplitter(InputStream in, String fileName, int bufferSize, int maxLineBytes) {
        this(in, fileName, bufferSize, maxLineBytes, 1, true);
    }

    /**
     * A splitter of a part of a file that starts at a line start: {@code in} holds the bytes from there on (or up to
     * the start of a later line).
     *
     * @param firstLine   the 1-based number of the line at the start of {@code in}
     * @param atFileStart whether {@code in} starts at the file's first byte, where a byte-order mark is dropped
     */
    JsonLineSplitter(InputStream in, String fileName, long firstLine, boolean atFileStart) {
        this(in, fileName, DEFAULT_BUFFER_SIZE, MAX_LINE_BYTES, firstLine, atFileStart);
    }

    private JsonLineSplitter(
            InputStream in, String fileName, int bufferSize, int maxLineBytes, long firstLine, boolean atFileStart) {
        if (firstLine < 1) {
            throw new IllegalArgumentException("firstLine must be positive: " + firstLine);
        }
        this.firstLine = firstLine;
        this.nextLine = firstLine;
        this.atStreamStart = atFileStart;
        this.in = Objects.requireNonNull(in, "in is null");
        this.fileName = Objects.requireNonNull(fileName, "fileName is null");
        if (bufferSize < 1 || maxLineBytes < 1) {
            throw new IllegalArgumentException("bufferSize and maxLineBytes must be positive");
        }
        this.buffer = new byte[bufferSize];
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Moves to the next line that is not blank.
     *
     * @return false at the end of the stream
     * @throws InputException JSONL_LINE_TOO_LONG for a line longer than the limit (always fatal: there is no telling
     *                        where a line of unbounded length ends without reading it)
     */
    boolean next() throws IOException {
        if (atStreamStart) {
            dropByteOrderMark();
            atStreamStart = false;
        }
        while (readLine()) {
            if (!isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** {@return the file as messages name it} */
    String fileName() {
        return fileName;
    }

    /** {@return the buffer holding the current line} */
    byte[] bytes() {
        return buffer;
    }

    /** {@return where the current line starts in {@link #bytes()}} */
    int start() {
        return start;
    }

    /** {@return the length of the current line in bytes, without its line end} */
    int length() {
        return length;
    }

    /** {@return the 1-based number of the current line} */
    long line() {
        return line;
    }

    /** {@return the 0-based position of the first NUL byte in the current line, or -1 if there is none} */
    int nulAt() {
        return nulAt;
    }

    /** {@return the lines read so far, blank ones included} */
    long linesRead() {
        return nextLine - firstLine;
    }

    /** {@return the bytes of the stream consumed so far, through the current line's end} */
    long bytesConsumed() {
        return bufferStart + position;
    }

    private boolean readLine() throws IOException {
        int scan = position;
        int nul = -1;
        while (true) {
            byte[] b = buffer;
            for (int i = scan; i < limit; i++) {
                byte c = b[i];
                if (c == '\n') {
                    setLine(i, nul);
                    position = i + 1;
                    return true;
                }
                if (c == 0 && nul < 0) {
                    nul = i - position;
                }
            }
            if ((long) limit - position > maxLineBytes + 1L) {
                throw tooLong(nextLine);
            }
            if (endOfStream) {
                if (position == limit) {
                    return false;
                }
                setLine(limit, nul);
                position = limit;
                return true;
            }
            scan = limit - position;
            fill();
            scan += position;
        }
    }

    /** Sets the current line to {@code [position, end)}, without a CR before {@code end}. */
    private void setLine(int end, int nul) {
        line = nextLine++;
        start = position;
        int stop = end > position && buffer[end - 1] == '\r' ? end - 1 : end;
        length = stop - position;
        if (length > maxLineBytes) {
            throw tooLong(line);
        }
        nulAt = nul;
    }

    private InputException tooLong(long lineNumber) {
        return new InputException(
                ErrorCode.JSONL_LINE_TOO_LONG,
                fileName + ":" + lineNumber + ": expected a line of at most " + maxLineBytes
                        + " bytes, found a longer one");
    }

    private boolean isBlank() {
        byte[] b = buffer;
        for (int i = start, end = start + length; i < end; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private void dropByteOrderMark() throws IOException {
        while (limit - position < 3 && !endOfStream) {
            fill();
        }
        if (limit - position >= 3
                && buffer[position] == (byte) 0xEF
                && buffer[position + 1] == (byte) 0xBB
                && buffer[position + 2] == (byte) 0xBF) {
            position += 3;
        }
    }

    /** Moves the unconsumed bytes to the buffer's start, grows it if full, and reads more (or notes the end). */
    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            bufferStart += position;
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(Integer.MAX_VALUE - 8L, buffer.length * 2L));
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            endOfStream = true;
        } else {
            limit += n;
        }
    }
}
