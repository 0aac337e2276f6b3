package dev.veracity.io.csv;

import dev.veracity.io.Workers;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

/**
 * Cuts a plain CSV file into chunks at guessed record starts, so that workers can parse the chunks in parallel.
 *
 * <p>A record start must follow a line end that is not inside a quoted field. When the file's first MiB holds no line
 * break inside quotes, the guess from each boundary is simply the first line end after it (no pass over the file;
 * right unless a later quoted field holds a line break across the boundary). Otherwise quotes are counted per chunk in
 * parallel; the parity of all quotes before a boundary says whether the boundary lies inside a quoted field (doubled
 * quotes inside a field count two, so they do not change it). From each boundary, the guess is then the first line
 * end reached with an even count. A quote inside an unquoted field ({@code ab"c}, which the tokenizer reads literally)
 * makes later guesses wrong; {@link CsvChunkScanner} verifies every guess and re-reads a chunk whose guess was wrong,
 * so a guess costs time when it is wrong, never correctness.
 */
final class CsvChunkPlanner {
    private static final int LF = '\n';
    /** A byte for "no quote": a value no byte has, so that a walk ignores quotes. */
    private static final int NO_QUOTE = -1000;
    /** How much of the start of a file decides whether quotes are counted. */
    static final int SAMPLE_BYTES = 1 << 20;

    private CsvChunkPlanner() {}

    /** {@return the chunks of a file, about {@code chunkBytes} each; one chunk for gzip or a small file} */
    static List<CsvChunk> plan(CsvInput input, byte quote, long chunkBytes, ExecutorService pool) throws IOException {
        long size = input.size();
        if (input.gzip() || size <= chunkBytes) {
            return List.of(new CsvChunk(input, 0, Long.MAX_VALUE, 1, 0));
        }
        int count = (int) Math.min(Integer.MAX_VALUE, (size + chunkBytes - 1) / chunkBytes);
        boolean quoteAware = quotedLineBreakIn(input, quote, SAMPLE_BYTES);
        List<Callable<Long>> counts = new ArrayList<>(count);
        for (int i = 0; quoteAware && i < count; i++) {
            long from = i * chunkBytes;
            long to = Math.min(size, from + chunkBytes);
            counts.add(() -> countQuotes(input, quote, from, to));
        }
        List<Long> quotes = Workers.invokeAll(pool, counts);
        List<Callable<Long>> guesses = new ArrayList<>(count);
        long before = 0;
        for (int i = 1; i < count; i++) {
            long boundary = i * chunkBytes;
            if (quoteAware) {
                before += quotes.get(i - 1);
                boolean insideQuotes = (before & 1) == 1;
                guesses.add(() -> recordStartAfter(input, quote, boundary, insideQuotes));
            } else {
                guesses.add(() -> recordStartAfter(input, NO_QUOTE, boundary, false));
            }
        }
        List<Long> starts = Workers.invokeAll(pool, guesses);
        List<CsvChunk> chunks = new ArrayList<>(count);
        long start = 0;
        for (long next : starts) {
            if (next > start && next < size) {
                chunks.add(new CsvChunk(input, start, next, 1, 0));
                start = next;
            }
        }
        chunks.add(new CsvChunk(input, start, Long.MAX_VALUE, 1, 0));
        return List.copyOf(chunks);
    }

    /** {@return whether the first {@code sampleBytes} of the file hold a line break inside a quoted field} */
    static boolean quotedLineBreakIn(CsvInput input, byte quote, int sampleBytes) throws IOException {
        byte[] sample;
        try (InputStream in = input.openAt(0)) {
            sample = in.readNBytes(sampleBytes);
        }
        boolean inside = false;
        for (byte b : sample) {
            if (b == quote) {
                inside = !inside;
            } else if (inside && (b == LF || b == '\r')) {
                return true;
            }
        }
        return false;
    }

    private static long countQuotes(CsvInput input, byte quote, long from, long to) throws IOException {
        long quotes = 0;
        byte[] buffer = new byte[1 << 20];
        long pattern = (quote & 0xFFL) * 0x0101010101010101L;
        try (InputStream in = input.openAt(from)) {
            long remaining = to - from;
            while (remaining > 0) {
                int n = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n <= 0) {
                    break;
                }
                int i = 0;
                for (; i + 8 <= n; i += 8) {
                    quotes += Long.bitCount(CsvSpecials.zeroBytes(CsvSpecials.longAt(buffer, i) ^ pattern));
                }
                for (; i < n; i++) {
                    if (buffer[i] == quote) {
                        quotes++;
                    }
                }
                remaining -= n;
            }
        }
        return quotes;
    }

    /** {@return the offset just after the first line end at or after {@code boundary} outside quotes, or the size} */
    private static long recordStartAfter(CsvInput input, int quote, long boundary, boolean insideQuotes)
            throws IOException {
        boolean inside = insideQuotes;
        byte[] buffer = new byte[1 << 16];
        long offset = boundary;
        try (InputStream in = input.openAt(boundary)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == quote) {
                        inside = !inside;
                    } else if (b == LF && !inside) {
                        return offset + i + 1;
                    }
                }
                offset += n;
            }
        }
        return input.size();
    }
}
