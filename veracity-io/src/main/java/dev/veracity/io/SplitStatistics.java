package dev.veracity.io;

import dev.veracity.ConfigException;
import dev.veracity.data.BatchSource;
import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.stats.Sampling;
import dev.veracity.stats.SlicedStatistics;
import dev.veracity.stats.Slicing;
import dev.veracity.stats.StatisticsOptions;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * TFDV's statistics of a dataset given as {@link InputSplit}s (Parquet row groups, TFRecord, Avro files, a query),
 * on a pool of threads: each split is read and accumulated on its own, at most two per thread ahead of the merge,
 * and merged in split order, so memory is bounded by threads x features and the result does not depend on the
 * number of threads. Sampling keys a row by its split's index and its position in the split.
 *
 * <pre>{@code
 * ComputedStatistics s = new SplitStatistics(StatisticsOptions.DEFAULT, List.of(), 100, Sampling.ALL,
 *         Progress.NONE, 8).compute(Readers.splits(files, DataFormat.PARQUET, options, types), types, "");
 * }</pre>
 */
public final class SplitStatistics {
    private static final String PHASE = "computing statistics";
    private final StatisticsOptions options;
    private final List<Slicing> slicings;
    private final int maxSlices;
    private final Sampling sampling;
    private final Progress progress;
    private final int threads;

    /** @throws ConfigException if {@code threads} is below 1 */
    public SplitStatistics(StatisticsOptions options, List<Slicing> slicings, int maxSlices, Sampling sampling,
            Progress progress, int threads) {
        this.options = Objects.requireNonNull(options, "options is null");
        this.slicings = List.copyOf(slicings);
        this.maxSlices = maxSlices;
        this.sampling = Objects.requireNonNull(sampling, "sampling is null");
        this.progress = Objects.requireNonNull(progress, "progress is null");
        if (threads < 1) {
            throw new ConfigException("threads: expected at least 1, found " + threads);
        }
        this.threads = threads;
    }

    /**
     * {@return the statistics of all splits as one dataset with the given name, then its slices}
     *
     * @param types the dataset's feature types, shared with the splits' readers, checked across splits
     * @throws dev.veracity.InputException if a split is malformed (and not skipped), or a feature changes type
     */
    public ComputedStatistics compute(List<InputSplit> splits, FeatureTypes types, String name) throws IOException {
        Objects.requireNonNull(name, "name is null");
        long total = 0;
        for (InputSplit split : splits) {
            total += split.sizeBytes();
        }
        long totalBytes = total;
        AtomicLong done = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        Runnable tick = () -> progress.update(PHASE, Math.min(done.get(), totalBytes), totalBytes);
        tick.run();
        SlicedStatistics merged = new SlicedStatistics(options, slicings, maxSlices);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, splits.size())),
                daemonThreads());
        Deque<Future<SlicedStatistics>> pending = new ArrayDeque<>();
        try {
            Iterator<InputSplit> next = splits.iterator();
            int index = 0;
            while (next.hasNext() || !pending.isEmpty()) {
                while (next.hasNext() && pending.size() < 2 * threads) {
                    InputSplit split = next.next();
                    long firstRow = (long) index++ << 40;
                    pending.addLast(pool.submit(() -> {
                        SlicedStatistics part = accumulate(split, firstRow, types, skipped);
                        done.addAndGet(split.sizeBytes());
                        return part;
                    }));
                }
                merged.merge(Workers.await(pending.removeFirst(), tick));
            }
            tick.run();
        } finally {
            for (Future<SlicedStatistics> future : pending) {
                future.cancel(true);
            }
            pool.shutdownNow();
        }
        Map<Slicing, Long> notSliced = new LinkedHashMap<>();
        for (Slicing slicing : slicings) {
            notSliced.put(slicing, merged.rowsNotSliced(slicing));
        }
        return new ComputedStatistics(merged.result(name), skipped.get(), notSliced);
    }

    private SlicedStatistics accumulate(InputSplit split, long firstRow, FeatureTypes types, AtomicLong skipped)
            throws IOException {
        SlicedStatistics statistics = new SlicedStatistics(options, slicings, maxSlices);
        try (BatchSource source = split.open()) {
            long row = firstRow;
            for (Optional<RecordBatch> batch = source.next(); batch.isPresent(); batch = source.next()) {
                for (Column column : batch.get().columns()) {
                    types.check(column.name(), column.type(), split.description());
                }
                statistics.add(sampling.sample(batch.get(), row));
                row += batch.get().rowCount();
            }
            skipped.addAndGet(source.skippedRecords());
        }
        return statistics;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "veracity-reader-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
