package dev.veracity.beam;

import dev.veracity.data.BatchSource;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.csv.CsvSplits;
import dev.veracity.stats.Sampling;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * The steps of {@link ReadCsv}, each a function on workers around {@link CsvSplits}: plan a file's splits, guess each
 * split's records (ranking column types), verify all guesses in file order (re-reading a split whose guessed start was
 * wrong), and read each verified split into record batches.
 */
final class CsvSplitSteps {
    private CsvSplitSteps() {}

    /**
     * A verified split to read, with the column ranks over the whole dataset.
     *
     * @param split the split, with exact start, line and row position
     * @param ranks the widest type per column over all files
     */
    record ReadTask(CsvSplits.Split split, int[] ranks) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Cuts each file into splits at guessed record starts. */
    static final class Plan extends DoFn<CsvSplits.File, CsvSplits.Split> {
        private static final long serialVersionUID = 1L;
        private final CsvSource source;

        Plan(CsvSource source) {
            this.source = Objects.requireNonNull(source, "source is null");
        }

        @ProcessElement
        public void process(@Element CsvSplits.File file, OutputReceiver<CsvSplits.Split> out) throws IOException {
            for (CsvSplits.Split split :
                    CsvSplits.plan(file, new StoredFile(file.name()), source.options(), source.splitBytes())) {
                out.output(split);
            }
        }
    }

    /** Reads each split from its guessed start: where its records start and stop, and its column ranks. */
    static final class Guess extends DoFn<CsvSplits.Split, KV<Integer, CsvSplits.Guess>> {
        private static final long serialVersionUID = 1L;
        private final CsvSource source;
        private transient CsvSplits splits;

        Guess(CsvSource source) {
            this.source = Objects.requireNonNull(source, "source is null");
        }

        @Setup
        public void setup() {
            splits = source.splits();
        }

        @ProcessElement
        public void process(@Element CsvSplits.Split split, OutputReceiver<KV<Integer, CsvSplits.Guess>> out)
                throws IOException {
            out.output(KV.of(0, splits.guess(split, new StoredFile(split.file().name()))));
        }
    }

    /**
     * Verifies every file's guesses in file order (the guesses of a dataset are few: one per split) and emits the
     * verified splits with the ranks of all files.
     */
    static final class Verify extends DoFn<KV<Integer, Iterable<CsvSplits.Guess>>, ReadTask> {
        private static final long serialVersionUID = 1L;
        private final CsvSource source;

        Verify(CsvSource source) {
            this.source = Objects.requireNonNull(source, "source is null");
        }

        @ProcessElement
        public void process(@Element KV<Integer, Iterable<CsvSplits.Guess>> all, OutputReceiver<ReadTask> out)
                throws IOException {
            Map<Integer, List<CsvSplits.Guess>> byFile = new TreeMap<>();
            for (CsvSplits.Guess guess : all.getValue()) {
                byFile.computeIfAbsent(guess.split().file().index(), i -> new ArrayList<>())
                        .add(guess);
            }
            CsvSplits splits = source.splits();
            int[] ranks = splits.noRanks();
            long rows = 0;
            List<CsvSplits.Split> verified = new ArrayList<>();
            for (List<CsvSplits.Guess> guesses : byFile.values()) {
                String name = guesses.get(0).split().file().name();
                CsvSplits.Verified file = splits.verify(guesses, new StoredFile(name), rows);
                CsvSplits.widen(ranks, file.ranks());
                rows += file.records();
                verified.addAll(file.splits());
            }
            for (CsvSplits.Split split : verified) {
                out.output(new ReadTask(split, ranks));
            }
        }
    }

    /**
     * Reads each verified split into record batches of the dataset's column types, keeping the sampled rows (chosen
     * by their position in the dataset, as the local engine chooses them). Skipped malformed records are counted in
     * the Beam counter {@code veracity/skippedRecords}.
     */
    static final class Read extends DoFn<ReadTask, RecordBatch> {
        private static final long serialVersionUID = 1L;
        private final CsvSource source;
        private final Counter skipped = Metrics.counter(GenerateStatistics.METRICS_NAMESPACE, ReadCsv.SKIPPED_RECORDS);
        private transient CsvSplits splits;
        private transient Sampling sampling;

        Read(CsvSource source) {
            this.source = Objects.requireNonNull(source, "source is null");
        }

        @Setup
        public void setup() {
            splits = source.splits();
            sampling = source.sampling();
        }

        @ProcessElement
        public void process(@Element ReadTask task, OutputReceiver<RecordBatch> out) throws IOException {
            CsvSplits.Split split = task.split();
            List<FeatureType> types = splits.types(task.ranks());
            long row = split.firstRow();
            try (BatchSource batches =
                    splits.read(split, new StoredFile(split.file().name()), types)) {
                for (Optional<RecordBatch> batch = batches.next(); batch.isPresent(); batch = batches.next()) {
                    RecordBatch rows = batch.get();
                    out.output(sampling.sample(rows, row));
                    row += rows.rowCount();
                }
                if (batches.skippedRecords() > 0) {
                    skipped.inc(batches.skippedRecords());
                }
            }
        }
    }
}
