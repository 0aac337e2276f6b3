package dev.veracity.monitoring;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.io.table.TableOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Measures a model's quality on labeled predictions per span and slice, compares each span with a baseline, and runs
 * the error stream through the drift detectors. One pass reads the files and spills each span's labeled rows to a
 * temporary file ({@link SpanSpill}); the spans are then evaluated one at a time, in time order, so memory holds one
 * span's rows (as numbers) and a few values per span and slice.
 *
 * <pre>{@code
 * PerformanceOptions options = PerformanceOptions.scored("completed", "score").withTime("started_at", Span.DAY);
 * PerformanceReport report = new PerformanceEvaluator(options, TableOptions.DEFAULT).evaluate(files, Optional.empty());
 * }</pre>
 */
public final class PerformanceEvaluator {
    /** The slice of every row. */
    public static final String ALL = "all";

    private final PerformanceOptions options;
    private final TableOptions tableOptions;

    /** An evaluator with these options, reading files with these table options. */
    public PerformanceEvaluator(PerformanceOptions options, TableOptions tableOptions) {
        this.options = Objects.requireNonNull(options, "options is null");
        this.tableOptions = Objects.requireNonNull(tableOptions, "tableOptions is null");
    }

    /**
     * {@return the report on the files}
     *
     * @param baselineFile labeled predictions to compare with; empty to compare with each slice's first span
     * @throws InputException for a missing column, a bad score or time (naming the row), or no labeled row
     */
    public PerformanceReport evaluate(List<Path> files, Optional<Path> baselineFile) throws IOException {
        try (PredictionReader.Rows rows = PredictionReader.read(files, options, tableOptions, true)) {
            if (baselineFile.isEmpty()) {
                return evaluate(files, rows, Optional.empty(), "first");
            }
            try (PredictionReader.Rows baselineRows =
                    PredictionReader.read(List.of(baselineFile.get()), options, tableOptions, false)) {
                return evaluate(
                        files,
                        rows,
                        Optional.of(baselineRows),
                        baselineFile.get().toString());
            }
        }
    }

    private PerformanceReport evaluate(
            List<Path> files, PredictionReader.Rows rows, Optional<PredictionReader.Rows> baselineRows, String name)
            throws IOException {
        if (rows.labeled() == 0) {
            throw new InputException(
                    ErrorCode.PREDICTION_VALUE_INVALID,
                    files.get(0) + ": expected rows with a label (" + options.label() + "), found none");
        }
        List<PredictionReader.Rows> all = new ArrayList<>();
        all.add(rows);
        baselineRows.ifPresent(all::add);
        Task task = PredictionBuilder.task(options, all);
        List<String> classes = task == Task.CLASSIFICATION ? PredictionBuilder.classes(options, all) : List.of();
        Predictions none = PredictionBuilder.decoder(options, task, classes, 0).predictions();
        String positive = none.positive() >= 0 ? classes.get(none.positive()) : "";
        DetectorRuns detectors = new DetectorRuns(task, options.alarmDetectors());
        List<PerformanceReport.SpanQuality> spans = new ArrayList<>();
        for (String span : rows.spill.spans()) {
            spans.addAll(span(rows, span, task, classes, detectors));
        }
        Map<String, PerformanceReport.SpanQuality> baselines = new TreeMap<>();
        if (baselineRows.isPresent()) {
            for (String span : baselineRows.get().spill.spans()) {
                PredictionBuilder.Decoder decoder = PredictionBuilder.decoder(
                        options, task, classes, baselineRows.get().spill.size(span));
                SpanSpill.Rows read = baselineRows.get().spill.read(span, decoder, baselineRows.get()::place);
                Predictions base = decoder.predictions();
                for (Map.Entry<String, int[]> group : bySlice(read).entrySet()) {
                    baselines.put(group.getKey(), quality("baseline", group.getKey(), base, group.getValue(), 0));
                }
            }
        } else {
            for (PerformanceReport.SpanQuality quality : spans) {
                baselines.putIfAbsent(quality.slice(), quality);
            }
        }
        List<PerformanceReport.Alarm> alarms = DecayAlarms.compare(
                spans, baselines, baselineRows.isEmpty(), options.effectiveAlarmMetrics(task), options.maxDrop());
        List<PerformanceReport.DetectorRun> runs = detectors.result();
        alarms = new ArrayList<>(alarms);
        alarms.addAll(DetectorRuns.alarms(runs));
        alarms.sort(Comparator.comparing(PerformanceReport.Alarm::span));
        long total = rows.labeled() + rows.unlabeledRows;
        return new PerformanceReport(
                options, task, classes, positive, total, rows.labeled(), name, baselines, spans, alarms, runs);
    }

