package dev.veracity.labeling.feedback;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * What a feedback join did: how many predictions got a label and how, what became of the outcomes, how long labels
 * took to arrive, and the labels' distribution. Everything except {@link #engine()} depends only on the events, not
 * on their order or on the memory budget.
 *
 * @param spec         the join's settings
 * @param asOfMillis   the as-of time the labels were computed at, epoch ms
 * @param predictions  counts of prediction events and labeled rows
 * @param outcomes     counts of outcome events
 * @param delays       label delays (outcome time minus prediction time) of matched predictions
 * @param labels       per label, how many rows have it (matched and negative), sorted by label
 * @param engine       how the join ran
 */
public record LabelingReport(
        FeedbackSpec spec,
        long asOfMillis,
        Predictions predictions,
        Outcomes outcomes,
        Delays delays,
        Map<String, Long> labels,
        Engine engine) {
    public LabelingReport {
        requireNonNull(spec, "spec is null");
        requireNonNull(predictions, "predictions is null");
        requireNonNull(outcomes, "outcomes is null");
        requireNonNull(delays, "delays is null");
        labels = Map.copyOf(requireNonNull(labels, "labels is null"));
        requireNonNull(engine, "engine is null");
    }

    /**
     * Prediction counts.
     *
     * @param read        events read
     * @param invalid     events without key or time, skipped ({@code --bad-records skip})
     * @param duplicates  identical deliveries dropped by de-duplication
     * @param labeled     rows written (one per unique prediction)
     * @param matched     rows labeled by an outcome
     * @param matchedLate of those, labeled by an outcome that arrived after the window, within the grace period
     * @param negative    rows labeled negative for lack of an outcome
     * @param censored    rows without label after their window closed
     * @param pending     rows without label whose window (plus grace) was still open at the as-of time
     */
    public record Predictions(
            long read,
            long invalid,
            long duplicates,
            long labeled,
            long matched,
            long matchedLate,
            long negative,
            long censored,
            long pending) {
        /** {@return matched over labeled rows, 0 when there are none} */
        public double matchRate() {
            return labeled == 0 ? 0 : (double) matched / labeled;
        }

        /** {@return matched over rows whose window has closed (not pending), 0 when there are none} */
        public double matureMatchRate() {
            long mature = labeled - pending;
            return mature == 0 ? 0 : (double) matched / mature;
        }
    }

    /**
     * Outcome counts.
     *
     * @param read        events read
     * @param invalid     events without key, time or label, skipped
     * @param duplicates  identical deliveries dropped
     * @param matched     outcomes inside some prediction's window that arrived in time (usable)
     * @param droppedLate outcomes inside some prediction's window that arrived after window plus grace
     * @param unmatched   outcomes inside no prediction's window (no prediction with the key, or too early or late)
     * @param afterAsOf   outcomes that arrived after the as-of time, so were not known yet
     */
    public record Outcomes(
            long read, long invalid, long duplicates, long matched, long droppedLate, long unmatched, long afterAsOf) {}

    /**
     * Label delays of matched rows.
     *
     * @param count       how many
     * @param minSeconds  the shortest (0 when none)
     * @param maxSeconds  the longest
     * @param meanSeconds the mean
     * @param buckets     the histogram: fixed buckets from under a minute to 30 days and over
     */
    public record Delays(
            long count, double minSeconds, double maxSeconds, double meanSeconds, List<DelayBucket> buckets) {
        public Delays {
            buckets = List.copyOf(buckets);
        }
    }

    /**
     * One bucket of the delay histogram: delays in {@code [lowerSeconds, upperSeconds)}.
     *
     * @param name         e.g. "1h-6h"
     * @param lowerSeconds inclusive lower bound
     * @param upperSeconds exclusive upper bound, -1 for none
     * @param count        how many delays
     */
    public record DelayBucket(String name, long lowerSeconds, long upperSeconds, long count) {}

    /**
     * How the join ran.
     *
     * @param partitions   1 when every event fitted the memory budget, else the number of spill partitions
     * @param spilledBytes bytes written to spill files
     */
    public record Engine(int partitions, long spilledBytes) {}
}
