package dev.veracity.monitoring;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The quality of a model per span and slice, its baseline, the decay alarms and the error-stream detectors' findings.
 *
 * <pre>{@code
 * PerformanceReport report = new PerformanceEvaluator(options, TableOptions.DEFAULT).evaluate(files, Optional.empty());
 * boolean decayed = report.hasAlarm();
 * }</pre>
 *
 * @param options    the options it was computed with
 * @param task       the task evaluated
 * @param classes    the classes in scikit-learn's order (classification)
 * @param positive   the positive class of a scored label, or ""
 * @param rows       the rows read
 * @param labeled    the rows with a label (the others are counted, not evaluated)
 * @param baseline   "first" (each slice's first span) or the baseline file's name, or "" for none
 * @param baselines  per slice, the baseline's metrics
 * @param spans      per span (in time order) and slice ("all" first), the metrics
 * @param alarms     the decay alarms, in span order
 * @param detectors  each detector's run over the time-ordered error stream of all labeled rows
 */
public record PerformanceReport(
        PerformanceOptions options,
        Task task,
        List<String> classes,
        String positive,
        long rows,
        long labeled,
        String baseline,
        Map<String, SpanQuality> baselines,
        List<SpanQuality> spans,
        List<Alarm> alarms,
        List<DetectorRun> detectors) {
    public PerformanceReport {
        Objects.requireNonNull(options, "options is null");
        classes = List.copyOf(classes);
        baselines = Map.copyOf(baselines);
        spans = List.copyOf(spans);
        alarms = List.copyOf(alarms);
        detectors = List.copyOf(detectors);
    }

    /** {@return whether any alarm was raised} */
    public boolean hasAlarm() {
        return !alarms.isEmpty();
    }

    /**
     * The quality of one span and slice.
     *
     * @param span      the span's name ("all" without a time column)
     * @param slice     "all" or {@code feature=value}
     * @param rows      rows in it
     * @param labeled   rows with a label
     * @param metrics   the metrics by name, in a stable order
     * @param confusion the confusion matrix [true][predicted] over the report's classes (empty for regression)
     */
    public record SpanQuality(
            String span, String slice, long rows, long labeled, Map<String, Metric> metrics, long[][] confusion) {}

    /**
     * One alarm.
     *
     * @param span     the span where it was raised
     * @param slice    the slice
     * @param rule     {@code drop} (beyond --max-drop), {@code interval} (the span's interval entirely on the worse
     *                 side of the baseline's) or a detector's name
     * @param metric   the metric, or the detector's stream
     * @param baseline the baseline value (NaN for a detector)
     * @param value    the span's value (NaN for a detector)
     * @param detail   a sentence with the expected and found values
     */
    public record Alarm(
            String span, String slice, String rule, String metric, double baseline, double value, String detail) {}

    /**
     * One detector's run.
     *
     * @param name        ddm, eddm, adwin or page_hinkley
     * @param parameters  its parameters
     * @param stream      {@code error} (1 for a wrong prediction) or {@code absolute_residual}
     * @param raisesAlarm whether its detections are alarms
     * @param detections  where it detected a drift, in order (at most {@link #MAX_DETECTIONS})
     * @param applicable  "" or why the detector did not run (a 0/1 detector on residuals)
     */
    public record DetectorRun(
            String name,
            Map<String, Double> parameters,
            String stream,
            boolean raisesAlarm,
            List<Detection> detections,
            String applicable) {
        /** The most detections listed per detector. */
        public static final int MAX_DETECTIONS = 100;
    }

    /**
     * A detection point.
     *
     * @param index the 0-based position in the time-ordered stream of labeled rows
     * @param row   the row, as {@code file:line}
     * @param span  the span of that row
     */
    public record Detection(long index, String row, String span) {}
}
