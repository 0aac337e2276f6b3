package dev.veracity.labeling.feedback;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Labels the predictions of one partition: groups events by key, drops duplicate deliveries, and for each prediction
 * picks the outcome its rule names among those inside its window that arrived in time. Sorting first makes the
 * result independent of the order the events came in.
 */
final class PartitionLabeler {
    private static final int UNSEEN = 0;
    private static final int DROPPED_LATE = 1;
    private static final int USABLE = 2;

    private final FeedbackSpec spec;
    private final long asOf;
    private final long windowMillis;
    private final long graceMillis;

    /** @param asOf the labels' as-of time, epoch ms (resolved: never {@link FeedbackSpec#LATEST_EVENT}) */
    PartitionLabeler(FeedbackSpec spec, long asOf) {
        this.spec = spec;
        this.asOf = asOf;
        this.windowMillis = spec.window().toMillis();
        this.graceMillis = spec.grace().toMillis();
    }

    /** {@return the labeled predictions of {@code events}, in {@link LabeledRow#ORDER}}; counts go to {@code counts} */
    List<LabeledRow> label(List<Event> events, ReportCounts counts) {
        Event[] sorted = events.toArray(new Event[0]);
        Arrays.sort(sorted, Event.ORDER);
        List<LabeledRow> rows = new ArrayList<>();
        int start = 0;
        while (start < sorted.length) {
            int end = start;
            while (end < sorted.length && Arrays.equals(sorted[end].key(), sorted[start].key())) {
                end++;
            }
            labelKey(sorted, start, end, rows, counts);
            start = end;
        }
        rows.sort(LabeledRow.ORDER);
        return rows;
    }

    private void labelKey(Event[] sorted, int start, int end, List<LabeledRow> rows, ReportCounts counts) {
        List<Event> predictions = new ArrayList<>();
        List<Event> outcomes = new ArrayList<>();
        for (int i = start; i < end; i++) {
            Event event = sorted[i];
            List<Event> side = event.outcome() ? outcomes : predictions;
            if (spec.deduplicate()
                    && !side.isEmpty()
                    && side.get(side.size() - 1).sameAs(event)) {
                if (event.outcome()) {
                    counts.outcomeDuplicates++;
                } else {
                    counts.predictionDuplicates++;
                }
                continue;
            }
            side.add(event);
        }
        int[] state = new int[outcomes.size()];
        for (Event prediction : predictions) {
            rows.add(labelOne(prediction, outcomes, state, counts));
        }
        for (int o = 0; o < state.length; o++) {
            if (outcomes.get(o).arrival() > asOf) {
                counts.outcomesAfterAsOf++;
            } else if (state[o] == USABLE) {
                counts.outcomesMatched++;
            } else if (state[o] == DROPPED_LATE) {
                counts.outcomesDroppedLate++;
            } else {
                counts.outcomesUnmatched++;
            }
        }
    }

    private LabeledRow labelOne(Event prediction, List<Event> outcomes, int[] state, ReportCounts counts) {
        long windowEnd = prediction.time() + windowMillis;
        long close = windowEnd + graceMillis;
        Event chosen = null;
        for (int o = firstAtOrAfter(outcomes, prediction.time()); o < outcomes.size(); o++) {
            Event outcome = outcomes.get(o);
            if (outcome.time() > windowEnd) {
                break;
            }
            if (outcome.arrival() > asOf) {
                continue;
            }
            if (outcome.arrival() > close) {
                state[o] = Math.max(state[o], DROPPED_LATE);
                continue;
            }
            state[o] = USABLE;
            if (chosen == null || spec.rule() == OutcomeRule.LAST) {
                chosen = outcome;
            }
        }
        counts.predictions++;
        if (chosen != null) {
            String label = spec.rule() == OutcomeRule.ANY || spec.outcomeLabel().isEmpty()
                    ? spec.positiveLabel()
                    : new String(chosen.payload(), UTF_8);
            counts.matched++;
            if (chosen.arrival() > windowEnd) {
                counts.matchedLate++;
            }
            counts.delays.add(chosen.time() - prediction.time());
            counts.labels.merge(label, 1L, Long::sum);
            return new LabeledRow(
                    prediction.time(),
                    prediction.key(),
                    prediction.payload(),
                    label,
                    LabelStatus.MATCHED,
                    chosen.time());
        }
        if (close > asOf) {
            counts.pending++;
            return row(prediction, "", LabelStatus.PENDING);
        }
        if (spec.missing() == MissingOutcome.NEGATIVE) {
            counts.negative++;
            counts.labels.merge(spec.negativeLabel(), 1L, Long::sum);
            return row(prediction, spec.negativeLabel(), LabelStatus.NEGATIVE);
        }
        counts.censored++;
        return row(prediction, "", LabelStatus.CENSORED);
    }

    private static LabeledRow row(Event prediction, String label, LabelStatus status) {
        return new LabeledRow(prediction.time(), prediction.key(), prediction.payload(), label, status, Long.MIN_VALUE);
    }

    /** {@return the index of the first outcome at or after {@code time}; outcomes are sorted by time} */
    private static int firstAtOrAfter(List<Event> outcomes, long time) {
        int low = 0;
        int high = outcomes.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (outcomes.get(middle).time() < time) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
