package dev.veracity.io;

import dev.veracity.ConfigException;
import dev.veracity.data.RecordBatch;
import dev.veracity.stats.Sampling;
import dev.veracity.stats.SlicedStatistics;
import dev.veracity.stats.Slicing;
import dev.veracity.stats.StatisticsOptions;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

/**
 * The one parallel accumulation of statistics that every format's reader runs: the format cuts its input into
 * ranges (CSV chunks at record starts, JSON Lines ranges of lines, Parquet row groups, Avro and TFRecord files) and
 * reads a range into record batches; this class gives each range its own {@link SlicedStatistics}, reads the ranges
 * on a pool of threads, at most two per thread ahead of the merge, and merges them in range order.
 *
 * <p>Ranges are cut without regard to the number of threads, and each range's statistics depend only on its rows, so
 * the result is the same, byte for byte, for any number of threads (the sketches are seeded). Memory is bounded by
 * threads x features. Sampling keys a row by its position in the dataset, which the format supplies.
 *
 * <pre>{@code
 * AccumulationRun run = new AccumulationRun(options, slicings, 100, Sampling.ALL, progress, 8);
 * SlicedStatistics all = run.accumulate(ranges, Range::length, (index, range, into) -> ... run.add(into, batch, row));
 * ComputedStatistics result = run.result(all, "train", skipped);
 * }</pre>
 */
public final class AccumulationRun {
    /** The phase that progress reports while ranges are read. */
    public static final String PHASE = "computing statistics";

    private static final int RANGES_PER_THREAD = 2;

    private final StatisticsOptions options;
    private final List<Slicing> slicings;
    private final int maxSlices;
    private final Sampling sampling;
    private final Progress progress;
    private final int threads;

    /**
     * @param maxSlices the cap on slices per slicing
     * @param threads   how many threads read ranges (at least 1)
     * @throws ConfigException if {@code threads} is below 1
     */
    public AccumulationRun(
            StatisticsOptions options,
            List<Slicing> slicings,
            int maxSlices,
            Sampling sampling,
            Progress progress,
            int threads) {
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

    /** Reads one range of a format into statistics. */
    public interface RangeReader<T> {
        /**
         * Reads the range's batches into {@code into} with {@link AccumulationRun#add}.
         *
         * @param index the range's position in the list, for results the format keeps per range
         */
        void read(int index, T range, SlicedStatistics into) throws IOException;
    }

    /** {@return how many threads read ranges} */
    public int threads() {
        return threads;
    }

    /** {@return where progress goes} */
    public Progress progress() {
        return progress;
    }

    /** {@return new, empty statistics with these options and slicings} */
    public SlicedStatistics newStatistics() {
        return new SlicedStatistics(options, slicings, maxSlices);
    }

    /** Adds the sampled rows of a batch whose first row is at dataset position {@code firstRow}. */
    public void add(SlicedStatistics into, RecordBatch batch, long firstRow) {
        into.add(sampling.sample(batch, firstRow));
    }

    /**
     * {@return the statistics of all ranges, read on the threads, each into its own statistics, merged in order}
     * Progress reports {@link #PHASE} in the ranges' bytes. Ranges are awaited in list order, so the error thrown
     * is that of the first range to fail in list order, whatever the threads.
     *
     * @param sizeBytes the bytes of a range, for progress
     */
    public <T> SlicedStatistics accumulate(List<T> ranges, ToLongFunction<T> sizeBytes, RangeReader<T> reader)
            throws IOException {
        long total = 0;
        for (T range : ranges) {
            total += sizeBytes.applyAsLong(range);
        }
        return accumulate(ranges, sizeBytes, reader, new AtomicLong(), total);
    }

    /**
     * {@return the statistics of all ranges, as {@link #accumulate(List, ToLongFunction, RangeReader)} computes them},
     * reporting progress in a count of bytes shared with other work of the same phase
     *
     * @param done       grows by each range's bytes when it is read
     * @param totalBytes the bytes of all the phase's work, these ranges among them
     */
    public <T> SlicedStatistics accumulate(
            List<T> ranges, ToLongFunction<T> sizeBytes, RangeReader<T> reader, AtomicLong done, long totalBytes)
            throws IOException {
        Runnable tick = () -> progress.update(PHASE, Math.min(done.get(), totalBytes), totalBytes);
        tick.run();
        if (ranges.isEmpty()) {
            return newStatistics();
        }
        SlicedStatistics merged = null;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, ranges.size()), daemonThreads());
        Deque<Future<SlicedStatistics>> pending = new ArrayDeque<>();
        try {
            int next = 0;
            while (next < ranges.size() || !pending.isEmpty()) {
                while (next < ranges.size() && pending.size() < RANGES_PER_THREAD * threads) {
                    int index = next++;
                    T range = ranges.get(index);
                    pending.addLast(pool.submit(() -> {
                        SlicedStatistics part = newStatistics();
                        reader.read(index, range, part);
                        done.addAndGet(sizeBytes.applyAsLong(range));
                        return part;
                    }));
                }
                SlicedStatistics part = Workers.await(pending.removeFirst(), tick);
                if (merged == null) {
                    merged = part; // the first range's statistics, as a sequential read of it would give
                } else {
                    merged.merge(part);
                }
            }
            tick.run();
            return Objects.requireNonNull(merged, "there is at least one range");
        } finally {
            for (Future<SlicedStatistics> future : pending) {
                future.cancel(true);
            }
            pool.shutdownNow();
        }
    }

    /** {@return the computed statistics of a dataset with the given name, with its slices and skipped records} */
    public ComputedStatistics result(SlicedStatistics dataset, String name, long skippedRecords) {
        Map<Slicing, Long> notSliced = new LinkedHashMap<>();
        for (Slicing slicing : slicings) {
            notSliced.put(slicing, dataset.rowsNotSliced(slicing));
        }
        return new ComputedStatistics(dataset.result(name), skippedRecords, notSliced);
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
