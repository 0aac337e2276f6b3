package dev.veracity.report;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A model's quality over spans as {@code veracity performance -o perf.json} measured it, drawn by the report's "Model
 * quality over spans" section: per slice and metric a series with its bootstrap interval and the baseline, the decay
 * alarms, and where the error-stream detectors found a drift. Read it with {@link PerformanceFile#read}.
 *
 * <pre>{@code
 * ModelQuality quality = PerformanceFile.read(Path.of("perf.json"));
 * HtmlReport.builder().statistics("today", stats).quality(quality).build();
 * }</pre>
 *
 * @param source     where it was read from (a file name)
 * @param task       classification or regression
 * @param spans      the spans in time order
 * @param series     per slice ("all" first) and metric, the values over {@code spans}
 * @param alarms     the decay alarms, in span order
 * @param detections the detectors' detection points
 */
public record ModelQuality(
        String source,
        String task,
        List<String> spans,
        List<Series> series,
        List<Alarm> alarms,
        List<Detection> detections) {
    public ModelQuality {
        requireNonNull(source, "source is null");
        requireNonNull(task, "task is null");
        spans = List.copyOf(spans);
        series = List.copyOf(series);
        alarms = List.copyOf(alarms);
        detections = List.copyOf(detections);
    }

    /**
     * One metric of one slice over the spans.
     *
     * @param slice    "all" or {@code feature=value}
     * @param metric   the metric's name as scikit-learn spells it
     * @param values   a value per span of {@link ModelQuality#spans()}: NaN where the slice has no rows in the span
     *                 or the metric is not computable there
     * @param low      the interval's lower bound per span (NaN without one)
     * @param high     the interval's upper bound per span (NaN without one)
     * @param baseline the baseline's value (NaN without a baseline)
     */
    public record Series(
            String slice, String metric, List<Double> values, List<Double> low, List<Double> high, double baseline) {
        public Series {
            requireNonNull(slice, "slice is null");
            requireNonNull(metric, "metric is null");
            values = List.copyOf(values);
            low = List.copyOf(low);
            high = List.copyOf(high);
            if (low.size() != values.size() || high.size() != values.size()) {
                throw new IllegalArgumentException("expected as many bounds as values");
            }
        }
    }

    /**
     * A decay alarm.
     *
     * @param span   the span it was raised on
     * @param slice  the slice
     * @param rule   drop, interval or a detector's name
     * @param metric the metric (or the detector's stream)
     * @param detail the sentence with the expected and found values
     */
    public record Alarm(String span, String slice, String rule, String metric, String detail) {}

    /**
     * Where an error-stream detector found a drift.
     *
     * @param detector    ddm, eddm, adwin or page_hinkley
     * @param span        the span of the row
     * @param index       the 0-based position in the time-ordered stream
     * @param row         the row as {@code file:line}
     * @param raisesAlarm whether the detector's detections are alarms
     */
    public record Detection(String detector, String span, long index, String row, boolean raisesAlarm) {}

    /** {@return how many alarms were raised} */
    public int alarmCount() {
        return alarms.size();
    }
}
