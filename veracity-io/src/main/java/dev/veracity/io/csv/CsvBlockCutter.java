package dev.veracity.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Cuts a stream of CSV bytes (a gzip file's, as it is inflated) into blocks of whole records, in one sequential walk,
 * so that other threads can parse the blocks. Each block carries its offset in the stream and the line of its first
 * byte, so a tokenizer on the block names the same lines as one on the whole stream.
 *
 * <p>The walk follows the quoting rules of {@link CsvTokenizer} exactly: a quote opens a quoted field only at a field's
 * start, a doubled quote inside it is a quote, text after a closing quote is read unquoted, and only a line end outside
 * a quoted field ends a record. A cut falls after an LF, or after a CR that no LF follows, so a CRLF pair is never
 * split. Lines count as the tokenizer counts them: every CR, and every LF not right after a CR.
 *
 * <p>Blocks are about {@code blockBytes} long. A record longer than the tokenizer's limit ends the cutting: the block
 * that holds it is handed out whole and longer than the limit, and its tokenizer then reports the record.
 */
final class CsvBlockCutter {
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int AFTER_QUOTE_IN_QUOTED = 3;

    /**
     * Whole records of the stream.
     *
     * @param index     0 for the first block, then 1, 2, ...
     * @param offset    where its first byte lies in the stream
     * @param firstLine the 1-based line of its first byte
     * @param bytes     its bytes, in {@code [0, length)}; owned by the receiver
     * @param length    how many bytes it holds
     */
    record Block(int index, long offset, long firstLine, byte[] bytes, int length) {}

    private final InputStream in;
    private final byte delimiter;
    private final byte quote;
    private final int blockBytes;
    private final int maxRecordBytes;

    private byte[] buffer;
    private int filled;
    private int scanned;
    private int state = FIELD_START;
    private boolean afterCr;
    private boolean recordEndedByCr;
    private long line = 1;
    private int lastCut = -1;
    private long lineAtLastCut;
    private long bufferOffset;
    private long bufferLine = 1;
    private boolean endOfStream;
    private boolean done;
    private boolean started;
    private int index;

    /**
     * @param in             the CSV bytes from the file's start; not closed here
     * @param blockBytes     the size of blocks to aim at (at least 1)
     * @param maxRecordBytes the tokenizer's record limit, beyond which cutting stops
     */
    CsvBlockCutter(InputStream in, CsvOptions options, int blockBytes, int maxRecordBytes) {
        this.in = Objects.requireNonNull(in, "in is null");
        if (blockBytes < 1 || maxRecordBytes < 1) {
            throw new IllegalArgumentException("blockBytes and maxRecordBytes must be positive");
        }
        this.delimiter = options.delimiter();
        this.quote = options.quote();
        this.blockBytes = blockBytes;
        this.maxRecordBytes = maxRecordBytes;
        this.buffer = new byte[blockBytes];
    }

    /** {@return the next block, or empty after the last} */
    Optional<Block> next() throws IOException {
        if (!started) {
            started = true;
            byte[] first = in.readNBytes(3);
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length, first.length));
            System.arraycopy(first, 0, buffer, 0, first.length);
            filled = first.length;
            if (first.length == 3 && first[0] == (byte) 0xEF && first[1] == (byte) 0xBB && first[2] == (byte) 0xBF) {
                scanned = 3; // the tokenizer drops the byte-order mark: a quote may follow it
            }
        }
        while (!done) {
            if (filled < buffer.length && !endOfStream) {
                int n = in.readNBytes(buffer, filled, buffer.length - filled);
                endOfStream = n == 0;
                filled += n;
            }
            scan();
            if (endOfStream) {
                done = true;
                return filled == 0 ? Optional.empty() : Optional.of(cut(filled, line));
            }
            if (filled >= blockBytes && lastCut > 0) {
                return Optional.of(cut(lastCut, lineAtLastCut));
            }
            if (filled == buffer.length) {
                if (filled > maxRecordBytes + 8L) {
                    done = true; // one record longer than the tokenizer's limit: it reports the record
                    return Optional.of(cut(filled, line));
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(Integer.MAX_VALUE - 8, 2L * buffer.length));
            }
        }
        return Optional.empty();
    }

    /** {@return the block of the buffer's first {@code length} bytes}; the rest moves to a new buffer */
    private Block cut(int length, long nextLine) {
        Block block = new Block(index++, bufferOffset, bufferLine, buffer, length);
        int rest = filled - length;
        byte[] next = new byte[Math.max(blockBytes, rest * 2)];
        System.arraycopy(buffer, length, next, 0, rest);
        buffer = next;
        bufferOffset += length;
        bufferLine = nextLine;
        filled = rest;
        scanned -= length;
        lastCut = -1;
        return block;
    }

    /**
     * Walks the bytes not yet walked, remembering the last place a record may start. Runs of ordinary bytes inside
     * and outside quotes are skipped in tight loops, as the tokenizer reads them; only quotes, delimiters and line
     * ends change the state.
     */
    private void scan() {
        byte[] b = buffer;
        int end = filled;
        byte d = delimiter;
        byte q = quote;
        int s = state;
        boolean cr = afterCr;
        long lines = line;
        int p = scanned;
        if (recordEndedByCr && p < end) {
            recordEndedByCr = false;
            if (b[p] != LF) {
                lastCut = p; // a record ended by a lone CR: the next starts here
                lineAtLastCut = lines;
            }
        }
        while (p < end) {
            byte c = b[p];
            if (s == QUOTED) {
                int from = p;
                while (c != q && c != LF && c != CR) {
                    if (++p == end) {
                        break;
                    }
                    c = b[p];
                }
                if (p > from) {
                    cr = false; // an ordinary byte came between a CR and what follows
                }
                if (p == end) {
                    break;
                }
                if (c == q) {
                    s = AFTER_QUOTE_IN_QUOTED;
                } else {
                    if (c == CR || !cr) {
                        lines++; // a line break inside quotes: counted, but it ends no record
                    }
                    cr = c == CR;
                    p++;
                    continue;
                }
                cr = false;
                p++;
                continue;
            }
            if (s == UNQUOTED) {
                while (c != d && c != LF && c != CR) {
                    if (++p == end) {
                        break;
                    }
                    c = b[p];
                }
                if (p == end) {
                    break;
                }
                cr = false; // the byte before c was no line end (it was part of the field)
            }
            // s is FIELD_START, AFTER_QUOTE_IN_QUOTED, or UNQUOTED at a delimiter or line end
            if (c == LF || c == CR) {
                if (c == CR || !cr) {
                    lines++;
                }
                cr = c == CR;
                s = FIELD_START;
                p++;
                if (c == LF) {
                    lastCut = p;
                    lineAtLastCut = lines;
                } else if (p < end) {
                    if (b[p] != LF) {
                        lastCut = p;
                        lineAtLastCut = lines;
                    }
                } else {
                    recordEndedByCr = true; // whether an LF follows is known with the next bytes
                }
                continue;
            }
            cr = false;
            if (c == d) {
                s = FIELD_START;
            } else if (c == q) {
                s = s == FIELD_START ? QUOTED : s == AFTER_QUOTE_IN_QUOTED ? QUOTED : UNQUOTED;
            } else {
                s = UNQUOTED; // also text after a closing quote, which the tokenizer reads unquoted
            }
            p++;
        }
        scanned = end;
        state = s;
        afterCr = cr;
        line = lines;
    }
}
