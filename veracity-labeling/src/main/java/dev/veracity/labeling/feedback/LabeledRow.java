package dev.veracity.labeling.feedback;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A prediction with its label, as written to the output.
 *
 * @param time        the prediction time, epoch ms
 * @param key         the join key, UTF-8
 * @param body        the prediction row ({@link RowBody})
 * @param label       the label, or "" when there is none (censored, pending)
 * @param status      how the label was decided
 * @param outcomeTime the time of the outcome that gave the label, or {@link Long#MIN_VALUE}
 */
record LabeledRow(long time, byte[] key, byte[] body, String label, LabelStatus status, long outcomeTime) {
    /** Output order: prediction time, key, row content, then the label's fields; a total order on content. */
    static final Comparator<LabeledRow> ORDER = Comparator.comparingLong(LabeledRow::time)
            .thenComparing(LabeledRow::key, Arrays::compareUnsigned)
            .thenComparing(LabeledRow::body, Arrays::compareUnsigned)
            .thenComparing(LabeledRow::status)
            .thenComparing(LabeledRow::label)
            .thenComparingLong(LabeledRow::outcomeTime);

    boolean hasOutcome() {
        return outcomeTime != Long.MIN_VALUE;
    }

    /** {@return the label delay in ms; only when {@link #hasOutcome()}} */
    long delayMillis() {
        return outcomeTime - time;
    }
}
