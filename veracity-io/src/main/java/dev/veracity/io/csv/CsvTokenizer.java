package dev.veracity.io.csv;

import dev.veracity.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Splits a stream of CSV bytes into records of unescaped field bytes, with no charset decoding, no allocation per
 * field and no copy of a field's bytes: a record is read in place in the read buffer (a quoted field is unescaped in
 * place, which only shrinks it), and the fields are ranges of that buffer. Delimiters and line ends are found eight
 * bytes at a time.
 *
 * <p>RFC 4180, plus: LF, CRLF and lone CR line ends; a UTF-8 byte-order mark at the start of the file is dropped; blank
 * lines (no bytes between two line ends) are skipped, as TFDV's {@code skip_blank_lines}; a quote inside an unquoted
 * field is a literal byte. Line numbers count physical lines, so a quoted line break advances them.
 *
 * <p>The stream may start at any record boundary of a file (for parallel chunks): pass the line number of its first
 * byte, and whether it is the file's start (only there is a byte-order mark dropped). A record's bytes stay valid
 * until the next call of {@link #next()}. A record longer than the buffer grows it (up to the record limit).
 *
 * <p>Past 400 lines on purpose: the fast path for plain records and the general one share the buffer, its indices
 * and the field ranges on the hottest loop of every CSV read; the byte scans are {@link CsvSpecials}, the messages
 * {@link CsvProblem}'s.
 */
final class CsvTokenizer {
    static final int DEFAULT_BUFFER_SIZE = 1 << 20;
    static final int MAX_RECORD_BYTES = 64 << 20;

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final int DELIMITER = 0;
    private static final int LINE_END = 1;
    private static final int END_OF_STREAM = 2;
    private static final byte[] NO_BYTES = {};

    private final InputStream in;
    private final String fileName;
    private final byte delimiter;
    private final byte quote;
    private final CsvSpecials specials;
    private final int maxRecordBytes;
    private byte[] buffer;
    private final boolean atFileStart;
    private int position;
    private int limit;
    private long bufferStart;
    private boolean endOfStream;
    private boolean startChecked;
    private byte[] head = NO_BYTES;
    private int headPosition;
    private long line;
    private boolean afterCr;
    private List<String> columnNames = List.of();

    private boolean inRecord;
    private int recordOffset;
    private int fieldOffset;
    private int write;
    private int maskBase = Integer.MIN_VALUE;
    private long maskBits;
    private int[] fieldStarts = new int[65];
    private int[] fieldEnds = new int[65];
    private int fieldCount;
    private long recordLine;
    private CsvProblem problem;
    private long openQuoteLine;

    /**
     * A tokenizer with 1 MiB reads and the 64 MiB record limit.
     *
     * @param in          the bytes, starting at a record boundary; not closed here
     * @param fileName    the file as messages name it
     * @param options     the delimiter and quote
     * @param firstLine   the 1-based line number of the first byte of {@code in}
     * @param atFileStart whether {@code in} starts at the file's first byte, where a byte-order mark is dropped
     */
    CsvTokenizer(InputStream in, String fileName, CsvOptions options, long firstLine, boolean atFileStart) {
        this(in, fileName, options, firstLine, atFileStart, DEFAULT_BUFFER_SIZE, MAX_RECORD_BYTES);
    }

    CsvTokenizer(
            InputStream in,
            String fileName,
            CsvOptions options,
            long firstLine,
            boolean atFileStart,
            int bufferSize,
            int maxRecordBytes) {
        this.in = Objects.requireNonNull(in, "in is null");
        this.fileName = Objects.requireNonNull(fileName, "fileName is null");
        this.delimiter = options.delimiter();
        this.quote = options.quote();
        this.specials = new CsvSpecials(delimiter, quote);
        if (firstLine < 1 || bufferSize < 1 || maxRecordBytes < 1) {
            throw new IllegalArgumentException("firstLine, bufferSize and maxRecordBytes must be positive");
        }
        this.line = firstLine;
        this.atFileStart = atFileStart;
        this.buffer = new byte[bufferSize];
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Names the columns, so that later messages add a field's name after its number. */
    void nameColumns(List<String> names) {
        columnNames = List.copyOf(names);
    }

    /** {@return the file as messages name it} */
    String fileName() {
        return fileName;
    }

    /**
     * Reads the next record, skipping blank lines.
     *
     * @return false at the end of the stream
     * @throws InputException CSV_RECORD_TOO_LONG past the record limit
     */
    boolean next() throws IOException {
        problem = null;
        openQuoteLine = 0;
        inRecord = false;
        if (!skipLineEnds()) {
            return false;
        }
        inRecord = true;
        recordLine = line;
        recordOffset = position;
        fieldCount = 0;
        if (readPlainRecord()) {
            return true;
        }
        int end;
        do {
            boolean quoted = (position < limit || fill()) && buffer[position] == quote;
            if (quoted) {
                position++;
            }
            fieldOffset = position;
            write = position;
            end = quoted ? readQuoted() : readUnquoted();
            endField();
        } while (end == DELIMITER);
        return true;
    }

    /**
     * Reads the current record on the fast path, if it is plain: no field starts with a quote, its line end is in the
     * buffer, and it is within the record limit. The specials (delimiters and line ends) of 64 bytes at a time are
     * found at once, as a bit mask, and taken in order; what is left of the mask serves the next record.
     * {@return false, with nothing consumed, for a record that is not plain}
     */
    private boolean readPlainRecord() {
        byte[] b = buffer;
        int lim = limit;
        int fieldStart = position;
        if (b[fieldStart] == quote) {
            return false;
        }
        int base = maskBase;
        long bits;
        if (fieldStart >= base && fieldStart < base + Long.SIZE) {
            bits = maskBits & (-1L << (fieldStart - base));
        } else {
            base = fieldStart;
            if (base + Long.SIZE > lim) {
                return false;
            }
            bits = specials.delimitersAndLineEnds(b, base);
        }
        int count = 0;
        while (true) {
            while (bits != 0) {
                int end = base + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                if (count == fieldEnds.length) {
                    fieldStarts = Arrays.copyOf(fieldStarts, count * 2);
                    fieldEnds = Arrays.copyOf(fieldEnds, count * 2);
                }
                fieldStarts[count] = fieldStart;
                fieldEnds[count++] = end;
                byte c = b[end];
                if (c != delimiter) {
                    if (end - recordOffset > maxRecordBytes) {
                        return false;
                    }
                    maskBase = base;
                    maskBits = bits;
                    fieldCount = count;
                    position = end;
                    terminate(c);
                    return true;
                }
                fieldStart = end + 1;
                if (fieldStart == lim || b[fieldStart] == quote) {
                    return false;
                }
            }
            base += Long.SIZE;
            if (base + Long.SIZE > lim) {
                return false;
            }
            bits = specials.delimitersAndLineEnds(b, base);
        }
    }

    /** {@return the number of fields of the current record; at least 1} */
    int fieldCount() {
        return fieldCount;
    }

    /** {@return the bytes that hold the unescaped fields of the current record; shared, do not modify} */
    byte[] bytes() {
        return buffer;
    }

    /** {@return where field {@code index} (0-based) starts in {@link #bytes()}} */
    int fieldStart(int index) {
        return fieldStarts[index];
    }

    /** {@return where field {@code index} (0-based) ends in {@link #bytes()}, exclusive} */
    int fieldEnd(int index) {
        return fieldEnds[index];
    }

    /** {@return the number of bytes of the stream consumed so far} */
    long bytesConsumed() {
        return bufferStart + position;
    }

    /** {@return the offset in the stream of the current record's first byte} */
    long recordStart() {
        return bufferStart + recordOffset;
    }

    /** {@return the 1-based line on which the current record starts} */
    long line() {
        return recordLine;
    }

    /** {@return the first syntax problem of the current record: an unterminated quote or text after a closing quote} */
    Optional<CsvProblem> problem() {
        return Optional.ofNullable(problem);
    }

    private boolean skipLineEnds() throws IOException {
        while (position < limit || fill()) {
            byte c = buffer[position];
            if (c == LF) {
                if (!afterCr) {
                    line++;
                }
                afterCr = false;
            } else if (c == CR) {
                line++;
                afterCr = true;
            } else {
                afterCr = false;
                return true;
            }
            position++;
        }
        return false;
    }

    private int readUnquoted() throws IOException {
        while (true) {
            int start = position;
            int p = specials.endOfUnquoted(buffer, start, limit);
            keep(start, p);
            position = p;
            checkLength();
            if (p < limit) {
                return terminate(buffer[p]);
            }
            if (!fill()) {
                return END_OF_STREAM;
            }
        }
    }

    /** Keeps the field bytes {@code buffer[from, to)}: moves them down to the write index if an escape came before. */
    private void keep(int from, int to) {
        if (write != from) {
            System.arraycopy(buffer, from, buffer, write, to - from);
        }
        write += to - from;
    }

    private int readQuoted() throws IOException {
        long openLine = line;
        int openField = fieldCount + 1;
        openQuoteLine = openLine;
        boolean afterQuotedCr = false;
        while (true) {
            byte[] b = buffer;
            int start = position;
            int end = limit;
            int p = specials.endOfQuoted(b, start, end);
            if (p > start) {
                keep(start, p);
                afterQuotedCr = false;
            }
            position = p;
            checkLength();
            if (p == end) {
                if (!fill()) {
                    unterminated(openLine, openField);
                    return END_OF_STREAM;
                }
                continue;
            }
            byte c = b[p];
            position++;
            checkLength();
            if (c == quote) {
                afterQuotedCr = false;
                if (position == limit && !fill()) {
                    openQuoteLine = 0;
                    return END_OF_STREAM;
                }
                byte next = buffer[position];
                if (next == quote) {
                    position++;
                    checkLength();
                    buffer[write++] = quote;
                    continue;
                }
                openQuoteLine = 0;
                if (next == delimiter || next == LF || next == CR) {
                    return terminate(next);
                }
                textAfterClosingQuote(next);
                return readUnquoted();
            }
            if (c == LF && !afterQuotedCr) {
                line++;
            } else if (c == CR) {
                line++;
            }
            afterQuotedCr = c == CR;
            buffer[write++] = c;
        }
    }

    /** Consumes the delimiter or line-end byte at the current position. */
    private int terminate(byte c) {
        position++;
        if (c == delimiter) {
            checkLength();
            return DELIMITER;
        }
        line++;
        afterCr = c == CR;
        return LINE_END;
    }

    private void unterminated(long openLine, int openField) {
        if (problem == null) {
            problem = CsvProblem.unterminatedQuote(CsvProblem.place(fileName, openLine, openField, columnNames), quote);
        }
    }

    private void textAfterClosingQuote(byte found) {
        if (problem == null) {
            problem = CsvProblem.textAfterClosingQuote(
                    CsvProblem.place(fileName, line, fieldCount + 1, columnNames), delimiter, found);
        }
    }

    /**
     * Rejects a record whose bytes so far, without its line end, exceed the limit. Called after every run of bytes
     * and every single byte a record consumes, so the field it names does not depend on where the buffer ends.
     */
    private void checkLength() {
        int length = position - recordOffset;
        if (length > maxRecordBytes) {
            throw CsvProblem.recordTooLong(
                    CsvProblem.place(fileName, recordLine, fieldCount + 1, columnNames), maxRecordBytes, openQuoteLine);
        }
    }

    private void endField() {
        if (fieldCount == fieldEnds.length) {
            fieldStarts = Arrays.copyOf(fieldStarts, fieldCount * 2);
            fieldEnds = Arrays.copyOf(fieldEnds, fieldCount * 2);
        }
        fieldStarts[fieldCount] = fieldOffset;
        fieldEnds[fieldCount++] = write;
    }

    /**
     * Reads the next bytes of the stream behind the ones a record in progress still needs (moved to the buffer's start,
     * or a larger buffer when they fill it); false at the stream's end.
     */
    private boolean fill() throws IOException {
        if (!startChecked) {
            startChecked = true;
            if (atFileStart) {
                byte[] first = in.readNBytes(3);
                boolean bom = first.length == 3
                        && first[0] == (byte) 0xEF
                        && first[1] == (byte) 0xBB
                        && first[2] == (byte) 0xBF;
                head = bom ? NO_BYTES : first;
                if (bom) {
                    bufferStart = first.length; // offsets stay offsets in the stream, past the mark
                }
            }
        }
        compact(inRecord ? recordOffset : limit);
        if (endOfStream) {
            return false;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(Integer.MAX_VALUE - 16, 2L * buffer.length));
        }
        int n;
        if (headPosition < head.length) {
            n = Math.min(buffer.length - limit, head.length - headPosition);
            System.arraycopy(head, headPosition, buffer, limit, n);
            headPosition += n;
        } else {
            do {
                n = in.read(buffer, limit, buffer.length - limit);
            } while (n == 0);
        }
        if (n < 0) {
            endOfStream = true;
            return false;
        }
        limit += n;
        return true;
    }

    /** Drops the buffer's bytes before {@code from}: the rest moves to the start, and every index with it. */
    private void compact(int from) {
        if (from == 0) {
            return;
        }
        maskBase = Integer.MIN_VALUE;
        System.arraycopy(buffer, from, buffer, 0, limit - from);
        bufferStart += from;
        limit -= from;
        position -= from;
        recordOffset -= from;
        fieldOffset -= from;
        write -= from;
        for (int i = 0; i < fieldCount; i++) {
            fieldStarts[i] -= from;
            fieldEnds[i] -= from;
        }
    }
}
