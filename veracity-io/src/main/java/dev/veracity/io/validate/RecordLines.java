package dev.veracity.io.validate;

import java.io.IOException;
import java.io.InputStream;

/**
 * Finds the line on which each record of a CSV or JSON Lines file starts, as the readers cut records, so that an
 * anomalous row can name its line: CSV ends a line at LF, CRLF or a lone CR, skips blank lines (no bytes between
 * two line ends) and keeps line breaks inside quotes in the record; JSON Lines ends a line at LF and skips lines of
 * only spaces, tabs and CRs. A UTF-8 byte-order mark at the start is skipped. Reads the stream once, buffered.
 */
final class RecordLines {
    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final boolean csv;
    private final byte quote;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;
    private long line = 1;
    private boolean started;

    private RecordLines(InputStream in, boolean csv, byte quote) {
        this.in = in;
        this.csv = csv;
        this.quote = quote;
    }

    /** {@return the record starts of a CSV stream, after its header record} */
    static RecordLines csv(InputStream in, byte quote) throws IOException {
        RecordLines lines = new RecordLines(in, true, quote);
        lines.next(); // the header
        return lines;
    }

    /** {@return the record starts of a JSON Lines stream} */
    static RecordLines jsonLines(InputStream in) {
        return new RecordLines(in, false, (byte) 0);
    }

    private int peek() throws IOException {
        if (position == limit) {
            limit = in.read(buffer, 0, BUFFER);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position] & 0xFF;
    }

    private int read() throws IOException {
        int b = peek();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    private void skipByteOrderMark() throws IOException {
        if (started) {
            return;
        }
        started = true;
        if (peek() == 0xEF) {
            // a BOM is three bytes; anything else starting with 0xEF is a record's first byte, so look ahead safely
            if (limit - position >= 3
                    && (buffer[position + 1] & 0xFF) == 0xBB
                    && (buffer[position + 2] & 0xFF) == 0xBF) {
                position += 3;
            }
        }
    }

    /** {@return the 1-based line on which the next record starts, or -1 at the end of the stream} */
    long next() throws IOException {
        skipByteOrderMark();
        return csv ? nextCsv() : nextJsonLine();
    }

    private long nextCsv() throws IOException {
        while (true) {
            int b = peek();
            if (b < 0) {
                return -1;
            }
            if (b == '\n' || b == '\r') {
                endOfLine(read());
                continue; // a blank line
            }
            long start = line;
            boolean quoted = false;
            while ((b = read()) >= 0) {
                if (b == quote) {
                    quoted = !quoted; // a doubled quote toggles twice
                } else if (!quoted && (b == '\n' || b == '\r')) {
                    endOfLine(b);
                    return start;
                } else if (b == '\n' || b == '\r') {
                    endOfLine(b);
                }
            }
            return start;
        }
    }

    private void endOfLine(int b) throws IOException {
        if (b == '\r' && peek() == '\n') {
            position++;
        }
        line++;
    }

    private long nextJsonLine() throws IOException {
        while (true) {
            if (peek() < 0) {
                return -1;
            }
            long start = line;
            boolean blank = true;
            int b;
            while ((b = read()) >= 0 && b != '\n') {
                blank &= b == ' ' || b == '\t' || b == '\r';
            }
            line++;
            if (!blank) {
                return start;
            }
        }
    }
}
