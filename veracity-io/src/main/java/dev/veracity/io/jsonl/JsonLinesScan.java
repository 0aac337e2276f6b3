package dev.veracity.io.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import dev.veracity.InputException;
import dev.veracity.io.BadRecords;
import dev.veracity.io.Progress;
import dev.veracity.io.Workers;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The first pass of {@link JsonLinesPlan} on several threads: the ranges the sequential pass would cut are found by
 * {@link JsonLineCuts}, each range's types are inferred on its own (a copy-free {@link JsonFeatures} per range), and
 * the ranges' features are merged in dataset order into exactly what one sequential read finds: the same features in
 * the same order, the same types, the same lines cited, the same ranges with the same first lines and rows.
 *
 * <p>It gives up, for the caller to run the sequential pass, when it cannot match it without knowing what came before
 * a range: a malformed line (whether the pass fails or skips, and the message, depend on the lines before), a key
 * whose shapes conflict across ranges, a file without a record. Everything else is decided range by range.
 *
 * <pre>{@code
 * Optional<JsonLinesPlan> plan = JsonLinesScan.scan(inputs, factory, 8L << 20, progress, 4);
 * }</pre>
 */
final class JsonLinesScan {
    /** What one range showed: its features, line numbers from 1, and how many lines and records it holds. */
    private record Part(JsonFeatures features, long lines, long records) {}

    private JsonLinesScan() {}

    /**
     * {@return the plan of the sequential pass, computed on up to {@code threads} threads, or empty if only the
     * sequential pass can tell (see the class comment)}
     */
    static Optional<JsonLinesPlan> scan(
            List<JsonInput> inputs, JsonFactory factory, long rangeBytes, Progress progress, int threads)
            throws IOException {
        List<JsonRange> cut = new ArrayList<>();
        long totalBytes = 0;
        for (JsonInput input : inputs) {
            totalBytes += input.size();
            if (input.gzip()) {
                cut.add(new JsonRange(input, 0, Long.MAX_VALUE, 1, 0, 0));
                continue;
            }
            long start = 0;
            List<Long> cuts = JsonLineCuts.of(input.path(), input.size(), rangeBytes);
            for (int i = 0; i < cuts.size(); i++) {
                long end = cuts.get(i);
                boolean last = i == cuts.size() - 1 && end >= input.size();
                cut.add(new JsonRange(input, start, last ? Long.MAX_VALUE : end, 1, 0, 0));
                start = end;
            }
            if (start < input.size() || start == 0) {
                cut.add(new JsonRange(input, start, Long.MAX_VALUE, 1, 0, 0));
            }
        }
        List<Part> parts = parse(cut, factory, progress, totalBytes, threads);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        JsonFeatures features = new JsonFeatures();
        List<JsonRange> ranges = new ArrayList<>(cut.size());
        long rows = 0;
        long line = 1;
        long fileRecords = 0;
        for (int i = 0; i < cut.size(); i++) {
            JsonRange range = cut.get(i);
            Part part = parts.get(i);
            if (range.start() == 0) {
                line = 1;
                fileRecords = 0;
            }
            if (!features.merge(part.features(), line - 1)) {
                return Optional.empty();
            }
            ranges.add(new JsonRange(range.input(), range.start(), range.end(), line, rows, part.records()));
            line += part.lines();
            rows += part.records();
            fileRecords += part.records();
            boolean lastOfFile = i == cut.size() - 1 || cut.get(i + 1).start() == 0;
            if (lastOfFile && fileRecords == 0) {
                return Optional.empty(); // an empty file: the sequential pass names it
            }
        }
        progress.update(JsonLinesPlan.PHASE, totalBytes, totalBytes);
        return Optional.of(new JsonLinesPlan(features, features.columns(), ranges, rows, 0));
    }

    /** {@return each range's part, in order, or an empty list if a range holds a malformed line} */
    private static List<Part> parse(
            List<JsonRange> ranges, JsonFactory factory, Progress progress, long totalBytes, int threads)
            throws IOException {
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, ranges.size()), runnable -> {
            Thread thread = new Thread(runnable, "veracity-jsonl-types");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Part>> futures = new ArrayList<>(ranges.size());
            for (JsonRange range : ranges) {
                futures.add(pool.submit(() -> parse(range, factory, progress, done, totalBytes)));
            }
            List<Part> parts = new ArrayList<>(ranges.size());
            for (Future<Part> future : futures) {
                try {
                    parts.add(future.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof InputException) {
                        return List.of();
                    }
                    throw Workers.rethrow(e.getCause());
                }
            }
            return parts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while inferring column types");
        } finally {
            pool.shutdownNow();
        }
    }

    private static Part parse(JsonRange range, JsonFactory factory, Progress progress, AtomicLong done, long total)
            throws IOException {
        JsonFeatures features = new JsonFeatures();
        String name = range.input().name();
        long[] reported = {0};
        Progress shared = (phase, consumed, size) -> {
            long bytes = Math.min(consumed, range.length()); // a gzip file's bytes decompressed, its size compressed
            long sum = done.addAndGet(bytes - reported[0]);
            reported[0] = bytes;
            synchronized (progress) {
                progress.update(phase, Math.min(sum, total), total);
            }
        };
        try (InputStream in = range.input().open(range.start(), range.end())) {
            JsonLineSplitter lines = new JsonLineSplitter(in, name, 1, range.start() == 0);
            JsonRecords records = new JsonRecords(
                    lines,
                    new JsonLineParser(factory, features, name, false),
                    BadRecords.FAIL,
                    shared,
                    JsonLinesPlan.PHASE,
                    range.length());
            while (records.next()) {
                if (Thread.interrupted()) {
                    throw new InterruptedIOException("interrupted while inferring column types");
                }
                features.commit(records.parsed(), name, records.line());
            }
            return new Part(features, lines.linesRead(), records.recordsRead());
        }
    }
}
