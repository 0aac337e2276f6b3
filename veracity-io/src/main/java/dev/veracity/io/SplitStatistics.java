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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * TFDV's statistics of a dataset given as {@link InputSplit}s (Parquet row groups, TFRecord, Avro files, a query):
 * the splits are the ranges of an {@link AccumulationRun}, so each is read and accumulated on its own and merged in
 * split order, memory is bounded by threads x features and the result does not depend on the number of threads.
 * Sampling keys a row by its split's index and its position in the split.
 *
 * <pre>{@code
 * ComputedStatistics s = new SplitStatistics(StatisticsOptions.DEFAULT, List.of(), 100, Sampling.ALL,
 *         Progress.NONE, 8).compute(Readers.splits(files, DataFormat.PARQUET, options, types), types, "");
 * }</pre>
 */
public final class SplitStatistics {
    private final AccumulationRun run;

    /** @throws ConfigException if {@code threads} is below 1 */
    public SplitStatistics(
            StatisticsOptions options,
            List<Slicing> slicings,
            int maxSlices,
            Sampling sampling,
            Progress progress,
            int threads) {
        this.run = new AccumulationRun(options, slicings, maxSlices, sampling, progress, threads);
    }

    /**
     * {@return the statistics of all splits as one dataset with the given name, then its slices}
     *
     * @param types the dataset's feature types, shared with the splits' readers, checked across splits
     * @throws dev.veracity.InputException if a split is malformed (and not skipped), or a feature changes type
     */
    public ComputedStatistics compute(List<InputSplit> splits, FeatureTypes types, String name) throws IOException {
        Objects.requireNonNull(name, "name is null");
        AtomicLong skipped = new AtomicLong();
        SlicedStatistics all = run.accumulate(
                splits,
                InputSplit::sizeBytes,
                (index, split, into) -> skipped.addAndGet(read(split, (long) index << 40, types, into)));
        return run.result(all, name, skipped.get());
    }

    /** {@return the records the split skipped} after adding its batches, keyed from {@code firstRow} */
    private long read(InputSplit split, long firstRow, FeatureTypes types, SlicedStatistics into) throws IOException {
        try (BatchSource source = split.open()) {
            long row = firstRow;
            for (Optional<RecordBatch> batch = source.next(); batch.isPresent(); batch = source.next()) {
                for (Column column : batch.get().columns()) {
                    types.check(column.name(), column.type(), split.description());
                }
                run.add(into, batch.get(), row);
                row += batch.get().rowCount();
            }
            return source.skippedRecords();
        }
    }
}
