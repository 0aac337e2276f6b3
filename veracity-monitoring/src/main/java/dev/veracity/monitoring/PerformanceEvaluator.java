package dev.veracity.monitoring;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.io.table.TableOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Measures a model's quality on labeled predictions per span and slice, compares each span with a baseline, and runs
 * the error stream through the drift detectors. All rows are held in memory (a few columns of text per row).
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
        PredictionReader.Rows rows = PredictionReader.read(files, options, tableOptions, true);
        Optional<PredictionReader.Rows> baselineRows = baselineFile.isEmpty()
                ? Optional.empty()
                : Optional.of(PredictionReader.read(List.of(baselineFile.get()), options, tableOptions, false));
        if (rows.label.isEmpty()) {
            throw new InputException(
                    ErrorCode.PREDICTION_VALUE_INVALID,
                    files.get(0) + ": expected rows with a label (" + options.label() + "), found none");
        }
        List<PredictionReader.Rows> all = new ArrayList<>();
        all.add(rows);
        baselineRows.ifPresent(all::add);
        Task task = PredictionBuilder.task(options, all);
        List<String> classes = task == Task.CLASSIFICATION ? PredictionBuilder.classes(options, all) : List.of();
        Predictions predictions = PredictionBuilder.build(options, task, classes, rows);
        String positive = predictions.positive() >= 0 ? classes.get(predictions.positive()) : "";

        List<PerformanceReport.SpanQuality> spans = spans(rows, predictions);
        Map<String, PerformanceReport.SpanQuality> baselines = new TreeMap<>();
        String baselineName = "first";
        if (baselineRows.isPresent()) {
            baselineName = baselineFile.get().toString();
            Predictions base = PredictionBuilder.build(options, task, classes, baselineRows.get());
            for (Map.Entry<String, List<Integer>> group :
                    bySlice(baselineRows.get()).entrySet()) {
                baselines.put(group.getKey(), quality("baseline", group.getKey(), base, group.getValue(), 0));
            }
        } else {
            for (PerformanceReport.SpanQuality quality : spans) {
                baselines.putIfAbsent(quality.slice(), quality);
            }
        }
        List<PerformanceReport.Alarm> alarms = DecayAlarms.compare(
                spans, baselines, baselineRows.isEmpty(), options.effectiveAlarmMetrics(task), options.maxDrop());
        List<PerformanceReport.DetectorRun> detectors = DetectorRuns.run(rows, predictions, options.alarmDetectors());
        alarms = new ArrayList<>(alarms);
        alarms.addAll(DetectorRuns.alarms(detectors));
        alarms.sort(Comparator.comparing(PerformanceReport.Alarm::span));
        long total = rows.label.size() + rows.unlabeledSpan.size();
        return new PerformanceReport(
                options,
                task,
                classes,
                positive,
                total,
                rows.label.size(),
                baselineName,
                baselines,
                spans,
                alarms,
                detectors);
    }

    private List<PerformanceReport.SpanQuality> spans(PredictionReader.Rows rows, Predictions predictions) {
        TreeMap<String, Map<String, List<Integer>>> groups = new TreeMap<>();
        TreeSet<String> sliceNames = new TreeSet<>();
        for (int i = 0; i < rows.label.size(); i++) {
            Map<String, List<Integer>> slices = groups.computeIfAbsent(rows.span.get(i), s -> new TreeMap<>());
            slices.computeIfAbsent(ALL, s -> new ArrayList<>()).add(i);
            if (!rows.slice.get(i).isEmpty()) {
                slices.computeIfAbsent(rows.slice.get(i), s -> new ArrayList<>())
                        .add(i);
                sliceNames.add(rows.slice.get(i));
            }
        }
        Map<String, Long> unlabeled = new LinkedHashMap<>();
        for (int i = 0; i < rows.unlabeledSpan.size(); i++) {
            unlabeled.merge(rows.unlabeledSpan.get(i) + "\u0000" + ALL, 1L, Long::sum);
            if (!rows.unlabeledSlice.get(i).isEmpty()) {
                unlabeled.merge(rows.unlabeledSpan.get(i) + "\u0000" + rows.unlabeledSlice.get(i), 1L, Long::sum);
            }
        }
        List<PerformanceReport.SpanQuality> spans = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<Integer>>> span : groups.entrySet()) {
            List<String> order = new ArrayList<>();
            order.add(ALL);
            order.addAll(sliceNames);
            for (String slice : order) {
                List<Integer> members = span.getValue().get(slice);
                if (members != null) {
                    long missing = unlabeled.getOrDefault(span.getKey() + "\u0000" + slice, 0L);
                    spans.add(quality(span.getKey(), slice, predictions, members, missing));
                }
            }
        }
        return spans;
    }

    private static Map<String, List<Integer>> bySlice(PredictionReader.Rows rows) {
        Map<String, List<Integer>> slices = new TreeMap<>();
        for (int i = 0; i < rows.label.size(); i++) {
            slices.computeIfAbsent(ALL, s -> new ArrayList<>()).add(i);
            if (!rows.slice.get(i).isEmpty()) {
                slices.computeIfAbsent(rows.slice.get(i), s -> new ArrayList<>())
                        .add(i);
            }
        }
        return slices;
    }

    private PerformanceReport.SpanQuality quality(
            String span, String slice, Predictions predictions, List<Integer> members, long unlabeled) {
        int[] rows = members.stream().mapToInt(Integer::intValue).toArray();
        long seed = options.seed() * 31 + (span + "\u0000" + slice).hashCode();
        Map<String, Metric> metrics = QualityMetrics.compute(predictions, rows, options.resamples(), seed);
        long[][] confusion =
                predictions.task() == Task.CLASSIFICATION ? QualityMetrics.confusion(predictions, rows) : new long[0][];
        return new PerformanceReport.SpanQuality(span, slice, rows.length + unlabeled, rows.length, metrics, confusion);
    }
}
