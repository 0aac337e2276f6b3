package dev.veracity.labeling.feedback;

import java.util.Arrays;
import java.util.Comparator;

/**
 * One prediction or outcome, reduced to what the join needs. A prediction's payload is its row
 * ({@link RowBody}); an outcome's is its label text in UTF-8 (empty when labels come from presence). A prediction's
 * arrival is its time.
 *
 * @param outcome whether this is an outcome (else a prediction)
 * @param key     the join key as canonical UTF-8 text
 * @param time    the event time, epoch milliseconds
 * @param arrival when the event was logged, epoch milliseconds
 * @param payload the row or the label
 */
record Event(boolean outcome, byte[] key, long time, long arrival, byte[] payload) {
    /** Key, then predictions before outcomes, then time, arrival and payload: a total order on content. */
    static final Comparator<Event> ORDER = Comparator.<Event, byte[]>comparing(Event::key, Arrays::compareUnsigned)
            .thenComparing(Event::outcome)
            .thenComparingLong(Event::time)
            .thenComparingLong(Event::arrival)
            .thenComparing(Event::payload, Arrays::compareUnsigned);

    /** {@return an estimate of the heap bytes this event holds, for the memory budget} */
    long retainedBytes() {
        return 96L + key.length + payload.length;
    }

    /** {@return whether the other event has the same content (a duplicate delivery)} */
    boolean sameAs(Event other) {
        return outcome == other.outcome
                && time == other.time
                && arrival == other.arrival
                && Arrays.equals(key, other.key)
                && Arrays.equals(payload, other.payload);
    }
}
