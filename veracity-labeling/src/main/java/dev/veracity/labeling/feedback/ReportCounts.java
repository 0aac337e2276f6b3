package dev.veracity.labeling.feedback;

import java.util.TreeMap;

/** The mutable counters behind a {@link LabelingReport}: one per partition, merged; every count is order-free. */
final class ReportCounts {
    long predictionDuplicates;
    long predictions;
    long matched;
    long matchedLate;
    long negative;
    long censored;
    long pending;
    long outcomeDuplicates;
    long outcomesMatched;
    long outcomesDroppedLate;
    long outcomesUnmatched;
    long outcomesAfterAsOf;
    final DelayHistogram delays = new DelayHistogram();
    final TreeMap<String, Long> labels = new TreeMap<>();

    void merge(ReportCounts other) {
        predictionDuplicates += other.predictionDuplicates;
        predictions += other.predictions;
        matched += other.matched;
        matchedLate += other.matchedLate;
        negative += other.negative;
        censored += other.censored;
        pending += other.pending;
        outcomeDuplicates += other.outcomeDuplicates;
        outcomesMatched += other.outcomesMatched;
        outcomesDroppedLate += other.outcomesDroppedLate;
        outcomesUnmatched += other.outcomesUnmatched;
        outcomesAfterAsOf += other.outcomesAfterAsOf;
        delays.merge(other.delays);
        other.labels.forEach((label, count) -> labels.merge(label, count, Long::sum));
    }
}
