package dev.veracity.io.csv;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tokenizer before records were read in place (kept as the oracle of {@code CsvTokenizerProperties}): splits a stream of CSV bytes into records of unescaped field bytes, with no charset decoding and no allocation per
 * field.
 *
 * <p>RFC 4180, plus: LF, CRLF and lone CR line ends; a UTF-8 byte-order mark at the start of the file is dropped; blank
 * lines (no bytes between two line ends) are skipped, as TFDV's {@code skip_blank_lines}; a quote inside an unquoted
 * field is a literal byte. Line numbers count physical lines, so a quoted line break advances them.
 *
 * <p>The stream may start at any record boundary of a file (for parallel chunks): pass the line number of its first
 * byte, and whether it is the file's start (only there is a byte-order mark dropped). A record's bytes stay valid
 * until the next call of {@link #next()}.
 */
final class CopyingCsvTokenizer {
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
    private final int maxRecordBytes;
    private final byte[] buffer;
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

    private byte[] fieldBytes = new byte[4096];
    private int fieldBytesLength;
    private int[] fieldEnds = new int[65];
    private int fieldCount;
    private long recordLine;
    private long recordStart;
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
    CopyingCsvTokenizer(InputStream in, String fileName, CsvOptions options, long firstLine, boolean atFileStart) {
        this(in, fileName, options, firstLine, atFileStart, DEFAULT_BUFFER_SIZE, MAX_RECORD_BYTES);
    }

    CopyingCsvTokenizer(
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
        if (!skipLineEnds()) {
            return false;
        }
        recordLine = line;
        recordStart = bufferStart + position;
        fieldCount = 0;
        fieldBytesLength = 0;
        int end;
        do {
            if ((position < limit || fill()) && buffer[position] == quote) {
                position++;
                end = readQuoted();
            } else {
                end = readUnquoted();
            }
            endField();
        } while (end == DELIMITER);
        return true;
    }

    /** {@return the number of fields of the current record; at least 1} */
    int fieldCount() {
        return fieldCount;
    }

    /** {@return the unescaped bytes of all fields of the current record, back to back; shared, do not modify} */
    byte[] bytes() {
        return fieldBytes;
    }

    /** {@return where field {@code index} (0-based) starts in {@link #bytes()}} */
    int fieldStart(int index) {
        return index == 0 ? 0 : fieldEnds[index - 1];
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
        return recordStart;
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
            byte[] b = buffer;
            int start = position;
            int p = start;
            int end = limit;
            while (p < end) {
                byte c = b[p];
                if (c == delimiter || c == LF || c == CR) {
                    break;
                }
                p++;
            }
            append(b, start, p - start);
            position = p;
            checkLength();
            if (p < end) {
                return terminate(b[p]);
            }
            if (!fill()) {
                return END_OF_STREAM;
            }
        }
    }

    private int readQuoted() throws IOException {
        long openLine = line;
        int openField = fieldCount + 1;
        openQuoteLine = openLine;
        boolean afterQuotedCr = false;
        while (true) {
            byte[] b = buffer;
            int start = position;
            int p = start;
            int end = limit;
            while (p < end) {
                byte c = b[p];
                if (c == quote || c == LF || c == CR) {
                    break;
                }
                p++;
            }
            if (p > start) {
                append(b, start, p - start);
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
                    appendByte(quote);
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
            appendByte(c);
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
            problem = new CsvProblem(
                    ErrorCode.CSV_UNTERMINATED_QUOTE,
                    CsvProblem.place(fileName, openLine, openField, columnNames) + ": expected a closing quote ("
                            + CsvProblem.symbol(quote) + ") before the end of the file, found none");
        }
    }

    private void textAfterClosingQuote(byte found) {
        if (problem == null) {
            problem = new CsvProblem(
                    ErrorCode.CSV_TEXT_AFTER_CLOSING_QUOTE,
                    CsvProblem.place(fileName, line, fieldCount + 1, columnNames)
                            + ": expected a delimiter (" + CsvProblem.symbol(delimiter)
                            + ") or a line end after the closing quote, found " + CsvProblem.describe(found));
        }
    }

    /**
     * Rejects a record whose bytes so far, without its line end, exceed the limit. Called after every run of bytes
     * and every single byte a record consumes, so the field it names does not depend on where the buffer ends.
     */
    private void checkLength() {
        long length = bufferStart + position - recordStart;
        if (length > maxRecordBytes) {
            String hint = openQuoteLine == 0 ? "" : " (the quote opened on line " + openQuoteLine + " may be unclosed)";
            throw new InputException(
                    ErrorCode.CSV_RECORD_TOO_LONG,
                    CsvProblem.place(fileName, recordLine, fieldCount + 1, columnNames)
                            + ": expected a record of at most " + maxRecordBytes + " bytes, found a longer one" + hint);
        }
    }

    private void endField() {
        if (fieldCount == fieldEnds.length) {
            fieldEnds = Arrays.copyOf(fieldEnds, fieldCount * 2);
        }
        fieldEnds[fieldCount++] = fieldBytesLength;
    }

    private void append(byte[] source, int offset, int length) {
        if (length == 0) {
            return;
        }
        int needed = fieldBytesLength + length;
        if (needed > fieldBytes.length) {
            fieldBytes = Arrays.copyOf(fieldBytes, Math.max(fieldBytes.length * 2, needed));
        }
        System.arraycopy(source, offset, fieldBytes, fieldBytesLength, length);
        fieldBytesLength = needed;
    }

    private void appendByte(byte b) {
        if (fieldBytesLength == fieldBytes.length) {
            fieldBytes = Arrays.copyOf(fieldBytes, fieldBytesLength * 2);
        }
        fieldBytes[fieldBytesLength++] = b;
    }

    /** Replaces the consumed buffer with the next bytes of the stream; false at its end. */
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
        bufferStart += limit;
        position = 0;
        limit = 0;
        if (endOfStream) {
            return false;
        }
        int n;
        if (headPosition < head.length) {
            n = Math.min(buffer.length, head.length - headPosition);
            System.arraycopy(head, headPosition, buffer, 0, n);
            headPosition += n;
        } else {
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
        }
        if (n < 0) {
            endOfStream = true;
            return false;
        }
        limit = n;
        return true;
    }
}