    /** {@return the span's qualities ("all", then its slices by name), its rows given to the detectors in time order} */
    private List<PerformanceReport.SpanQuality> span(
            PredictionReader.Rows rows, String span, Task task, List<String> classes, DetectorRuns detectors)
            throws IOException {
        PredictionBuilder.Decoder decoder = PredictionBuilder.decoder(options, task, classes, rows.spill.size(span));
        SpanSpill.Rows read = rows.spill.read(span, decoder, rows::place);
        Predictions predictions = decoder.predictions();
        for (int i : timeOrder(read)) {
            int file = read.file()[i];
            long row = read.row()[i];
            detectors.update(predictions.error(i), () -> rows.place(file, row), span);
        }
        List<PerformanceReport.SpanQuality> qualities = new ArrayList<>();
        for (Map.Entry<String, int[]> slice : bySlice(read).entrySet()) {
            long missing = rows.unlabeled.getOrDefault(span + "\u0000" + slice.getKey(), 0L);
            qualities.add(quality(span, slice.getKey(), predictions, slice.getValue(), missing));
        }
        return qualities;
    }

    /** {@return "all" first, then each slice by name, with its rows in file order} */
    private static Map<String, int[]> bySlice(SpanSpill.Rows read) {
        int[] counts = new int[read.slices().length];
        for (int i = 0; i < read.size(); i++) {
            counts[read.slice()[i]]++;
        }
        Map<String, int[]> slices = new TreeMap<>(
                Comparator.comparing((String s) -> !s.equals(ALL)).thenComparing(Comparator.naturalOrder()));
        int[][] members = new int[counts.length][];
        for (int id = 0; id < counts.length; id++) {
            if (counts[id] > 0 && !read.slices()[id].isEmpty()) {
                members[id] = new int[counts[id]];
                slices.put(read.slices()[id], members[id]);
            }
        }
        int[] filled = new int[counts.length];
        int[] every = new int[read.size()];
        for (int i = 0; i < read.size(); i++) {
            every[i] = i;
            int id = read.slice()[i];
            if (members[id] != null) {
                members[id][filled[id]++] = i;
            }
        }
        if (read.size() > 0) {
            slices.put(ALL, every);
        }
        return slices;
    }

    /** {@return the rows' indices sorted by time, stably (a merge sort; already sorted rows cost one check)} */
    static int[] timeOrder(SpanSpill.Rows read) {
        int n = read.size();
        int[] order = new int[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            sorted &= i == 0 || compare(read, i - 1, i) <= 0;
        }
        if (sorted) {
            return order;
        }
        int[] buffer = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int from = 0; from < n; from += 2 * width) {
                int middle = Math.min(from + width, n);
                int to = Math.min(from + 2 * width, n);
                int a = from;
                int b = middle;
                for (int k = from; k < to; k++) {
                    buffer[k] =
                            a < middle && (b >= to || compare(read, order[a], order[b]) <= 0) ? order[a++] : order[b++];
                }
            }
            int[] swap = order;
            order = buffer;
            buffer = swap;
        }
        return order;
    }

    private static int compare(SpanSpill.Rows read, int a, int b) {
        int bySeconds = Long.compare(read.seconds()[a], read.seconds()[b]);
        return bySeconds != 0 ? bySeconds : Integer.compare(read.nanos()[a], read.nanos()[b]);
    }

    private PerformanceReport.SpanQuality quality(
            String span, String slice, Predictions predictions, int[] rows, long unlabeled) {
        long seed = options.seed() * 31 + (span + "\u0000" + slice).hashCode();
        Map<String, Metric> metrics = QualityMetrics.compute(predictions, rows, options.resamples(), seed);
        long[][] confusion =
                predictions.task() == Task.CLASSIFICATION ? QualityMetrics.confusion(predictions, rows) : new long[0][];
        return new PerformanceReport.SpanQuality(span, slice, rows.length + unlabeled, rows.length, metrics, confusion);
    }
}
