package dev.veracity.io.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.AccumulationRun;
import dev.veracity.io.ComputedStatistics;
import dev.veracity.io.Progress;
import dev.veracity.stats.Sampling;
import dev.veracity.stats.SlicedStatistics;
import dev.veracity.stats.Slicing;
import dev.veracity.stats.StatisticsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * TFDV's statistics of one or more JSON Lines files as one dataset, with slices and sampling as for CSV; the second
 * (expensive) pass runs on all cores.
 *
 * <p>The first pass reads the files in order on one thread: features are the union of the keys in order of first
 * appearance, types widen across files as across lines, and a type conflict names the line and the file and line
 * where the key was first seen. It also cuts each plain file about every 8 MiB at a line start (a gzip file is one
 * range). The second pass is an {@link AccumulationRun} over the ranges: each range is parsed with its own copy of
 * the features into its own {@link SlicedStatistics}, keyed by the dataset position of its first row for sampling,
 * and the ranges are merged in file order. The ranges do not depend on the threads, so the result is the same for any
 * number of threads (the same protos, as far as the sketches are deterministic), and for a file of one range equals
 * a sequential read of {@link JsonLinesReader}.
 *
 * <pre>{@code
 * ComputedStatistics s = new JsonLinesStatistics(JsonLinesOptions.DEFAULT, StatisticsOptions.DEFAULT, List.of(),
 *         100, Sampling.ALL, Progress.NONE, 8).compute(List.of(Path.of("a.jsonl"), Path.of("b.jsonl.gz")), "");
 * }</pre>
 */
public final class JsonLinesStatistics {
    /** How much plain input a range of the second pass holds, about. */
    static final long DEFAULT_RANGE_BYTES = 8L << 20;

    private final JsonLinesOptions jsonl;
    private final AccumulationRun run;
    private final long rangeBytes;

    /**
     * @param threads how many threads parse and accumulate in the second pass (at least 1)
     * @throws ConfigException if {@code threads} is below 1
     */
    public JsonLinesStatistics(
            JsonLinesOptions jsonl,
            StatisticsOptions options,
            List<Slicing> slicings,
            int maxSlices,
            Sampling sampling,
            Progress progress,
            int threads) {
        this(jsonl, options, slicings, maxSlices, sampling, progress, threads, DEFAULT_RANGE_BYTES);
    }

    /** @param rangeBytes the plain bytes after which the first pass cuts a range (tests make it tiny) */
    JsonLinesStatistics(
            JsonLinesOptions jsonl,
            StatisticsOptions options,
            List<Slicing> slicings,
            int maxSlices,
            Sampling sampling,
            Progress progress,
            int threads,
            long rangeBytes) {
        this.jsonl = Objects.requireNonNull(jsonl, "jsonl is null");
        this.run = new AccumulationRun(options, slicings, maxSlices, sampling, progress, threads);
        if (rangeBytes < 1) {
            throw new IllegalArgumentException("rangeBytes must be positive: " + rangeBytes);
        }
        this.rangeBytes = rangeBytes;
    }

    /**
     * {@return whether a file is JSON Lines by its name: {@code .jsonl} or {@code .ndjson}, plain or with {@code .gz}}
     */
    public static boolean isJsonLines(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        return name.endsWith(".jsonl") || name.endsWith(".ndjson");
    }

    /**
     * {@return the statistics of every line of the file, as one dataset with the given name, then its slices}
     *
     * @throws InputException if the file is missing or malformed (and not skipped)
     */
    public ComputedStatistics compute(Path file, String name) throws IOException {
        return compute(List.of(file), name);
    }

    /**
     * {@return the statistics of every line of the files, in order, as one dataset with the given name, then its
     * slices}
     *
     * @throws ConfigException if there is no file
     * @throws InputException  if a file is missing, empty or malformed (and not skipped), or changed between the passes
     */
    public ComputedStatistics compute(List<Path> files, String name) throws IOException {
        Objects.requireNonNull(name, "name is null");
        if (files.isEmpty()) {
            throw new ConfigException("expected at least one input file, found none");
        }
        List<JsonInput> inputs = new ArrayList<>(files.size());
        for (Path file : files) {
            inputs.add(JsonInput.of(file));
        }
        JsonFactory factory = JsonLineParser.newFactory();
        JsonLinesPlan plan =
                JsonLinesPlan.scan(inputs, jsonl.badRecords(), factory, rangeBytes, run.progress(), run.threads());
        SlicedStatistics statistics = run.accumulate(
                plan.ranges(),
                JsonRange::length,
                (index, range, into) -> accumulate(range, plan.features(), factory, into));
        if (plan.records() == 0) {
            // Every line was skipped: the features still have a number of examples (zero).
            statistics.add(JsonBatches.empty(plan.columns()));
        }
        return run.result(statistics, name, plan.skipped());
    }

    /** Adds the statistics of one range, parsed with a copy of the features: no state is shared */
    private void accumulate(JsonRange range, JsonFeatures committed, JsonFactory factory, SlicedStatistics statistics)
            throws IOException {
        JsonFeatures features = committed.copy();
        List<JsonField> columns = features.columns();
        String name = range.input().name();
        try (InputStream in = range.input().open(range.start(), range.end())) {
            JsonRecords records = new JsonRecords(
                    new JsonLineSplitter(in, name, range.firstLine(), range.start() == 0),
                    new JsonLineParser(factory, features, name, true),
                    jsonl.badRecords(),
                    Progress.NONE,
                    AccumulationRun.PHASE,
                    range.length());
            JsonBatches batches = new JsonBatches(records, columns, jsonl.batchSize(), name);
            long row = range.firstRow();
            for (RecordBatch batch = batches.next(); batch.rowCount() > 0; batch = batches.next()) {
                run.add(statistics, batch, row);
                row += batch.rowCount();
            }
            if (records.recordsRead() != range.records()) {
                throw new InputException(
                        ErrorCode.FILE_UNREADABLE,
                        name + ":" + range.firstLine()
                                + ": expected " + range.records()
                                + " well-formed lines from here on, as in the first pass, "
                                + "found " + records.recordsRead() + " (the file changed)");
            }
        }
    }
}
