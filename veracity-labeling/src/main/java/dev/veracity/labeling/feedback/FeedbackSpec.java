package dev.veracity.labeling.feedback;

import static java.util.Objects.requireNonNull;

import dev.veracity.ConfigException;
import dev.veracity.io.BadRecords;
import java.time.Duration;

/**
 * What a feedback join does: which columns hold the key, the event times and the outcome's label; how long after a
 * prediction an outcome counts (the window); how long after the window a late outcome is still accepted (grace);
 * which outcome counts ({@link OutcomeRule}); what a missing outcome means ({@link MissingOutcome}).
 *
 * <pre>{@code
 * FeedbackSpec spec = FeedbackSpec.of("prediction_id", "ts", "ts", Duration.ofDays(7))
 *         .withOutcomeLabel("outcome").withGrace(Duration.ofHours(1)).withMissing(MissingOutcome.NEGATIVE);
 * }</pre>
 *
 * @param predictionKey  the join key column of the predictions
 * @param outcomeKey     the join key column of the outcomes
 * @param predictionTime the event-time column of the predictions
 * @param outcomeTime    the event-time column of the outcomes
 * @param outcomeArrival the column with the time an outcome was logged (e.g. Logstash's {@code @timestamp}), or ""
 *                       to take its event time; an outcome arriving after window + grace is dropped as late
 * @param outcomeLabel   the column whose value is the label, or "" to label by presence (positive label)
 * @param window         an outcome counts when {@code prediction time <= outcome time <= prediction time + window}
 * @param grace          how long after the window's end an outcome may still arrive
 * @param rule           which outcome in the window gives the label
 * @param missing        what no outcome means once window + grace have passed the as-of time
 * @param positiveLabel  the label of {@link OutcomeRule#ANY} and of presence labels
 * @param negativeLabel  the label of {@link MissingOutcome#NEGATIVE}
 * @param deduplicate    whether identical events (same key, time and content) count once
 * @param asOfMillis     the time the labels are computed as of (epoch ms): outcomes arriving later are unknown and
 *                       windows closing later are pending; {@link #LATEST_EVENT} takes the latest time in the inputs
 * @param epochUnit      the unit of numeric timestamps
 * @param labelColumn    the name of the label column written (the status, time and delay columns take it as prefix)
 * @param badRecords     {@link BadRecords#FAIL} on an event without key or time, or {@link BadRecords#SKIP} and count
 */
