package dev.veracity.labeling.feedback;

import static java.util.Objects.requireNonNull;

import dev.veracity.ConfigException;
import dev.veracity.io.AtomicFiles;
import dev.veracity.io.table.TableOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Joins prediction logs with outcome logs into labeled examples (CSV or JSON Lines, written atomically) and a
 * {@link LabelingReport}. Memory is bounded by the budget: past it, events are hash-partitioned into spill files,
 * each partition labeled alone and its sorted rows merged. The output is sorted by prediction time, key and row, so
 * it is the same for any order of the input events and any budget.
 *
 * <pre>{@code
 * LabelingReport report = FeedbackJoiner.of(FeedbackSpec.of("prediction_id", "ts", "ts", Duration.ofDays(7)))
 *         .join(List.of(Path.of("predictions.jsonl")), List.of(Path.of("outcomes.csv")), Path.of("labeled.csv"));
 * }</pre>
 */
public final class FeedbackJoiner {
    /** The default memory budget for events: a quarter of the maximum heap. */
    public static final long DEFAULT_MEMORY_BUDGET = Runtime.getRuntime().maxMemory() / 4;

    private final FeedbackSpec spec;
    private final long memoryBudget;
    private final Path tmp;
    private final TableOptions table;

    private FeedbackJoiner(FeedbackSpec spec, long memoryBudget, Path tmp, TableOptions table) {
        this.spec = requireNonNull(spec, "spec is null");
        this.memoryBudget = memoryBudget;
        this.tmp = requireNonNull(tmp, "tmp is null");
        this.table = requireNonNull(table, "table is null");
        if (memoryBudget < 1) {
            throw new ConfigException("memory budget: expected at least 1 byte, found " + memoryBudget);
        }
    }

    /** {@return a joiner with the default budget, java.io.tmpdir for spill files and comma-separated CSV} */
    public static FeedbackJoiner of(FeedbackSpec spec) {
        return new FeedbackJoiner(
                spec, DEFAULT_MEMORY_BUDGET, Path.of(System.getProperty("java.io.tmpdir")), TableOptions.DEFAULT);
    }

    /** {@return this joiner with a memory budget for events in bytes (estimated heap, not file size)} */
    public FeedbackJoiner withMemoryBudget(long bytes) {
        return new FeedbackJoiner(spec, bytes, tmp, table);
    }

    /** {@return this joiner spilling under {@code directory}} */
    public FeedbackJoiner withTmp(Path directory) {
        return new FeedbackJoiner(spec, memoryBudget, directory, table);
    }

    /** {@return this joiner reading inputs with {@code options} (format, CSV delimiter, bad records)} */
    public FeedbackJoiner withTableOptions(TableOptions options) {
        return new FeedbackJoiner(spec, memoryBudget, tmp, options);
    }

    /**
     * Labels every prediction and writes the labeled rows to {@code output} ({@code .csv}, {@code .jsonl} or
     * {@code .ndjson}), atomically.
     *
     * @param predictions prediction logs (CSV, JSON Lines, Parquet, Avro, TFRecord); their columns are united in order of appearance
     * @param outcomes    outcome logs, in the same formats
     * @throws dev.veracity.InputException a missing column, an event without key or time (unless skipped), a time
     *                                       that does not parse, or the readers' errors, naming file and record
     */
    public LabelingReport join(List<Path> predictions, List<Path> outcomes, Path output) throws IOException {
        LabeledWriter.forFile(output, java.io.OutputStream.nullOutputStream());
        EventReader reader = new EventReader(spec, table);
        long expected = 0;
        for (Path file : predictions) {
            expected += Files.isRegularFile(file) ? Files.size(file) : 0;
        }
        for (Path file : outcomes) {
            expected += Files.isRegularFile(file) ? Files.size(file) : 0;
        }
        try (EventStore store = new EventStore(memoryBudget, expected, tmp)) {
            reader.readPredictions(predictions, store::add);
            reader.readOutcomes(outcomes, store::add);
            long asOf = spec.asOfMillis() != FeedbackSpec.LATEST_EVENT
                    ? spec.asOfMillis()
                    : reader.latestTime() == Long.MIN_VALUE ? 0 : reader.latestTime();
            String asOfText = Timestamps.format(asOf);
            PartitionLabeler labeler = new PartitionLabeler(spec, asOf);
            ReportCounts counts = new ReportCounts();
            List<String> columns = reader.predictionColumns();
            AtomicFiles.write(output, out -> {
                LabeledWriter writer = LabeledWriter.forFile(output, out);
                writer.start(columns, spec.addedColumns());
                if (store.partitions() == 1) {
                    store.forEachPartition((p, events) -> {
                        for (LabeledRow row : labeler.label(events, counts)) {
                            writer.write(row, asOfText);
                        }
                    });
                } else {
                    SortedRuns runs = new SortedRuns(store.directory());
                    store.forEachPartition((p, events) -> {
                        ReportCounts partition = new ReportCounts();
                        runs.add(labeler.label(events, partition));
                        counts.merge(partition);
                    });
                    runs.merge(row -> writer.write(row, asOfText));
                }
                writer.finish();
            });
            return new LabelingReport(
                    spec,
                    asOf,
                    new LabelingReport.Predictions(
                            reader.predictionsRead(),
                            reader.invalidPredictions(),
                            counts.predictionDuplicates,
                            counts.predictions,
                            counts.matched,
                            counts.matchedLate,
                            counts.negative,
                            counts.censored,
                            counts.pending),
                    new LabelingReport.Outcomes(
                            reader.outcomesRead(),
                            reader.invalidOutcomes(),
                            counts.outcomeDuplicates,
                            counts.outcomesMatched,
                            counts.outcomesDroppedLate,
                            counts.outcomesUnmatched,
                            counts.outcomesAfterAsOf),
                    counts.delays.result(),
                    counts.labels,
                    new LabelingReport.Engine(store.partitions(), store.spilledBytes()));
        }
    }
}
