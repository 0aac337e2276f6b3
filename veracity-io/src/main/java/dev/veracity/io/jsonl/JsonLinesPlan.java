package dev.veracity.io.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.io.BadRecords;
import dev.veracity.io.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the first pass over the JSON Lines files of a dataset found, and how the second pass splits the work: the
 * features and their types (over all files in order, so "first seen" and the lines skipped are those of one
 * sequential read), and the files cut into ranges at line starts, each knowing its first line and first row.
 *
 * @param features the keys and what the accepted lines showed; the second pass parses with copies of it
 * @param columns  the features, in order of first appearance, each with its column index
 * @param ranges   the parts of the files in dataset order; a gzip file is one range
 * @param records  the accepted lines of all files
 * @param skipped  the malformed lines skipped in all files (with {@link BadRecords#SKIP})
 */
record JsonLinesPlan(
        JsonFeatures features, List<JsonField> columns, List<JsonRange> ranges, long records, long skipped) {
    static final String PHASE = "inferring column types";

    JsonLinesPlan {
        Objects.requireNonNull(features, "features is null");
        columns = List.copyOf(columns);
        ranges = List.copyOf(ranges);
    }

    /**
     * {@return the plan of a dataset: reads every file once, in order, inferring types line by line, and cuts a plain
     * file about every {@code rangeBytes} at the next line start}
     *
     * <p>With {@code threads} above 1, the types are inferred range by range on that many threads and merged
     * ({@link JsonLinesScan}), to the same plan; where that cannot tell (a malformed line, a type conflict across
     * ranges, an empty file), the files are read once more, in order, as with one thread.
     *
     * @throws InputException JSONL_EMPTY_FILE for a file without a non-blank line; with {@link BadRecords#FAIL}, the
     *                        first malformed line; JSONL_LINE_TOO_LONG always
     */
    static JsonLinesPlan scan(
            List<JsonInput> inputs,
            BadRecords badRecords,
            JsonFactory factory,
            long rangeBytes,
            Progress progress,
            int threads)
            throws IOException {
        if (rangeBytes < 1) {
            throw new IllegalArgumentException("rangeBytes must be positive: " + rangeBytes);
        }
        if (threads > 1) {
            Optional<JsonLinesPlan> plan = JsonLinesScan.scan(inputs, factory, rangeBytes, progress, threads);
            if (plan.isPresent()) {
                return plan.get();
            }
        }
        long totalBytes = 0;
        for (JsonInput input : inputs) {
            totalBytes += input.size();
        }
        JsonFeatures features = new JsonFeatures();
        List<JsonRange> ranges = new ArrayList<>();
        long rows = 0;
        long skipped = 0;
        long bytesBefore = 0;
        for (JsonInput input : inputs) {
            String name = input.name();
            long before = bytesBefore;
            long total = totalBytes;
            Progress overall = (phase, done, size) ->
                    progress.update(phase, Math.min(total, before + Math.min(done, input.size())), total);
            try (InputStream in = input.open(0, Long.MAX_VALUE)) {
                JsonLineSplitter lines = new JsonLineSplitter(in, name);
                JsonRecords records = new JsonRecords(
                        lines,
                        new JsonLineParser(factory, features, name, false),
                        badRecords,
                        overall,
                        PHASE,
                        input.size());
                long rangeStart = 0;
                long rangeLine = 1;
                long rangeRow = rows;
                while (records.next()) {
                    features.commit(records.parsed(), name, records.line());
                    rows++;
                    if (!input.gzip() && lines.bytesConsumed() - rangeStart >= rangeBytes) {
                        long cut = lines.bytesConsumed();
                        ranges.add(new JsonRange(input, rangeStart, cut, rangeLine, rangeRow, rows - rangeRow));
                        rangeStart = cut;
                        rangeLine = records.line() + 1;
                        rangeRow = rows;
                    }
                }
                if (records.recordsRead() + records.skippedRecords() == 0) {
                    throw new InputException(
                            ErrorCode.JSONL_EMPTY_FILE,
                            name + ": expected JSON objects, one per line, found an empty file");
                }
                if (rangeStart < lines.bytesConsumed() || rangeStart == 0) {
                    ranges.add(new JsonRange(input, rangeStart, Long.MAX_VALUE, rangeLine, rangeRow, rows - rangeRow));
                } else {
                    // The last cut fell at the end of the file: the range before it is the last one.
                    JsonRange last = ranges.remove(ranges.size() - 1);
                    ranges.add(new JsonRange(
                            input, last.start(), Long.MAX_VALUE, last.firstLine(), last.firstRow(), last.records()));
                }
                skipped += records.skippedRecords();
            }
            bytesBefore += input.size();
        }
        progress.update(PHASE, totalBytes, totalBytes);
        return new JsonLinesPlan(features, features.columns(), ranges, rows, skipped);
    }
}