public record FeedbackSpec(
        String predictionKey,
        String outcomeKey,
        String predictionTime,
        String outcomeTime,
        String outcomeArrival,
        String outcomeLabel,
        Duration window,
        Duration grace,
        OutcomeRule rule,
        MissingOutcome missing,
        String positiveLabel,
        String negativeLabel,
        boolean deduplicate,
        long asOfMillis,
        EpochUnit epochUnit,
        String labelColumn,
        BadRecords badRecords) {
    /** {@link #asOfMillis()} meaning: as of the latest event or arrival time found in the inputs. */
    public static final long LATEST_EVENT = Long.MIN_VALUE;

    public FeedbackSpec {
        requireNonNull(predictionKey, "predictionKey is null");
        requireNonNull(outcomeKey, "outcomeKey is null");
        requireNonNull(predictionTime, "predictionTime is null");
        requireNonNull(outcomeTime, "outcomeTime is null");
        requireNonNull(outcomeArrival, "outcomeArrival is null");
        requireNonNull(outcomeLabel, "outcomeLabel is null");
        requireNonNull(window, "window is null");
        requireNonNull(grace, "grace is null");
        requireNonNull(rule, "rule is null");
        requireNonNull(missing, "missing is null");
        requireNonNull(positiveLabel, "positiveLabel is null");
        requireNonNull(negativeLabel, "negativeLabel is null");
        requireNonNull(epochUnit, "epochUnit is null");
        requireNonNull(labelColumn, "labelColumn is null");
        requireNonNull(badRecords, "badRecords is null");
        if (window.isNegative()) {
            throw new ConfigException("window: expected a duration of 0 or more, found " + window);
        }
        if (grace.isNegative()) {
            throw new ConfigException("grace: expected a duration of 0 or more, found " + grace);
        }
        if (labelColumn.isBlank()) {
            throw new ConfigException("label column: expected a name, found an empty one");
        }
    }

    /** {@return a spec joining on {@code key} in both inputs: rule FIRST, no grace, censored, de-duplicated} */
    public static FeedbackSpec of(String key, String predictionTime, String outcomeTime, Duration window) {
        return new FeedbackSpec(
                key,
                key,
                predictionTime,
                outcomeTime,
                "",
                "",
                window,
                Duration.ZERO,
                OutcomeRule.FIRST,
                MissingOutcome.CENSORED,
                "1",
                "0",
                true,
                LATEST_EVENT,
                EpochUnit.AUTO,
                "label",
                BadRecords.FAIL);
    }

    public FeedbackSpec withOutcomeKey(String column) {
        return new FeedbackSpec(
                predictionKey,
                column,
                predictionTime,
                outcomeTime,
                outcomeArrival,
                outcomeLabel,
                window,
                grace,
                rule,
                missing,
                positiveLabel,
                negativeLabel,
                deduplicate,
                asOfMillis,
                epochUnit,
                labelColumn,
                badRecords);
    }

    public FeedbackSpec withOutcomeArrival(String column) {
        return new FeedbackSpec(
                predictionKey,
                outcomeKey,
                predictionTime,
                outcomeTime,
                column,
                outcomeLabel,
                window,
                grace,
                rule,
                missing,
                positiveLabel,
                negativeLabel,
                deduplicate,
                asOfMillis,
                epochUnit,
                labelColumn,
                badRecords);
    }

    public FeedbackSpec withOutcomeLabel(String column) {
        return new FeedbackSpec(
                predictionKey,
                outcomeKey,
                predictionTime,
                outcomeTime,
                outcomeArrival,
                column,
                window,
                grace,
                rule,
                missing,
                positiveLabel,
                negativeLabel,
                deduplicate,
                asOfMillis,
                epochUnit,
                labelColumn,
                badRecords);
    }

    public FeedbackSpec withGrace(Duration newGrace) {
        return new FeedbackSpec(
                predictionKey,
                outcomeKey,
                predictionTime,
                outcomeTime,
                outcomeArrival,
                outcomeLabel,
                window,
                newGrace,
                rule,
                missing,
                positiveLabel,
                negativeLabel,
                deduplicate,
                asOfMillis,
                epochUnit,
                labelColumn,
                badRecords);
    }

    public FeedbackSpec withRule(OutcomeRule newRule) {
        return new FeedbackSpec(
                predictionKey,
                outcomeKey,
                predictionTime,
                outcomeTime,
                outcomeArrival,
                outcomeLabel,
                window,
                grace,
                newRule,
                missing,
                positiveLabel,
                negativeLabel,
                deduplicate,
                asOfMillis,
                epochUnit,
                labelColumn,
                badRecords);
    }

    public FeedbackSpec withMissing(MissingOutcome newMissing) {
        return new FeedbackSpec(
                predictionKey,
                outcomeKey,
                predictionTime,
                outcomeTime,
                outcomeArrival,
                outcomeLabel,
                window,
                grace,
                rule,
                newMissing,
                positiveLabel,
                negativeLabel,
                deduplicate,
                asOfMillis,
                epochUnit,
                labelColumn,
                badRecords);
    }

    public FeedbackSpec withLabels(String positive, String negative) {
        return new FeedbackSpec(
                predictionKey,
                outcomeKey,
                predictionTime,
                outcomeTime,
                outcomeArrival,
                outcomeLabel,
                window,
                grace,
                rule,
                missing,
                positive,
                negative,
                deduplicate,
                asOfMillis,
                epochUnit,
                labelColumn,
                badRecords);
    }

    public FeedbackSpec withDeduplicate(boolean newDeduplicate) {
        return new FeedbackSpec(
                predictionKey,
                outcomeKey,
                predictionTime,
                outcomeTime,
                outcomeArrival,
                outcomeLabel,
                window,
                grace,
                rule,
                missing,
                positiveLabel,
                negativeLabel,
                newDeduplicate,
                asOfMillis,
                epochUnit,
                labelColumn,
                badRecords);
    }

    public FeedbackSpec withAsOf(long newAsOfMillis) {
        return new FeedbackSpec(
                predictionKey,
                outcomeKey,
                predictionTime,
                outcomeTime,
                outcomeArrival,
                outcomeLabel,
                window,
                grace,
                rule,
                missing,
                positiveLabel,
                negativeLabel,
                deduplicate,
                newAsOfMillis,
                epochUnit,
                labelColumn,
                badRecords);
    }

    public FeedbackSpec withEpochUnit(EpochUnit unit) {
        return new FeedbackSpec(
                predictionKey,
                outcomeKey,
                predictionTime,
                outcomeTime,
                outcomeArrival,
                outcomeLabel,
                window,
                grace,
                rule,
                missing,
                positiveLabel,
                negativeLabel,
                deduplicate,
                asOfMillis,
                unit,
                labelColumn,
                badRecords);
    }

    public FeedbackSpec withLabelColumn(String column) {
        return new FeedbackSpec(
                predictionKey,
                outcomeKey,
                predictionTime,
                outcomeTime,
                outcomeArrival,
                outcomeLabel,
                window,
                grace,
                rule,
                missing,
                positiveLabel,
                negativeLabel,
                deduplicate,
                asOfMillis,
                epochUnit,
                column,
                badRecords);
    }

    public FeedbackSpec withBadRecords(BadRecords policy) {
        return new FeedbackSpec(
                predictionKey,
                outcomeKey,
                predictionTime,
                outcomeTime,
                outcomeArrival,
                outcomeLabel,
                window,
                grace,
                rule,
                missing,
                positiveLabel,
                negativeLabel,
                deduplicate,
                asOfMillis,
                epochUnit,
                labelColumn,
                policy);
    }

    /** {@return the names of the columns appended to each prediction: label, status, outcome time, delay, as-of} */
    public java.util.List<String> addedColumns() {
        return java.util.List.of(
                labelColumn,
                labelColumn + "_status",
                labelColumn + "_outcome_time",
                labelColumn + "_delay_seconds",
                labelColumn + "_as_of");
    }
}
