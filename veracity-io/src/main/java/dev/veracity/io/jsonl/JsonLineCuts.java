package dev.veracity.io.jsonl;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the sequential first pass ({@link JsonLinesPlan}) cuts a plain JSON Lines file into ranges, found without
 * reading the file through: after a range starting at {@code s}, the cut is the end of the first non-blank line that
 * ends at or after {@code s + rangeBytes} (past its LF, or at the end of the file), found by reading around that
 * offset only. The cuts are those of the sequential pass whenever every non-blank line is a well-formed record (a
 * skipped line ends no range there); {@link JsonLinesScan} falls back to the sequential pass otherwise.
 *
 * <pre>{@code
 * List<Long> cuts = JsonLineCuts.of(path, size, 8L << 20); // range ends, ascending, each after a line end
 * }</pre>
 */
final class JsonLineCuts {
    private static final int WINDOW = 1 << 16;
    private static final int BYTE_ORDER_MARK = 3;

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW);
    private long windowStart = -1;
    private int windowLength;
    private final int bomEnd;

    private JsonLineCuts(Path path, FileChannel channel, long size) throws IOException {
        this.path = path;
        this.channel = channel;
        this.size = size;
        this.bomEnd = size >= BYTE_ORDER_MARK && at(0) == (byte) 0xEF && at(1) == (byte) 0xBB && at(2) == (byte) 0xBF
                ? BYTE_ORDER_MARK
                : 0;
    }

    /**
     * {@return the offsets after which the sequential first pass would end a range, ascending; the last may be
     * {@code size}}
     *
     * @param size the file's size: bytes from there on are not read
     */
    static List<Long> of(Path path, long size, long rangeBytes) throws IOException {
        if (rangeBytes < 1) {
            throw new IllegalArgumentException("rangeBytes must be positive: " + rangeBytes);
        }
        List<Long> cuts = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            JsonLineCuts file = new JsonLineCuts(path, channel, size);
            long start = 0;
            while (true) {
                long cut = file.firstRecordEndFrom(start + rangeBytes);
                if (cut < 0) {
                    return cuts;
                }
                cuts.add(cut);
                start = cut;
            }
        }
    }

    /** {@return the end of the first non-blank line ending at or after {@code target}, or -1 if there is none} */
    private long firstRecordEndFrom(long target) throws IOException {
        // A line ends at or after target when its LF is at target - 1 or later, or it is the last line of the file.
        long position = target - 1;
        while (position < size) {
            long lf = nextLineFeed(position);
            long end = lf < 0 ? size : lf + 1;
            if (!isBlankBefore(lf < 0 ? size : lf)) {
                return end;
            }
            if (lf < 0) {
                return -1;
            }
            position = lf + 1;
        }
        return -1;
    }

    /** {@return the offset of the first LF at or after {@code from}, or -1 if there is none before the size} */
    private long nextLineFeed(long from) throws IOException {
        for (long p = from; p < size; p++) {
            if (at(p) == '\n') {
                return p;
            }
        }
        return -1;
    }

    /**
     * {@return whether the line that ends at {@code end} (its LF, or the file's end) holds only spaces, tabs and CRs,
     * as the splitter sees it: a byte-order mark at the file's start is not part of the first line}
     */
    private boolean isBlankBefore(long end) throws IOException {
        for (long p = end - 1; p >= bomEnd; p--) {
            byte c = at(p);
            if (c == '\n') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** {@return the byte at {@code position}, below the size}, read through a window that backward scans reuse */
    private byte at(long position) throws IOException {
        if (position < windowStart || position >= windowStart + windowLength) {
            // Centre the window so that scans both ways around a cut stay in it.
            long start = Math.max(0, position - WINDOW / 4);
            window.clear();
            int length = 0;
            while (length < WINDOW && start + length < size) {
                int n = channel.read(window, start + length);
                if (n < 0) {
                    break;
                }
                length += n;
            }
            if (position >= start + length) {
                throw new InputException(
                        ErrorCode.FILE_UNREADABLE,
                        path + ": expected " + size + " bytes, found " + (start + length) + " (the file changed)");
            }
            windowStart = start;
            windowLength = length;
        }
        return window.get((int) (position - windowStart));
    }
}
