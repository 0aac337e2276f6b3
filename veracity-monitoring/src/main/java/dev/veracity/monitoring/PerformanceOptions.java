package dev.veracity.monitoring;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@link PerformanceEvaluator} measures and when it raises an alarm.
 *
 * <pre>{@code
 * PerformanceOptions options = PerformanceOptions.scored("completed", "score").withTime("started_at", Span.DAY);
 * }</pre>
 *
 * @param label           the label column
 * @param score           the column of positive-class probabilities, or "" (then {@code prediction})
 * @param prediction      the column of predicted classes or values, or "" (then {@code score})
 * @param task            CLASSIFICATION or REGRESSION for {@code prediction}; ignored with a score (binary classification)
 * @param detectTask      whether to detect the task instead: regression when the label holds more than 20 distinct
 *                        numbers, classification otherwise
 * @param positive        the positive class of a scored label, or "" for "1", "true" or else the greater of the two
 * @param threshold       a score at or above it predicts the positive class
 * @param time            the time column, or "" for one span "all" in file order
 * @param span            the span length
 * @param sliceBy         the slice column, or "" for the slice "all" only
 * @param resamples       bootstrap resamples per span and slice (0: no intervals)
 * @param seed            the bootstrap seed
 * @param maxDrop         the decay that alarms: an absolute drop of a higher-is-better metric, a relative rise of a loss
 * @param alarmMetrics    the metrics compared with the baseline (empty: the task's defaults)
 * @param alarmDetectors  the detectors whose detections are alarms (the others are reported only)
 * @param probabilities   with {@code prediction} of a class: the column of the model's probability of each class, by
 *                        class (every label and prediction must be one of them), for the one-vs-rest ROC AUC; empty
 *                        for none
 */
public record PerformanceOptions(
        String label,
        String score,
        String prediction,
        Task task,
        boolean detectTask,
        String positive,
        double threshold,
        String time,
        Span span,
        String sliceBy,
        int resamples,
        long seed,
        double maxDrop,
        List<String> alarmMetrics,
        Set<String> alarmDetectors,
        Map<String, String> probabilities) {
    /** The detectors that raise alarms by default: the two that stay quiet on stationary streams. */
    public static final Set<String> DEFAULT_ALARM_DETECTORS = Set.of("adwin", "page_hinkley");

    /** The default decay threshold. */
    public static final double DEFAULT_MAX_DROP = 0.05;

    public PerformanceOptions {
        Objects.requireNonNull(label, "label is null");
        Objects.requireNonNull(score, "score is null");
        Objects.requireNonNull(prediction, "prediction is null");
        Objects.requireNonNull(task, "task is null");
        Objects.requireNonNull(positive, "positive is null");
        Objects.requireNonNull(time, "time is null");
        Objects.requireNonNull(span, "span is null");
        Objects.requireNonNull(sliceBy, "sliceBy is null");
        alarmMetrics = List.copyOf(alarmMetrics);
        alarmDetectors = Set.copyOf(alarmDetectors);
        probabilities = Collections.unmodifiableMap(new TreeMap<>(probabilities));
        if (score.isEmpty() == prediction.isEmpty()) {
            throw new IllegalArgumentException("exactly one of score and prediction is required");
        }
        if (resamples < 0 || !(maxDrop >= 0) || !(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("expected resamples >= 0, maxDrop >= 0 and threshold in [0, 1]");
        }
        if (!probabilities.isEmpty() && (prediction.isEmpty() || probabilities.size() < 2)) {
            throw new IllegalArgumentException("class probabilities need a prediction column and at least two classes");
        }
    }

    /** {@return options for a binary label and a score column, with the defaults} */
    public static PerformanceOptions scored(String label, String score) {
        return new Copy(label, score, "", Task.CLASSIFICATION).build();
    }

    /** {@return options for a prediction column of the given task, with the defaults} */
    public static PerformanceOptions predicted(String label, String prediction, Task task) {
        return new Copy(label, "", prediction, task).build();
    }

    /** {@return these options with spans of the time column} */
    public PerformanceOptions withTime(String column, Span length) {
        Copy copy = new Copy(this);
        copy.time = column;
        copy.span = length;
        return copy.build();
    }

    /** {@return these options with slices by the column} */
    public PerformanceOptions withSliceBy(String column) {
        Copy copy = new Copy(this);
        copy.sliceBy = column;
        return copy.build();
    }

    /** {@return these options with bootstrap intervals} */
    public PerformanceOptions withBootstrap(int count, long bootstrapSeed) {
        Copy copy = new Copy(this);
        copy.resamples = count;
        copy.seed = bootstrapSeed;
        return copy.build();
    }

    /** {@return these options with a probability column per class (class to column), for the one-vs-rest ROC AUC} */
    public PerformanceOptions withProbabilities(Map<String, String> columns) {
        Copy copy = new Copy(this);
        copy.probabilities = columns;
        return copy.build();
    }

    /** {@return the metrics compared with the baseline for the task} */
    public List<String> effectiveAlarmMetrics(Task effective) {
        if (!alarmMetrics.isEmpty()) {
            return alarmMetrics;
        }
        return effective == Task.REGRESSION
                ? List.of("mae", "rmse", "r2")
                : List.of("accuracy", "f1_macro", "roc_auc", "average_precision", "roc_auc_ovr");
    }

    /** The components of options being copied with some changed: each is listed once here, once in the record. */
    private static final class Copy {
        private final String label;
        private final String score;
        private final String prediction;
        private final Task task;
        private final boolean detectTask;
        private final String positive;
        private final double threshold;
        private String time;
        private Span span;
        private String sliceBy;
        private int resamples;
        private long seed;
        private final double maxDrop;
        private final List<String> alarmMetrics;
        private final Set<String> alarmDetectors;
        private Map<String, String> probabilities;

        /** The defaults, with the label and the model's column. */
        Copy(String label, String score, String prediction, Task task) {
            this.label = label;
            this.score = score;
            this.prediction = prediction;
            this.task = task;
            this.detectTask = false;
            this.positive = "";
            this.threshold = 0.5;
            this.time = "";
            this.span = Span.DAY;
            this.sliceBy = "";
            this.resamples = 0;
            this.seed = 42;
            this.maxDrop = DEFAULT_MAX_DROP;
            this.alarmMetrics = List.of();
            this.alarmDetectors = DEFAULT_ALARM_DETECTORS;
            this.probabilities = Map.of();
        }

        Copy(PerformanceOptions o) {
            this.label = o.label;
            this.score = o.score;
            this.prediction = o.prediction;
            this.task = o.task;
            this.detectTask = o.detectTask;
            this.positive = o.positive;
            this.threshold = o.threshold;
            this.time = o.time;
            this.span = o.span;
            this.sliceBy = o.sliceBy;
            this.resamples = o.resamples;
            this.seed = o.seed;
            this.maxDrop = o.maxDrop;
            this.alarmMetrics = o.alarmMetrics;
            this.alarmDetectors = o.alarmDetectors;
            this.probabilities = o.probabilities;
        }

        PerformanceOptions build() {
            return new PerformanceOptions(
                    label,
                    score,
                    prediction,
                    task,
                    detectTask,
                    positive,
                    threshold,
                    time,
                    span,
                    sliceBy,
                    resamples,
                    seed,
                    maxDrop,
                    alarmMetrics,
                    alarmDetectors,
                    probabilities);
        }
    }
}
